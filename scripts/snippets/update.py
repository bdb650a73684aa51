"""Rewrite Output blocks with what their code printed (``pytest --update-outputs``).

Edits are collected while the blocks run and applied when the session ends,
per file from the bottom up, so that the line numbers of the edits still to
apply stay valid.  An existing Output block keeps its opening fence line
(indentation, marker, attributes) and its closing line; only its body
changes.  A block that prints something and has no Output block gets one,
right after it, at its indentation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.snippets.find import Snippet


@dataclass(frozen=True)
class Edit:
    """Replace lines ``first..last`` (1-based, inclusive; last = first - 1: insert)."""

    first: int
    last: int
    lines: tuple[str, ...]


def _indented(indent: str, text: str) -> list[str]:
    return [indent + line if line else "" for line in text.split("\n")]


def output_edit(snippet: Snippet, got: str) -> Edit | None:
    """The edit that makes the page show ``got`` for ``snippet`` (None: nothing to do)."""
    output = snippet.output
    if output is None:
        if not got:
            return None
        indent = snippet.fence.indent
        marker = "`" * max(3, *(len(line) - len(line.lstrip("`")) + 1 for line in got.split("\n")))
        opening = f'{indent}{marker}text title="Output"'
        block = ["", opening, *_indented(indent, got), indent + marker]
        after = snippet.fence.end_line
        return Edit(after + 1, after, tuple(block))
    body = _indented(output.indent, got) if got else []
    return Edit(output.body_start, output.end_line - 1, tuple(body))


def apply_edits(path: Path, edits: list[Edit]) -> None:
    """Apply ``edits`` to the file, bottom-up; they must not overlap."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    ending = lines.pop() if lines and lines[-1] == "" else None
    previous_first = len(lines) + 2
    for edit in sorted(edits, key=lambda e: e.first, reverse=True):
        if edit.last >= previous_first:
            raise ValueError(f"{path}: overlapping edits at line {edit.first}")
        lines[edit.first - 1 : edit.last] = edit.lines
        previous_first = edit.first
    if ending is not None:
        lines.append(ending)
    path.write_text("\n".join(lines), encoding="utf-8")


class PendingEdits:
    """Edits recorded during a test session, applied by :meth:`flush`."""

    def __init__(self) -> None:
        self.by_file: dict[Path, list[Edit]] = {}

    def add(self, path: Path, edit: Edit) -> None:
        self.by_file.setdefault(Path(path), []).append(edit)

    def flush(self) -> list[tuple[Path, int]]:
        """Apply every edit; return (file, number of blocks rewritten) per file."""
        done = []
        for path, edits in sorted(self.by_file.items()):
            apply_edits(path, edits)
            done.append((path, len(edits)))
        self.by_file.clear()
        return done
