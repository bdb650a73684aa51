"""Convert a chapter's Markdown into a Jupyter notebook (nbformat v4), at build time.

A chapter opts in with ``notebook: true`` in its front matter; the chapters
are taken in the order of the site's navigation (mkdocs.yml ``nav``, the one
place that order lives).  Notebooks are never committed: the build
(scripts/hooks/notebook_pages.py) converts and executes them.

The code blocks are found by the project's one fence lexer
(:mod:`scripts.fences`), so the notebooks, the snippet tests and the API-docs
checks agree on where a block starts and ends.  The conversion:

* every ```` ```python ```` block becomes a code cell; the
  ```` ```text title="Output" ```` block after it is dropped (the output comes
  from running the cell); a ``--8<-- "path"`` include in it is resolved, so a
  figure's "Code for this figure" block becomes the figure's script;
* the rest becomes Markdown cells (a new cell at every heading); Material-only
  syntax becomes plain Jupyter Markdown: admonitions turn into block quotes
  with a bold title, content tabs into headings, front matter, attribute
  lists and ``#only-light``/``#only-dark`` images are dropped;
* links are rewritten for the site's notebook pages (``notebooks/<name>/``):
  API cross-references go to the API pages, a link to another chapter with a
  notebook to that notebook's page, any other page or file to its URL;
* every cell records where it comes from in its metadata:
  ``{"infotheory": {"source": "docs/<name>.md", "line": N}}`` (1-based).

Cell ids are derived from the cell index, so a chapter always converts to the
same notebook (the execution cache keys on it).

Usage::

    python -m scripts.notebooks.convert entropy     # print the notebook JSON
"""

from __future__ import annotations

import copy
import functools
import re
import sys
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import nbformat
import yaml

from scripts.fences import Fence, iter_fences

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PACKAGE = "infotheory"
DISTRIBUTION = "infotheory-ml"

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*\n", re.DOTALL)
_ADMONITION = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]+)"
    r"(?P<classes>(?:[ \t]+[\w-]+)*)"
    r"""[ \t]*(?:(?P<q>["'])(?P<title>.*)(?P=q))?[ \t]*$"""
)
_TAB = re.compile(r"""^(?P<indent>[ \t]*)===!?\+?[ \t]+(?P<q>["'])(?P<title>.*)(?P=q)[ \t]*$""")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*$")
_INCLUDE = re.compile(r"""^-{1,3}8<-{1,3}[ \t]+(["'])(?P<path>[^"']+)\1[ \t]*$""")
_ONLY_IMAGE = re.compile(r"!\[[^\]]*\]\([^)\s]*#only-(?:light|dark)\)[ \t]*\n?")
_AUTOREF = re.compile(
    r"\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\[(?P<id>" + PACKAGE + r"(?:\.\w+)*)?\]"
)
_INLINE_LINK = re.compile(
    r"(?P<pre>!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\()(?P<url>[^)\s]+)(?P<post>[^)]*\))"
)
_REF_DEFINITION = re.compile(r"^(?P<pre>[ \t]*\[[^\]]+\]:[ \t]*)(?P<url>\S+)", re.MULTILINE)
_ATTR_LIST = re.compile(
    r"(?<=[)\]])\{:?[ \t]*[.#][^}\n]*\}|[ \t]+\{:?[ \t]*[.#][^}\n]*\}[ \t]*$", re.MULTILINE
)
# A heading's explicit id ("## Title {#id}"): Jupyter would slug the title
# instead, so the id is kept as an anchor before the heading.
_HEADING_ID = re.compile(
    r"^(?P<h>#{1,6}[ \t].*?)[ \t]+\{:?[ \t]*#(?P<id>[\w-]+)[^}\n]*\}[ \t]*$", re.MULTILINE
)
_ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:.*$")
_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)


@dataclass
class Cell:
    """One notebook cell: ``kind`` is "markdown" or "code"; ``line`` its Markdown line."""

    kind: str
    source: str
    line: int


@dataclass
class _Text:
    """Markdown text from the chapter, starting at Markdown line ``line``."""

    text: str
    line: int


@dataclass
class _Break:
    """Forces a new Markdown cell (placed before every top-level heading)."""


class ConversionError(ValueError):
    """The chapter uses a construct the converter cannot translate."""


# --------------------------------------------------------------------- chapters


class _NavLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring MkDocs' own tags (``!ENV``, ``!relative``)."""


_NavLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def front_matter(markdown: str) -> dict[str, Any]:
    """Return the YAML front matter of a page ({} if it has none)."""
    m = _FRONT_MATTER.match(markdown.replace("\r\n", "\n"))
    return (yaml.safe_load(m["yaml"]) or {}) if m else {}


