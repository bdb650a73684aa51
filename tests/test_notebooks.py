"""The chapter notebooks: converted from the chapters at build time, executed with a cache.

Nothing is committed, so nothing can be stale.  Tested here:

* the converter (scripts/notebooks/convert.py): Material syntax becomes plain
  Jupyter Markdown, fences nested in admonitions and tabs become cells, a
  ``--8<--`` include is resolved, every cell records its Markdown line;
* the execution cache key (scripts/notebooks/execute.py) changes with the
  notebook's content and with the library's source, and only with those;
* a failing cell is reported with its chapter, cell and Markdown line;
* a kernel reused for several notebooks starts each one with an empty
  namespace, its counter at 1 and the process-wide state put back;
* on the built site (the real build, with the cached executed notebooks):
  every notebook page shows outputs and no error, the download is the
  executed .ipynb, the page has the structure the HTML hook promises, and
  every link in it leads somewhere.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlparse

import nbformat
import pytest
from _quick_site import Site, quick_site
from mkdocs.exceptions import PluginError

from scripts.notebooks import convert, execute, page_html

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = list(convert.chapters())


def test_the_chapters_opt_in_in_nav_order() -> None:
    nav = [
        {"Home": "index.md"},
        {"B": "entropy.md"},
        {"A": "why.md"},
        {"Notebooks": "notebooks/index.md"},
        {"API": ["api/index.md"]},
    ]
    assert convert.chapters(nav) == {"entropy": "B", "why": "A"}  # index.md has no opt-in
    assert len(CHAPTERS) >= 8


# ------------------------------------------------------------------- converter

_CHAPTER = """\
---
notebook: true
description: front matter is dropped
---

# A test chapter

