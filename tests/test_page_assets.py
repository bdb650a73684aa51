"""Each built page links only the stylesheets it uses, and no script blocks its first paint.

See scripts/page_assets.py.  Every page is a full load (Material's instant
navigation is off, mkdocs.yml), so each page's own ``<head>`` is what styles it.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from scripts import page_assets

LINK = re.compile(r'<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"')
SCRIPT = re.compile(r"<script\b([^>]*)\bsrc=\"([^\"]+)\"([^>]*)>")


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def test_each_page_links_exactly_the_stylesheets_it_uses(build: tuple[Path, str]) -> None:
    site, _ = build
    problems = []
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        linked = {page_assets._site_path(href) for href in LINK.findall(html)}
        for css, marker in page_assets.NEEDED_WHEN.items():
            needed = marker is None or marker in html
            if needed != (css in linked):
                state = "lacks" if needed else "links unused"
                problems.append(f"{page.relative_to(site)}: {state} {css}")
    assert not problems, "\n".join(problems)


PRELOAD = re.compile(r'<link rel="preload" href="([^"]+)" as="font" type="font/woff2" crossorigin>')


def test_pages_with_math_preload_katex_fonts_that_exist(build: tuple[Path, str]) -> None:
    site, _ = build
    fonts = page_assets.PRELOAD_WITH["assets/vendor/katex/katex.min.css"]
    problems = []
    with_math = 0
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        preloaded = [(page.parent / href).resolve() for href in PRELOAD.findall(html)]
        expected = [(site / f).resolve() for f in fonts] if 'class="katex' in html else []
        with_math += bool(expected)
        if preloaded != expected:
            problems.append(f"{page.relative_to(site)}: preloads {preloaded}, expected {expected}")
        problems += [f"{page.relative_to(site)}: no {f}" for f in preloaded if not f.is_file()]
    assert with_math > 10
    assert not problems, "\n".join(problems)


def test_no_classic_script_blocks_rendering(build: tuple[Path, str]) -> None:
    site, _ = build
    problems = []
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        for before, src, after in SCRIPT.findall(html):
            attrs = before + after
            if "defer" not in attrs and "async" not in attrs and 'type="module"' not in attrs:
                problems.append(f"{page.relative_to(site)}: blocking <script src={src}>")
    assert not problems, "\n".join(problems)


def test_unknown_stylesheet_fails_the_build() -> None:
    config = SimpleNamespace(extra_css=["stylesheets/new.css"])
    with pytest.raises(PluginError, match="NEEDED_WHEN"):
        page_assets.on_config(config)  # type: ignore[arg-type]
