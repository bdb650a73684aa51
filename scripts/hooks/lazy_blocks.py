"""The last blocks of each page get ``data-tail``: see scripts/lazy_blocks.py."""

from __future__ import annotations

import _root  # noqa: F401  (puts the repository root on sys.path)
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from scripts.lazy_blocks import MarkupError, mark_tails


@event_priority(-90)  # after every hook and plugin that writes the page's content
def on_page_content(html: str, page: Page, **kwargs: object) -> str:
    try:
        return mark_tails(html)
    except MarkupError as error:
        raise PluginError(f"lazy_blocks: {page.file.src_uri}: {error}") from error
