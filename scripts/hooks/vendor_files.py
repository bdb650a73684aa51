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
    pins = vendor_assets.pins()
    for name, directory in _dirs.items():
        # Only the files to serve; build-time files (KaTeX's JS) stay out of the site.
        for path, url in vendor_assets.served(name, pins[name], directory):
            files.append(
                File(
                    path.relative_to(directory).as_posix(),
                    src_dir=str(directory),
                    dest_dir=config.site_dir,
                    use_directory_urls=config.use_directory_urls,
                    dest_uri=f"assets/vendor/{url}",
                )
            )
    return files