Intro with $x^2$ and a [link](kl-divergence.md#gibbs-inequality) and
[home](index.md).

!!! note "In the article you may have read…"
    Body line with [`entropy`][infotheory.entropy.entropy].

    $$
    H = 1
    $$

    ```python
    print("in a note")
    ```

    ```text title="Output"
    in a note
    ```

## Worked example

```python
print(1 + 1)
```

```text title="Output"
2
```

![A plot of p](figures/binary-entropy.light.svg#only-light)
![A plot of p](figures/binary-entropy.dark.svg#only-dark)

??? example "Code for this figure"
    ```python
    --8<-- "scripts/figures/binary-entropy.py"
    ```

=== "First tab"

    Tab text.

    ````python
    print("tab")
    ```
    ````

=== "Second tab"

    More text with a [shortcut][infotheory.divergence.kl_divergence].

```bash
pip install something
```
"""


def test_converter_turns_material_syntax_into_jupyter_markdown() -> None:
    cells = convert.convert(_CHAPTER, "test-chapter", chapters=["kl-divergence"])
    kinds = [c.kind for c in cells]
    sources = [c.source for c in cells]
    figure = (ROOT / "scripts" / "figures" / "binary-entropy.py").read_text(encoding="utf-8")

    md, py = "markdown", "code"
    assert kinds == [md, md, py, md, py, py, md, py, md]
    intro, prose, note_code, example, code, fig, tab1, tab_code, tab2 = sources

    assert intro.startswith("# A test chapter\n")
    assert "docs/test-chapter.md" in intro and "pip install infotheory-ml" in intro
    assert "front matter" not in "".join(sources)

    assert "[link](../kl-divergence/#gibbs-inequality)" in prose
    assert "[home](../../)" in prose
    assert "> **In the article you may have read…**\n>\n> Body line with" in prose
    assert "[`entropy`](../../api/entropy/#infotheory.entropy.entropy)" in prose
    assert "> $$H = 1$$" in prose
    # A fence inside an admonition is a cell; its Output block is dropped.
    assert note_code == 'print("in a note")'
    assert "in a note" not in "".join(s for k, s in zip(kinds, sources, strict=True) if k == md)

    assert example == "## Worked example"
    assert code == "print(1 + 1)"
    assert fig == figure.strip("\n")  # the include is resolved
    assert "only-light" not in "".join(sources) and "Code for this figure" not in "".join(sources)
    assert tab1 == "### First tab\n\nTab text."
    # A longer fence holds a shorter one (the lexer of scripts.fences).
    assert tab_code == 'print("tab")\n```'
    assert "(../../api/divergence/#infotheory.divergence.kl_divergence)" in tab2
    assert tab2.endswith("```bash\npip install something\n```")


def test_a_heading_id_becomes_an_anchor_in_the_notebook() -> None:
    text = "# Chapter\n\nIntro.\n\n## Computing it stably {#numerical-stability}\n\nText.\n"
    sources = [c.source for c in convert.convert(text, "test-chapter")]
    heading = next(s for s in sources if "Computing it stably" in s)
    assert heading.startswith('<a id="numerical-stability"></a>\n\n## Computing it stably')
    assert "{#" not in "".join(sources)


def test_cells_record_their_markdown_line() -> None:
    cells = convert.convert(_CHAPTER, "test-chapter")
    nb = convert.notebook(cells, "test-chapter")
    nbformat.validate(nb)
    origin = [c.metadata["infotheory"] for c in nb.cells]
    assert all(o["source"] == "docs/test-chapter.md" for o in origin)
    rows = _CHAPTER.splitlines()
    lines = [o["line"] for o in origin]
    # Code cells point at their opening fence, Markdown cells at their first line.
    assert rows[lines[2] - 1] == "    ```python" and rows[lines[2]].strip() == 'print("in a note")'
    assert rows[lines[4] - 1] == "```python" and rows[lines[4]] == "print(1 + 1)"
    assert rows[lines[3] - 1] == "## Worked example"
    assert lines == sorted(lines)
    assert [c.id for c in nb.cells] == [f"cell-{i:03d}" for i in range(len(cells))]


def test_conversion_is_deterministic() -> None:
    a = convert.chapter_notebooks(CHAPTERS[:1])
    b = convert.chapter_notebooks(CHAPTERS[:1])
    assert nbformat.writes(a[CHAPTERS[0]]) == nbformat.writes(b[CHAPTERS[0]])


def test_converter_rejects_a_reference_to_a_module_without_a_page() -> None:
    with pytest.raises(convert.ConversionError, match=r"docs/api/nowhere\.md"):
        convert.convert("# T\n\n[`x`][infotheory.nowhere.x]\n", "t")


# ------------------------------------------------------------------- cache key


def test_cache_key_follows_content_and_library(tmp_path: Path) -> None:
    nb = convert.notebook(convert.convert(_CHAPTER, "test-chapter"), "test-chapter")
    library = tmp_path / "lib"
    shutil.copytree(ROOT / "infotheory", library, ignore=shutil.ignore_patterns("__pycache__"))
    before = execute.library_fingerprint(library)
    key = execute.cache_key(nb, before)
    assert execute.cache_key(nb, before) == key

    # Another chapter's edit does not change this notebook, so not its key.
    assert (
        execute.cache_key(
            convert.notebook(convert.convert(_CHAPTER, "test-chapter"), "test-chapter"), before
        )
        == key
    )

    edited = nbformat.from_dict(nb)
    edited.cells[1].source += " Edited."
    assert execute.cache_key(edited, before) != key

    module = library / "entropy.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after = execute.library_fingerprint(library)
    assert after != before
    assert execute.cache_key(nb, after) != key


def test_a_failing_cell_names_chapter_cell_and_line() -> None:
    text = "# T\n\nProse.\n\n```python\nprint('ok')\n```\n\n```python\n1 / 0\n```\n"
    nb = convert.notebook(convert.convert(text, "broken"), "broken")
    with pytest.raises(execute.NotebookExecutionError) as info:
        execute.run_all({"broken": nb})
    message = str(info.value)
    assert "docs/broken.md" in message
    assert "cell 3, docs/broken.md line 9 ('1 / 0') raised" in message
    assert "ZeroDivisionError" in message


def test_notebooks_execute_under_a_running_event_loop() -> None:
    """As inside a test session that drives Playwright's synchronous API."""
    nb = convert.notebook(convert.convert("# T\n\n```python\nprint(6 * 7)\n```\n", "ok"), "ok")

    async def inside_a_loop() -> dict[str, nbformat.NotebookNode]:
        return execute.run_all({"ok": nb})

    # In a thread of its own: this one may already run one (Playwright's).
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        executed = pool.submit(asyncio.run, inside_a_loop()).result()
    outputs = [o for c in executed["ok"].cells if c.cell_type == "code" for o in c.outputs]
    assert [o.get("text") for o in outputs] == ["42\n"]


def test_a_reused_kernel_is_as_good_as_new_for_the_next_notebook() -> None:
    """One kernel runs four notebooks: each starts as if the kernel were fresh."""
    first = (
        "# T\n\n```python\nimport os\n\nimport matplotlib as mpl\nimport numpy as np\n\n"
        "leaked = 1\nos.environ['INFOTHEORY_LEAK'] = '1'\nmpl.rcParams['lines.linewidth'] = 9\n"
        "np.seterr(all='raise')\nnp.random.seed(0)\nos.chdir('/')\nprint('set')\n```\n"
        # More cells than the others: the longest notebook runs first.
        + "\n```python\nprint(2)\n```\n"
        * 3
    )
    later = (
        "# T\n\n```python\nimport os\n\nimport matplotlib as mpl\nimport numpy as np\n\n"
        "print('leaked' in globals(), os.environ.get('INFOTHEORY_LEAK'),\n"
        "      mpl.rcParams['lines.linewidth'], np.geterr()['divide'], os.getcwd())\n"
        "```\n\n```python\nprint(1)\n```\n"
    )
    chapters = {"first": first, **{f"later{k}": later for k in range(3)}}
    notebooks = {c: convert.notebook(convert.convert(t, c), c) for c, t in chapters.items()}
    executed = execute.run_all(notebooks, parallel=1)
    default_width = __import__("matplotlib").rcParamsDefault["lines.linewidth"]
    for chapter in chapters:
        code = [c for c in executed[chapter].cells if c.cell_type == "code"]
        assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
        if chapter != "first":
            assert code[0].outputs[0].text == (f"False None {default_width} warn {ROOT / 'docs'}\n")


def test_a_name_from_another_notebook_is_not_there() -> None:
    """A notebook that only works after another one fails as in a fresh kernel."""
    defines = "# T\n\n```python\nshared = 42\n```\n"
    uses = "# T\n\n```python\nprint(shared)\n```\n"
    notebooks = {
        c: convert.notebook(convert.convert(t, c), c)
        for c, t in {"defines": defines, "uses": uses}.items()
    }
    with pytest.raises(execute.NotebookExecutionError, match="NameError"):
        execute.run_all(notebooks, parallel=1)


# ------------------------------------------------------------- built pages


_WRAPPED = (
    "<script>copy()</script>\n<style>.jp{}</style>\n"
    '<div class="jupyter-wrapper"><style>x</style>'
    '<script type="text/x-mathjax-config">MathJax</script>'
    "<h1>Title</h1><p>cells</p></div>\n<!-- jupyter-wrapper -->\n"
)


def test_cleaning_keeps_the_cells_and_drops_the_loaders() -> None:
    html = page_html.clean_notebook_html(_WRAPPED, "entropy", {}, {})
    assert html.startswith("<script>copy()</script>")
    assert "<style" not in html and "MathJax" not in html
    assert html.index("</h1>") < html.index('<p class="nb-actions">') < html.index("cells")
    assert html.rstrip().endswith("<!-- jupyter-wrapper -->")


@pytest.mark.parametrize(
    ("html", "message"),
    [
        (_WRAPPED.replace("<style>.jp{}</style>", "<table></table>"), "unexpected <table>"),
        (_WRAPPED + '<div class="jupyter-wrapper"><h1>2</h1></div>', "found 2"),
        ("<p>no wrapper</p>", "found 0"),
        (_WRAPPED.replace("<h1>Title</h1>", ""), "no <h1> title"),
    ],
)
def test_cleaning_fails_loudly_on_unexpected_markup(html: str, message: str) -> None:
    with pytest.raises(PluginError, match=re.escape(message)):
        page_html.clean_notebook_html(html, "entropy", {}, {})


@pytest.fixture(scope="module")
def site() -> Site:
    return quick_site()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_download_is_the_executed_notebook(site: Site, chapter: str) -> None:
    download = site.path / "notebooks" / chapter / f"{chapter}.ipynb"
    nb = nbformat.read(download, as_version=4)
    nbformat.validate(nb)
    assert execute.problems(nb) == []
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.execution_count for c in code), "a cell was not executed"
    assert any(c.outputs for c in code), "the download has no outputs"
    # It is the notebook of the chapter as it is now, executed.
    fresh = convert.chapter_notebooks([chapter])[chapter]
    assert [c.source for c in nb.cells] == [c.source for c in fresh.cells]
    assert json.loads(download.read_text(encoding="utf-8"))["nbformat"] == 4


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_notebook_page(site: Site, chapter: str) -> None:
    html = site.page(f"notebooks/{chapter}/")
    article = html[html.index("<article") : html.index("</article>")]
    assert re.search(rf'<a href="{chapter}\.ipynb" download[^>]*class="md-content__button', article)
    actions = re.search(r'<p class="nb-actions">(.*?)</p>', article, re.DOTALL)
    assert actions, "no download/read buttons under the title"
    assert f'href="{chapter}.ipynb"' in actions[1] and f'href="../../{chapter}/"' in actions[1]
    assert article.index("</h1>") < actions.start()
    assert f"edit/main/docs/{chapter}.md" in article, "edit button should open the chapter"
    assert "<style" not in article, "the inlined JupyterLab CSS should be gone"
    for leftover in ("x-mathjax-config", 'src=""', "cdnjs", "mermaid", "Load mathjax"):
        assert leftover not in article, f"{leftover!r} left in the notebook page"
    assert article.count('class="jupyter-wrapper"') == 1
    assert "jp-OutputArea-output" in article, "the page shows no outputs"
    assert "Traceback" not in article
    chapter_page = site.page(f"{chapter}/")
    download = f"../notebooks/{chapter}/{chapter}.ipynb"
    assert f'href="{download}" download' in chapter_page, "the chapter does not offer its notebook"
    assert _resolves(site, f"{chapter}/", download) is None


def test_notebook_pages_are_not_searched(site: Site) -> None:
    index = json.loads((site.path / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert not [loc for loc in locations if loc.startswith("notebooks/") and loc != "notebooks/"]
    assert f"{CHAPTERS[0]}/" in locations


def _resolves(site: Site, page_url: str, href: str) -> str | None:
    """Return None if a relative link from ``page_url`` leads to something that exists."""
    url = urlparse(urljoin(f"http://site/{page_url}", href))
    path = site.path / url.path.lstrip("/")
    target = path / "index.html" if url.path.endswith("/") else path
    if not target.is_file():
        return f"{href}: no {target.relative_to(site.path)}"
    if url.fragment and target.suffix == ".html":
        html = target.read_text(encoding="utf-8")
        if f'id="{url.fragment}"' not in html:
            return f"{href}: no anchor #{url.fragment}"
    return None


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_notebook_links_resolve(site: Site, chapter: str) -> None:
    html = site.page(f"notebooks/{chapter}/")
    wrapper = html[html.index('class="jupyter-wrapper"') : html.index("<!-- jupyter-wrapper -->")]
    hrefs = [
        h for h in re.findall(r'<a[^>]* href="([^"]+)"', wrapper) if not re.match(r"^[a-z]+:", h)
    ]
    broken = [p for h in hrefs if (p := _resolves(site, f"notebooks/{chapter}/", h))]
    assert not broken, "\n".join(broken)


def test_notebooks_index_page_and_nav(site: Site) -> None:
    html = site.page("notebooks/")
    positions = []
    for chapter in CHAPTERS:
        assert f'href="{chapter}/"' in html, f"no link to the {chapter} notebook page"
        assert f'href="{chapter}/{chapter}.ipynb" download' in html
        assert _resolves(site, "notebooks/", f"{chapter}/{chapter}.ipynb") is None
        positions.append(html.index(f'href="{chapter}/{chapter}.ipynb"'))
    assert positions == sorted(positions), "the notebooks are not in the nav's chapter order"
