"""Search previews show readable math, never TeX.

scripts/hooks/math.py gives Material's search each formula as readable text
(scripts/search_text.py linearises KaTeX's MathML).  This hook, after the
build, checks the written index and turns any delimited TeX that still reached
it (``\\(...\\)``, ``\\[...\\]``, ``$$...$$`` outside code: a formula from a
page the math hook did not see) into the same kind of text.  It fails the
build if the search plugin wrote no index.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import _root  # noqa: F401  (puts the repository root on sys.path)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from scripts.search_text import clean_index


@event_priority(-100)  # after the search plugin has written the index
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if "search" not in config.plugins:
        return
    if not path.is_file():
        raise PluginError(f"search_text: the search plugin wrote no {path}")
    index = json.loads(path.read_text(encoding="utf-8"))
    cleaned = clean_index(copy.deepcopy(index))
    if cleaned != index:  # written as Material writes it
        path.write_text(json.dumps(cleaned, separators=(",", ":")), encoding="utf-8")
