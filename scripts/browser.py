"""Headless Chromium and a local static server, for the browser test and screenshots.

Shared by ``tests/test_site.py`` and ``scripts/screenshots.py``.  Chromium is
Debian's (``apt-get install chromium``), driven by Playwright; Playwright's own
browser download is never used.  ``INFOTHEORY_CHROMIUM`` points elsewhere.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("INFOTHEORY_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium phones Google's hosts at
# start-up, which a closed network refuses and the test would see as noise.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_available() -> bool:
    """Return whether the Chromium binary exists."""
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


def launch(playwright: Any) -> Any:
    """Launch Debian's Chromium through a started ``sync_playwright()``."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port); yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
