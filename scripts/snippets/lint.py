"""``ruff check`` on the Python blocks of a page, findings at their Markdown line.

Only the linter: blocks are wrapped by hand to fit the page's code box, so the
formatter is not run.  Each block is checked on its own (it runs on its own),
as ``<page>.md.py`` through ruff's stdin, with the project's ruff settings
(pyproject.toml; ``"*.md.py"`` needs no docstrings).  A deliberate finding is
silenced in the block itself with ``# noqa: CODE``.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from scripts.snippets.find import Snippet


@dataclass(frozen=True)
class Finding:
    path: str
    line: int  # Markdown line
    column: int  # Markdown column (1-based)
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"


@cache
def _ruff() -> str:
    from ruff.__main__ import find_ruff_bin

    return str(find_ruff_bin())


def _stdin(path: Path) -> list[str]:
    return ["--stdin-filename", f"{path}.py", "-"]


def lint_snippet(snippet: Snippet, path: Path, shown: str | None = None) -> list[Finding]:
    """Return ruff's findings on one block, located in the Markdown file.

    ``path`` (the page) decides which ruff settings apply; ``shown`` is how the
    findings name it (default: ``path``).
    """
    if snippet.include is not None:
        return []
    proc = subprocess.run(
        [_ruff(), "check", "--no-cache", "--output-format=json", "--exit-zero", *_stdin(path)],
        input=snippet.code,
        capture_output=True,
        text=True,
        cwd=path.parent,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"ruff failed on {path}:{snippet.first_line}:\n{proc.stderr}")
    findings = []
    for item in json.loads(proc.stdout):
        row, column = item["location"]["row"], item["location"]["column"]
        findings.append(
            Finding(
                path=shown or str(path),
                line=snippet.first_line + row - 1,
                column=column + len(snippet.fence.indent),
                code=item["code"] or "E999",
                message=item["message"],
            )
        )
    return findings
