"""Math typeset once, at build time, with KaTeX: pages ship CSS and fonts, no math JS.

``pymdownx.arithmatex`` (``generic: true``) leaves each formula of a Markdown
page as ``<span class="arithmatex">\\(...\\)</span>`` or
``<div class="arithmatex">\\[...\\]</div>``; notebook pages (mkdocs-jupyter)
leave ``$...$`` and ``$$...$$`` as text inside their rendered Markdown cells
(``jp-RenderedMarkdown``).  ``on_page_content`` replaces each with KaTeX's HTML
(and MathML for screen readers), rendered by one node process for the whole
build (``scripts/katex_render.js``, fed one page's formulas per line).  The
build fails, naming page and formula, on a KaTeX error and on arithmatex
markup this hook does not know.  Display math sits in a scroll box
(``.katex-display``, styled in ``stylesheets/extra.css``) so that a wide
formula never widens the page.

Search indexes each formula as the text of its MathML (``D KL ( P ∥ Q )``),
not as TeX or KaTeX's glyph spans: Material's search reads ``page.content`` in
``on_page_context``, so this hook hands it a copy with the formulas replaced by
their text just before, and puts the page back just after.
(``data-search-exclude`` cannot do it: Material's parser forgets the
exclusion at the first nested ``</span>``.)
"""

from __future__ import annotations

import atexit
import html
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import _root  # noqa: F401  (puts the repository root on sys.path)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.pages import Page

from scripts import vendor_assets
from scripts.search_text import mathml_text

RUNNER = Path(__file__).resolve().parent.parent / "katex_render.js"

# arithmatex's generic output, exactly (its content is HTML-escaped TeX).
ARITHMATEX = re.compile(
    r'<span class="arithmatex">\\\((?P<inline>.*?)\\\)</span>'
    r'|<div class="arithmatex">\\\[(?P<display>.*?)\\\]</div>',
    re.DOTALL,
)
# A rendered notebook Markdown cell: mkdocs-jupyter's markup, up to the
# closing tags of the cell's inner and outer div.
NB_CELL = re.compile(
    r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>\s*</div>)',
    re.DOTALL,
)
# $$...$$ first, then $...$ (no space inside the delimiters, as Jupyter's).
NB_MATH = re.compile(
    r"\$\$(?P<display>.+?)\$\$|(?<![\\$])\$(?P<inline>[^\s$](?:[^$]*?[^\s\\$])?)\$(?!\d)",
    re.DOTALL,
)
# Code in a cell is not math.
NB_CODE = re.compile(r"(<pre\b.*?</pre>|<code\b.*?</code>)", re.DOTALL)

_process: subprocess.Popen[str] | None = None


