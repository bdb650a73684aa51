"""Checks on the Markdown sources that neither the build nor the browser would flag."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "overrides" not in p.parts)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_front_matter_is_valid_yaml(page: Path) -> None:
    # Invalid YAML (an unquoted ": " in a description, say) is not an error
    # for MkDocs: the block silently renders as a heading at the top of the page.
    text = page.read_text()
    if not text.startswith("---\n"):
        return
    front, sep, _ = text[4:].partition("\n---\n")
    assert sep, f"{page.name}: front matter is not closed by a '---' line"
    meta = yaml.safe_load(front)
    assert isinstance(meta, dict), f"{page.name}: front matter is not a mapping"
    if "description" in meta:
        assert isinstance(meta["description"], str) and meta["description"].strip()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_page_has_exactly_one_title(page: Path) -> None:
    text = page.read_text()
    body = text[4:].partition("\n---\n")[2] if text.startswith("---\n") else text
    in_fence = False
    titles = []
    for line in body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence  # a "# comment" inside a code block is not a title
        elif not in_fence and line.startswith("# "):
            titles.append(line)
    assert len(titles) == 1, f"{page.name}: expected one '# ' title, found {titles}"
