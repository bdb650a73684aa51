"""Build the site with ``mkdocs build --strict`` and check every page in headless Chromium.

For each page, in the light and the dark palette, the browser test asserts:

* no console error and no uncaught exception;
* no request to any host other than the local server (no CDN, no fonts, no
  GitHub API), and no local request that fails;
* every formula rendered (at build time, by KaTeX: each ``.arithmatex``
  element holds exactly one ``.katex``; no raw ``$$``, ``\\(`` or ``\\[`` left
  in the visible text outside code) and no math JavaScript loaded;
* every image loaded and has alt text, and the figures shown are the variant
  made for the active palette.

Chromium comes from Debian (``apt-get install chromium``) and is driven by
Playwright; the test skips, saying why, only where that browser is missing.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW_MATH = re.compile(r"\$\$|\\\(|\\\)|\\\[|\\\]")


def test_strict_build_has_no_warnings(build: tuple[Path, str]) -> None:
    _, log = build
    warnings = [line for line in log.splitlines() if "WARNING" in line]
    assert not warnings, "\n".join(warnings)


def test_every_nav_page_is_built(build: tuple[Path, str]) -> None:
    site, _ = build
    pages = _pages(site)
    assert "index.html" in pages
    # The chapters, the notebooks and the API reference all come out as pages.
    assert len(pages) >= 10, pages


def test_every_dialog_has_an_accessible_name(build: tuple[Path, str]) -> None:
    """axe / Lighthouse aria-dialog-name: Material's search dialog is named (scripts/hooks/)."""
    site, _ = build
    unnamed = [
        rel
        for rel in _pages(site)
        for tag in re.findall(r'<[^>]*\brole="dialog"[^>]*>', (site / rel).read_text("utf-8"))
        if not re.search(r'\baria-(label|labelledby)="[^"]+"', tag)
    ]
    assert not unnamed, f"dialogs without a name on {unnamed}"


def _pages(site: Path) -> list[str]:
    """Every page of the built site: the chapters, notebooks, API pages and the 404 page."""
    pages = sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("index.html")
        if not p.relative_to(site).as_posix().startswith("assets/")
    )
    return [*pages, "404.html"]


_CHECK_PAGE_JS = """
async () => {
  const content = document.querySelector("article.md-content__inner") || document.body;
  const clone = content.cloneNode(true);
  for (const el of clone.querySelectorAll("pre, code, .katex, script, style")) el.remove();
  const visible = clone.innerText || clone.textContent;
  const math = [...document.querySelectorAll(".arithmatex")];
  const unrendered = math
    .filter(el => el.querySelectorAll(".katex").length !== 1)
    .map(el => el.textContent.slice(0, 80));
  // Palette figures are lazy: load the shown ones now; the hidden variant
  // is never fetched (test_only_the_active_palette_figure_is_fetched).
  for (const img of content.querySelectorAll("img")) {
    if (img.offsetParent !== null) {
      img.loading = "eager";
      await img.decode().catch(() => {});
    }
  }
  const imgs = [...content.querySelectorAll("img")].map(img => ({
    src: img.getAttribute("src"),
    alt: img.getAttribute("alt") || "",
    ok: img.offsetParent === null || (img.complete && img.naturalWidth > 0),
    shown: img.offsetParent !== null,
  }));
  return {
    visible,
    mathCount: math.length,
    rendered: document.querySelectorAll(".katex").length,
    unrendered,
    imgs,
    mathJs: !!(window.MathJax || window.katex || window.renderMathInElement),
  };
}
"""


# --- Phone, keyboard and accessibility (issue 14) ---------------------------
#
# axe-core is pinned in pyproject.toml ([tool.infotheory.vendor.axe-core],
# `serve = false`): fetched and verified by scripts/vendor_assets.py, injected
# into each page from the cache, never part of the site.

# WCAG 2.1 A/AA and axe's best practices (unique landmarks, named dialogs,
# content inside landmarks, table headers with text...).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# The palettes differ only in CSS colours, so the second palette is checked
# with the rules that read colours; every rule runs in the light palette.
AXE_RUN = {
    "light": {"runOnly": {"type": "tag", "values": AXE_TAGS}},
    "dark": {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}},
}
PHONE_WIDTHS = (390, 320)

