"""Run every Python code block of the documentation and check its printed output.

The convention on every page (see CONTRIBUTING.md)::

    ```python
    from infotheory import entropy
    print(f"{entropy([0.5, 0.5], base=2):.3f} bits")
    ```

    ```text title="Output"
    1.000 bits
    ```

Rules enforced here:

* every fence whose first word is ``python`` (or ``py``) is collected, whatever
  attributes follow (``title=``, ``hl_lines=``, ...), also inside admonitions
  and content tabs; ``pycon`` fences are rejected, since the copy button would
  copy their prompts;
* each block runs in a fresh namespace, with numpy's print options reset and
  warnings turned into failures, so that pasting one block into a fresh
  interpreter prints exactly what the page shows;
* what the block prints must equal the ``Output`` block that follows it,
  character for character (trailing spaces at line ends excepted); a block
  with no ``Output`` block must print nothing;
* a block that only includes a figure script (``--8<-- "scripts/figures/..."``)
  is checked to point at an existing figure source; the figure itself is
  executed by ``scripts/make_figures.py --check`` (tests/test_figures.py).
"""

from __future__ import annotations

import contextlib
import io
import re
import textwrap
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sybil import Document, Example, Region, Sybil

ROOT = Path(__file__).resolve().parent.parent
FIGURE_SOURCES = ROOT / "scripts" / "figures"

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)$")
_OUTPUT_TITLE = re.compile(r"""\btitle=(["'])Output\1""")
_INCLUDE = re.compile(r"""^-{1,3}8<-{1,3}\s+(["'])(?P<path>[^"']+)\1\s*$""")
PYTHON_LANGS = {"python", "py", "python3"}
REJECTED_LANGS = {"pycon", "pytb", "ipython"}


@dataclass
class Fence:
    """A fenced code block: its language (first word of the info string) and body."""

    lang: str
    info: str
    body: str
    start: int  # character offset of the opening fence line
    end: int  # character offset just after the closing fence line
    body_line: int  # 1-based line number of the first body line


@dataclass
class Snippet:
    """A Python block and the output the page shows for it (None: no Output block)."""

    code: str
    first_line: int
    expected: str | None
    include: str | None = None


def iter_fences(text: str) -> Iterator[Fence]:
    """Yield every fenced block of a Markdown document, indented ones included."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i].rstrip("\n"))
        if not m:
            i += 1
            continue
        indent, fence, info = m["indent"], m["fence"], m["info"].strip()
        closing = re.compile(rf"^{re.escape(indent)}{fence[0]}{{{len(fence)},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not closing.match(lines[j].rstrip("\n")):
            j += 1
        body = textwrap.dedent("".join(lines[i + 1 : j]))
        words = info.lstrip("{.").split()
        lang = words[0].rstrip("}").lower() if words else ""
        yield Fence(lang, info, body, offsets[i], offsets[min(j + 1, len(lines))], i + 2)
        i = j + 1


def parse_snippets(text: str) -> Iterator[tuple[Fence, Snippet]]:
    """Pair each Python block with the Output block right after it (if any)."""
    fences = list(iter_fences(text))
    for k, fence in enumerate(fences):
        if fence.lang in REJECTED_LANGS:
            raise ValueError(
                f"line {fence.body_line - 1}: '{fence.lang}' blocks are not checked and copy "
                'their prompts; write a ```python block followed by a ```text title="Output" '
                "block instead"
            )
        if fence.lang not in PYTHON_LANGS:
            continue
        expected = None
        nxt = fences[k + 1] if k + 1 < len(fences) else None
        if (
            nxt is not None
            and nxt.lang == "text"
            and _OUTPUT_TITLE.search(nxt.info)
            and text[fence.end : nxt.start].strip() == ""
        ):
            expected = nxt.body
        stripped = fence.body.strip()
        m = _INCLUDE.match(stripped)
        include = m["path"] if m else None
        yield fence, Snippet(fence.body, fence.body_line, expected, include)


def _normalise(out: str) -> str:
    return "\n".join(line.rstrip() for line in out.strip("\n").splitlines())


def evaluate_snippet(example: Example) -> str | None:
    """Run one block in a fresh namespace; return a failure message or None."""
    snippet: Snippet = example.parsed
    if snippet.include is not None:
        path = (ROOT / snippet.include).resolve()
        if not path.is_file():
            return f"included file {snippet.include} does not exist"
        if path.parent != FIGURE_SOURCES:
            return (
                f"only figure sources (scripts/figures/*.py) may be included in a python "
                f"block; {snippet.include} would not be run by any test"
            )
        return None

    # Pad so that a traceback points at the right line of the Markdown file.
    source = "\n" * (snippet.first_line - 1) + snippet.code
    code = compile(source, example.path, "exec")
    namespace: dict[str, object] = {"__name__": "__main__"}
    buffer = io.StringIO()
    # np.printoptions() restores numpy's print options afterwards, so a block
    # that changes them cannot change what later blocks print.
    with np.printoptions(), warnings.catch_warnings():
        # What a reader would see printed (RuntimeWarning from log(0), a
        # UserWarning, ...) fails the block; deprecation noise from inside
        # third-party imports is not shown to readers either.
        warnings.simplefilter("error")
        for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning):
            warnings.simplefilter("ignore", category)
        with contextlib.redirect_stdout(buffer):
            exec(code, namespace)
    try:
        import matplotlib.pyplot as plt

        plt.close("all")
    except ImportError:  # pragma: no cover
        pass

    got = _normalise(buffer.getvalue())
    if snippet.expected is None:
        if got:
            return (
                'this block prints output but no ```text title="Output" block follows it:\n' + got
            )
        return None
    want = _normalise(snippet.expected)
    if got != want:
        return f"Expected:\n{textwrap.indent(want, '    ')}\nGot:\n{textwrap.indent(got, '    ')}"
    return None


def markdown_python_parser(document: Document) -> Iterable[Region]:
    """Sybil parser: one region per Python block (Output block included in the region)."""
    for fence, snippet in parse_snippets(document.text):
        yield Region(fence.start, fence.end, snippet, evaluate_snippet)


def make_sybil(path: Path | str = ROOT / "docs", patterns: list[str] | None = None) -> Sybil:
    """Return the Sybil instance that checks the Markdown files under ``path``."""
    return Sybil(parsers=[markdown_python_parser], path=str(path), patterns=patterns or ["*.md"])
