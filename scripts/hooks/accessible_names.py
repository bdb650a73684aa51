"""Accessible names for two parts of Material's page frame that have none.

* The search dialog, ``<div class="md-search" ... role="dialog">``: a screen
  reader would announce an anonymous dialog (axe / Lighthouse
  aria-dialog-name).  It is named "Search".
* A navigation section with an index page (``navigation.indexes``): its
  title is the index page's link, and the ``<label>`` that opens the section
  holds only an arrow icon.  The section's ``<nav aria-labelledby=...>``
  points at that empty label, so the sections are unnamed landmarks that
  cannot be told apart (axe landmark-unique).  The label gets the section's
  title as visually hidden text (``aria-label`` is not allowed on a
  ``<label>``), which names the section and the toggle alike.

* The 404 page has no table of contents, so Material draws no skip link on
  it; the hook adds one to its heading (docs/overrides/404.html).

The edits are exact string matches on Material's markup.  The hook fails if
the dialog is not there exactly once, or if an icon-only label has no title
before it, instead of silently leaving the page as it was after a Material
upgrade changed the markup.
"""

from __future__ import annotations

import html
import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'

# A section label holding only the arrow icon (the section's title is the link before it).
_ICON_LABEL = re.compile(
    r'<label class="md-nav__link " for="(?P<id>__nav_[\d_]+)" id="(?P=id)_label" tabindex="0">'
    r'(?P<icon>\s*<span class="md-nav__icon md-icon"></span>\s*</label>)'
)
_TITLE = re.compile(r'<span class="md-ellipsis">\s*(?P<title>[^<]*?)\s*</span>')
# How far before the label its index link's title may be (the link's markup).
_TITLE_WINDOW = 1500
_EMPTY_SKIP = re.compile(r'<div data-md-component="skip">\s*</div>')
SKIP_404 = (
    '<div data-md-component="skip">'
    '<a href="#page-not-found" class="md-skip">Skip to content</a></div>'
)


def _named(output: str, where: str) -> str:
    count = output.count(DIALOG)
    if count != 1:
        raise PluginError(
            f"accessible_names: {where}: expected Material's search dialog once, "
            f"found it {count} times: {DIALOG}"
        )
    output = output.replace(DIALOG, NAMED)

    def label(m: re.Match[str]) -> str:
        before = output[max(0, m.start() - _TITLE_WINDOW) : m.start()]
        titles = list(_TITLE.finditer(before))
        if not titles or not titles[-1]["title"]:
            raise PluginError(
                f"accessible_names: {where}: no section title before the navigation "
                f"label {m['id']}_label"
            )
        title = html.escape(html.unescape(titles[-1]["title"]), quote=True)
        return (
            f'<label class="md-nav__link " for="{m["id"]}" id="{m["id"]}_label" tabindex="0">'
            f'<span class="visually-hidden">{title}</span>{m["icon"]}'
        )

    return _ICON_LABEL.sub(label, output)


def on_post_page(output: str, page: Page, **kwargs: object) -> str:
    return _named(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, **kwargs: object) -> str:
    """The static templates: 404.html has the page frame; the sitemaps do not."""
    if not template_name.endswith(".html"):
        return output_content
    output = _named(output_content, template_name)
    if template_name == "404.html":
        output, count = _EMPTY_SKIP.subn(SKIP_404, output)
        if count != 1 or 'id="page-not-found"' not in output:
            raise PluginError(
                "accessible_names: 404.html: expected Material's empty skip-link <div> once "
                'and the heading id="page-not-found" (docs/overrides/404.html)'
            )
    return output