_AXE_JS = """
async (options) => {
  const r = await axe.run(document, options);
  return r.violations.map(v => ({
    id: v.id,
    count: v.nodes.length,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
  }));
}
"""


_OVERFLOW_JS = """
() => ({scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth})
"""

# Elements a keyboard user can tab to, and whether each shows where focus is.
# Called after a real key press, so programmatic focus() counts as keyboard
# focus (:focus-visible) as it would for a reader pressing Tab.
_FOCUS_JS = """
() => {
  const sel = 'a[href], button, input, select, textarea, summary, [tabindex]';
  // Material's palette toggles and search field are visually hidden inputs
  // whose focus is drawn on their label (the toggle) or the search bar itself.
  const drawnElsewhere = ".md-option, .md-search__input, .md-toggle";
  const stops = [...document.querySelectorAll(sel)].filter(el =>
    el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0 &&
    getComputedStyle(el).visibility !== "hidden" && !el.matches(drawnElsewhere));
  const invisible = [];
  for (const el of stops) {
    el.focus({preventScroll: true});
    if (document.activeElement !== el) continue;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow && s.boxShadow !== "none";
    if (!outline && !shadow) invisible.push(el.outerHTML.slice(0, 100));
  }
  // Formulas are read, not operated: none of their parts is a tab stop.
  // A display formula wider than the column is the exception: its scroll box
  // (only that box) is a tab stop so that keyboard users can scroll it.
  const math = stops.filter(el => el.closest(".arithmatex, .katex, math") &&
    !(el.classList.contains("katex-display") && el.scrollWidth > el.clientWidth));
  return {count: stops.length, invisible, math: math.map(el => el.outerHTML.slice(0, 80))};
}
"""

_SKIP_JS = """
() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  // Material may rewrite the href to an absolute URL: compare the fragment.
  const hash = el.href ? decodeURIComponent(new URL(el.href).hash.slice(1)) : "";
  return {
    isSkip: el.classList.contains("md-skip"),
    visible: r.width > 1 && r.height > 1 && r.top >= 0,
    target: !!hash && !!document.getElementById(hash),
  };
}
"""


def _axe_source() -> str:
    from scripts import vendor_assets

    pin = vendor_assets.pins()["axe-core"]
    return (vendor_assets.ensure("axe-core", pin) / "axe.min.js").read_text(encoding="utf-8")


# Two rendering frames, or two seconds if the page produces none: twice on
# 6 December a page's frames stalled inside the full run (never alone), and
# an await on requestAnimationFrame alone hung the whole test run.  Resolves
# to false when the frames did not come.
_TWO_FRAMES = (
    "new Promise(r => { requestAnimationFrame(() => requestAnimationFrame(() => r(true)));"
    " setTimeout(() => r(false), 2000); })"
)


# Wide display formulas, code blocks and tables that are not tab stops, and
# narrow ones that are (after a Tab, which makes docs/javascripts/scroll-boxes.js
# measure every box, including the code blocks Material has not mounted yet).
_SCROLL_BOXES_JS = """
async () => {
  await TWO_FRAMES;
  // A code block is wide by Material's test (any overflow), a formula when
  // it overflows by more than a pixel of rounding.
  const wide = el => el.scrollWidth > el.clientWidth + (el.matches("code") ? 0 : 1);
  const boxes = ".katex-display, .md-content pre > code, .md-typeset table:not([class])";
  return [...document.querySelectorAll(boxes)]
  .filter(el => wide(el) !== (el.tabIndex === 0))
  .map(el => `${wide(el) ? "wide, not" : "fits, but"} a tab stop: ` + el.textContent.slice(0, 60));
}
""".replace("TWO_FRAMES", _TWO_FRAMES)

# The checks of the sweep; each is reported by a test of its own.
SWEEP_CHECKS = ("page", "keyboard", "axe", "phone")


