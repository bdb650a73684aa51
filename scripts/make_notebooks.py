"""Generate a Jupyter notebook for every chapter, from the chapter's Markdown.

Each chapter ``docs/<name>.md`` is the only source: ``docs/notebooks/<name>.ipynb``
is derived from it and never edited by hand.  Edit the chapter, then run this
script (the test suite fails while a notebook is stale).  The conversion:

* prose becomes Markdown cells (a new cell at every heading); Material-only
  syntax becomes plain Jupyter Markdown: admonitions turn into block quotes
  with a bold title, content tabs into headings, front matter and attribute
  lists are dropped;
* every ```` ```python ```` block becomes a code cell; the
  ```` ```text title="Output" ```` block after it is dropped (the output comes
  from running the cell);
* a figure's "Code for this figure" block (``--8<-- "scripts/figures/<name>.py"``)
  becomes a code cell holding that script, so the notebook draws the figure;
  the page's ``#only-light`` / ``#only-dark`` images are dropped;
* links are rewritten for the site's notebook pages (``docs/notebooks/<name>/``):
  API cross-references ``[`entropy`][infotheory.entropy.entropy]`` become
  ``../../api/entropy/#infotheory.entropy.entropy``, a link to another chapter
  goes to that chapter's notebook (``kl-divergence.md`` -> ``../kl-divergence/``),
  any other page or file of the site to its URL;
* math (``$...$``, ``$$...$$``) is kept; a display formula inside an
  admonition is put on one line, since Jupyter does not parse math that spans
  block-quote lines.

The output is deterministic (nbformat 4.5, cell ids from the cell index, no
outputs, sorted keys): running the script twice gives byte-identical files.
It also writes ``docs/notebooks/index.md``, the Notebooks landing page.

Usage::

    python scripts/make_notebooks.py                 # regenerate every notebook
    python scripts/make_notebooks.py entropy faq     # only the named chapters
    python scripts/make_notebooks.py --check         # exit 1 naming stale notebooks
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
OUTPUT = DOCS / "notebooks"
PACKAGE = "infotheory"
DISTRIBUTION = "infotheory-ml"

# The chapters, in reading order (the order of the site's navigation).  A
# chapter whose page does not exist yet is skipped with a message.
CHAPTERS = [
    "why",
    "entropy",
    "cross-entropy",
    "kl-divergence",
    "mutual-information",
    "divergences",
    "in-practice",
    "faq",
]

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.DOTALL)
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")
_ADMONITION = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]+)"
    r"(?P<classes>(?:[ \t]+[\w-]+)*)"
    r"""[ \t]*(?:(?P<q>["'])(?P<title>.*)(?P=q))?[ \t]*$"""
)
_TAB = re.compile(r"""^(?P<indent>[ \t]*)===!?\+?[ \t]+(?P<q>["'])(?P<title>.*)(?P=q)[ \t]*$""")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*$")
_OUTPUT_TITLE = re.compile(r"""\btitle=(["'])Output\1""")
_INCLUDE = re.compile(r"""^-{1,3}8<-{1,3}[ \t]+(["'])(?P<path>[^"']+)\1[ \t]*$""")
_ONLY_IMAGE = re.compile(r"!\[[^\]]*\]\([^)\s]*#only-(?:light|dark)\)[ \t]*\n?")
_AUTOREF = re.compile(
    r"\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\[(?P<id>" + PACKAGE + r"(?:\.\w+)*)?\]"
)
_INLINE_LINK = re.compile(
    r"(?P<pre>!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\()(?P<url>[^)\s]+)(?P<post>[^)]*\))"
)
_REF_DEFINITION = re.compile(r"^(?P<pre>[ \t]*\[[^\]]+\]:[ \t]*)(?P<url>\S+)", re.MULTILINE)
_ATTR_LIST = re.compile(r"(?<=[)\]])\{:?[ \t]*[.#][^}\n]*\}|[ \t]+\{:?[ \t]*[.#][^}\n]*\}[ \t]*$")
_ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:.*\n?", re.MULTILINE)
_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)


@dataclass
class Cell:
    """One notebook cell: ``kind`` is "markdown" or "code"."""

    kind: str
    source: str


@dataclass
class _Break:
    """Forces a new Markdown cell (placed before every top-level heading)."""


class ConversionError(ValueError):
    """The chapter uses a construct the converter cannot translate."""


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


def page_url(target: str, page: str) -> str | None:
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
        if stem in CHAPTERS:
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


def _rewrite_links(text: str, page: str) -> str:
    def autoref(m: re.Match[str]) -> str:
        identifier = m["id"] or m["text"].strip("`")
        if not identifier.startswith(PACKAGE):
            return m.group(0)  # an ordinary reference-style link
        return f"[{m['text']}](../../{api_url(identifier)})"

    def inline(m: re.Match[str]) -> str:
        url = page_url(m["url"], page)
        return m.group(0) if url is None else f"{m['pre']}{url}{m['post']}"

    def definition(m: re.Match[str]) -> str:
        url = page_url(m["url"], page)
        return m.group(0) if url is None else f"{m['pre']}{url}"

    # Relative links first: the API links made from cross-references are final.
    text = _INLINE_LINK.sub(inline, text)
    text = _REF_DEFINITION.sub(definition, text)
    return _AUTOREF.sub(autoref, text)


# ------------------------------------------------------------------------ blocks


def _split_body(lines: list[str], start: int, indent: int) -> tuple[list[str], int]:
    """Return the block indented by more than ``indent`` from ``start``, dedented, and its end."""
    prefix = indent + 4
    end = start
    last = start
    while end < len(lines):
        line = lines[end]
        if line.strip() == "":
            end += 1
            continue
        if len(line) - len(line.lstrip(" ")) >= prefix:
            end += 1
            last = end
            continue
        break
    body = [line[prefix:] if line.strip() else "" for line in lines[start:last]]
    return body, last


def _fence_end(lines: list[str], start: int, indent: str, fence: str) -> int:
    closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    end = start + 1
    while end < len(lines) and not closing.match(lines[end]):
        end += 1
    if end == len(lines):
        raise ConversionError(f"unclosed code fence opened on line {start + 1}")
    return end


def _dedent_fence(lines: list[str], indent: str) -> str:
    out = [line[len(indent) :] if line.startswith(indent) else line.lstrip() for line in lines]
    return "\n".join(out)


def _next_fence(lines: list[str], start: int) -> re.Match[str] | None:
    """Return the fence opened on the next non-blank line at or after ``start``."""
    k = start
    while k < len(lines) and lines[k].strip() == "":
        k += 1
    return _FENCE.match(lines[k]) if k < len(lines) else None


def _blocks(lines: list[str], level: int, top: bool) -> Iterator[Cell | _Break | str]:
    """Yield code cells, Markdown text (str) and cell breaks for a list of lines.

    ``level`` is the level of the enclosing heading (content tabs become
    headings one level below it); ``top`` is False inside admonitions and tabs.
    """
    i = 0
    buffer: list[str] = []

    def flush() -> Iterator[str]:
        if buffer:
            yield "\n".join(buffer)
            buffer.clear()

    while i < len(lines):
        line = lines[i]

        heading = _HEADING.match(line)
        if heading and top:
            yield from flush()
            yield _Break()
            level = len(heading["hashes"])
            buffer.append(line)
            i += 1
            continue

        fence = _FENCE.match(line)
        if fence:
            end = _fence_end(lines, i, fence["indent"], fence["fence"])
            body = _dedent_fence(lines[i + 1 : end], fence["indent"])
            words = fence["info"].lstrip("{.").split()
            lang = words[0].rstrip("}").lower() if words else ""
            i = end + 1
            if lang in ("python", "py", "python3"):
                yield from flush()
                include = _INCLUDE.match(body.strip())
                if include:
                    body = (ROOT / include["path"]).read_text(encoding="utf-8")
                yield Cell("code", body.strip("\n"))
                nxt = _next_fence(lines, i)
                if (
                    nxt
                    and nxt["info"].split()[:1] == ["text"]
                    and _OUTPUT_TITLE.search(nxt["info"])
                ):
                    k = i
                    while lines[k].strip() == "":
                        k += 1
                    i = _fence_end(lines, k, nxt["indent"], nxt["fence"]) + 1
                continue
            # Any other block stays in the prose; Jupyter knows only the language.
            buffer.extend([f"{fence['fence']}{lang}", *body.split("\n"), fence["fence"]])
            continue

        admonition = _ADMONITION.match(line)
        tab = None if admonition else _TAB.match(line)
        if admonition or tab:
            m = admonition or tab
            assert m is not None
            indent = len(m["indent"])
            body, i = _split_body(lines, i + 1, indent)
            yield from flush()
            if tab:
                hashes = "#" * min(level + 1, 6)
                yield from _blocks([f"{hashes} {m['title']}", "", *body], level + 1, top=False)
                continue
            title = m["title"] if m["title"] is not None else m["type"].replace("-", " ").title()
            inner = list(_blocks(body, level, top=False))
            if title == "Code for this figure":
                # The figure is drawn by its code cell: no title, no quote.
                yield from (b for b in inner if isinstance(b, Cell))
                continue
            yield from _quote(inner, title)
            continue

        buffer.append(line)
        i += 1
    yield from flush()


def _quote(blocks: list[Cell | _Break | str], title: str) -> Iterator[Cell | _Break | str]:
    """Turn an admonition's content into block quotes (code cells stay code cells)."""
    pending_title = f"**{title}**" if title else ""
    for block in blocks:
        if isinstance(block, str):
            text = _DISPLAY_MATH.sub(lambda m: "$$" + " ".join(m[1].split()) + "$$", block)
            if pending_title:
                text = f"{pending_title}\n\n{text.strip(chr(10))}"
                pending_title = ""
            yield "\n".join(f"> {line}".rstrip() for line in text.strip("\n").split("\n"))
        else:
            if pending_title:
                yield f"> {pending_title}"
                pending_title = ""
            yield block
    if pending_title:
        yield f"> {pending_title}"


# --------------------------------------------------------------------- notebook


def convert(markdown: str, page: str) -> list[Cell]:
    """Convert the Markdown of ``docs/<page>.md`` into notebook cells.

    The first cell holds the title (the page's first ``#`` heading), a note
    saying where the notebook comes from and how to install the library.
    """
    text = _FRONT_MATTER.sub("", markdown.replace("\r\n", "\n"), count=1)
    text = _ABBREVIATION.sub("", text)
    lines = text.split("\n")
    title = None
    for k, line in enumerate(lines):
        m = _HEADING.match(line)
        if m and len(m["hashes"]) == 1:
            title = m["text"]
            del lines[k]
            break
    if title is None:
        raise ConversionError(f"docs/{page}.md has no '# title' heading")

    cells: list[Cell] = [Cell("markdown", _intro(title, page))]
    markdown_parts: list[str] = []

    def flush() -> None:
        if markdown_parts:
            source = _clean_markdown("\n\n".join(markdown_parts), page)
            if source:
                cells.append(Cell("markdown", source))
            markdown_parts.clear()

    for block in _blocks(lines, level=1, top=True):
        if isinstance(block, str):
            markdown_parts.append(block.strip("\n"))
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
        > {PACKAGE} site. To change the published notebook, edit that file,
        > then run `python scripts/make_notebooks.py`.
        >
        > To run it you need the library: `pip install {DISTRIBUTION}` (it is
        > imported as `{PACKAGE}`). Every code cell is self-contained, and
        > each figure is drawn by its own cell."""
    )


def _clean_markdown(text: str, page: str) -> str:
    text = _ONLY_IMAGE.sub("", text)
    text = _ATTR_LIST.sub("", text)
    text = _rewrite_links(text, page)
    text = re.sub(r"[ \t]+$", "", text, flags=re.MULTILINE)
    text = re.sub(r"\n{3,}", "\n\n", text)
    # A quote interrupted only by blank lines is continued, not restarted.
    text = re.sub(r"(?m)^(>.*)\n\n(?=>)", r"\1\n>\n", text)
    return text.strip("\n")


def notebook_json(cells: list[Cell]) -> str:
    """Serialise cells as an nbformat 4.5 notebook, deterministically."""
    nb_cells = []
    for index, cell in enumerate(cells):
        lines = cell.source.splitlines(keepends=True)
        entry: dict[str, object] = {
            "cell_type": cell.kind,
            "id": f"cell-{index:03d}",
            "metadata": {},
            "source": lines,
        }
        if cell.kind == "code":
            entry["execution_count"] = None
            entry["outputs"] = []
        nb_cells.append(entry)
    notebook = {
        "cells": nb_cells,
        "metadata": {
            "kernelspec": KERNELSPEC,
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def chapter_title(page: str) -> str:
    """Return the first ``#`` heading of ``docs/<page>.md``."""
    text = _FRONT_MATTER.sub("", (DOCS / f"{page}.md").read_text(encoding="utf-8"), count=1)
    for line in text.splitlines():
        m = _HEADING.match(line)
        if m and len(m["hashes"]) == 1:
            return m["text"]
    raise ConversionError(f"docs/{page}.md has no '# title' heading")


def index_page(pages: list[str]) -> str:
    """Return the Markdown of the Notebooks landing page."""
    rows = "\n".join(
        f"| [{chapter_title(p)}]({p}.ipynb) | "
        f'<a href="{p}/{p}.ipynb" download title="Download {p}.ipynb">'
        f"`{p}.ipynb`</a> |"
        for p in pages
    )
    return textwrap.dedent(
        """\
        ---
        description: Every chapter as a Jupyter notebook, to download and run.
        ---

        # Notebooks

        <!-- Generated by scripts/make_notebooks.py: do not edit. -->

        Every chapter is also a Jupyter notebook: the same text, each code block
        as a cell, and a cell that draws each figure. The pages below show the
        notebooks executed during the build; download one to run and change it.

        | Chapter | Download |
        |---|---|
        {rows}

        ## Running a notebook

        Install the library (the distribution is `{dist}`; it is imported as
        `{pkg}`) and Jupyter, then open the downloaded file:

        ```bash
        pip install {dist} jupyter
        jupyter lab entropy.ipynb
        ```

        Each code cell is self-contained, as on the site: it imports what it
        uses, so cells can be run in any order. Nothing in the notebooks
        needs a network connection.

        The notebooks are generated from the chapters, so they always say the
        same thing. To change one, edit the chapter (`docs/<chapter>.md`) and
        run `python scripts/make_notebooks.py`.
        """
    ).format(rows=rows, dist=DISTRIBUTION, pkg=PACKAGE)


def generate(pages: list[str] | None = None) -> dict[Path, str]:
    """Return {output path: content} for the named chapters (default: all that exist)."""
    outputs: dict[Path, str] = {}
    available = []
    for page in pages or CHAPTERS:
        source = DOCS / f"{page}.md"
        if not source.is_file():
            print(f"{page:<20} skipped: docs/{page}.md does not exist", file=sys.stderr)
            continue
        available.append(page)
        cells = convert(source.read_text(encoding="utf-8"), page)
        outputs[OUTPUT / f"{page}.ipynb"] = notebook_json(cells)
    if pages is None:
        outputs[OUTPUT / "index.md"] = index_page(available)
    return outputs


def main(argv: list[str] | None = None) -> int:
    """Regenerate (or, with --check, verify) the notebooks; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", help=f"chapters (default: all of {CHAPTERS})")
    parser.add_argument("--check", action="store_true", help="fail if a notebook is stale")
    args = parser.parse_args(argv)
    unknown = [p for p in args.pages if p not in CHAPTERS]
    if unknown:
        parser.error(f"unknown chapter(s): {', '.join(unknown)}; chapters: {', '.join(CHAPTERS)}")

    outputs = generate(args.pages or None)
    stale: list[str] = []
    for path, content in outputs.items():
        rel = path.relative_to(ROOT).as_posix()
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if args.check:
            state = "ok" if current == content else "STALE"
            if current != content:
                stale.append(rel)
        elif current == content:
            state = "unchanged"
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8", newline="\n")
            state = "written"
        print(f"{rel:<40} {state}")
    if not args.check:
        return 0
    # A notebook whose chapter is gone is stale too.
    expected = set(outputs)
    if not args.pages:
        for path in sorted(OUTPUT.glob("*.ipynb")):
            if path not in expected:
                stale.append(f"{path.relative_to(ROOT).as_posix()} (its chapter is gone)")
    if stale:
        print(
            "stale: " + ", ".join(stale) + "\nrun `python scripts/make_notebooks.py` and commit",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
