"""Material's palette stylesheet without the rule that restyles every element at load.

``palette.css`` freezes transitions while the palette switches::

    [data-md-color-switching] *, ... { transition-duration: 0s !important }

and Material's palette component sets ``data-md-color-switching`` on
``<body>`` when it mounts, on every page load, and removes it a task later.
With a rule keyed on that attribute for every descendant, each change makes
the browser restyle the whole page: two full style recalculations of every
rendered element at load (the KL notebook: 2 x 2 500 elements, 65 ms of a
desktop CPU, four times that on Lighthouse's phone) for an attribute that
changes nothing at load.  Without the rule, switching the palette fades the
colours that Material animates anyway (links, header: 0.125-0.25 s) instead
of swapping them at once.

``on_post_build`` removes the rule from the built site's copy of the
stylesheet and leaves :data:`MARKER` in its place; it fails the build if
Material's stylesheet has neither (a Material release that changed the rule
needs this module looked at).  The hook is scripts/hooks/material_css.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,"
    "[data-md-color-switching] :before{transition-duration:0s!important}"
)
MARKER = "/* [data-md-color-switching] rule removed: scripts/material_css.py */"
STYLESHEETS = "assets/stylesheets"


def patch(css: str) -> str:
    """``css`` without :data:`RULE` (once), :data:`MARKER` in its place; idempotent."""
    if MARKER in css and RULE not in css:
        return css  # a dirty rebuild kept the patched copy
    if css.count(RULE) != 1:
        raise ValueError(
            f"expected Material's palette rule once, found it {css.count(RULE)} times: {RULE}"
        )
    return css.replace(RULE, MARKER)


def on_post_build(config: MkDocsConfig) -> None:
    found = sorted((Path(config.site_dir) / STYLESHEETS).glob("palette.*.min.css"))
    if len(found) != 1:
        raise PluginError(f"material_css: expected one palette.*.min.css in {STYLESHEETS}: {found}")
    css = found[0].read_text(encoding="utf-8")
    try:
        patched = patch(css)
    except ValueError as error:
        raise PluginError(f"material_css: {found[0].name}: {error}") from error
    if patched != css:
        found[0].write_text(patched, encoding="utf-8")