def _sweep(site: Path, server: str, browser, scheme: str) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Visit every page once in `scheme` and run every per-page check on it.

    One visit per page, not one per check: loading the 46 pages was most of
    the test time.  Per page, in this order:

    1. keyboard (on the page as loaded: the first Tab must reach the skip link);
    2. force every block to render (content-visibility skips off-screen ones,
       which would then neither overflow nor be checked by axe);
    3. the page itself (console, requests, math, images), then axe at 1280 px;
    4. phone widths: no sideways scrolling at 390 and 320 px, and the wide
       formulas, which scroll in their own box, are tab stops.
    """
    problems: dict[str, list[str]] = {check: [] for check in SWEEP_CHECKS}
    axe = _axe_source()
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    events: list[str] = []

    def on_console(msg) -> None:  # type: ignore[no-untyped-def]
        if msg.type == "error":
            events.append(f"console error: {msg.text}")

    def on_request(request) -> None:  # type: ignore[no-untyped-def]
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if urlparse(request.url).hostname not in ("127.0.0.1", "localhost"):
            events.append(f"external request: {request.url}")

    def on_failed(request) -> None:  # type: ignore[no-untyped-def]
        # Leaving a page aborts what it still had in flight (a favicon, say):
        # that is the navigation's doing, not a broken link.
        if "ERR_ABORTED" not in (request.failure or ""):
            events.append(f"failed request: {request.url} ({request.failure})")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: events.append(f"uncaught exception: {exc}"))
    page.on("request", on_request)
    page.on("requestfailed", on_failed)
    page.on(
        "response",
        lambda r: events.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
    )

    for rel in _pages(site):
        where = f"[{scheme}] {rel}"
        events.clear()
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(server + rel.removesuffix("index.html"), wait_until="load")

        page.keyboard.press("Tab")
        skip = page.evaluate(_SKIP_JS)
        if not (skip["isSkip"] and skip["visible"] and skip["target"]):
            problems["keyboard"].append(f"{where}: the first Tab shows no working skip link {skip}")
        focus = page.evaluate(_FOCUS_JS)
        problems["keyboard"] += [f"{where}: focus not visible on {h}" for h in focus["invisible"]]
        if focus["math"]:
            problems["keyboard"].append(
                f"{where}: {len(focus['math'])} tab stops in formulas: {focus['math'][:2]}"
            )

        page.add_style_tag(content=_FORCE_RENDER_CSS)
        result = page.evaluate(_CHECK_PAGE_JS)
        page.wait_for_load_state("networkidle")
        problems["page"] += _page_problems(where, scheme, result, events)
        page.add_script_tag(content=axe)
        for v in page.evaluate(_AXE_JS, AXE_RUN[scheme]):
            problems["axe"].append(f"{where}: {v['id']} x{v['count']}: {v['targets']}")

        for width in PHONE_WIDTHS:
            page.set_viewport_size({"width": width, "height": 844})
            m = page.evaluate(_OVERFLOW_JS)
            if m["scroll"] > m["inner"]:
                problems["phone"].append(f"{where} at {width} px: page is {m['scroll']} px wide")
            page.keyboard.press("Tab")
            boxes = page.evaluate(_SCROLL_BOXES_JS)
            problems["phone"] += [f"{where} at {width} px: {box}" for box in boxes]
    context.close()
    return problems


def _page_problems(where: str, scheme: str, result: dict, events: list[str]) -> list[str]:  # type: ignore[type-arg]
    problems = [f"{where}: {e}" for e in events]
    if result["mathJs"]:
        problems.append(f"{where}: math JavaScript is loaded (math is rendered at build time)")
    if result["unrendered"]:
        problems.append(f"{where}: unrendered formulas: {result['unrendered'][:3]}")
    raw = RAW_MATH.findall(result["visible"])
    if raw:
        problems.append(f"{where}: raw TeX delimiters in visible text: {sorted(set(raw))}")
    if result["mathCount"] != result["rendered"]:
        n, rendered = result["mathCount"], result["rendered"]
        problems.append(f"{where}: {n} formulas but {rendered} rendered")
    for img in result["imgs"]:
        if not img["ok"]:
            problems.append(f"{where}: image did not load: {img['src']}")
        if not img["alt"].strip():
            problems.append(f"{where}: image without alt text: {img['src']}")
        src = (img["src"] or "").split("#")[0]
        if "figures/" in src and img["shown"] and not src.endswith(f".{scheme}.svg"):
            problems.append(f"{where}: {src} is shown in the {scheme} palette")
    return problems


@pytest.fixture(scope="module")
def sweep(build, server, browser):  # type: ignore[no-untyped-def]
    """The sweep's problems per palette, computed once and shared by the four tests below."""
    site, _ = build
    done: dict[str, dict[str, list[str]]] = {}

    def problems(scheme: str, check: str) -> list[str]:
        if scheme not in done:
            done[scheme] = _sweep(site, server, browser, scheme)
        return done[scheme][check]

    return problems


