"""Fixtures shared by the tests of the built site (tests/test_site.py, tests/test_explorables.py).

The site is built once per test session with ``mkdocs build --strict``, served
from a local thread, and opened in Debian's Chromium through Playwright.  The
browser fixture skips, saying why, only where that browser is missing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts import browser as browser_tools

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Build the site once per session; return (site dir, build log)."""
    site = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{log}"
    return site, log


@pytest.fixture(scope="session")
def server(build: tuple[Path, str]) -> Iterator[str]:
    site, _ = build
    with browser_tools.serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    if not browser_tools.chromium_available():
        pytest.skip(
            f"Chromium not found at {browser_tools.CHROMIUM}: install Debian's `chromium` package "
            "(apt-get install chromium) or set INFOTHEORY_CHROMIUM to run the browser test"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = browser_tools.launch(pw)
        try:
            yield b
        finally:
            b.close()
