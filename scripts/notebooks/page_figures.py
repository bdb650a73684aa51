"""On a notebook's web page, show each figure as the chapter shows it.

An executed notebook holds each figure as a PNG output: right for the
downloadable ``.ipynb`` (it reads well on GitHub and nbviewer), wrong for the
site's notebook page, where the base64 images would cost several times the
chapter (the KL notebook page was 572 KiB against its chapter's 300 KiB) and
show the light figure in the dark palette.  :func:`replace_figure_outputs`
swaps the PNG output of every figure cell (a cell whose code is a script of
``scripts/figures/``) for the chapter's pair of palette images,
``figures/<name>.{light,dark}.svg#only-light|dark``, with the chapter's alt
text; scripts/hooks/figures.py then makes them lazy and sized, as on the
chapter.  Cells that plot anything else keep their PNG.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parent.parent.parent
FIGURES = ROOT / "scripts" / "figures"

# ![alt](figures/name.light.svg#only-light): the alt text may span lines.
_FIGURE_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\(figures/(?P<name>[\w.-]+?)\.light\.svg#only-light\)", re.DOTALL
)


class FigureError(ValueError):
    """The notebook's figure outputs do not match the chapter's figures."""


def figure_scripts(figures: Path = FIGURES) -> dict[str, str]:
    """Map each figure script's code (stripped) to the figure's name."""
    return {p.read_text(encoding="utf-8").strip(): p.stem for p in sorted(figures.glob("*.py"))}


def figure_alts(markdown: str) -> dict[str, str]:
    """The alt text of each palette figure in a chapter's Markdown, by figure name."""
    return {m["name"]: " ".join(m["alt"].split()) for m in _FIGURE_IMAGE.finditer(markdown)}


def replace_figure_outputs(
    soup: BeautifulSoup, alts: dict[str, str], scripts: dict[str, str], where: str
) -> list[str]:
    """Replace figure cells' PNG outputs by the palette SVGs; return the figures replaced.

    Raises :class:`FigureError` when a figure cell does not have exactly one
    image output, or when its figure is not shown in the chapter (no alt text
    to give it).
    """
    replaced = []
    for cell in soup.find_all("div", class_="jp-CodeCell"):
        if cell.find("div", class_="jp-CodeCell") is not None:
            continue  # mkdocs-jupyter wraps each cell in a second div of the same classes
        area = cell.find("div", class_="jp-InputArea")
        pre = area.find("pre") if isinstance(area, Tag) else None
        if pre is None:
            raise FigureError(f"{where}: a code cell without its <pre> source")
        name = scripts.get(pre.get_text().strip())
        if name is None:
            continue
        images = [
            img
            for img in cell.find_all("img")
            if str(img.get("src", "")).startswith("data:image/png;base64,")
        ]
        if len(images) != 1:
            raise FigureError(
                f"{where}: the cell of figure {name!r} has {len(images)} PNG outputs, expected 1"
            )
        if name not in alts:
            raise FigureError(
                f"{where}: figure {name!r} is drawn by a cell but the chapter shows no "
                f"![alt](figures/{name}.light.svg#only-light) image"
            )
        pair = [
            soup.new_tag("img", attrs={"alt": alts[name], "src": f"{src}#only-{palette}"})
            for palette in ("light", "dark")
            for src in [f"../../figures/{name}.{palette}.svg"]
        ]
        images[0].replace_with(pair[0])
        pair[0].insert_after(pair[1])
        replaced.append(name)
    return replaced