SCHEMES = pytest.mark.parametrize("scheme", ["light", "dark"])


@SCHEMES
def test_every_page_in_the_browser(sweep, scheme: str) -> None:  # type: ignore[no-untyped-def]
    """No console error, no external or failed request, math and images right, right palette."""
    problems = sweep(scheme, "page")
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


@SCHEMES
def test_axe_finds_no_violations(sweep, scheme: str) -> None:  # type: ignore[no-untyped-def]
    """axe-core's WCAG 2 A/AA rules and best practices on every page, at desktop width.

    In the dark palette only the rules that depend on colours (AXE_RUN).
    """
    problems = sweep(scheme, "axe")
    assert not problems, f"{len(problems)} axe violation(s):\n" + "\n".join(problems)


@SCHEMES
def test_phone_widths_do_not_scroll_sideways(sweep, scheme: str) -> None:  # type: ignore[no-untyped-def]
    """At 390 and 320 px the page never scrolls sideways; wide formulas scroll in a tab stop."""
    problems = sweep(scheme, "phone")
    assert not problems, "\n".join(problems)


@SCHEMES
def test_keyboard_focus_is_visible_and_skips_formulas(sweep, scheme: str) -> None:  # type: ignore[no-untyped-def]
    """Every tab stop shows focus, formulas are no tab stops, skip-to-content works."""
    problems = sweep(scheme, "keyboard")
    assert not problems, "\n".join(problems)


# Long pages render lazily (content-visibility in docs/stylesheets/extra.css).
# Containment must not move anything: with every block laid out once (scrolled
# through), the offsets are the same as when nothing is skipped.
_FORCE_RENDER_CSS = ".md-typeset * { content-visibility: visible !important; }"

_OFFSETS_JS = """
async (scrollFirst) => {
  let stalls = 0;
  const frame = async () => { if (!(await TWO_FRAMES)) stalls++; };
  if (scrollFirst) {
    for (let y = 0; y < document.scrollingElement.scrollHeight; y += innerHeight * 0.8) {
      window.scrollTo(0, y);
      await frame();
    }
    window.scrollTo(0, 0);
  }
  await frame();
  const sel = ".md-typeset > *, .md-typeset :is(h2, h3), .jp-Cell, .jp-RenderedHTMLCommon > *";
  const lazy = [...document.querySelectorAll(".md-typeset *")]
    .filter(el => getComputedStyle(el).contentVisibility === "auto").length;
  return {
    lazy,
    stalls,
    height: document.scrollingElement.scrollHeight,
    tops: [...document.querySelectorAll(sel)].map(el => {
      const r = el.getBoundingClientRect();
      return [Math.round(r.top + scrollY), Math.round(r.height)];
    }),
  };
}
""".replace("TWO_FRAMES", _TWO_FRAMES)

