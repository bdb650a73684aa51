"""Data of the explorables, computed with ``infotheory`` at build time and never committed.

Some explorables (docs/javascripts/explorables/) show numbers too heavy to
compute in the page, such as the reverse-KL fits of kl-fit.js.  ``GRIDS`` maps
each to a module of scripts/explorables/ whose ``grid()`` returns the JSON;
``on_files`` writes it into the site as
``javascripts/explorables/data/<name>.json``, next to the modules that fetch it.

Each grid is cached in ``.cache/explorables/`` under a key of the library's
source and the module's own source, so it is recomputed exactly when either
changes and can never be stale; a cold build computes it (about 2 s).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
from pathlib import Path

import _root  # puts the repository root on sys.path (and is used: _root.ROOT)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from scripts.notebooks.execute import library_fingerprint

ROOT = Path(_root.ROOT)
CACHE = ROOT / ".cache" / "explorables"
GRIDS = {"kl-fit": "scripts.explorables.kl_fit_grid"}
log = get_plugin_logger(__name__)


def cache_key(module: str, fingerprint: str) -> str:
    """The key of a grid: the library's fingerprint and the source of its package and module."""
    digest = hashlib.sha256(fingerprint.encode())
    package = ROOT / "scripts" / "explorables"
    for path in (package / "__init__.py", ROOT / (module.replace(".", "/") + ".py")):
        digest.update(b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


def grid_path(name: str, module: str, fingerprint: str) -> Path:
    """The cached JSON of grid ``name``, computed first if it is not cached yet."""
    path = CACHE / f"{name}-{cache_key(module, fingerprint)}.json"
    if not path.is_file():
        log.info(f"explorable_data: computing the {name} grid ({module})")
        text = json.dumps(importlib.import_module(module).grid(), separators=(",", ":"))
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)  # atomic: a parallel build never reads half a file
        for old in CACHE.glob(f"{name}-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    return path


def on_files(files: Files, config: MkDocsConfig) -> Files:
    fingerprint = library_fingerprint()
    for name, module in GRIDS.items():
        path = grid_path(name, module, fingerprint)
        files.append(
            File.generated(
                config, f"javascripts/explorables/data/{name}.json", abs_src_path=str(path)
            )
        )
    return files
