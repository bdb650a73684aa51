"""Pair each Python block of a page with the Output block that follows it.

A Python block is a fence whose language is ``python`` (or ``py``,
``python3``), whatever attributes follow.  Its Output block is the
```` ```text title="Output" ```` fence right after it: only blank lines
between the two, at the same indentation.  Anything else that looks like an
Output block is an error naming the file and line, never silently ignored:

* an Output block that does not follow a Python block (an *orphan*: prose or
  another block in between, or a second Output block);
* an Output block right after a Python block but at another indentation (the
  two are in different containers, e.g. one inside an admonition): which
  block it belongs to is *ambiguous*;
* a ``pycon``/``ipython`` block, which is never checked and whose prompts the
  copy button would copy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.fences import Fence, FenceError, iter_fences

PYTHON_LANGS = {"python", "py", "python3"}
REJECTED_LANGS = {"pycon", "pytb", "ipython"}
_INCLUDE = re.compile(r"""^-{1,3}8<-{1,3}\s+(["'])(?P<path>[^"']+)\1\s*$""")


class SnippetError(ValueError):
    """A page whose code blocks cannot be paired unambiguously."""


@dataclass(frozen=True)
class Snippet:
    """A Python block and the Output block the page shows for it (None: none)."""

    fence: Fence
    output: Fence | None

    @property
    def code(self) -> str:
        return self.fence.body

    @property
    def first_line(self) -> int:
        """Markdown line number of the first line of code."""
        return self.fence.body_start

    @property
    def expected(self) -> str | None:
        return None if self.output is None else self.output.body

    @property
    def include(self) -> str | None:
        """The file a ``--8<-- "path"`` block includes, if that is all the block holds."""
        m = _INCLUDE.match(self.code.strip())
        return m["path"] if m else None

    @property
    def end_line(self) -> int:
        """Last Markdown line of the pair (the Output block's closing fence if any)."""
        return (self.output or self.fence).end_line


def is_output(fence: Fence) -> bool:
    return fence.lang == "text" and fence.attrs.get("title") == "Output"


def _blank_between(lines: Sequence[str], before: Fence, after: Fence) -> bool:
    return all(not line.strip() for line in lines[before.end_line : after.start_line - 1])


def find_snippets(text: str, path: Path | str = "<page>") -> list[Snippet]:
    """Return every Python block of ``text`` with its Output block.

    Raises :class:`SnippetError` (message ``path:line: ...``) for an orphan
    Output block, an ambiguous pairing, a rejected language or a fence that
    never closes.
    """
    try:
        fences = list(iter_fences(text))
    except FenceError as exc:
        raise SnippetError(f"{path}:{exc}") from None
    lines = text.split("\n")
    snippets: list[Snippet] = []
    paired: set[int] = set()
    for k, fence in enumerate(fences):
        if fence.lang in REJECTED_LANGS:
            raise SnippetError(
                f"{path}:{fence.start_line}: '{fence.lang}' blocks are not checked and copy "
                'their prompts; write a ```python block followed by a ```text title="Output" '
                "block instead"
            )
        if fence.lang not in PYTHON_LANGS:
            continue
        nxt = fences[k + 1] if k + 1 < len(fences) else None
        output = None
        if nxt is not None and is_output(nxt) and _blank_between(lines, fence, nxt):
            if nxt.indent != fence.indent:
                raise SnippetError(
                    f"{path}:{nxt.start_line}: ambiguous Output block: it follows the python "
                    f"block of line {fence.start_line} but at another indentation "
                    f"({len(nxt.indent)} spaces, not {len(fence.indent)}); indent both alike"
                )
            output = nxt
            paired.add(k + 1)
        snippets.append(Snippet(fence, output))
    for k, fence in enumerate(fences):
        if is_output(fence) and k not in paired:
            raise SnippetError(
                f"{path}:{fence.start_line}: orphan Output block: it does not come right after "
                "a python block (only blank lines may separate them)"
            )
    return snippets
