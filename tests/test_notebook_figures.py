"""A notebook page shows the chapter's SVG figures, not the notebook's PNG outputs."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from scripts.notebooks import page_figures

PNG = "data:image/png;base64,iVBORw0KGgo="
SCRIPT = "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nplt.show()"


def cell(source: str, outputs: str) -> str:
    """A code cell as mkdocs-jupyter renders it (an outer div of the same classes)."""
    return (
        '<div class="jp-Cell jp-CodeCell jp-Notebook-cell">'
        '<div class="jp-Cell jp-CodeCell jp-Notebook-cell" id="cell-id=cell-001">'
        '<div class="jp-InputArea"><div class="highlight"><pre>'
        f"{source}\n</pre></div></div>"
        f'<div class="jp-OutputArea">{outputs}</div>'
        "</div></div>"
    )


def png() -> str:
    return f'<div class="jp-RenderedImage"><img alt="No description" src="{PNG}"></div>'


def test_alt_text_of_each_figure_spans_lines() -> None:
    markdown = (
        "Text.\n\n![Two bars: P and\nQ side by side.](figures/kl-basics.light.svg#only-light)\n"
        "![Two bars: P and\nQ side by side.](figures/kl-basics.dark.svg#only-dark)\n"
    )
    assert page_figures.figure_alts(markdown) == {"kl-basics": "Two bars: P and Q side by side."}


def test_every_figure_script_is_known_by_its_code() -> None:
    scripts = page_figures.figure_scripts()
    names = {p.stem for p in page_figures.FIGURES.glob("*.py")}
    assert set(scripts.values()) == names and "kl-basics" in names


def test_a_figure_cell_shows_the_palette_svgs_with_the_chapter_alt() -> None:
    soup = BeautifulSoup(cell(SCRIPT, png()) + cell("print(1)", "<pre>1</pre>"), "html.parser")
    replaced = page_figures.replace_figure_outputs(
        soup, {"demo": "A demo figure."}, {SCRIPT: "demo"}, "notebooks/demo"
    )
    assert replaced == ["demo"]
    images = soup.find_all("img")
    assert [img["src"] for img in images] == [
        "../../figures/demo.light.svg#only-light",
        "../../figures/demo.dark.svg#only-dark",
    ]
    assert {img["alt"] for img in images} == {"A demo figure."}
    assert PNG not in str(soup)


def test_a_cell_that_plots_something_else_keeps_its_png() -> None:
    soup = BeautifulSoup(cell("plt.plot([1, 2])", png()), "html.parser")
    assert page_figures.replace_figure_outputs(soup, {}, {SCRIPT: "demo"}, "nb") == []
    assert soup.find("img")["src"] == PNG


@pytest.mark.parametrize(
    ("outputs", "alts", "message"),
    [
        ("", {"demo": "x"}, "has 0 PNG outputs, expected 1"),
        (png() + png(), {"demo": "x"}, "has 2 PNG outputs, expected 1"),
        (png(), {}, "the chapter shows no"),
    ],
)
def test_unexpected_figure_outputs_fail_loudly(
    outputs: str, alts: dict[str, str], message: str
) -> None:
    soup = BeautifulSoup(cell(SCRIPT, outputs), "html.parser")
    with pytest.raises(page_figures.FigureError, match=message):
        page_figures.replace_figure_outputs(soup, alts, {SCRIPT: "demo"}, "notebooks/demo")
