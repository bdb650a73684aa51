"""Collect every Python code block in docs/**/*.md and README.md as a test.

See scripts/snippets/ for the rules a block must follow.  Options:

* ``--update-outputs``: rewrite each Output block with what its code prints
  (creating it where missing) instead of failing on a mismatch;
* ``--no-lint-snippets``: do not run ``ruff check`` on the blocks.
"""

import pytest

from scripts.snippets import ROOT, make_sybil, settings

pytest_collect_file = (make_sybil() + make_sybil(ROOT, patterns=["README.md"])).pytest()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("snippets", "Python blocks of the Markdown pages")
    group.addoption(
        "--update-outputs",
        action="store_true",
        help='rewrite each ```text title="Output" block with what its code prints '
        "(create it where missing) instead of failing",
    )
    group.addoption(
        "--no-lint-snippets",
        action="store_true",
        help="do not run ruff check on the Python blocks of the pages",
    )


def pytest_configure(config: pytest.Config) -> None:
    settings.update = config.getoption("--update-outputs")
    settings.lint = not config.getoption("--no-lint-snippets")
    workers = getattr(config.option, "numprocesses", None)
    if settings.update and workers not in (None, 0):
        raise pytest.UsageError(
            "--update-outputs rewrites the pages from one process: run it without -n "
            f"(got -n {workers})"
        )


def pytest_sessionfinish(session: pytest.Session) -> None:
    done = settings.pending.flush()
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    for path, count in done:
        if reporter is not None:
            reporter.write_line(f"--update-outputs: rewrote {count} Output block(s) in {path}")
