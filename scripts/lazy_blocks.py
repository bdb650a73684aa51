"""Mark the last blocks of a page, which lazy rendering leaves alone, when the site is built.

Long pages render lazily (``content-visibility: auto`` in
``docs/stylesheets/extra.css``), except the first blocks of a container and
the last ones: a skipped block's content, when axe (Lighthouse) measures it,
overflows its placeholder, and near the end of the page it lands on the
footer, whose dark background then fails the contrast audit.

"Not among the last N" must not be left to the browser: ``:nth-last-child()``
matches only once the whole parent is parsed (so nothing was lazy while the
page streamed in), and ``:has(~ * ~ *)`` on a cell or an API entry made the
browser restyle every earlier entry each time one arrived (style time of the
KL notebook 395 -> 296 ms, api/divergence 361 -> 282 ms on a phone's CPU
without it).  So ``mark_tails`` gives the last blocks a ``data-tail``
attribute in the HTML, and the stylesheet skips ``[data-tail]``:

* the last 3 top-level blocks of the page's content (the article's children:
  Material adds nothing after them);
* the last 2 cells of a notebook (the children of ``.jp-Notebook``);
* the last entry of each group of API entries (the children of
  ``.doc-children``).

The HTML is the site's own (Python-Markdown, KaTeX, mkdocstrings,
mkdocs-jupyter): every element is closed, attribute values are quoted.  The
tags are read with one regular expression (a full parser took 0.15 s for the
KL chapter, on every build and every edit); markup it cannot balance stops
the build, naming the page and the place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ATTRIBUTE = "data-tail"

# Top level of the page, `.jp-Notebook` (children: cells), `.doc-children`
# (children: API entries): how many of the last children stay rendered.
TOP_LEVEL = 3
BY_CLASS = {"jp-Notebook": 2, "doc-children": 1}

_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<(?P<raw>script|style)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</(?P=raw)\s*>"
    r"|<(?P<close>/)?(?P<tag>[A-Za-z][\w:-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL | re.IGNORECASE,
)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


class MarkupError(ValueError):
    """The HTML does not balance (a tag closed that is not open, or left open)."""


@dataclass
class _Element:
    tag: str
    keep: int  # how many of its last children to mark (0: none)
    children: list[int] = field(default_factory=list)  # where to insert the attribute


def _keep(attrs: str) -> int:
    match = _CLASS.search(attrs)
    if match is None:
        return 0
    classes = (match[1] if match[1] is not None else match[2]).split()
    return max((BY_CLASS.get(c, 0) for c in classes), default=0)


def _line(html: str, offset: int) -> str:
    return f"line {html.count(chr(10), 0, offset) + 1}"


def tail_positions(html: str) -> list[int]:
    """Offsets just after the tag name of each block to mark (see the module's docstring)."""
    top = _Element("(page)", TOP_LEVEL)
    stack = [top]
    marks: list[int] = []

    def closed(element: _Element) -> None:
        # A container with no more children than it keeps has nothing lazy.
        if element.keep and len(element.children) > element.keep:
            marks.extend(element.children[-element.keep :])

    for token in _TOKEN.finditer(html):
        tag = token["tag"] or token["raw"]
        if tag is None:
            continue  # a comment
        tag = tag.lower()
        if token["close"]:
            element = stack.pop()
            if element.tag != tag or not stack:
                raise MarkupError(
                    f"</{tag}> at {_line(html, token.start())} closes <{element.tag}>"
                )
            closed(element)
            continue
        stack[-1].children.append(token.start() + 1 + len(tag))
        attrs = token["attrs"] or ""
        if token["raw"] or tag in _VOID or attrs.rstrip().endswith("/"):
            continue
        stack.append(_Element(tag, _keep(attrs)))
    if len(stack) != 1:
        raise MarkupError(f"<{stack[-1].tag}> is never closed")
    closed(top)
    return sorted(marks)


def mark_tails(html: str) -> str:
    """``html`` with ``data-tail`` on the blocks that lazy rendering must leave alone."""
    out: list[str] = []
    last = 0
    for at in tail_positions(html):
        if html.startswith(f" {ATTRIBUTE}", at):
            continue  # marked already (a dirty rebuild's cached content)
        out += [html[last:at], f" {ATTRIBUTE}"]
        last = at
    out.append(html[last:])
    return "".join(out)
