"""Notebook code and output boxes can be scrolled with the keyboard.

A ``<pre>`` wider than the column scrolls sideways; a keyboard user can only
scroll it once it can take focus (axe's ``scrollable-region-focusable``).
Material does this for the chapters' code blocks itself; the notebook cells
(mkdocs-jupyter) need ``tabindex="0"`` on their ``<pre>`` elements, added here.
The focus ring comes from stylesheets/extra.css.
"""

from __future__ import annotations

import re

import _root  # noqa: F401  (puts the repository root on sys.path)
from mkdocs.structure.pages import Page

_PRE = re.compile(r"<pre(?=[\s>])([^>]*)>")


def _focusable(match: re.Match[str]) -> str:
    attrs = match.group(1)
    if "tabindex=" in attrs:
        return match.group(0)
    return f'<pre tabindex="0"{attrs}>'


def on_page_content(html: str, page: Page, **kwargs: object) -> str:
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    # A notebook page without code cells is serve's notice for a notebook
    # still running (scripts/hooks/notebook_pages.py).
    if "jupyter-wrapper" not in html or ("jp-CodeCell" in html and "<pre" not in html):
        raise RuntimeError(
            f"{page.file.src_uri}: no notebook cells (<pre> inside .jupyter-wrapper) found; "
            "has mkdocs-jupyter changed its markup? (scripts/hooks/scroll_boxes.py)"
        )
    return _PRE.sub(_focusable, html)
