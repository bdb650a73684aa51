"""Material's built assets lose the code that restyled every element at load.

See scripts/material_patches.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import material_patches
from scripts.material_patches import PATCHES, Patch

IDS = [p.name for p in PATCHES]


def _text(patch: Patch) -> str:
    return "a{color:red}" + patch.old + "b{color:blue}"


@pytest.mark.parametrize("patch", PATCHES, ids=IDS)
def test_patch_replaces_materials_text(patch: Patch) -> None:
    patched = patch.apply(_text(patch))
    assert patched == "a{color:red}" + patch.new + "b{color:blue}"
    assert patch.old not in patched


@pytest.mark.parametrize("patch", PATCHES, ids=IDS)
def test_patch_is_idempotent(patch: Patch) -> None:
    once = patch.apply(_text(patch))
    assert patch.apply(once) == once


@pytest.mark.parametrize("patch", PATCHES, ids=IDS)
@pytest.mark.parametrize("copies", [0, 2])
def test_patch_fails_on_an_asset_it_does_not_know(patch: Patch, copies: int) -> None:
    with pytest.raises(ValueError, match=f"patch '{patch.name}': expected Material's text once"):
        patch.apply("a{color:red}" + patch.old * copies)


def test_the_javascript_patch_keeps_every_column() -> None:
    """The bundle's source map stays valid: the replacement is exactly as long."""
    (meta,) = [p for p in PATCHES if p.name == "color-scheme-meta"]
    assert len(meta.new) == len(meta.old)
    assert "\n" not in meta.new


@pytest.mark.parametrize("patch", PATCHES, ids=IDS)
def test_the_built_assets_are_patched(build: tuple[Path, str], patch: Patch) -> None:
    site, _ = build
    (asset,) = site.glob(patch.glob)
    text = asset.read_text(encoding="utf-8")
    assert patch.new in text
    assert patch.old not in text


def test_the_built_palette_stylesheet_has_no_switching_rule(build: tuple[Path, str]) -> None:
    site, _ = build
    (css,) = site.glob("assets/stylesheets/palette.*.min.css")
    marker = PATCHES[0].new
    assert "data-md-color-switching" not in css.read_text(encoding="utf-8").replace(marker, "")


def test_a_build_with_an_unknown_material_asset_fails(tmp_path: Path) -> None:
    from mkdocs.exceptions import PluginError

    for patch in PATCHES:
        path = tmp_path / patch.glob.replace("*", "0123abcd")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("/* some other Material release */", encoding="utf-8")

    class Config(dict):  # type: ignore[type-arg]
        site_dir = str(tmp_path)

    with pytest.raises(PluginError, match="palette-switching-rule"):
        material_patches.on_post_build(Config())  # type: ignore[arg-type]
