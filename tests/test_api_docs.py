"""The API reference covers every public name, and the pages link to it.

* Every name in ``infotheory.__all__`` has an entry on its module's page of the
  built site (an anchor ``id="infotheory.<module>.<name>"``), with a signature,
  a formula and an example.  (The examples themselves run as doctests:
  ``--doctest-modules`` in pyproject.toml.)
* In the prose of every page (``docs/*.md``, outside code blocks) an inline-code
  mention of a public function -- `entropy`, `entropy()`, `infotheory.entropy`,
  `infotheory.entropy.entropy` -- is the text of a cross-reference to its entry,
  ``[`entropy`][infotheory.entropy.entropy]``.  A failure names the file and line.
  A name after a possessive ("PyTorch's `cross_entropy`", "the article's
  `entropy`") is another library's function of the same name and is left alone.
* Every cross-reference ``[...][infotheory....]`` used in the docs points at an
  entry that exists.
* A dirty rebuild (``mkdocs serve --dirty``: only the edited page is rendered)
  still links the edited page to the API entries (scripts/hooks/dirty_builds.py).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _quick_site import Site, quick_site

import infotheory
from scripts.fences import iter_fences

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PUBLIC = sorted(infotheory.__all__)
# Where each public name is documented: infotheory.<module>.<name>.
CANONICAL = {name: f"{getattr(infotheory, name).__module__}.{name}" for name in PUBLIC}
MODULES = sorted({c.rsplit(".", 1)[0] for c in CANONICAL.values()})

_AUTOREF = re.compile(r"\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\[(?P<id>[\w.]*)\]")
_INLINE_LINK = re.compile(r"\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^)]*\)")
_CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)")
_OTHER_OWNER = re.compile(r"(?P<owner>[\w.-]+)['’]s\s+$")
_MENTION = re.compile(
    r"^(?:infotheory\.)?(?:(?P<module>" + "|".join(m.split(".")[1] for m in MODULES) + r")\.)?"
    r"(?P<name>" + "|".join(PUBLIC) + r")(?:\(\))?$"
)


@pytest.fixture(scope="module")
def site() -> Site:
    return quick_site()


def _entry(html: str, identifier: str) -> str:
    """Return the HTML of one mkdocstrings entry, from its heading to the next heading."""
    start = html.index(f'id="{identifier}"')
    end = html.find("doc doc-heading", html.index(">", start))
    return html[start : end if end != -1 else len(html)]


def test_every_module_has_a_page() -> None:
    for module in MODULES:
        page = DOCS / "api" / f"{module.split('.')[1]}.md"
        assert page.is_file(), f"{module} has no API page {page.relative_to(ROOT)}"
        assert f"::: {module}" in page.read_text(encoding="utf-8"), (
            f"{page.relative_to(ROOT)} does not render {module} (no '::: {module}')"
        )


@pytest.mark.parametrize("name", PUBLIC)
def test_public_name_has_an_entry(site: Site, name: str) -> None:
    identifier = CANONICAL[name]
    module = identifier.split(".")[1]
    html = site.page(f"api/{module}/")
    assert f'id="{identifier}"' in html, f"no entry {identifier} on api/{module}/"
    entry = _entry(html, identifier)
    assert "doc-signature" in entry, f"{identifier}: no signature"
    assert 'class="arithmatex"' in entry, f"{identifier}: no formula"
    assert "Examples:" in entry or ">Examples<" in entry, f"{identifier}: no example"


def _prose(text: str) -> str:
    """Blank out front matter, fenced code blocks and HTML comments, keeping line numbers."""

    def blank(m: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))

    text = re.sub(r"\A---\n.*?\n---\n", blank, text, flags=re.DOTALL)
    text = re.sub(r"<!--.*?-->", blank, text, flags=re.DOTALL)
    lines = text.split("\n")
    for fence in iter_fences(text):
        for k in range(fence.start_line - 1, fence.end_line):
            lines[k] = ""
    return "\n".join(lines)


def unlinked_mentions(text: str) -> list[tuple[int, str, str]]:
    """Return (line, mention, problem) for each public name in code not linked to its entry."""
    prose = _prose(text)
    links = [
        (m.start(), m.end(), m["id"] or m["text"].strip("`")) for m in _AUTOREF.finditer(prose)
    ]
    links += [(m.start(), m.end(), None) for m in _INLINE_LINK.finditer(prose)]
    problems = []
    for span in _CODE_SPAN.finditer(prose):
        code = span["code"].strip()
        mention = _MENTION.match(code)
        if not mention:
            continue
        owner = _OTHER_OWNER.search(prose, max(0, span.start() - 40), span.start())
        if owner and owner["owner"].lower() != "infotheory":
            continue  # "PyTorch's `cross_entropy`": someone else's function
        name = mention["name"]
        if mention["module"] and CANONICAL[name].split(".")[1] != mention["module"]:
            continue  # e.g. `infotheory.entropy.kl_divergence`: not a real path
        expected = CANONICAL[name]
        line = prose.count("\n", 0, span.start()) + 1
        target = next((t for s, e, t in links if s <= span.start() < e), "")
        if target == expected:
            continue
        if target == "":
            problem = f"not linked; write [`{code}`][{expected}]"
        elif target is None:
            problem = f"links to a page, not to its API entry; use [`{code}`][{expected}]"
        else:
            problem = f"links to [{target}], expected [{expected}]"
        problems.append((line, code, problem))
    return problems


PAGES = sorted(DOCS.glob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_function_mentions_link_to_the_reference(page: Path) -> None:
    problems = unlinked_mentions(page.read_text(encoding="utf-8"))
    rel = page.relative_to(ROOT)
    assert not problems, "\n".join(f"{rel}:{line}: `{code}` {why}" for line, code, why in problems)


def test_mention_checker() -> None:
    text = "\n".join(
        [
            "[`entropy`][infotheory.entropy.entropy] is linked.",  # 1 ok
            "`kl_divergence()` is not.",  # 2
            "```python",
            "entropy([0.5, 0.5])  # `entropy` in code is fine",
            "```",
            "[`js_divergence`](divergences.md) links to a page.",  # 6
            "[`softmax`][infotheory.losses.log_softmax] links to the wrong entry.",  # 7
            "`infotheory.kl_gaussian` and `base=2` and `entropy(p)`.",  # 8: only the first
            "[`infotheory.divergence.kl_divergence`][] is linked too.",  # 9 ok
            "PyTorch's `cross_entropy` and the article's\n`entropy` are not ours.",  # 10-11 ok
            "infotheory's `entropy` is.",  # 12
        ]
    )
    found = [(line, code) for line, code, _ in unlinked_mentions(text)]
    assert found == [
        (2, "kl_divergence()"),
        (6, "js_divergence"),
        (7, "softmax"),
        (8, "infotheory.kl_gaussian"),
        (12, "entropy"),
    ]


def _autorefs() -> list[tuple[str, int, str]]:
    refs = []
    for page in sorted(DOCS.rglob("*.md")):
        prose = _prose(page.read_text(encoding="utf-8"))
        for m in _AUTOREF.finditer(prose):
            identifier = m["id"] or m["text"].strip("`")
            if identifier.startswith("infotheory"):
                line = prose.count("\n", 0, m.start()) + 1
                refs.append((page.relative_to(ROOT).as_posix(), line, identifier))
    return refs


def test_every_cross_reference_resolves(site: Site) -> None:
    anchors: set[str] = set()
    for html in (site.path / "api").rglob("index.html"):
        anchors.update(re.findall(r'id="(infotheory(?:\.\w+)*)"', html.read_text(encoding="utf-8")))
    refs = _autorefs()
    assert refs, "no cross-references found at all"
    missing = [f"{page}:{line}: [{ident}]" for page, line, ident in refs if ident not in anchors]
    assert not missing, "cross-references to entries that do not exist:\n" + "\n".join(missing)


def test_a_dirty_rebuild_matches_a_full_one(site: Site, tmp_path: Path) -> None:
    """After a chapter edit and a library edit, ``--dirty`` renders what a full build does."""
    copy = tmp_path / "site"
    shutil.copytree(site.path, copy)  # keeps the mtimes: nothing looks edited...
    chapter = copy / "entropy" / "index.html"
    os.utime(chapter, (0, 0))  # ...but this page, as if docs/entropy.md had just been saved,
    os.utime(ROOT / "infotheory" / "entropy.py")  # and the library, as if a docstring had
    api = copy / "api" / "entropy" / "index.html"
    other = copy / "coding" / "index.html"
    stamps = {p: p.stat().st_mtime for p in (api, other)}
    links = re.compile(r'href="[^"]*#(infotheory\.[\w.]+)"')
    assert links.findall(site.page("entropy/")), "the entropy chapter links to no API entry"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--dirty", "--site-dir", str(copy)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    assert "Could not find cross-reference target" not in log, log
    assert chapter.stat().st_mtime > 0, "the edited chapter was not rebuilt"
    assert chapter.read_text(encoding="utf-8") == site.page("entropy/")
    assert api.stat().st_mtime > stamps[api], "the API page did not follow the library"
    assert api.read_text(encoding="utf-8") == site.page("api/entropy/")
    assert other.stat().st_mtime == stamps[other], "an unedited chapter was rebuilt"
