"""The site's stylesheets keep to what makes a long page load light (docs/stylesheets/).

Lazy rendering (``content-visibility: auto`` in extra.css) only saves work if
its selectors match while the page is still streaming in, cheaply.  A backward
positional pseudo-class (``:nth-last-child``, ``:last-child``, ...) cannot
match until the browser has parsed the parent's last child, so with one in the
rule, every block of a chapter was styled and laid out in full during loading
(13 000 layout objects on the KL chapter), and restyled once more at the end.
``:has(~ ...)`` says the same without that flaw, but made the browser restyle
every earlier cell or API entry each time one arrived.  The last blocks carry
``data-tail`` from the build instead (scripts/lazy_blocks.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STYLESHEETS = Path(__file__).resolve().parent.parent / "docs" / "stylesheets"
BACKWARD = re.compile(
    r":(nth-last-child|nth-last-of-type|last-child|last-of-type|only-child|only-of-type)\b"
    r"|:has\(\s*[~+]"
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
            f"{sheet.name}: a lazy-rendering rule looks at later siblings, which the browser "
            f"re-evaluates as the page streams in; mark the blocks with data-tail when the "
            f"site is built (scripts/lazy_blocks.py): {selector[:200]}"
        )


def test_the_site_has_lazy_rendering_rules_that_skip_the_last_blocks() -> None:
    rules = _lazy_rules((STYLESHEETS / "extra.css").read_text(encoding="utf-8"))
    assert rules and all("data-tail" in rule for rule in rules), rules


@pytest.mark.parametrize(
    "selector", ["p:nth-last-child(n + 4)", "p:last-child", ".jp-Cell:has(~ * ~ *) p", "p:has(+ *)"]
)
def test_the_checker_finds_a_selector_on_later_siblings(selector: str) -> None:
    (found,) = _lazy_rules(f".md-typeset > {selector} {{ content-visibility: auto; }}")
    assert BACKWARD.search(found)
