"""Notebook pages: let their kernels encrypt, keep them out of the search index."""

from __future__ import annotations

import os
from pathlib import Path

import _root  # noqa: F401  (puts the repository root on sys.path)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

JUPYTER_CONFIG = Path(__file__).resolve().parent.parent / "jupyter"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
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
    path = str(JUPYTER_CONFIG)
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