def nav_pages(nav: Sequence[Any]) -> Iterator[tuple[str | None, str]]:
    """Yield (title, docs-relative path) for every page of a MkDocs ``nav``, in order."""
    for entry in nav:
        if isinstance(entry, str):
            yield None, entry
        elif isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, str):
                    yield title, value
                elif isinstance(value, list):
                    yield from nav_pages(value)


def chapters(nav: Sequence[Any] | None = None, docs: Path = DOCS) -> dict[str, str]:
    """Return {chapter: nav title} for the pages with ``notebook: true``, in nav order."""
    if nav is None:
        config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), _NavLoader)
        nav = config["nav"]
    found: dict[str, str] = {}
    for title, path in nav_pages(nav):
        if not path.endswith(".md") or "/" in path:
            continue
        source = docs / path
        if source.is_file() and front_matter(source.read_text(encoding="utf-8")).get("notebook"):
            found[path[:-3]] = title or path[:-3]
    return found


# --------------------------------------------------------------------------- links


def api_url(identifier: str, api_dir: Path = DOCS / "api") -> str:
    """Return the site URL (relative to ``docs/``) of an API reference entry.

    ``infotheory.divergence.kl_divergence``
    -> ``api/divergence/#infotheory.divergence.kl_divergence``;
    ``infotheory.divergence`` (a module) -> ``api/divergence/#infotheory.divergence``.
    """
    parts = identifier.split(".")
    if parts[0] != PACKAGE:
        raise ConversionError(f"not an {PACKAGE} identifier: {identifier}")
    if len(parts) == 1:
        return "api/"
    module = parts[1]
    if not (api_dir / f"{module}.md").is_file():
        raise ConversionError(
            f"cross-reference [{identifier}] points at module {module!r}, "
            f"which has no page docs/api/{module}.md"
        )
    return f"api/{module}/#{identifier}"


def page_url(target: str, page: str, chapters: Sequence[str] = ()) -> str | None:
    """Return the URL, relative to a notebook page, of a link found in ``docs/<page>.md``.

    Returns None for links that need no rewriting (absolute URLs, anchors).
    """
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) or target.startswith(("#", "/")):
        return None
    path, _, anchor = target.partition("#")
    resolved = PurePosixPath(*_normalise_parts(PurePosixPath(page).parent / path))
    anchor = f"#{anchor}" if anchor else ""
    if resolved.suffix == ".md":
        stem = resolved.with_suffix("").as_posix()
        if stem in chapters:
            # Notebook pages live at notebooks/<name>/: a sibling chapter's notebook.
            return f"../{stem}/{anchor}"
        if resolved.name == "index.md":
            stem = resolved.parent.as_posix()
            stem = "" if stem == "." else stem
        return "../../" + (f"{stem}/" if stem else "") + anchor
    return f"../../{resolved.as_posix()}{anchor}"


def _normalise_parts(path: PurePosixPath) -> list[str]:
    out: list[str] = []
    for part in path.parts:
        if part in ("", "."):
            continue
        if part == "..":
            if not out:
                raise ConversionError(f"link leaves the docs directory: {path}")
            out.pop()
        else:
            out.append(part)
    return out or ["."]


def _rewrite_links(text: str, page: str, chapters: Sequence[str]) -> str:
    def autoref(m: re.Match[str]) -> str:
        identifier = m["id"] or m["text"].strip("`")
        if not identifier.startswith(PACKAGE):
            return m.group(0)  # an ordinary reference-style link
        return f"[{m['text']}](../../{api_url(identifier)})"

    def inline(m: re.Match[str]) -> str:
        url = page_url(m["url"], page, chapters)
        return m.group(0) if url is None else f"{m['pre']}{url}{m['post']}"

    def definition(m: re.Match[str]) -> str:
        url = page_url(m["url"], page, chapters)
        return m.group(0) if url is None else f"{m['pre']}{url}"

    # Relative links first: the API links made from cross-references are final.
    text = _INLINE_LINK.sub(inline, text)
    text = _REF_DEFINITION.sub(definition, text)
    return _AUTOREF.sub(autoref, text)


# ------------------------------------------------------------------------ blocks


