"""Readable math in the search index: scripts/search_text.py and the built index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scripts.search_text import clean_index, mathml_text, prose_text, tex_text

# KaTeX's MathML for  I(p) = -\log p = \log \frac{1}{p}  (its output, trimmed).
MATHML_INFORMATION = (
    '<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>I</mi>'
    '<mo stretchy="false">(</mo><mi>p</mi><mo stretchy="false">)</mo><mo>=</mo><mo>−</mo>'
    "<mi>log</mi><mo>\u2061</mo><mi>p</mi><mo>=</mo><mi>log</mi><mo>\u2061</mo><mfrac><mn>1</mn>"
    "<mi>p</mi></mfrac></mrow>"
    '<annotation encoding="application/x-tex">I(p) = -\\log p = \\log \\frac{1}{p}</annotation>'
    "</semantics></math>"
)


def _math(body: str) -> str:
    return f'<math><semantics><mrow>{body}</mrow><annotation encoding="application/x-tex">' \
        "TEX</annotation></semantics></math>"  # fmt: skip


def test_mathml_fraction_function_and_no_tex() -> None:
    assert mathml_text(MATHML_INFORMATION) == "I(p) = − log p = log(1/p)"


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("<msup><mi>σ</mi><mn>2</mn></msup>", "σ²"),
        ("<msub><mi>x</mi><mn>1</mn></msub><mo>+</mo><msub><mi>x</mi><mn>2</mn></msub>", "x₁ + x₂"),
        ("<msup><mn>10</mn><mrow><mo>−</mo><mn>10</mn></mrow></msup>", "10⁻¹⁰"),
        ('<msub><mi>D</mi><mrow><mi mathvariant="normal">KL</mi></mrow></msub>', "D_KL"),
        ('<mover accent="true"><mi>y</mi><mo>^</mo></mover>', "ŷ"),
        (
            "<mfrac><mrow><mi>p</mi><mo>+</mo><mi>q</mi></mrow><mn>2</mn></mfrac>",
            "(p + q)/2",
        ),
        ("<msqrt><mn>2</mn></msqrt>", "√2"),
        ('<mi>P</mi><mspace width="0.1667em"/><mi mathvariant="normal">∥</mi><mi>Q</mi>', "P ‖Q"),
        ("<munder><mo>∑</mo><mi>x</mi></munder><mi>p</mi>", "Σₓ p"),
    ],
)
def test_mathml_structures(body: str, text: str) -> None:
    assert mathml_text(_math(body)) == text


def test_mathml_skips_the_tex_annotation() -> None:
    assert "TEX" not in mathml_text(_math("<mi>x</mi>"))


@pytest.mark.parametrize(
    ("tex", "text"),
    [
        (r"\lVert x \rVert", "‖ x ‖"),
        (r"\frac{a}{b}", "a/b"),
        (r"\frac{p(x)}{q(x) + 1}", "p(x)/(q(x) + 1)"),
        (r"\sum_x p(x) \log p(x)", "Σₓ p(x) log p(x)"),
        (r"D_{\mathrm{KL}}(P \,\|\, Q)", "D_KL(P ‖ Q)"),
        (r"\sigma^2 \leq \infty", "σ² ≤ ∞"),
        (r"\hat y", "ŷ"),
    ],
)
def test_tex_text(tex: str, text: str) -> None:
    assert tex_text(tex) == text


def test_prose_text_replaces_delimited_tex_outside_code_only() -> None:
    text = r"<p>where \(p \le 1\) and \[\frac{1}{2}\]</p><pre><code>s = '\(x\)'</code></pre>"
    assert prose_text(text) == r"<p>where p ≤ 1 and 1/2</p><pre><code>s = '\(x\)'</code></pre>"


def test_clean_index_titles_and_texts() -> None:
    index = {"config": {}, "docs": [{"location": "a/", "title": r"\(H(X)\)", "text": "$$a^2$$"}]}
    assert clean_index(index)["docs"][0] == {"location": "a/", "title": "H(X)", "text": "a²"}


# --- The built index ---------------------------------------------------------

CODE = re.compile(r"<pre\b.*?</pre>|<code\b.*?</code>", re.DOTALL)
TEX_COMMAND = re.compile(
    r"\\(?:frac|tfrac|dfrac|sum|log|ln|lVert|rVert|mathrm|left|right|sigma|hat)\b"
)


def test_search_index_has_readable_math(build: tuple[Path, str]) -> None:
    site, _ = build
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    problems = []
    for doc in docs:
        for key in ("title", "text"):
            prose = CODE.sub(" ", doc[key])
            found = re.findall(r"\\\(|\\\)|\\\[|\\\]|\$\$", prose) + TEX_COMMAND.findall(prose)
            invisible = re.findall("[\u2061\u2062\u2063]", prose)
            if found or invisible:
                problems.append(f"{doc['location']} {key}: {sorted(set(found + invisible))}")
    assert not problems, "\n".join(problems)
    entropy = " ".join(d["text"] for d in docs if d["location"].startswith("entropy/"))
    # The information content of an event, and its fraction, read as math.
    assert "I(p) = − log p = log(1/p)" in entropy
