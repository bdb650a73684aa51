"""Figures: up to date, deterministic, used on a page in both palettes with alt text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts import make_figures

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

FIGURES = [p.stem for p in make_figures.sources()]
_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\(figures/(?P<name>[\w-]+)\.(?P<variant>light|dark)\.svg"
    r"(?P<frag>#only-(?:light|dark))?\)"
)


def test_committed_figures_are_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    status = make_figures.main(["--check"])
    out = capsys.readouterr()
    assert status == 0, out.out + out.err


def test_check_names_a_stale_figure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = FIGURES[0]
    assert make_figures.main(["--out", str(tmp_path), name]) == 0
    svg = tmp_path / f"{name}.dark.svg"
    svg.write_bytes(svg.read_bytes().replace(b"</svg>", b"<!-- edited --></svg>"))
    capsys.readouterr()
    assert make_figures.main(["--check", "--out", str(tmp_path), name]) == 1
    err = capsys.readouterr().err
    assert f"{name}.dark.svg" in err
    assert f"{name}.light.svg" not in err


def test_rendering_is_byte_identical() -> None:
    src = make_figures.sources([FIGURES[0]])[0]
    assert make_figures.render(src, "light") == make_figures.render(src, "light")
    assert make_figures.render(src, "light") != make_figures.render(src, "dark")


def test_svg_has_no_date_and_a_transparent_background() -> None:
    svg = (DOCS / "figures" / f"{FIGURES[0]}.light.svg").read_text()
    assert "<dc:date>" not in svg
    assert "#ffffff" not in svg.lower()


def _images_by_page() -> dict[str, list[re.Match[str]]]:
    return {
        p.relative_to(DOCS).as_posix(): list(_IMAGE.finditer(p.read_text()))
        for p in sorted(DOCS.rglob("*.md"))
    }


def test_every_figure_is_on_a_page_in_both_palettes_with_alt_text() -> None:
    problems = []
    used: set[str] = set()
    for page, images in _images_by_page().items():
        text = (DOCS / page).read_text()
        by_name: dict[str, dict[str, str]] = {}
        for m in images:
            if m["frag"] != f"#only-{m['variant']}":
                problems.append(
                    f"{page}: {m['name']}.{m['variant']}.svg needs #only-{m['variant']}"
                )
            by_name.setdefault(m["name"], {})[m["variant"]] = m["alt"]
        for name, variants in by_name.items():
            used.add(name)
            if set(variants) != {"light", "dark"}:
                problems.append(f"{page}: {name} is shown only in {sorted(variants)}")
            alts = set(variants.values())
            if len(alts) != 1 or len(next(iter(alts)).split()) < 8:
                problems.append(f"{page}: {name} needs the same descriptive alt text on both")
            if f'--8<-- "scripts/figures/{name}.py"' not in text:
                problems.append(f"{page}: {name} has no 'Code for this figure' include")
            if name not in FIGURES:
                problems.append(f"{page}: {name} has no source in scripts/figures/")
    unused = sorted(set(FIGURES) - used)
    problems += [f"figure {name} is not shown on any page" for name in unused]
    assert not problems, "\n".join(problems)