# Layout shifts while a page loads, with the element that moved.  A lazy block
# painted at its placeholder height on the first screen pushed the text below it
# down once it rendered (0.07 on the home page, 0.27 on a notebook), and
# KaTeX's fonts arriving after the first paint reflowed the formulas (0.11 on
# api/coding/ and api/knn/, before they were preloaded: scripts/page_assets.py).
# A tenth of Lighthouse's "good" limit (0.1) is allowed.
MAX_LOAD_SHIFT = 0.01
_SHIFTS_INIT = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    window.__shifts.push({value: e.value, moved: e.sources.map(s => {
      const el = s.node && s.node.nodeType === 1 ? s.node : s.node && s.node.parentElement;
      const name = el ? el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
        + (el.className ? "." + String(el.className).trim().split(/\\s+/).join(".") : "") : "?";
      return `${name} ${Math.round(s.previousRect.top)} -> ${Math.round(s.currentRect.top)}`;
    })});
  }
}).observe({type: "layout-shift", buffered: true});
"""

_SHIFTS_JS = """
async () => {
  await new Promise(r => setTimeout(r, 500));
  await TWO_FRAMES;
  return window.__shifts;
}
""".replace("TWO_FRAMES", _TWO_FRAMES)

# A chapter, its notebook, an API page and the home page: every kind of block,
# with the least number of lazily rendered blocks each must have.
_LAYOUT_PAGES = {
    "kl-divergence/": 50,
    "notebooks/kl-divergence/": 50,
    # The notebook whose first three cells are the shortest.
    "notebooks/differential-entropy/": 10,
    "api/divergence/": 20,
    "api/coding/": 0,
    "api/knn/": 0,
    "": 0,
}


@pytest.mark.parametrize("width", [390, 1280])
def test_lazy_rendering_does_not_move_the_layout(build, server, browser, width: int) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": width, "height": 844})
    context.add_init_script(_SHIFTS_INIT)
    page = context.new_page()
    problems: list[str] = []
    for rel, least_lazy in _LAYOUT_PAGES.items():
        page.goto(server + rel, wait_until="load")
        shifts = page.evaluate(_SHIFTS_JS)
        if (total := sum(s["value"] for s in shifts)) >= MAX_LOAD_SHIFT:
            problems.append(
                f"{rel or 'home'} at {width} px: layout shift {total:.3f} while loading "
                f"(at most {MAX_LOAD_SHIFT}): {shifts[:3]}"
            )
        lazy = page.evaluate(_OFFSETS_JS, True)
        if lazy["stalls"]:
            # The blocks scrolled past while frames stalled were never
            # rendered (see _TWO_FRAMES): scroll through a fresh load once more.
            page.goto(server + rel, wait_until="load")
            lazy = page.evaluate(_OFFSETS_JS, True)
        if lazy["stalls"]:
            problems.append(f"{rel or 'home'} at {width} px: no frames for {lazy['stalls']} waits")
            continue
        page.add_style_tag(content=_FORCE_RENDER_CSS)
        full = page.evaluate(_OFFSETS_JS, False)
        where = f"{rel or 'home'} at {width} px"
        if lazy["lazy"] < least_lazy:
            problems.append(f"{where}: only {lazy['lazy']} lazily rendered blocks")
        if full["lazy"]:
            problems.append(f"{where}: forcing rendering left {full['lazy']} lazy blocks")
        if len(lazy["tops"]) != len(full["tops"]):
            counts = f"{len(lazy['tops'])} blocks lazily, {len(full['tops'])} fully rendered"
            problems.append(f"{where}: {counts}")
            continue
        pairs = enumerate(zip(lazy["tops"], full["tops"], strict=True))
        moved = [(i, a, b) for i, (a, b) in pairs if a != b]
        if moved or lazy["height"] != full["height"]:
            problems.append(
                f"{where}: page {lazy['height']} px lazily, {full['height']} px fully rendered; "
                f"first moved blocks (index, [top, height] lazy, full): {moved[:4]}"
            )
    context.close()
    assert not problems, "\n".join(problems)


SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"")
PALETTE_IMG = re.compile(r"<img\b[^>]*\bsrc=\"[^\"]+#only-(?:light|dark)\"[^>]*>")
# Where TeX may legitimately remain: code, and KaTeX's MathML annotation.
NOT_PROSE = re.compile(
    r"<(pre|code|script|style|annotation)\b.*?</\1>|<[^>]+>", re.DOTALL | re.IGNORECASE
)


def test_math_rendered_at_build_time_and_palette_figures_lazy(build: tuple[Path, str]) -> None:
    """On every built page: math typeset once by KaTeX, no math JS, lazy palette figures."""
    site, _ = build
    problems: list[str] = []
    formulas = 0
    for rel in _pages(site):
        text = (site / rel).read_text(encoding="utf-8")
        # One rendered formula per source formula: arithmatex's elements (kept
        # around each formula by scripts/hooks/math.py), KaTeX's outputs and
        # the TeX annotations (one per formula KaTeX rendered) all agree.
        sources = text.count('class="arithmatex"')
        rendered = text.count('<span class="katex">')
        annotations = text.count('<annotation encoding="application/x-tex"')
        if not sources == rendered == annotations:
            problems.append(
                f"{rel}: {sources} formulas, {rendered} rendered, {annotations} annotated"
            )
        formulas += sources
        raw = RAW_MATH.findall(NOT_PROSE.sub(" ", text.split("<body", 1)[-1]))
        if raw:
            problems.append(f"{rel}: raw TeX left: {sorted(set(raw))}")
        for src in SCRIPT_SRC.findall(text):
            if re.search(r"mathjax|katex|tex-", src, re.IGNORECASE):
                problems.append(f"{rel}: loads math JavaScript {src}")
        for img in PALETTE_IMG.findall(text):
            if 'loading="lazy"' not in img or not re.search(r'width="\d+" height="\d+"', img):
                problems.append(f"{rel}: palette figure not lazy and sized: {img[:120]}")
    assert not list(site.rglob("katex*.js")), "KaTeX's JavaScript is in the site"
    # The chapters have math; a hook that rendered nothing would pass the rest.
    assert formulas > 100, f"only {formulas} formulas on the whole site"
    assert not problems, "\n".join(problems)


def test_notebook_pages_show_the_chapters_figures(build: tuple[Path, str]) -> None:
    """A notebook page draws its figures as its chapter does (palette SVGs), not as PNG data."""
    site, _ = build
    figure = re.compile(r'src="(?:\.\./)+figures/([\w.-]+)\.(?:light|dark)\.svg#only-')
    chapters = [p.parent.name for p in (site / "notebooks").glob("*/index.html")]
    assert len(chapters) >= 8, chapters
    for chapter in chapters:
        notebook = (site / "notebooks" / chapter / "index.html").read_text(encoding="utf-8")
        page = (site / chapter / "index.html").read_text(encoding="utf-8")
        assert "data:image/png" not in notebook, f"notebooks/{chapter}: a figure is inlined as PNG"
        assert figure.findall(notebook) == figure.findall(page), chapter


def test_only_the_active_palette_figure_is_fetched(build, server, browser) -> None:  # type: ignore[no-untyped-def]
    site, _ = build
    page_rel = next(
        rel for rel in _pages(site) if "#only-dark" in (site / rel).read_text(encoding="utf-8")
    )
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(urlparse(r.url).path))
    page.goto(server + page_rel.removesuffix("index.html"), wait_until="load")
    # Lazy images load near the viewport: bring the first figure into view.
    first = page.locator('img[src*=".light.svg"]').first
    first.scroll_into_view_if_needed()
    # Wait for the shown figure itself (a fixed pause fails on a loaded machine).
    loaded = "img => img.complete && img.naturalWidth > 0"
    page.wait_for_function(loaded, arg=first.element_handle())
    page.wait_for_load_state("networkidle")
    light = [p for p in fetched if p.endswith(".light.svg")]
    dark = [p for p in fetched if p.endswith(".dark.svg")]
    assert light, f"{page_rel}: no light figure fetched"
    assert not dark, f"{page_rel}: dark figures fetched in the light palette: {dark}"
    # Material's palette toggle (the label of the next palette's radio input);
    # the dark variant is requested once it is shown.
    with page.expect_request(lambda r: r.url.split("#")[0].endswith(".dark.svg"), timeout=15_000):
        page.locator('label[for="__palette_1"]').first.click()
    context.close()


# Code blocks and their copy-button bars, as `content.lazy` leaves them
# (blocks in a closed <details>, the exercises' solutions, are not shown).
_CODE_BLOCKS_JS = """
() => [...document.querySelectorAll(".md-content pre:has(> code)")].map(pre => {
  const nav = pre.querySelector(":scope > .md-code__nav");
  const copy = !!nav?.querySelector("[data-md-type=copy]");
  const bar = nav && {label: nav.getAttribute("aria-label"), copy};
  return {shown: pre.checkVisibility(), bar};
})
"""


def test_code_blocks_mount_as_they_scroll_into_view(build, server, browser) -> None:  # type: ignore[no-untyped-def]
    """Off-screen code blocks wait for Material (`content.lazy`); shown, they get a copy button.

    Each bar is named after the block's place on the page, whatever the order
    of mounting (docs/javascripts/code-nav-names.js).
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "kl-divergence/", wait_until="load")
    page.evaluate(f"() => {_TWO_FRAMES}")
    blocks = page.evaluate(_CODE_BLOCKS_JS)
    last = max(i for i, block in enumerate(blocks) if block["shown"])
    assert last > 5, blocks
    assert blocks[last]["bar"] is None, "the last code block was mounted before it was shown"
    # Mount the last block first: its name must still be its place on the page.
    # Scrolled to again on every poll: blocks above it that render for the
    # first time grow from their placeholder height and can push it away.
    shown = f"""() => {{
      const pre = document.querySelectorAll(".md-content pre:has(> code)")[{last}];
      pre.scrollIntoView({{block: "center"}});
      return ({_CODE_BLOCKS_JS})()[{last}].bar !== null;
    }}"""
    page.wait_for_function(shown, polling=250)
    bar = page.evaluate(_CODE_BLOCKS_JS)[last]["bar"]
    assert bar == {"label": f"Code block {last + 1}", "copy": True}, bar
    context.close()


