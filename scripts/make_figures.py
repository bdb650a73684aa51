"""Regenerate every figure of the site, deterministically.

Each figure has exactly one source: ``scripts/figures/<name>.py``, a plain
script that builds a matplotlib figure called ``fig`` (the page shows that
file; see CONTRIBUTING.md).  This script runs every source twice, once per
Material palette, and writes

    docs/figures/<name>.light.svg   (for the light "default" scheme)
    docs/figures/<name>.dark.svg    (for the dark "slate" scheme)

A figure drawn wider than 4.5 in (``NARROW_MAX``) is drawn a second time for
phones, with the environment variable ``FIGURE_LAYOUT=narrow`` set: the same
script then stacks its panels in a figure at most 4.5 in wide, written as

    docs/figures/<name>.narrow.light.svg
    docs/figures/<name>.narrow.dark.svg

(scripts/hooks/figures.py serves them below Material's phone breakpoint).  A
wide figure whose script ignores the variable, or whose narrow layout is still
wider than 4.5 in, fails the run.

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
import os
import re
import runpy
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # headless: no display is needed or used

import matplotlib.colors
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

# The environment variable a figure script reads to pick its layout, and its values.
LAYOUT_VARIABLE = "FIGURE_LAYOUT"
LAYOUTS = ("wide", "narrow")
# Widest figure drawn without a narrow variant, in SVG points (4.5 in).  At
# 4.5 in a figure fills a 390 px phone's text column at >= 80 % of its size.
NARROW_MAX = 4.5 * 72

# The page behind each variant: Material's default scheme is white, slate is
# --md-default-bg-color = hsla(var(--md-hue) = 225deg, 15%, 14%, 1) = #1e2129.
VARIANTS: dict[str, dict[str, Any]] = {
    "light": {
        "page": "#ffffff",
        "fg": "#1f2328",
        "muted": "#57606a",
        "grid": "#d0d7de",
        "cycle": _OKABE_ITO,
    },
    "dark": {
        "page": "#1e2129",
        "fg": "#e6edf3",
        "muted": "#9da7b3",
        "grid": "#3d444d",
        "cycle": _OKABE_ITO_DARK,
    },
}
# WCAG 2.1 non-text contrast: data colours against the page, in both variants.
MIN_CONTRAST = 3.0


def relative_luminance(colour: object) -> float:
    """WCAG 2.1 relative luminance of a matplotlib colour."""
    channels = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        for c in matplotlib.colors.to_rgb(colour)  # type: ignore[arg-type]
    ]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(a: object, b: object) -> float:
    """WCAG 2.1 contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def sequential_colormap(variant: str) -> matplotlib.colors.ListedColormap:
    """Viridis cut to the colours with at least ``MIN_CONTRAST`` against the page.

    For ordinal series drawn as lines or bars (``plt.get_cmap()``: the default
    colormap, viridis outside this runner): on white its bright yellow end is
    cut, on slate its dark purple end.  The cut keeps viridis's order, so the
    same value is the same hue family in both variants.
    """
    page = VARIANTS[variant]["page"]
    viridis = matplotlib.colormaps["viridis"]
    colours = [viridis(i) for i in range(viridis.N)]
    ok = [contrast(c, page) >= MIN_CONTRAST + 0.05 for c in colours]
    # Viridis gets lighter monotonically, so the colours that pass are one run.
    first, last = ok.index(True), len(ok) - 1 - ok[::-1].index(True)
    if not all(ok[first : last + 1]):
        raise RuntimeError(f"viridis has no single run of colours readable on {page}")
    return matplotlib.colors.ListedColormap(colours[first : last + 1], name=f"viridis-{variant}")


for _variant in VARIANTS:
    matplotlib.colormaps.register(sequential_colormap(_variant), force=True)


def style(variant: str, layout: str = "wide") -> dict[str, Any]:
    """Return the rcParams for one palette variant (and layout: narrow text is 1 pt smaller)."""
    v = VARIANTS[variant]
    fg, muted, grid = v["fg"], v["muted"], v["grid"]
    return {
        "figure.facecolor": "none",
        "axes.facecolor": "none",
        "savefig.facecolor": "none",
        "savefig.transparent": True,
        "savefig.bbox": "tight",
        "figure.dpi": 100,
        "font.size": 11 if layout == "wide" else 10,
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
        "image.cmap": f"viridis-{variant}",
        "svg.hashsalt": "infotheory",
        "svg.fonttype": "path",
        "path.simplify": True,
    }


