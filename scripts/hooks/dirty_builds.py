"""Dirty rebuilds (``mkdocs serve --dirty``) show what a full build would.

A dirty rebuild renders only the pages whose Markdown is newer than their HTML.
Three things went stale that way:

* **API links.**  mkdocs-autorefs learns where each identifier lives
  (``infotheory.entropy.entropy`` -> ``api/entropy/#infotheory.entropy.entropy``)
  while the pages that define it render.  A rebuild of the edited chapter alone
  knew none, so every ``[entropy][infotheory.entropy.entropy]`` on it became a
  warning and plain text.  After every build autorefs' maps are written to
  ``.cache/autorefs.json``; a dirty build adds the identifiers it did not
  register itself, before autorefs resolves the references (its ``on_env`` runs
  at priority -50).  A full build (CI, the tests, ``mkdocs build``) never reads
  the file, so a stale entry cannot hide a broken reference there.
* **API pages.**  Their Markdown is one ``::: infotheory.<module>`` line; what
  changes is the library's source (``watch:`` in mkdocs.yml triggers the
  rebuild), so their HTML never looked older than their source.  In a dirty
  build an API page whose HTML is older than the newest file of ``infotheory/``
  has its HTML removed, so it is rendered again.
* **Titles of pages not rendered.**  MkDocs takes a page's title from its
  first heading when it reads the page; a page a dirty build skips has none, so
  a neighbour's footer said "Previous: None" (api/index.md has no title in the
  nav).  Such a page's source is read (not rendered), and MkDocs takes the
  title from it as in a full build.

(Search needs nothing: Material's search plugin keeps the previous index
itself across ``serve --dirty`` rebuilds.)

autorefs' maps are private attributes of mkdocs-autorefs (pinned in
pyproject.toml); if they change, this hook stops the build with a message
instead of silently doing nothing.
"""

from __future__ import annotations

import json
import os
from typing import Any

import _root
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

STORE = _root.ROOT / ".cache" / "autorefs.json"
LIBRARY = _root.ROOT / "infotheory"
# identifier -> [url, ...] (primary and secondary anchors), identifier -> url,
# url -> title.
MAPS = ("_primary_url_map", "_secondary_url_map", "_abs_url_map", "_title_map")

_state = {"dirty": False}


def on_startup(command: str, dirty: bool, **kwargs: object) -> None:
    _state["dirty"] = dirty


def _library_mtime() -> float:
    return max(p.stat().st_mtime for p in LIBRARY.rglob("*.py"))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not _state["dirty"]:
        return files
    newest = _library_mtime()
    for file in files.documentation_pages():
        dest = file.abs_dest_path
        if not file.src_uri.endswith(".md") or not os.path.isfile(dest):
            continue
        if os.path.getmtime(dest) < newest and any(
            line.startswith("::: infotheory") for line in file.content_string.splitlines()
        ):
            os.remove(dest)
    return files


def _maps(config: MkDocsConfig) -> dict[str, dict[str, Any]]:
    plugin = config.plugins.get("autorefs")
    if plugin is None:
        raise PluginError("scripts/hooks/dirty_builds.py: the autorefs plugin is not loaded")
    missing = [name for name in MAPS if not isinstance(getattr(plugin, name, None), dict)]
    if missing:
        raise PluginError(
            f"scripts/hooks/dirty_builds.py: mkdocs-autorefs has no {', '.join(missing)} "
            "any more; update this hook to its new API"
        )
    return {name: getattr(plugin, name) for name in MAPS}


@event_priority(0)  # before autorefs applies the references (-50)
def on_env(env: Any, config: MkDocsConfig, files: Files, **kwargs: object) -> Any:
    if not _state["dirty"]:
        return env
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.markdown is None and file.src_uri.endswith(".md"):
            page.read_source(config)
    if STORE.is_file():
        stored = json.loads(STORE.read_text(encoding="utf-8"))
        for name, current in _maps(config).items():
            for key, value in stored.get(name, {}).items():
                current.setdefault(key, value)
    return env


def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:
    STORE.parent.mkdir(parents=True, exist_ok=True)
    STORE.write_text(json.dumps(_maps(config), sort_keys=True), encoding="utf-8")