# What makes Chromium restyle every element of a page once it is styled: a
# change of the class of <html> or <body> (Material's stylesheet has selectors
# such as `table:not([class]) td > :first-child`, so any class change
# invalidates every descendant), a <meta name="color-scheme"> inserted or
# changed, and a stylesheet's href rewritten (it is loaded and applied again).
# Material's bundle did all of them at every load (docs/overrides/main.html and
# scripts/material_patches.py keep the first two out; the third came with
# instant navigation, now off); on a chapter each was a restyle of ~2 000
# elements, 50-150 ms of a phone's main thread.
_RESTYLE_INIT = """
window.__classes = [];
window.__sheets = [];
// Runs before <html> exists: observe the document, keep <html> and <body>.
new MutationObserver(records => {
  for (const r of records) {
    if (r.attributeName === "href" && r.target.matches('link[rel="stylesheet"]'))
      window.__sheets.push(`${r.oldValue} -> ${r.target.getAttribute("href")}`);
    else if (r.target === document.documentElement || r.target === document.body)
      window.__classes.push({tag: r.target.tagName, old: r.oldValue, body: !!document.body});
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["class", "href"],
                      attributeOldValue: true});
"""

_RESTYLE_JS = """
async () => {
  await new Promise(r => setTimeout(r, 500));
  const changes = [];
  for (const tag of ["HTML", "BODY"]) {
    const el = tag === "HTML" ? document.documentElement : document.body;
    // A record's old value is the value before it; the last value is the current one.
    const seen = window.__classes.filter(c => c.tag === tag && c.body);
    const values = [...seen.map(c => c.old), el.className];
    for (let i = 1; i < values.length; i++)
      if (values[i] !== values[i - 1])
        changes.push(`<${tag.toLowerCase()}> class "${values[i - 1]}" -> "${values[i]}"`);
  }
  return {
    changes,
    sheets: window.__sheets,
    metas: document.querySelectorAll('meta[name="color-scheme"]').length,
    rootScheme: getComputedStyle(document.documentElement).colorScheme,
    palette: document.body.getAttribute("data-md-color-scheme"),
  };
}
"""


