"""Readable plain text for formulas, for the search index and its result previews.

Material's search shows a preview of the text it indexed.  A formula there
should read as a formula, ``D(P‖Q) = Σₓ p(x) log(p(x)/q(x))``, not as TeX
(``\\(D(P\\lVert Q)\\)``) nor as the bare tokens KaTeX's HTML leaves
(``D ( P ∥ Q ) = ∑ x p ( x ) log ⁡ p ( x ) q ( x )``).

* :func:`mathml_text` linearises KaTeX's MathML (its output for every
  formula, see scripts/hooks/math.py): fractions become ``a/b`` (with
  parentheses where needed), sub- and superscripts Unicode where possible
  (``x₁``, ``σ²``) and ``_``/``^`` otherwise, hats and bars combining accents.
* :func:`tex_text` turns TeX that reached the index unrendered into the same
  kind of text: common commands mapped to Unicode (``\\lVert`` → ``‖``,
  ``\\sum`` → ``Σ``), ``\\frac{a}{b}`` → ``a/b``, other commands without their
  backslash.
* :func:`clean_index` applies :func:`tex_text` to every ``\\(...\\)``,
  ``\\[...\\]`` and ``$$...$$`` left in a search index's titles and texts,
  outside code.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from html.parser import HTMLParser
from typing import Any

# --- MathML -> text ----------------------------------------------------------

# Invisible operators (function application, times, separator, plus).
_INVISIBLE: dict[int, str | None] = dict.fromkeys(map(ord, "\u2061\u2062\u2063\u2064\u200b"))
_INVISIBLE |= {ord("∥"): "‖", ord("∣"): "|"}
_SUB = dict(
    zip(
        "0123456789+-−=()aehijklmnoprstuvxβγρφχ",
        "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ",
        strict=True,
    )
)
_SUP = dict(zip("0123456789+-−=()in", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁱⁿ", strict=True))
_ACCENTS = {"^": "\u0302", "ˆ": "\u0302", "~": "\u0303", "˜": "\u0303", "ˉ": "\u0304",
            "‾": "\u0305", "¯": "\u0304", "˙": "\u0307", "→": "\u20d7"}  # fmt: skip
# Operators written with a space on each side.
_SPACED = set("=≠≈≡≤≥<>+−±∓×·÷→←↔⇒⇔∈∉⊂⊆∝∼≪≫:") | {":=", "≔"}
_LARGE = {"∑": "Σ", "∏": "Π"}


class _Node:
    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag, self.attrs = tag, attrs
        self.children: list[_Node | str] = []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def elements(self) -> list[_Node]:
        return [c for c in self.children if isinstance(c, _Node)]


class _Tree(HTMLParser):
    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self._stack = [self.root]
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, dict(attrs))
        self._stack[-1].children.append(node)
        if tag not in ("mspace", "none", "mprescripts"):
            self._stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._stack[-1].children.append(_Node(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._stack) - 1, 0, -1):
            if self._stack[i].tag == tag:
                del self._stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)


def _atomic(s: str) -> bool:
    """Whether ``s`` needs no parentheses as a numerator, denominator or script."""
    return bool(re.fullmatch(r"[\w.′]+|\w*\(.*\)|[\w.]+[₀-₉ₐ-ₜ⁰-⁹ⁱⁿ]*", s)) and (
        s.count("(") == s.count(")")
    )


def _group(s: str) -> str:
    return s if _atomic(s) else f"({s})"


def _script(s: str, table: dict[str, str], mark: str) -> str:
    if s and all(ch in table for ch in s):
        return "".join(table[ch] for ch in s)
    return mark + _group(s)


def _join(parts: list[tuple[str, str]]) -> str:
    """Join rendered children, each (kind, text) with kind 'op', 'word', 'id' or 'other'."""
    out = ""
    prev = ""
    for kind, text in parts:
        if not text:
            continue
        s = text.strip()
        if kind == "op" and s in _SPACED:
            before = out.rstrip()
            # A leading minus or plus is a sign, not a binary operator.
            sign = s in "+−-±" and (not before or before[-1] in "([{=<>≤≥,;:+−×·/∈→")
            out = out + s if sign else before + " " + s + " "
        elif kind == "op" and s in (",", ";"):
            out = out.rstrip() + s + " "
        elif kind == "frac" and prev == "word":  # log p/q reads as log(p/q)
            out = out.rstrip() + f"({s})"
        else:
            space = (
                out
                and not out.endswith((" ", "(", "[", "{", "/"))
                and (kind == "word" or (prev == "word" and not s.startswith(("(", "["))))
            )
            out += (" " if space else "") + (s if kind == "op" else text)
        prev = kind
    return out


def _render(node: _Node | str) -> tuple[str, str]:
    if isinstance(node, str):
        return "other", node.translate(_INVISIBLE)
    tag, kids = node.tag, node.elements()
    if tag == "annotation" or tag == "annotation-xml" or tag == "mphantom":
        return "other", ""
    if tag == "semantics":
        return _render(kids[0]) if kids else ("other", "")
    if tag in ("mi", "mn", "mtext", "ms"):
        text = node.text().translate(_INVISIBLE)
        if tag == "mtext":
            return "other", text
        return ("word" if len(text.strip()) > 1 and text.strip().isalpha() else "id"), text
    if tag == "mo":
        text = node.text().translate(_INVISIBLE)
        text = _LARGE.get(text.strip(), text)
        if text.strip() in ("Σ", "Π", "∫", "∮") or text.strip().isalpha():
            return "word", text.strip()
        return ("op" if text.strip() else "other"), text
    if tag == "mspace":  # \, is a thin space, \! a negative one
        return "other", "" if (node.attrs.get("width") or "").startswith("-") else " "
    if tag == "mfrac" and len(kids) == 2:
        num, den = (_render(k)[1].strip() for k in kids)
        return "frac", f"{_group(num)}/{_group(den)}"
    if tag == "msqrt":
        return "id", f"√{_group(_join([_render(k) for k in kids]).strip())}"
    if tag == "mroot" and len(kids) == 2:
        base, index = (_render(k)[1].strip() for k in kids)
        return "id", f"{_script(index, _SUP, '')}√{_group(base)}"
    if tag in ("msub", "msup", "msubsup", "munder", "mover", "munderover") and kids:
        kind, base = _render(kids[0])
        scripts = [_render(k)[1].strip() for k in kids[1:]]
        if tag == "mover" and node.attrs.get("accent") == "true" and scripts:
            accent = _ACCENTS.get(scripts[0])
            if accent:
                return kind, base + accent
        if tag in ("msub", "munder"):
            sub, sup = scripts[0], ""
        elif tag in ("msup", "mover"):
            sub, sup = "", scripts[0] if scripts else ""
        else:
            sub, sup = [*scripts, "", ""][:2]
        text = base
        if sub:
            text += _script(sub, _SUB, "_")
        if sup:
            text += _script(sup, _SUP, "^")
        return ("word" if kind == "word" else "id"), text
    if tag == "mtable":
        rows = [_render(r)[1].strip() for r in kids]
        return "other", "; ".join(r for r in rows if r)
    if tag == "mtr":
        return "other", " ".join(_render(c)[1].strip() for c in kids)
    # mrow, mstyle, mpadded, menclose, mtd, math, #root ...
    parts = [_render(k) for k in node.children]
    joined = _join(parts)
    if tag == "mrow" and len(kids) == 1:
        return parts[0][0] if parts else "other", joined
    return "other", joined


@functools.lru_cache(maxsize=4096)  # a notebook page repeats its chapter's formulas
def mathml_text(mathml: str) -> str:
    """Return readable plain text for one MathML formula (KaTeX's output)."""
    text = _render(_Tree(mathml).root)[1]
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", text))
    return unicodedata.normalize("NFC", text)


# --- TeX -> text (fallback for TeX that reached the index) ---------------------

_TEX_SYMBOLS = {
    "lVert": "‖", "rVert": "‖", "Vert": "‖", "|": "‖", "lvert": "|", "rvert": "|", "mid": "|",
    "sum": "Σ", "prod": "Π", "int": "∫", "infty": "∞", "partial": "∂", "nabla": "∇",
    "cdot": "·", "times": "×", "pm": "±", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
    "neq": "≠", "ne": "≠", "approx": "≈", "equiv": "≡", "propto": "∝", "sim": "∼",
    "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "mapsto": "↦",
    "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩",
    "ldots": "…", "cdots": "⋯", "dots": "…", "langle": "⟨", "rangle": "⟩",
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
    "varepsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ",
    "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ",
    "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
    "Theta": "Θ", "Lambda": "Λ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ",
    "Omega": "Ω", "ell": "ℓ", "quad": " ", "qquad": " ", ",": " ", ";": " ", "!": "",
    " ": " ", "{": "{", "}": "}", "%": "%", "_": "_", "&": "&", "$": "$",
}  # fmt: skip
# Commands dropped with their braces kept as grouping (\mathrm{KL} -> KL).
_TEX_DROP = re.compile(
    r"\\(?:left|right|big|Big|bigg|Bigg|displaystyle|textstyle|limits|nolimits|"
    r"operatorname\*?|math(?:rm|bf|it|cal|bb|sf|tt)|text(?:rm|bf|it)?|boldsymbol|bm)(?![A-Za-z])"
)
_FRAC = re.compile(r"\\[dt]?frac\s*\{((?:[^{}]|\{[^{}]*\})*)\}\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
_SQRT = re.compile(r"\\sqrt\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
_ACCENT_TEX = re.compile(r"\\(hat|tilde|bar|overline|dot|vec)\s*\{?\\?([A-Za-z])\}?")
_ACCENT_MARK = {"hat": "\u0302", "tilde": "\u0303", "bar": "\u0304", "overline": "\u0305",
                "dot": "\u0307", "vec": "\u20d7"}  # fmt: skip


def tex_text(tex: str) -> str:
    """Return readable plain text for a TeX formula (without its delimiters)."""
    s = _TEX_DROP.sub("", tex)
    s = _ACCENT_TEX.sub(lambda m: m[2] + _ACCENT_MARK[m[1]], s)
    for _ in range(4):  # nested fractions, innermost last
        s = _FRAC.sub(lambda m: f"{_group(tex_text(m[1]))}/{_group(tex_text(m[2]))}", s)
    s = _SQRT.sub(lambda m: f"√{_group(tex_text(m[1]))}", s)
    s = re.sub(
        r"\\([A-Za-z]+|[^A-Za-z])",
        lambda m: _TEX_SYMBOLS.get(m[1], m[1]),
        s,
    )
    s = re.sub(r"([_^])\{([^{}]*)\}", lambda m: m[1] + m[2], s)
    s = re.sub(r"_(\w)", lambda m: _script(m[1], _SUB, "_"), s)
    s = re.sub(r"\^(\w)", lambda m: _script(m[1], _SUP, "^"), s)
    s = s.replace("{", "").replace("}", "").replace("&", " ")
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", s).strip())


# --- The search index --------------------------------------------------------

_CODE = re.compile(r"(<pre\b.*?</pre>|<code\b.*?</code>)", re.DOTALL | re.IGNORECASE)
_DELIMITED = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]|\$\$(.+?)\$\$", re.DOTALL)


def prose_text(text: str) -> str:
    """Replace delimited TeX in ``text`` by readable text, outside code."""
    parts = _CODE.split(text)  # odd indices: code
    return "".join(
        part
        if i % 2
        else _DELIMITED.sub(lambda m: tex_text(next(g for g in m.groups() if g is not None)), part)
        for i, part in enumerate(parts)
    )


def clean_index(index: dict[str, Any]) -> dict[str, Any]:
    """Return Material's search index with readable math in every title and text."""
    for doc in index.get("docs", []):
        for key in ("title", "text"):
            if isinstance(doc.get(key), str):
                doc[key] = prose_text(doc[key])
    return index