def render(source: Path, variant: str, layout: str = "wide") -> bytes:
    """Run one figure source under one palette and layout and return the SVG bytes."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {LAYOUTS}")
    saved = os.environ.get(LAYOUT_VARIABLE)
    os.environ[LAYOUT_VARIABLE] = layout
    try:
        return _render(source, variant, layout)
    finally:
        if saved is None:
            del os.environ[LAYOUT_VARIABLE]
        else:
            os.environ[LAYOUT_VARIABLE] = saved


def svg_width_pt(svg: bytes) -> float:
    """Return the width of a matplotlib SVG in points."""
    m = re.search(rb'<svg\b[^>]*?\swidth="([\d.]+)pt"', svg[:4000])
    if m is None:
        raise RuntimeError("SVG without a width in pt (not written by matplotlib?)")
    return float(m[1])


def variant_name(name: str, variant: str, layout: str) -> str:
    """Return the file name of one variant: ``<name>[.narrow].<variant>.svg``."""
    return f"{name}{'.narrow' if layout == 'narrow' else ''}.{variant}.svg"


def draw(source: Path) -> dict[str, bytes]:
    """Draw every variant of one figure: {file name: SVG bytes}.

    Both palettes; and, if the figure is wider than ``NARROW_MAX``, both
    palettes of its narrow layout, which must differ from the wide one and fit.
    """
    out = {variant_name(source.stem, v, "wide"): render(source, v) for v in VARIANTS}
    width = svg_width_pt(next(iter(out.values())))
    if width <= NARROW_MAX:
        return out
    for variant in VARIANTS:
        svg = render(source, variant, "narrow")
        narrow_width = svg_width_pt(svg)
        if svg == out[variant_name(source.stem, variant, "wide")] or narrow_width > NARROW_MAX:
            raise RuntimeError(
                f"{source.name} is {width / 72:.2f} in wide, so it needs a narrow layout "
                f"(at most {NARROW_MAX / 72:g} in, panels stacked) when "
                f"os.environ[{LAYOUT_VARIABLE!r}] == 'narrow'; its narrow variant is "
                f"{narrow_width / 72:.2f} in wide"
            )
        out[variant_name(source.stem, variant, "narrow")] = svg
    return out


def _render(source: Path, variant: str, layout: str) -> bytes:
    with plt.rc_context(style(variant, layout)), warnings.catch_warnings():  # type: ignore[arg-type]
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
    expected: set[str] = set()
    t_all = time.perf_counter()
    for src in todo:
        t0 = time.perf_counter()
        states = []
        for file_name, svg in draw(src).items():
            expected.add(file_name)
            target = out / file_name
            label = file_name.removeprefix(src.stem + ".").removesuffix(".svg")
            if args.check:
                if not target.exists() or target.read_bytes() != svg:
                    stale.append(target.name)
                    states.append(f"{label}: STALE")
                else:
                    states.append(f"{label}: ok")
            else:
                changed = not target.exists() or target.read_bytes() != svg
                if changed:
                    target.write_bytes(svg)
                states.append(f"{label}: {'written' if changed else 'unchanged'}")
        dt = time.perf_counter() - t0
        print(f"{src.stem:<28} {', '.join(states)}  ({dt:.1f} s)", flush=True)

    if not args.names:
        orphans = sorted(p.name for p in out.glob("*.svg") if p.name not in expected)
        for name in orphans:
            if args.check:
                stale.append(name)
                print(f"{name:<28} has no source in scripts/figures/", flush=True)
            else:
                (out / name).unlink()
                print(f"{name:<28} removed (no source)", flush=True)

    total = time.perf_counter() - t_all
    print(f"{len(todo)} figure(s), {len(expected)} SVG file(s) in {total:.1f} s")
    if stale:
        print(
            "stale figure(s): " + ", ".join(stale) + "\nrun `python scripts/make_figures.py`",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