@pytest.mark.parametrize("rel", ["kl-divergence/", "notebooks/kl-divergence/", "api/divergence/"])
def test_material_does_not_restyle_the_whole_page_at_load(server, browser, rel: str) -> None:  # type: ignore[no-untyped-def]
    """Nothing at load restyles the whole page: no class change on <html>/<body>
    once the body is parsed, no color-scheme meta, no stylesheet loaded twice.

    And the page's root still takes the palette's colour scheme (which the
    meta gave it), before and after the palette is switched.
    """
    for scheme, expected in (("light", "normal"), ("dark", "dark")):
        context = browser.new_context(color_scheme=scheme)
        context.add_init_script(_RESTYLE_INIT)
        page = context.new_page()
        page.goto(server + rel, wait_until="load")
        found = page.evaluate(_RESTYLE_JS)
        assert not found["changes"], f"{rel} ({scheme}): {found['changes']}"
        assert found["metas"] == 0, f"{rel} ({scheme}): Material added a color-scheme meta"
        assert not found["sheets"], (
            f"{rel} ({scheme}): stylesheet links rewritten {found['sheets']}"
        )
        assert found["rootScheme"] == expected, (rel, scheme, found)
        # Switch the palette: the root follows it.
        page.locator("label.md-header__button[for^='__palette_']:visible").first.click()
        switched = "dark" if expected == "normal" else "normal"
        page.wait_for_function(
            "s => getComputedStyle(document.documentElement).colorScheme === s", arg=switched
        )
        context.close()
