"""Palette figures: only the variant of the active palette is downloaded.

Each figure is written twice, ``![alt](figures/x.light.svg#only-light)`` and
``![alt](figures/x.dark.svg#only-dark)``; Material hides the other palette's
one with ``display: none``, but a browser fetches hidden images all the same
unless they are lazy.  ``on_page_content`` gives both ``loading="lazy"`` (a
hidden lazy image is fetched only once it is shown, i.e. after a palette
switch) and the SVG's size as ``width``/``height``, so that the page does not
shift while a figure loads.  It fails on a palette image whose SVG it cannot
find or measure.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

import _root  # noqa: F401  (puts the repository root on sys.path)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

PALETTE_IMG = re.compile(r'<img\b[^>]*\bsrc="(?P<src>[^"#]+\.svg)#only-(?:light|dark)"[^>]*>')
SVG_TAG = re.compile(r"<svg\b[^>]*>", re.DOTALL)
# CSS pixels per SVG length unit (matplotlib writes pt).
UNITS = {"pt": 4 / 3, "px": 1.0, "": 1.0}


def svg_size(path: Path) -> tuple[int, int]:
    """Return the SVG's intrinsic size in CSS pixels (its width/height, else its viewBox)."""
    head = path.read_text(encoding="utf-8")[:4000]
    tag = SVG_TAG.search(head)
    if tag is None:
        raise PluginError(f"figures: {path} has no <svg> tag")
    attrs = dict(re.findall(r'\s([\w:-]+)="([^"]*)"', tag[0]))
    size = []
    for key in ("width", "height"):
        m = re.fullmatch(r"([\d.]+)(pt|px|)", attrs.get(key, ""))
        if m:
            size.append(float(m[1]) * UNITS[m[2]])
    if len(size) != 2:
        box = attrs.get("viewBox", "").split()
        if len(box) != 4:
            raise PluginError(f"figures: {path} has neither a width/height nor a viewBox")
        size = [float(box[2]), float(box[3])]
    return round(size[0]), round(size[1])


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    docs = Path(config.docs_dir)

    def lazy(m: re.Match[str]) -> str:
        tag = m[0]
        if re.search(r"\s(loading|width|height)=", tag):
            raise PluginError(
                f"figures: {page.file.src_uri}: palette image already sized or lazy: {tag}"
            )
        rel = posixpath.normpath(urljoin("/" + page.url, m["src"])).lstrip("/")
        svg = docs / rel
        if not svg.is_file():
            raise PluginError(f"figures: {page.file.src_uri}: no file {svg} for {m['src']}")
        width, height = svg_size(svg)
        end = -2 if tag.endswith("/>") else -1
        return f'{tag[:end].rstrip()} loading="lazy" width="{width}" height="{height}"{tag[end:]}'

    return PALETTE_IMG.sub(lazy, html)
