"""A notebook page's HTML: mkdocs-jupyter's output, cleaned, with the chapter's figures.

Used by scripts/hooks/notebook_pages.py (on_page_content of a notebook page).
"""

from __future__ import annotations

import hashlib
from typing import Any

from bs4 import BeautifulSoup, Comment, Tag
from mkdocs.exceptions import PluginError

from scripts.notebooks import convert, execute, page_figures

HTML_CACHE = execute.CACHE / "html"  # cleaned notebook pages


def cleaned(html: str, chapter: str) -> str:
    """clean_notebook_html, cached on disk on its input (parsing ~800 KB takes ~1 s)."""
    alts = page_figures.figure_alts((convert.DOCS / f"{chapter}.md").read_text(encoding="utf-8"))
    scripts = page_figures.figure_scripts()
    key = hashlib.sha256(f"{chapter}\0{html}\0{alts}\0{scripts}".encode()).hexdigest()[:24]
    path = HTML_CACHE / f"{chapter}-{key}.html"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    cleaned = clean_notebook_html(html, chapter, alts, scripts)
    HTML_CACHE.mkdir(parents=True, exist_ok=True)
    for old in HTML_CACHE.glob(f"{chapter}-*.html"):
        old.unlink()
    path.write_text(cleaned, encoding="utf-8")
    return cleaned


def clean_notebook_html(
    html: str, chapter: str, alts: dict[str, str], scripts: dict[str, str]
) -> str:
    """Keep mkdocs-jupyter's notebook, without its inlined CSS and script loaders.

    The plugin renders: a copy-button ``<script>``, ~600 KB of JupyterLab
    ``<style>`` (light colours only), a MathJax 2 configuration and loader and
    a Mermaid loader (which imports from a CDN), then
    ``<div class="jupyter-wrapper">`` with the cells.  Only the first script and
    the wrapper are kept; stylesheets/notebooks.css draws the cells with
    Material's colours and scripts/hooks/math.py renders the math at build time.
    Figure outputs become the chapter's palette SVGs
    (:mod:`scripts.notebooks.page_figures`).
    """
    soup = BeautifulSoup(html, "html.parser")
    wrappers = soup.find_all("div", class_="jupyter-wrapper", recursive=False)
    if len(wrappers) != 1:
        raise PluginError(
            f'notebooks/{chapter}: expected one top-level <div class="jupyter-wrapper"> '
            f"in mkdocs-jupyter's HTML, found {len(wrappers)}"
        )
    wrapper = wrappers[0]
    for tag in wrapper.find_all(["style", "link"]):
        tag.decompose()
    for script in wrapper.find_all("script"):
        if script.get("type") in ("text/x-mathjax-config",) or script.get("src") is not None:
            script.decompose()
        elif "mermaid" in script.get_text() or "MathJax" in script.get_text():
            script.decompose()
    kept: list[Any] = []
    for node in list(soup.contents):
        if node is wrapper:
            kept.append(node)
        elif isinstance(node, Comment):
            if node.strip() == "jupyter-wrapper":
                kept.append(f"<!--{node}-->")  # the end of the wrapper
        elif isinstance(node, str) and not node.strip():
            kept.append(node)
        elif isinstance(node, Tag) and node.name == "script" and not kept:
            kept.append(node)  # the copy-button script
        elif isinstance(node, Tag) and node.name in ("style", "script", "link"):
            continue
        else:
            raise PluginError(
                f"notebooks/{chapter}: unexpected <{getattr(node, 'name', 'text')}> "
                "outside the jupyter-wrapper in mkdocs-jupyter's HTML"
            )
    h1 = wrapper.find("h1")
    if h1 is None:
        raise PluginError(f"notebooks/{chapter}: the notebook has no <h1> title")
    h1.insert_after(_actions(soup, chapter))
    try:
        page_figures.replace_figure_outputs(soup, alts, scripts, f"notebooks/{chapter}")
    except page_figures.FigureError as error:
        raise PluginError(str(error)) from None
    return "".join(str(node) for node in kept)


def _actions(soup: BeautifulSoup, chapter: str) -> Tag:
    """The buttons under a notebook's title: download it, read its chapter."""
    actions = soup.new_tag("p", attrs={"class": "nb-actions"})
    download = soup.new_tag(
        "a", href=f"{chapter}.ipynb", download="", attrs={"class": "md-button md-button--primary"}
    )
    download.string = f"Download {chapter}.ipynb"
    read = soup.new_tag("a", href=f"../../{chapter}/", attrs={"class": "md-button"})
    read.string = "Read the chapter"
    actions.extend([download, " ", read])
    return actions
