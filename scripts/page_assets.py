"""Each page loads only the stylesheets it uses, and no script blocks its first paint.

Material puts every ``extra_css`` entry in every page's ``<head>``; each is a
render-blocking request.  ``NEEDED_WHEN`` says, for each stylesheet, which
markup in the page's HTML needs it; ``on_post_page`` drops the ``<link>`` of a
stylesheet whose markup the page does not contain.  Every page is a full load
(Material's instant navigation is off: mkdocs.yml), so a page's own
``<head>`` is all that styles it.

Material's ``bundle.js`` is a classic script at the end of ``<body>``, which
Chromium still counts as render-blocking; it gets ``defer`` (so does every
classic ``extra_javascript`` entry, which needs ``document$`` from the bundle;
deferred and module scripts run in document order).

The hook is scripts/hooks/page_assets.py.  Fails the build on a configured
stylesheet this table does not know, and on a page whose ``<head>`` lacks a
stylesheet link or whose body lacks the bundle.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

# Stylesheet (site path) -> a string of the page's HTML that means it is used
# (None: every page).
NEEDED_WHEN: dict[str, str | None] = {
    "assets/vendor/katex/katex.min.css": 'class="katex',
    "stylesheets/extra.css": None,
    "stylesheets/notebooks.css": "jupyter-wrapper",
    "stylesheets/api.css": 'class="doc doc-',
    "assets/_mkdocstrings.css": 'class="doc doc-',
    "stylesheets/explorables.css": "data-explorable=",
}

# Fonts every page with math uses, fetched from the start instead of once the
# stylesheet is parsed and the text laid out: arriving after the first paint,
# they reflowed the formulas (KaTeX's font-display: block still lays out with
# the fallback's metrics), a layout shift of up to 0.1 on the API pages.
PRELOAD_WITH = {
    "assets/vendor/katex/katex.min.css": (
        "assets/vendor/katex/fonts/KaTeX_Main-Regular.woff2",
        "assets/vendor/katex/fonts/KaTeX_Math-Italic.woff2",
    ),
}

_PRELOAD = '<link rel="preload" href="{href}" as="font" type="font/woff2" crossorigin>'
_LINK = re.compile(r'<link\b[^>]*\brel="stylesheet"[^>]*\bhref="(?P<href>[^"]+)"[^>]*>\s*')
_BUNDLE = re.compile(r'<script src="(?P<src>[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)">')
_CLASSIC = re.compile(r'<script src="(?P<src>[^"]+)"(?P<rest>[^>]*)>')


def _site_path(href: str) -> str:
    """``../../stylesheets/x.css?v=1`` -> ``stylesheets/x.css``."""
    path = href.split("?")[0].split("#")[0]
    while path.startswith(("../", "./")):
        path = path.split("/", 1)[1]
    return path


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    unknown = [str(css) for css in config.extra_css if _site_path(str(css)) not in NEEDED_WHEN]
    if unknown:
        raise PluginError(
            f"page_assets: extra_css {unknown} not in NEEDED_WHEN of scripts/page_assets.py; "
            "say there which pages need it"
        )
    return config


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    head_end = output.find("</head>")
    if head_end < 0:
        raise PluginError(f"page_assets: {page.file.src_uri}: no </head>")
    head, body = output[:head_end], output[head_end:]

    configured = {_site_path(str(css)) for css in config.extra_css}
    seen: set[str] = set()

    def keep_or_drop(match: re.Match[str]) -> str:
        path = _site_path(match["href"])
        if path not in configured:
            return match[0]  # Material's own stylesheets
        seen.add(path)
        marker = NEEDED_WHEN[path]
        if marker is not None and marker not in output:
            return ""
        prefix = match["href"].split("?")[0].removesuffix(path)
        fonts = PRELOAD_WITH.get(path, ())
        return "".join(_PRELOAD.format(href=prefix + font) for font in fonts) + match[0]

    head = _LINK.sub(keep_or_drop, head)
    missing = configured - seen
    if missing:
        raise PluginError(f"page_assets: {page.file.src_uri}: no <link> for {sorted(missing)}")

    body, count = _BUNDLE.subn(r'<script src="\g<src>" defer>', body)
    if count != 1:
        raise PluginError(
            f"page_assets: {page.file.src_uri}: expected Material's bundle.js once, found {count}"
        )
    scripts = {_site_path(str(js)) for js in config.extra_javascript}

    def defer(match: re.Match[str]) -> str:
        rest = match["rest"]
        if _site_path(match["src"]) not in scripts or 'type="module"' in rest or "defer" in rest:
            return match[0]
        return f'<script src="{match["src"]}"{rest} defer>'

    return head + _CLASSIC.sub(defer, body)


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    missing = [f for fonts in PRELOAD_WITH.values() for f in fonts if not (site / f).is_file()]
    if missing:
        raise PluginError(f"page_assets: preloaded fonts not in the site: {missing}")
