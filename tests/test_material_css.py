"""Material's palette stylesheet loses the rule that restyled every element at load.

See scripts/material_css.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import material_css

CSS = "a{color:red}" + material_css.RULE + "b{color:blue}"


def test_patch_replaces_the_rule_with_the_marker() -> None:
    patched = material_css.patch(CSS)
    assert patched == "a{color:red}" + material_css.MARKER + "b{color:blue}"
    assert "data-md-color-switching] *" not in patched


def test_patch_is_idempotent() -> None:
    once = material_css.patch(CSS)
    assert material_css.patch(once) == once


@pytest.mark.parametrize("css", ["a{color:red}", CSS + material_css.RULE])
def test_patch_fails_on_a_stylesheet_it_does_not_know(css: str) -> None:
    with pytest.raises(ValueError, match="palette rule"):
        material_css.patch(css)


def test_the_built_palette_stylesheet_is_patched(build: tuple[Path, str]) -> None:
    site, _ = build
    (css,) = (site / material_css.STYLESHEETS).glob("palette.*.min.css")
    text = css.read_text(encoding="utf-8")
    assert material_css.MARKER in text
    assert "data-md-color-switching" not in text.replace(material_css.MARKER, "")
