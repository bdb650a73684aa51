"""Measure what each page of the built site costs a reader on a cold load.

    python -m scripts.measure_pages              # build the site (fast build), then measure
    python -m scripts.measure_pages --site DIR   # measure an existing build
    python -m scripts.measure_pages --pages index.html kl-divergence/index.html

The site is served by a small threaded HTTP server that gzips text responses,
as a static host would, and each page is loaded in a fresh headless Chromium
context (empty cache).  For each page the table shows:

* ``KiB``: bytes transferred (gzip bodies plus headers, from the browser's
  resource timing), ``req``: number of requests;
* ``math ms``: time until the math is rendered.  The math is typeset at build
  time, so that is DOMContentLoaded (the whole HTML is parsed; KaTeX's CSS is
  render-blocking);
* ``TBT ms``: total blocking time, the sum over long tasks (> 50 ms, from a
  ``PerformanceObserver``) of their part beyond 50 ms, until the load event
  plus one second;
* ``DOM``: number of elements.

A measurement, not a test: times depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scripts import browser as browser_tools

ROOT = Path(__file__).resolve().parent.parent
GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")

_OBSERVE_JS = """
window.__longtasks = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) window.__longtasks.push(e.duration);
}).observe({type: "longtask", buffered: true});
"""

_COLLECT_JS = """
async () => {
  await new Promise(r => setTimeout(r, 1000));
  const nav = performance.getEntriesByType("navigation")[0];
  const res = performance.getEntriesByType("resource");
  const bytes = [nav, ...res].reduce((s, e) => s + (e.transferSize || 0), 0);
  return {
    bytes,
    requests: 1 + res.length,
    dcl: nav.domContentLoadedEventEnd,
    tbt: window.__longtasks.reduce((s, d) => s + Math.max(0, d - 50), 0),
    dom: document.getElementsByTagName("*").length,
  };
}
"""


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files, gzipping text types when the client accepts it."""

    def log_message(self, format: str, *args: object) -> None:
        pass

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
def serve_gzip(directory: Path) -> Iterator[str]:
    """Serve ``directory`` with gzip on 127.0.0.1 (a free port); yield the base URL."""
    handler = functools.partial(_GzipHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def build(site: Path) -> None:
    env = {"NO_MKDOCS_2_WARNING": "1", "INFOTHEORY_EXECUTE_NOTEBOOKS": "false", **os.environ}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("index.html")
        if not p.relative_to(site).as_posix().startswith("assets/")
    )


def measure(site: Path, rels: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with serve_gzip(site) as url, sync_playwright() as pw:
        browser = browser_tools.launch(pw)
        try:
            for rel in rels:
                context = browser.new_context(viewport={"width": 412, "height": 823})
                context.add_init_script(_OBSERVE_JS)
                page = context.new_page()
                page.goto(url + rel.removesuffix("index.html"), wait_until="load")
                row = page.evaluate(_COLLECT_JS)
                rows.append({"page": rel.removesuffix("index.html") or "/", **row})
                context.close()
        finally:
            browser.close()
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        f"{'page':<34} {'KiB':>7} {'req':>4} {'math ms':>8} {'TBT ms':>7} {'DOM':>6}",
    ]
    for r in rows:
        lines.append(
            f"{r['page']:<34} {r['bytes'] / 1024:>7.0f} {r['requests']:>4} "
            f"{r['dcl']:>8.0f} {r['tbt']:>7.0f} {r['dom']:>6}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--pages", nargs="*", help="pages to measure (default: all)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site)
        rows = measure(site, args.pages or pages(site))
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
