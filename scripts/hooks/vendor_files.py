"""Serve the pinned third-party browser assets from the site itself.

``on_config`` makes sure each ``[tool.infotheory.vendor.*]`` package is fetched
(once, verified against its integrity hash; see ``scripts/vendor_assets.py``)
and ``on_files`` adds its files to the build under ``assets/vendor/<name>/``,
so that ``mkdocs build`` and ``mkdocs serve`` work with no CDN and nothing
vendored in git.
"""

from __future__ import annotations

from pathlib import Path

import _root  # noqa: F401  (puts the repository root on sys.path)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from scripts import vendor_assets

_dirs: dict[str, Path] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # A pin with ``serve = false`` (axe-core, for the browser test) is fetched
    # and verified but not copied into the site.
    pins = vendor_assets.pins()
    _dirs.update(
        (name, path)
        for name, path in vendor_assets.ensure_all().items()
        if pins[name].get("serve", True)
    )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for name, directory in _dirs.items():
        for path in sorted(directory.rglob("*")):
            if not path.is_file() or path.name == ".complete":
                continue
            rel = path.relative_to(directory).as_posix()
            # MathJax's own loader resolves fonts and extensions relative to
            # the script, so the es5/ layout is kept below assets/vendor/<name>/.
            files.append(
                File(
                    rel,
                    src_dir=str(directory),
                    dest_dir=config.site_dir,
                    use_directory_urls=config.use_directory_urls,
                    dest_uri=f"assets/vendor/{name}/{rel.removeprefix('es5/')}",
                )
            )
    return files
