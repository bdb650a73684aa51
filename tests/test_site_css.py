"""The site's stylesheets keep to what makes a long page load light (docs/stylesheets/).

Lazy rendering (``content-visibility: auto`` in extra.css) only saves work if
its selectors match while the page is still streaming in.  A backward
positional pseudo-class (``:nth-last-child``, ``:last-child``, ...) cannot
match until the browser has parsed the parent's last child, so with one in the
rule, every block of a chapter was styled and laid out in full during loading
(13 000 layout objects on the KL chapter), and restyled once more at the end.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STYLESHEETS = Path(__file__).resolve().parent.parent / "docs" / "stylesheets"
BACKWARD = re.compile(
    r":(nth-last-child|nth-last-of-type|last-child|last-of-type|only-child|only-of-type)\b"
)
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
# A rule's selector and its declarations (no nesting inside the declarations).
RULE = re.compile(r"(?P<selector>[^{}]+)\{(?P<body>[^{}]*)\}")


def _lazy_rules(css: str) -> list[str]:
    return [
        " ".join(m["selector"].split())
        for m in RULE.finditer(COMMENT.sub("", css))
        if re.search(r"content-visibility\s*:\s*auto", m["body"])
    ]


@pytest.mark.parametrize("sheet", sorted(STYLESHEETS.glob("*.css")), ids=lambda p: p.name)
def test_lazy_rendering_rules_match_while_the_page_loads(sheet: Path) -> None:
    for selector in _lazy_rules(sheet.read_text(encoding="utf-8")):
        assert not BACKWARD.search(selector), (
            f"{sheet.name}: a lazy-rendering rule uses a backward positional selector, which "
            f"matches only once the parent is parsed; use :has(~ ...) instead: {selector[:200]}"
        )


def test_the_site_has_lazy_rendering_rules() -> None:
    rules = _lazy_rules((STYLESHEETS / "extra.css").read_text(encoding="utf-8"))
    assert rules and all(":has(~" in rule for rule in rules), rules


def test_the_checker_finds_a_backward_selector() -> None:
    css = ".md-typeset > p:nth-last-child(n + 4) { content-visibility: auto; }"
    (selector,) = _lazy_rules(css)
    assert BACKWARD.search(selector)
