"""Sybil glue: one example per Python block (its Output block included).

The root ``conftest.py`` collects ``docs/**/*.md`` and ``README.md`` with
:func:`make_sybil` and sets :data:`settings` from the command line
(``--update-outputs``, ``--no-lint-snippets``).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sybil import Document, Example, Region, Sybil

from scripts.fences import line_offsets
from scripts.snippets.find import Snippet, find_snippets
from scripts.snippets.lint import lint_snippet
from scripts.snippets.run import normalise, run_snippet
from scripts.snippets.update import PendingEdits, output_edit

ROOT = Path(__file__).resolve().parents[2]
FIGURE_SOURCES = ROOT / "scripts" / "figures"


@dataclass
class Settings:
    """How the snippet examples are evaluated (set by the root conftest.py)."""

    update: bool = False  # rewrite Output blocks instead of failing
    lint: bool = True  # run ruff check on each block
    pending: PendingEdits = field(default_factory=PendingEdits)


settings = Settings()


def _shown(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def _check_include(include: str) -> str | None:
    path = (ROOT / include).resolve()
    if not path.is_file():
        return f"included file {include} does not exist"
    if path.parent != FIGURE_SOURCES:
        return (
            f"only figure sources (scripts/figures/*.py) may be included in a python "
            f"block; {include} would not be run by any test"
        )
    return None


def _compare(snippet: Snippet, got: str, path: Path) -> str | None:
    """Compare what the block printed with its Output block; in update mode, record an edit."""
    if snippet.expected is None and not got:
        return None
    if snippet.expected is not None and normalise(snippet.expected) == got:
        return None
    if settings.update:
        if snippet.expected is not None and not got:
            return "this block prints nothing: remove its Output block (not done automatically)"
        edit = output_edit(snippet, got)
        if edit is not None:
            settings.pending.add(path, edit)
        return None
    if snippet.expected is None:
        return 'this block prints output but no ```text title="Output" block follows it:\n' + got
    want = normalise(snippet.expected)
    return f"Expected:\n{textwrap.indent(want, '    ')}\nGot:\n{textwrap.indent(got, '    ')}"


def evaluate_snippet(example: Example) -> str | None:
    """Run (and lint) one block; return a failure message or None."""
    snippet: Snippet = example.parsed
    path = Path(example.path)
    if snippet.include is not None:
        return _check_include(snippet.include)
    problems = []
    mismatch = _compare(snippet, run_snippet(snippet, path), path)
    if mismatch:
        problems.append(mismatch)
    if settings.lint:
        findings = lint_snippet(snippet, path, _shown(path))
        if findings:
            problems.append(
                f"ruff check finds {len(findings)} problem(s) in this block "
                "(silence a deliberate one with '# noqa: CODE'):\n"
                + "\n".join(f"    {f}" for f in findings)
            )
    return "\n".join(problems) or None


def markdown_python_parser(document: Document) -> Iterable[Region]:
    """Sybil parser: one region per Python block, its Output block included."""
    offsets = line_offsets(document.text)
    for snippet in find_snippets(document.text, _shown(Path(document.path))):
        start = offsets[snippet.fence.start_line - 1]
        end = offsets[min(snippet.end_line, len(offsets) - 1)]
        yield Region(start, end, snippet, evaluate_snippet)


def make_sybil(path: Path | str = ROOT / "docs", patterns: list[str] | None = None) -> Sybil:
    """Return the Sybil instance that checks the Markdown files under ``path``."""
    return Sybil(parsers=[markdown_python_parser], path=str(path), patterns=patterns or ["*.md"])