class _Walker:
    """Walks a chapter's lines, with the fences found by :func:`scripts.fences.iter_fences`."""

    def __init__(
        self, lines: list[str], fences: dict[int, Fence], page: str, chapters: Sequence[str]
    ):
        self.lines = lines
        self.fences = fences  # by 0-based index of the opening line
        self.page = page
        self.chapters = chapters

    def body_end(self, start: int, stop: int, indent: int) -> int:
        """Return the end of the block indented by more than ``indent`` from ``start``."""
        prefix = indent + 4
        end = last = start
        while end < stop:
            fence = self.fences.get(end)
            if fence is not None and len(fence.indent) >= prefix:
                end = last = fence.end_line  # the fence's last line + 1 (0-based)
                continue
            line = self.lines[end]
            if line.strip() == "":
                end += 1
                continue
            if len(line) - len(line.lstrip(" ")) >= prefix:
                end += 1
                last = end
                continue
            break
        return last

    def blocks(
        self, start: int, stop: int, indent: int, level: int, top: bool
    ) -> Iterator[Cell | _Break | _Text]:
        """Yield code cells, Markdown text and cell breaks for lines[start:stop].

        ``indent`` is the indentation of the block (admonition and tab bodies
        are indented); ``level`` the level of the enclosing heading (content
        tabs become headings one level below it); ``top`` is False inside
        admonitions and tabs.
        """
        i = start
        buffer: list[str] = []
        buffer_line = start + 1

        def flush() -> Iterator[_Text]:
            if buffer:
                yield _Text("\n".join(buffer), buffer_line)
                buffer.clear()

        def add(text: str, line: int) -> None:
            nonlocal buffer_line
            if not buffer:
                buffer_line = line
            buffer.append(text)

        while i < stop:
            raw = self.lines[i]
            line = raw[indent:] if raw[:indent].strip() == "" else raw.lstrip()

            fence = self.fences.get(i)
            if fence is not None:
                i = fence.end_line  # 0-based index of the line after the fence
                if fence.lang in ("python", "py", "python3"):
                    yield from flush()
                    body = fence.body.strip("\n")
                    include = _INCLUDE.match(body.strip())
                    if include:
                        body = (ROOT / include["path"]).read_text(encoding="utf-8").strip("\n")
                    yield Cell("code", body, fence.start_line)
                    i = self._skip_output(i, stop)
                    continue
                # Any other block stays in the prose; Jupyter knows only the language.
                add(
                    "\n".join([fence.marker + fence.lang, *fence.lines, fence.marker]),
                    fence.start_line,
                )
                continue

            heading = _HEADING.match(line)
            if heading and top:
                yield from flush()
                yield _Break()
                level = len(heading["hashes"])
                add(line, i + 1)
                i += 1
                continue

            admonition = _ADMONITION.match(line)
            tab = None if admonition else _TAB.match(line)
            if admonition or tab:
                m = admonition or tab
                assert m is not None
                end = self.body_end(i + 1, stop, indent)
                yield from flush()
                if tab:
                    hashes = "#" * min(level + 1, 6)
                    yield _Text(f"{hashes} {m['title']}", i + 1)
                    yield from self.blocks(i + 1, end, indent + 4, level + 1, top=False)
                    i = end
                    continue
                title = (
                    m["title"] if m["title"] is not None else m["type"].replace("-", " ").title()
                )
                inner = list(self.blocks(i + 1, end, indent + 4, level, top=False))
                if title == "Code for this figure":
                    # The figure is drawn by its code cell: no title, no quote.
                    yield from (b for b in inner if isinstance(b, Cell))
                else:
                    yield from _quote(inner, title, i + 1)
                i = end
                continue

            add(line, i + 1)
            i += 1
        yield from flush()

    def _skip_output(self, i: int, stop: int) -> int:
        """Skip the ```` ```text title="Output" ```` block that follows a code block."""
        k = i
        while k < stop and self.lines[k].strip() == "":
            k += 1
        fence = self.fences.get(k)
        if fence is not None and fence.lang == "text" and fence.attrs.get("title") == "Output":
            return fence.end_line
        return i


def _quote(
    blocks: list[Cell | _Break | _Text], title: str, line: int
) -> Iterator[Cell | _Break | _Text]:
    """Turn an admonition's content into block quotes (code cells stay code cells)."""
    pending_title = f"**{title}**" if title else ""
    for block in blocks:
        if isinstance(block, _Text):
            text = _DISPLAY_MATH.sub(lambda m: "$$" + " ".join(m[1].split()) + "$$", block.text)
            start = block.line
            if pending_title:
                text = f"{pending_title}\n\n{text.strip(chr(10))}"
                pending_title, start = "", line
            quoted = "\n".join(f"> {row}".rstrip() for row in text.strip("\n").split("\n"))
            yield _Text(quoted, start)
        else:
            if pending_title:
                yield _Text(f"> {pending_title}", line)
                pending_title = ""
            yield block
    if pending_title:
        yield _Text(f"> {pending_title}", line)


# --------------------------------------------------------------------- notebook