def _renderer() -> subprocess.Popen[str]:
    global _process
    if _process is None or _process.poll() is not None:
        node = shutil.which("node")
        if node is None:
            raise PluginError("math: node is needed to render the formulas with KaTeX")
        pin = vendor_assets.pins()["katex"]
        katex_js = vendor_assets.ensure("katex", pin) / "dist" / "katex.min.js"
        _process = subprocess.Popen(
            [node, str(RUNNER), str(katex_js)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        atexit.register(_stop)
    return _process


def _stop() -> None:
    global _process
    if _process is not None:
        assert _process.stdin is not None
        _process.stdin.close()
        _process.wait(timeout=10)
        _process = None


def render(formulas: list[tuple[str, bool]], where: str) -> list[str]:
    """Render ``(tex, display)`` pairs with KaTeX; raise naming ``where`` on an error."""
    if not formulas:
        return []
    proc = _renderer()
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(json.dumps([{"tex": t, "display": d} for t, d in formulas]) + "\n")
    proc.stdin.flush()
    line = proc.stdout.readline()
    if not line:
        raise PluginError(f"math: the KaTeX process stopped while rendering {where}")
    results = json.loads(line)
    errors = [
        f"  {tex!r}: {r['error']}"
        for (tex, _), r in zip(formulas, results, strict=True)
        if "error" in r
    ]
    if errors:
        raise PluginError(f"math: KaTeX cannot render formulas on {where}:\n" + "\n".join(errors))
    return [r["html"] for r in results]


MATHML = re.compile(r"<math\b.*?</math>", re.DOTALL)


def search_text(rendered: str) -> str:
    """Return a formula's readable text (``log(1/p)``, ``σ²``), made from its MathML."""
    mathml = MATHML.search(rendered)
    if mathml is None:
        raise PluginError(f"math: KaTeX output without MathML: {rendered[:200]}")
    return mathml_text(mathml[0])


def _markdown_math(content: str, where: str) -> str:
    matches = list(ARITHMATEX.finditer(content))
    found = content.count('class="arithmatex"')
    if found != len(matches):
        raise PluginError(
            f"math: {where} has arithmatex markup this hook does not recognise "
            f"({found} elements, {len(matches)} understood)"
        )
    formulas = [
        (
            html.unescape(m["display"] if m["display"] is not None else m["inline"]).strip(),
            m["display"] is not None,
        )
        for m in matches
    ]
    rendered = iter(_remember(where, render(formulas, where)))
    # The arithmatex element stays around its formula (a stable hook for the
    # tests and the stylesheet); only its TeX is replaced.
    return ARITHMATEX.sub(
        lambda m: _wrap(next(rendered), "div" if m["display"] is not None else "span"), content
    )


# Per page: KaTeX HTML of each formula -> its search text.
_texts: dict[str, dict[str, str]] = {}


def _remember(where: str, rendered: list[str]) -> list[str]:
    texts = _texts.setdefault(where, {})
    for r in rendered:
        texts[r] = html.escape(search_text(r))
    return rendered


def _wrap(rendered: str, tag: str) -> str:
    return f'<{tag} class="arithmatex">{rendered}</{tag}>'


def _notebook_math(content: str, where: str) -> str:
    """Render ``$``/``$$`` math in the Markdown cells of a notebook page."""
    formulas: list[tuple[str, bool]] = []

    def collect(m: re.Match[str]) -> str:
        tex = m["display"] if m["display"] is not None else m["inline"]
        formulas.append((html.unescape(tex).strip(), m["display"] is not None))
        return m[0]

    _in_cells(content, collect)
    rendered = iter(_remember(where, render(formulas, where)))
    # Wrapped like the chapters' math; a span for display math too, since a
    # notebook's $$...$$ sits inside a <p> (KaTeX's .katex-display is a block).
    return _in_cells(content, lambda m: _wrap(next(rendered), "span"))


def _in_cells(content: str, fn: Callable[[re.Match[str]], str]) -> str:
    """Apply ``fn`` to each formula of the Markdown cells, outside code."""

    def cell_sub(cell: re.Match[str]) -> str:
        parts = NB_CODE.split(cell[2])  # even: text, odd: code
        body = "".join(p if i % 2 else NB_MATH.sub(fn, p) for i, p in enumerate(parts))
        return cell[1] + body + cell[3]

    return NB_CELL.sub(cell_sub, content)


def on_page_content(html_: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    where = page.file.src_uri
    html_ = _markdown_math(html_, where)
    if "jp-RenderedMarkdown" in html_:
        html_ = _notebook_math(html_, where)
    return html_


_shown: dict[str, str | None] = {}


@event_priority(100)
def _search_sees_text(context: dict, page: Page, **kwargs: object) -> dict:
    """Before Material's search reads the page: formulas as their text."""
    _shown[page.file.src_uri] = content = page.content
    for rendered, text in _texts.get(page.file.src_uri, {}).items():
        content = (content or "").replace(rendered, text)
    page.content = content
    return context


@event_priority(-100)
def _reader_sees_math(context: dict, page: Page, **kwargs: object) -> dict:
    page.content = _shown.pop(page.file.src_uri)
    return context


on_page_context = CombinedEvent(_search_sees_text, _reader_sees_math)


def on_post_build(config: MkDocsConfig) -> None:
    _stop()
