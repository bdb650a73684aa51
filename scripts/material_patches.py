"""Material's built assets without the code that restyles every element at load.

A page of this site is long (a chapter is ~16 000 elements), so anything that
makes the browser restyle the whole page while it loads costs a phone's main
thread 50-150 ms.  Two such things are in Material's own assets (9.8.2, pinned
in pyproject.toml), and ``on_post_build`` edits the built site's copies:

``palette-switching-rule`` (``palette.*.min.css``)
    The palette stylesheet freezes transitions while the palette switches::

        [data-md-color-switching] *, ... { transition-duration: 0s !important }

    Material's palette component sets ``data-md-color-switching`` on
    ``<body>`` when it mounts, on every page load, and removes it a task later;
    with a rule keyed on that attribute for every descendant, each change
    restyled the whole page (the KL notebook: 2 x 2 500 elements).  Without
    the rule, switching the palette fades the colours that Material animates
    anyway (links, header: 0.125-0.25 s) instead of swapping them at once.

``color-scheme-meta`` (``bundle.*.min.js``)
    The palette component adds ``<meta name="color-scheme">`` to the head and
    then sets its content to the header's ``color-scheme``.  Chromium restyles
    every element of the page on each insertion or change of that element,
    whatever its value: two full restyles at every load (about 2 x 60 ms of
    a phone's CPU on a chapter).  The patched bundle no longer creates it;
    ``stylesheets/extra.css`` gives the root the palette's colour scheme
    instead (``:root:has(> body[data-md-color-scheme=slate])``), which changes
    only when the palette does.  The replacement is padded with spaces to the
    original's length so that the bundle's source map stays right.

Each patch names the exact text it replaces: a build whose Material asset
holds neither that text (once) nor the patched text fails, saying which patch
needs looking at (a Material release that changed its code).  Applying a
patch twice changes nothing (``mkdocs serve --dirty`` keeps patched copies).
The hook is scripts/hooks/material_patches.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Patch:
    """Replace ``old`` (present exactly once) with ``new`` in the one file matching ``glob``."""

    name: str
    glob: str
    old: str
    new: str

    def apply(self, text: str) -> str:
        """``text`` patched, or as it is if patched already; ValueError unless ``old`` is once."""
        if self.new in text and self.old not in text:
            return text
        if text.count(self.old) != 1:
            raise ValueError(
                f"patch {self.name!r}: expected Material's text once, found it "
                f"{text.count(self.old)} times: {self.old}"
            )
        return text.replace(self.old, self.new)


def _same_length(old: str, new: str) -> str:
    """``new`` padded with spaces to the length of ``old`` (columns after it do not move)."""
    if len(new) > len(old):
        raise ValueError(f"replacement longer than the original: {new!r}")
    return new + " " * (len(old) - len(new))


_SWITCHING_RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,"
    "[data-md-color-switching] :before{transition-duration:0s!important}"
)
_META = 'let o=x("meta",{name:"color-scheme"});document.head.appendChild(o);'

PATCHES = (
    Patch(
        name="palette-switching-rule",
        glob="assets/stylesheets/palette.*.min.css",
        old=_SWITCHING_RULE,
        new="/* [data-md-color-switching] rule removed: scripts/material_patches.py */",
    ),
    Patch(
        name="color-scheme-meta",
        glob="assets/javascripts/bundle.*.min.js",
        old=_META,
        # `o` only ever has its `content` set: a plain object takes it.
        new=_same_length(_META, "let o={}/*no color-scheme meta: scripts/material_patches.py*/;"),
    ),
)


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    for patch in PATCHES:
        found = sorted(site.glob(patch.glob))
        if len(found) != 1:
            raise PluginError(
                f"material_patches: patch {patch.name!r} expects one {patch.glob}, found {found}"
            )
        text = found[0].read_text(encoding="utf-8")
        try:
            patched = patch.apply(text)
        except ValueError as error:
            raise PluginError(f"material_patches: {found[0].name}: {error}") from error
        if patched != text:
            found[0].write_text(patched, encoding="utf-8")
