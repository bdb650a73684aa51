"""Regenerate every figure of the site, deterministically.

Each figure has exactly one source: ``scripts/figures/<name>.py``, a plain
script that builds a matplotlib figure called ``fig`` (the page shows that
file; see CONTRIBUTING.md).  This script runs every source twice, once per
Material palette, and writes

    docs/figures/<name>.light.svg   (for the light "default" scheme)
    docs/figures/<name>.dark.svg    (for the dark "slate" scheme)

Both have transparent backgrounds and use the Okabe–Ito colour-blind-safe
palette; only the foreground colours differ.  Output is byte-identical from
run to run (fixed ``svg.hashsalt``, no date or creator in the metadata, text
drawn as paths so no font is needed to view it).

Usage::

    python scripts/make_figures.py             # regenerate all figures
    python scripts/make_figures.py kl-basics   # only the named ones
    python scripts/make_figures.py --check     # exit 1 naming any stale figure
"""

from __future__ import annotations

import argparse
import io
import runpy
import sys
import time
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # headless: no display is needed or used

import matplotlib.pyplot as plt
from cycler import cycler

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "figures"
OUTPUT = ROOT / "docs" / "figures"

# Okabe & Ito (2008), safe for the common colour-vision deficiencies.  Data
# colours C0..C6 are the same hues in both variants; C7 is the foreground.
# On the white page the light hues (orange 2.25:1, sky blue 2.3:1, yellow
# 1.3:1) are darkened to at least 3:1 (WCAG non-text contrast), keeping their
# hue so the palette stays colour-blind safe; on the dark page all pass as is.
_OKABE_ITO = ["#0072B2", "#B26B00", "#009E73", "#CC79A7", "#2F86BF", "#D55E00", "#857B00"]
_OKABE_ITO_DARK = ["#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#F0E442"]

VARIANTS: dict[str, dict[str, object]] = {
    "light": {"fg": "#1f2328", "muted": "#57606a", "grid": "#d0d7de", "cycle": _OKABE_ITO},
    "dark": {"fg": "#e6edf3", "muted": "#9da7b3", "grid": "#3d444d", "cycle": _OKABE_ITO_DARK},
}


def style(variant: str) -> dict[str, object]:
    """Return the rcParams for one palette variant."""
    v = VARIANTS[variant]
    fg, muted, grid = v["fg"], v["muted"], v["grid"]
    return {
        "figure.facecolor": "none",
        "axes.facecolor": "none",
        "savefig.facecolor": "none",
        "savefig.transparent": True,
        "savefig.bbox": "tight",
        "figure.dpi": 100,
        "font.size": 11,
        "font.family": "DejaVu Sans",
        "text.color": fg,
        "axes.labelcolor": fg,
        "axes.edgecolor": muted,
        "axes.titlecolor": fg,
        "axes.grid": True,
        "axes.axisbelow": True,
        "grid.color": grid,
        "grid.linewidth": 0.8,
        "xtick.color": muted,
        "ytick.color": muted,
        "xtick.labelcolor": fg,
        "ytick.labelcolor": fg,
        "legend.frameon": False,
        "legend.labelcolor": fg,
        "lines.linewidth": 2.2,
        "axes.prop_cycle": cycler(color=[*v["cycle"], fg]),
        "image.cmap": "viridis",
        "svg.hashsalt": "infotheory",
        "svg.fonttype": "path",
        "path.simplify": True,
    }


def render(source: Path, variant: str) -> bytes:
    """Run one figure source under one palette and return the SVG bytes."""
    with plt.rc_context(style(variant)), warnings.catch_warnings():
        # Sources end with plt.show() so they also work when pasted into a
        # notebook or a terminal; under Agg that call is a no-op that warns.
        warnings.filterwarnings("ignore", message=".*non-interactive.*")
        namespace = runpy.run_path(str(source), run_name="__main__")
        fig = namespace.get("fig")
        if not isinstance(fig, matplotlib.figure.Figure):
            raise RuntimeError(f"{source.name} must create a matplotlib figure named `fig`")
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    plt.close("all")
    return buf.getvalue()


def sources(names: list[str] | None = None) -> list[Path]:
    """Return the figure sources, all of them or only ``names``."""
    found = sorted(p for p in SOURCES.glob("*.py") if not p.name.startswith("_"))
    if not names:
        return found
    by_name = {p.stem: p for p in found}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise SystemExit(f"unknown figure(s): {', '.join(unknown)}; see {SOURCES}")
    return [by_name[n] for n in names]


def main(argv: list[str] | None = None) -> int:
    """Regenerate (or, with --check, verify) the figures; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="figure names (default: all)")
    parser.add_argument("--check", action="store_true", help="fail if a figure is stale")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="output directory")
    args = parser.parse_args(argv)

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    todo = sources(args.names)
    stale: list[str] = []
    t_all = time.perf_counter()
    for src in todo:
        t0 = time.perf_counter()
        states = []
        for variant in VARIANTS:
            target = out / f"{src.stem}.{variant}.svg"
            svg = render(src, variant)
            if args.check:
                if not target.exists() or target.read_bytes() != svg:
                    stale.append(target.name)
                    states.append(f"{variant}: STALE")
                else:
                    states.append(f"{variant}: ok")
            else:
                changed = not target.exists() or target.read_bytes() != svg
                if changed:
                    target.write_bytes(svg)
                states.append(f"{variant}: {'written' if changed else 'unchanged'}")
        dt = time.perf_counter() - t0
        print(f"{src.stem:<28} {', '.join(states)}  ({dt:.1f} s)", flush=True)

    if not args.names:
        expected = {f"{s.stem}.{v}.svg" for s in todo for v in VARIANTS}
        orphans = sorted(p.name for p in out.glob("*.svg") if p.name not in expected)
        for name in orphans:
            if args.check:
                stale.append(name)
                print(f"{name:<28} has no source in scripts/figures/", flush=True)
            else:
                (out / name).unlink()
                print(f"{name:<28} removed (no source)", flush=True)

    total = time.perf_counter() - t_all
    print(f"{len(todo)} figure(s), {2 * len(todo)} SVG file(s) in {total:.1f} s")
    if stale:
        print(
            "stale figure(s): " + ", ".join(stale) + "\nrun `python scripts/make_figures.py`",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
