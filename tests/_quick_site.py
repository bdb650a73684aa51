"""One build of the site, shared by the tests that read HTML.

Not a conftest: test modules import it explicitly (``from _quick_site import quick_site``).
It is the real build: the notebooks come from the execution cache
(``.cache/notebooks/``), so only a notebook whose chapter or library source
changed is executed.  The full ``mkdocs build --strict`` is tests/test_site.py's.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

config = load_config("mkdocs.yml", site_dir=sys.argv[1])
build(config)
"""


@dataclass(frozen=True)
class Site:
    """A built site: its directory and the build log."""

    path: Path
    log: str

    def page(self, url: str) -> str:
        """Return the HTML of the page at ``url`` (e.g. "api/entropy/")."""
        return (self.path / url / "index.html").read_text(encoding="utf-8")


@functools.cache
def quick_site() -> Site:
    """Build the site once per test process."""
    site = Path(tempfile.mkdtemp(prefix="infotheory-site-"))
    atexit.register(shutil.rmtree, site, ignore_errors=True)
    proc = subprocess.run(
        [sys.executable, "-c", _BUILD, str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    log = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{log}")
    return Site(site, log)
