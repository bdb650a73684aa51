"""Measure the contributor loop: the first page, and a chapter edit until the page shows it.

Runs the serve command of the README (the line after ``<!-- serve-command -->``,
its last ``&&`` part: ``mkdocs serve --dirty``) on a free port, times until
the home page is served, then edits a chapter several times (appending a
unique word to its first paragraph) and times until the served chapter page
contains it.  The chapter is restored afterwards, also on failure.  Prints
the figures and the load average (the machine is shared).

Usage::

    python -m scripts.measure_serve [--chapter entropy] [--edits 5]
"""

from __future__ import annotations

import argparse
import os
import shlex
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def serve_command() -> list[str]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("<!-- serve-command -->")
    command = next(line for line in lines[start + 1 :] if line and not line.startswith("```"))
    return shlex.split(command.split("&&")[-1].strip())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait(url: str, predicate: object, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        html = _get(url)
        if html is not None and (predicate is None or str(predicate) in html):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {predicate!r} within {timeout} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapter", default="entropy")
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args(argv)

    port = _free_port()
    command = [*serve_command(), "-a", f"127.0.0.1:{port}"]
    base = f"http://127.0.0.1:{port}/infotheory/"
    page = ROOT / "docs" / f"{args.chapter}.md"
    original = page.read_bytes()
    print(f"load average before: {os.getloadavg()}")
    print("$ " + " ".join(command))
    start = time.perf_counter()
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait(base, None, 120)
        first = time.perf_counter() - start
        print(f"first page served after {first:.2f} s")
        time.sleep(1.0)  # let the watcher settle
        text = original.decode("utf-8")
        heading = text.index("\n# ")
        paragraph_end = text.index("\n\n", text.index("\n\n", heading + 1) + 2)
        latencies = []
        for k in range(args.edits):
            marker = f"measureserveedit{k}x{os.getpid()}"
            edited = text[:paragraph_end] + f" {marker}" + text[paragraph_end:]
            t0 = time.perf_counter()
            page.write_text(edited, encoding="utf-8")
            latencies.append(_wait(base + f"{args.chapter}/", marker, 60))
            print(f"edit {k + 1}: visible after {latencies[-1]:.2f} s")
            time.sleep(0.5)
            _ = t0
    finally:
        page.write_bytes(original)
        server.terminate()
        server.wait(timeout=20)
    print(
        f"first page: {first:.2f} s; edit -> page: median {statistics.median(latencies):.2f} s, "
        f"max {max(latencies):.2f} s over {len(latencies)} edits"
    )
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
