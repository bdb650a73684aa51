"""Each built page links only the stylesheets it uses, and no script blocks its first paint.

See scripts/page_assets.py.  The browser case checks the claim the hook
relies on: after instant navigation Material adds the next page's stylesheets
to the ``<head>``, so a notebook reached from the home page is styled.
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


def test_instant_navigation_adds_the_next_pages_stylesheets(build, server, browser) -> None:  # type: ignore[no-untyped-def]
    site, _ = build
    notebook = next(p for p in _pages(site) if "jupyter-wrapper" in p.read_text(encoding="utf-8"))
    rel = notebook.relative_to(site).as_posix().removesuffix("index.html")
    page = browser.new_page()
    try:
        page.goto(server, wait_until="load")
        assert not page.locator('link[href$="stylesheets/notebooks.css"]').count()
        # A link in the content (the nav link may sit in a collapsed section);
        # Material intercepts the click and navigates without reloading.
        page.evaluate(
            """href => {
                const a = Object.assign(document.createElement("a"), {href, id: "to-notebook"});
                a.textContent = "notebook";
                document.querySelector("article").append(a);
            }""",
            server + rel,
        )
        page.locator("#to-notebook").click()
        page.wait_for_url(server + rel)
        page.wait_for_function(
            """() => [...document.styleSheets].some(s => s.href?.endsWith("notebooks.css"))"""
        )
        # The styling applies: the notebook's cells take their rules from notebooks.css.
        assert page.evaluate("() => !!document.querySelector('.jupyter-wrapper')")
        # It was instant: the first page's bundle still runs the page.
        assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1
    finally:
        page.close()
