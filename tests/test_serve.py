"""The README's serve command works on a fresh clone, before any notebook has run.

A copy of the tracked files (what ``git clone`` gives) with no ``.cache``:
``mkdocs serve --dirty`` must serve the home page, a chapter and a notebook
page, which says that its notebook is being executed (its kernel starts once
the first build is served).  This once failed: the unexecuted notebook's
figure cells had no outputs and the notebook-figure check stopped the build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from scripts import measure_serve

ROOT = Path(__file__).resolve().parent.parent


def _fresh_clone(target: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    # The pinned npm tarballs, so that the test needs no network (the hook
    # would fetch the same files).
    if (ROOT / ".cache" / "vendor").is_dir():
        shutil.copytree(ROOT / ".cache" / "vendor", target / ".cache" / "vendor")


def _wait(url: str, text: str, server: subprocess.Popen[bytes], timeout: float) -> str:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve exited ({server.returncode}) before serving {url}")
        html = measure_serve._get(url)
        if html is not None and text in html:
            return html
        time.sleep(0.2)
    pytest.fail(f"{url} was not served with {text!r} within {timeout} s")


def test_serve_on_a_fresh_clone_shows_the_pages(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: no list of tracked files")
    clone = tmp_path / "clone"
    _fresh_clone(clone)
    port = measure_serve._free_port()
    command = [*measure_serve.serve_command(), "-a", f"127.0.0.1:{port}"]
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            command,
            cwd=clone,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}/infotheory/"
            try:
                _wait(base, "</html>", server, 180)
                _wait(base + "entropy/", "<h1", server, 10)
                notebook = _wait(base + "notebooks/entropy/", "jupyter-wrapper", server, 10)
            except BaseException:
                out.flush()
                print(log.read_text(encoding="utf-8", errors="replace")[-4000:])
                raise
            assert "being executed in the background" in notebook
            assert 'href="../../entropy/"' in notebook
        finally:
            server.terminate()
            server.wait(timeout=30)
