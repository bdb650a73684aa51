"""Headless Chromium and a local static server, for the browser test and screenshots.

Shared by the browser tests, ``scripts/screenshots.py`` and
``scripts/measure_pages.py``.  Chromium is Debian's (``apt-get install
chromium``), driven by Playwright; Playwright's own browser download is never
used.  ``INFOTHEORY_CHROMIUM`` points elsewhere.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
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


GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


# The published site lives under this path (mkdocs.yml site_url); serving the
# build there keeps its absolute links (the 404 page's, the sitemap's) working.
BASE = "/infotheory/"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve the site under BASE, and its 404.html (status 404) for anything missing."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(BASE):
            return str(Path(self.directory) / "\0outside-the-site")  # never a file
        return super().translate_path(path[len(BASE) - 1 :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _GzipHandler(_QuietHandler):
    """Serve files, gzipping text types when the client accepts it (as a static host does)."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the trailing slash
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts and ctype.startswith(GZIP_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(directory: Path, *, compress: bool = False) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port) under BASE; yield the site's URL.

    With ``compress=True`` text responses are compressed, as a static host would.
    """
    handler_class = _GzipHandler if compress else _QuietHandler
    handler = functools.partial(handler_class, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{BASE}"
    finally:
        httpd.shutdown()
        httpd.server_close()