def convert(markdown: str, page: str, chapters: Sequence[str] = ()) -> list[Cell]:
    """Convert the Markdown of ``docs/<page>.md`` into notebook cells.

    ``chapters`` are the pages that have a notebook (links to them go to their
    notebook page).  The first cell holds the title (the page's first ``#``
    heading), a note saying where the notebook comes from and how to install
    the library.
    """
    text = markdown.replace("\r\n", "\n")
    lines = text.split("\n")
    fences = {f.start_line - 1: f for f in iter_fences(text)}
    m = _FRONT_MATTER.match(text)
    start = m.group(0).count("\n") if m else 0
    # Abbreviation definitions and the title are not prose of the notebook.
    title = None
    inside = {n for f in fences.values() for n in range(f.start_line - 1, f.end_line)}
    for k in range(start, len(lines)):
        if k in inside:
            continue
        if _ABBREVIATION.match(lines[k]):
            lines[k] = ""
        heading = _HEADING.match(lines[k])
        if title is None and heading and len(heading["hashes"]) == 1:
            title = heading["text"]
            lines[k] = ""
    if title is None:
        raise ConversionError(f"docs/{page}.md has no '# title' heading")

    cells: list[Cell] = [Cell("markdown", _intro(title, page), 1)]
    parts: list[_Text] = []

    def flush() -> None:
        if parts:
            source = _clean_markdown("\n\n".join(p.text.strip("\n") for p in parts), page, chapters)
            if source:
                cells.append(Cell("markdown", source, parts[0].line))
            parts.clear()

    walker = _Walker(lines, fences, page, chapters)
    for block in walker.blocks(start, len(lines), 0, level=1, top=True):
        if isinstance(block, _Text):
            if block.text.strip() or parts:
                parts.append(block)
        else:
            flush()
            if isinstance(block, Cell):
                cells.append(block)
    flush()
    return cells


def _intro(title: str, page: str) -> str:
    return textwrap.dedent(
        f"""\
        # {title}

        > This notebook is generated from the chapter `docs/{page}.md` of the
        > {PACKAGE} site when the site is built; to change it, edit that chapter.
        >
        > To run it you need the library: `pip install {DISTRIBUTION}` (it is
        > imported as `{PACKAGE}`). Every code cell is self-contained, and
        > each figure is drawn by its own cell."""
    )


def _clean_markdown(text: str, page: str, chapters: Sequence[str]) -> str:
    text = _ONLY_IMAGE.sub("", text)
    text = _HEADING_ID.sub(r'<a id="\g<id>"></a>\n\n\g<h>', text)
    text = _ATTR_LIST.sub("", text)
    text = _rewrite_links(text, page, chapters)
    text = re.sub(r"[ \t]+$", "", text, flags=re.MULTILINE)
    text = re.sub(r"\n{3,}", "\n\n", text)
    # A quote interrupted only by blank lines is continued, not restarted.
    text = re.sub(r"(?m)^(>.*)\n\n(?=>)", r"\1\n>\n", text)
    return text.strip("\n")


def notebook(cells: list[Cell], page: str) -> nbformat.NotebookNode:
    """Build an nbformat 4 notebook from cells; each cell records its Markdown line."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata["language_info"] = {"name": "python"}
    for index, cell in enumerate(cells):
        make = nbformat.v4.new_code_cell if cell.kind == "code" else nbformat.v4.new_markdown_cell
        metadata = {"infotheory": {"source": f"docs/{page}.md", "line": cell.line}}
        nb.cells.append(make(cell.source, metadata=metadata, id=f"cell-{index:03d}"))
    nbformat.validate(nb)
    return nb


def chapter_notebook(
    page: str, chapters: Sequence[str], docs: Path = DOCS
) -> nbformat.NotebookNode:
    """Return the (unexecuted) notebook of ``docs/<page>.md``."""
    markdown = (docs / f"{page}.md").read_text(encoding="utf-8")
    return copy.deepcopy(_converted(markdown, page, tuple(chapters)))


@functools.lru_cache(maxsize=64)
def _converted(markdown: str, page: str, chapters: tuple[str, ...]) -> nbformat.NotebookNode:
    # Serve rebuilds convert every chapter; building and validating the cells is
    # most of a prose edit's rebuild (0.3 s), so an unchanged chapter is not redone.
    return notebook(convert(markdown, page, chapters), page)


def chapter_notebooks(
    names: Sequence[str] | None = None, nav: Sequence[Any] | None = None, docs: Path = DOCS
) -> dict[str, nbformat.NotebookNode]:
    """Return {chapter: notebook} for the opted-in chapters (or the named ones among them)."""
    available = list(chapters(nav, docs))
    unknown = [n for n in names or () if n not in available]
    if unknown:
        raise ConversionError(
            f"no notebook for {', '.join(unknown)}: chapters with `notebook: true` are "
            + ", ".join(available)
        )
    return {c: chapter_notebook(c, available, docs) for c in names or available}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m scripts.notebooks.convert CHAPTER", file=sys.stderr)
        return 2
    nb = chapter_notebooks(args)[args[0]]
    sys.stdout.write(nbformat.writes(nb) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
