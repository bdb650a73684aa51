"""MkDocs hooks: serve the pinned third-party assets from the site itself.

``on_config`` makes sure MathJax is fetched (once, verified; see
``scripts/vendor_assets.py``) and ``on_files`` adds its files to the build
under ``assets/vendor/``, so that ``mkdocs build`` and ``mkdocs serve`` work
with no CDN and nothing vendored in git.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

_spec = importlib.util.spec_from_file_location(
    "vendor_assets", Path(__file__).with_name("vendor_assets.py")
)
assert _spec is not None and _spec.loader is not None
vendor_assets = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(vendor_assets)

_dirs: dict[str, Path] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _dirs.update(vendor_assets.ensure_all())
    _encrypt_notebook_kernels()
    return config


def _encrypt_notebook_kernels() -> None:
    """Let the kernels that execute the notebooks (mkdocs-jupyter) encrypt their sockets.

    ipykernel >= 7.4 logs a WARNING to the build log for every kernel whose
    ZMQ sockets are not encrypted.  jupyter_client provisions CurveZMQ keys
    when ``KernelManager.transport_encryption`` is "auto" (the kernel spec of
    ipykernel declares support); nbconvert reads that setting from the Jupyter
    config path, so scripts/jupyter/ is put on it.  Skipped where pyzmq has no
    CurveZMQ (the setting would then be refused).
    """
    import zmq

    if not zmq.has("curve"):
        return
    path = str(Path(__file__).with_name("jupyter"))
    current = [p for p in os.environ.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep) if p]
    if path not in current:
        os.environ["JUPYTER_CONFIG_PATH"] = os.pathsep.join([path, *current])


def on_page_content(html: str, page: Page, **kwargs: object) -> str:
    """Keep notebook pages out of the search index.

    Each notebook repeats its chapter word for word; indexing both would show
    every search hit twice.  (Material's search reads ``page.meta`` in
    ``on_page_context``, which runs after this event.)
    """
    if page.file.src_uri.startswith("notebooks/") and page.file.src_uri.endswith(".ipynb"):
        page.meta.setdefault("search", {})["exclude"] = True
    return html


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
