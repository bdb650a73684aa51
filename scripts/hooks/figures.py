"""Palette figures: only the active palette's variant is downloaded, and phones get narrow ones.

Each figure is written twice, ``![alt](figures/x.light.svg#only-light)`` and
``![alt](figures/x.dark.svg#only-dark)``; Material hides the other palette's
one with ``display: none``, but a browser fetches hidden images all the same
unless they are lazy.  ``on_page_content`` gives both ``loading="lazy"`` (a
hidden lazy image is fetched only once it is shown, i.e. after a palette
switch) and the SVG's size as ``width``/``height``, so that the page does not
shift while a figure loads.

A figure wider than 4.5 in has a narrow variant (``x.narrow.light.svg``,
panels stacked; scripts/make_figures.py draws it): the image is wrapped in

    <picture>
      <source media="(max-width: 44.9375em)" srcset="figures/x.narrow.light.svg" ...>
      <img src="figures/x.light.svg#only-light" loading="lazy" ...>
    </picture>

so that below Material's phone breakpoint the browser fetches and shows the
narrow file instead; the ``<img>`` keeps its ``src`` (with the fragment that
Material's palette CSS matches) and stays what is shown or hidden.

The HTML is read with :mod:`html.parser` (attributes in any order, quoted or
not, entities decoded), and the hook fails the build, naming the page, on
what it does not expect: a figure image whose SVG it cannot find or measure,
one already lazy, sized or given a ``srcset``, one already in a
``<picture>``, a fragment that names the other palette, an image of
``figures/`` without a palette fragment, or a wide figure without its narrow
variant.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import _root  # noqa: F401  (puts the repository root on sys.path)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

SVG_TAG = re.compile(r"<svg\b[^>]*>", re.DOTALL)
# CSS pixels per SVG length unit (matplotlib writes pt).
UNITS = {"pt": 4 / 3, "px": 1.0, "": 1.0}
# Material's phone breakpoint (its "lg" media query starts at 45em): below it
# the text column is at most ~690 px wide.
NARROW_MEDIA = "(max-width: 44.9375em)"
# Figures wider than this (4.5 in, in CSS px) must have a narrow variant.
NARROW_MAX_PX = 4.5 * 96
PALETTE_SRC = re.compile(
    r"(?P<stem>[^#?]+?)\.(?P<variant>light|dark)\.svg#only-(?P<fragment>light|dark)"
)


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


# Start tags, quotes respected (an alt text may hold ">"); parsing only the tags,
# not the whole page, keeps the hook at a few ms per page.
_TAG = re.compile(r"""<(?P<close>/?)(?P<name>img|picture)\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.I)


class _Tag(HTMLParser):
    """Parse one start tag: its name and attributes, as a browser would read them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str | None] = {}
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = dict(attrs)

    handle_startendtag = handle_starttag


class _Images:
    """Every ``<img>`` start tag: (offset, tag text, attributes, inside <picture>)."""

    def __init__(self, text: str) -> None:
        self.found: list[tuple[int, str, dict[str, str | None], bool]] = []
        pictures = 0
        for m in _TAG.finditer(text):
            if m["name"].lower() == "picture":
                pictures = max(0, pictures - 1) if m["close"] else pictures + 1
            elif not m["close"]:
                self.found.append((m.start(), m[0], _Tag(m[0]).attrs, pictures > 0))


def _attribute(name: str, value: object) -> str:
    return f'{name}="{html.escape(str(value), quote=True)}"'


def rewrite(html_text: str, where: str, resolve: Callable[[str], Path]) -> str:
    """Return the page with its palette figures lazy, sized and, if wide, in a <picture>.

    ``resolve(src)`` maps an image's URL (relative to the page) to its file.
    Raises :class:`PluginError` naming ``where`` on unexpected markup.
    """
    parser = _Images(html_text)
    pieces: list[str] = []
    done = 0
    for offset, tag, attrs, in_picture in parser.found:
        src = attrs.get("src") or ""
        if html_text[offset : offset + len(tag)] != tag:
            raise PluginError(f"figures: {where}: could not locate the tag {tag[:120]}")
        m = PALETTE_SRC.fullmatch(src)
        if m is None:
            if re.search(r"(^|/)figures/[^/]+\.svg", src):
                raise PluginError(
                    f"figures: {where}: figure {src} without its palette fragment "
                    "(#only-light on x.light.svg, #only-dark on x.dark.svg)"
                )
            continue
        if m["variant"] != m["fragment"]:
            raise PluginError(f"figures: {where}: {src} is marked for the other palette")
        if in_picture:
            raise PluginError(f"figures: {where}: palette image already in a <picture>: {tag}")
        present = {"loading", "width", "height", "srcset", "sizes"} & set(attrs)
        if present:
            raise PluginError(
                f"figures: {where}: palette image already has {sorted(present)}: {tag}"
            )
        svg = resolve(src.split("#")[0])
        if not svg.is_file():
            raise PluginError(f"figures: {where}: no file {svg} for {src}")
        width, height = svg_size(svg)
        end = -2 if tag.endswith("/>") else -1
        sized = (
            f'{tag[:end].rstrip()} loading="lazy" {_attribute("width", width)} '
            f"{_attribute('height', height)}{tag[end:]}"
        )
        narrow_src = f"{m['stem']}.narrow.{m['variant']}.svg"
        narrow = resolve(narrow_src)
        if narrow.is_file():
            n_width, n_height = svg_size(narrow)
            source = (
                f"<source {_attribute('media', NARROW_MEDIA)} {_attribute('srcset', narrow_src)} "
                f"{_attribute('width', n_width)} {_attribute('height', n_height)}>"
            )
            sized = f"<picture>{source}{sized}</picture>"
        elif width > NARROW_MAX_PX:
            raise PluginError(
                f"figures: {where}: {src} is {width / 96:.2f} in wide but has no narrow "
                f"variant {narrow_src}: draw one (scripts/make_figures.py)"
            )
        pieces += [html_text[done:offset], sized]
        done = offset + len(tag)
    pieces.append(html_text[done:])
    return "".join(pieces)


def on_page_content(content: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    docs = Path(config.docs_dir)

    def resolve(src: str) -> Path:
        return docs / posixpath.normpath(urljoin("/" + page.url, src)).lstrip("/")

    return rewrite(content, page.file.src_uri, resolve)
