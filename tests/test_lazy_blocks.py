"""The last blocks of a page are marked ``data-tail`` when the site is built.

See scripts/lazy_blocks.py; the stylesheet leaves marked blocks out of lazy
rendering (tests/test_site.py checks the rendered layout).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from scripts.lazy_blocks import MarkupError, mark_tails


def _marked(html: str) -> list[str]:
    soup = BeautifulSoup(mark_tails(html), "html.parser")
    return [str(tag.get("id")) for tag in soup.find_all(attrs={"data-tail": True})]


def test_the_last_three_top_level_blocks() -> None:
    html = "".join(f'<p id="{i}">text <em>and</em> more</p>\n' for i in range(6))
    assert _marked(html) == ["3", "4", "5"]


def test_nested_blocks_do_not_count() -> None:
    html = (
        '<p id="a">x</p><div class="admonition" id="b"><p id="in1">1</p><p id="in2">2</p>'
        '<p id="in3">3</p><p id="in4">4</p></div><p id="c">y</p><pre id="d"><span>z</span></pre>'
    )
    assert _marked(html) == ["b", "c", "d"]


def test_a_short_page_is_left_alone() -> None:
    assert _marked('<h1 id="a">t</h1><p id="b">x</p><p id="c">y</p>') == []


def test_the_last_cells_of_a_notebook_and_the_last_api_entry() -> None:
    cells = "".join(
        f'<div class="jp-Cell" id="c{i}"><div class="jp-Cell">x</div></div>' for i in range(5)
    )
    entries = "".join(f'<div class="doc doc-object" id="e{i}"><p>y</p></div>' for i in range(3))
    html = (
        f'<div class="jupyter-wrapper" id="w"><div class="jp-Notebook" id="nb">{cells}</div></div>'
        f'<div class="doc doc-children" id="ch">{entries}</div>'
    )
    # Two top-level blocks: none is lazy, none is marked.  The inner
    # .jp-Cell of each cell (mkdocs-jupyter nests them) is no container.
    assert _marked(html) == ["c3", "c4", "e2"]


def test_comments_scripts_void_and_self_closing_elements() -> None:
    html = (
        '<!-- <p id="no"> --><script>if (a < b) { x = "<div>"; }</script>'
        '<p id="a">x<br>y<img src="f.svg" alt=""></p><hr id="b">'
        '<p id="c"><svg><path d="M0 0"/></svg></p><p id="d" title="a > b">z</p>'
    )
    # The script counts as a block, as it does for the stylesheet's :nth-child().
    assert _marked(html) == ["b", "c", "d"]


def test_marking_twice_changes_nothing() -> None:
    html = "".join(f"<p>{i}</p>" for i in range(5))
    once = mark_tails(html)
    assert mark_tails(once) == once
    assert once.count("data-tail") == 3


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<div><p>x</div>", "</div> at line 1 closes <p>"),
        ("<p>x</p></div>", "</div> at line 1 closes"),
        ("<div><p>x</p>", "<div> is never closed"),
    ],
)
def test_markup_that_does_not_balance_is_an_error(html: str, message: str) -> None:
    with pytest.raises(MarkupError, match=message):
        mark_tails(html)


def _children(parent: Tag) -> list[Tag]:
    return [c for c in parent.children if isinstance(c, Tag)]


@pytest.mark.parametrize(
    ("rel", "container", "keep", "least"),
    [
        ("kl-divergence/index.html", ("article", "md-content__inner"), 3, 50),
        ("api/divergence/index.html", ("div", "doc-children"), 1, 5),
        ("notebooks/kl-divergence/index.html", ("div", "jp-Notebook"), 2, 20),
    ],
)
def test_the_built_pages_mark_exactly_their_last_blocks(
    build: tuple[Path, str], rel: str, container: tuple[str, str], keep: int, least: int
) -> None:
    site, _ = build
    soup = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
    (parent,) = soup.find_all(container[0], class_=container[1])
    children = _children(parent)
    assert len(children) >= least, rel
    marked = [i for i, child in enumerate(children) if child.has_attr("data-tail")]
    assert marked == list(range(len(children) - keep, len(children))), rel
