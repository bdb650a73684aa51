"""The chapter notebooks: generated from the chapters, up to date, and they run.

* ``docs/notebooks/*.ipynb`` and ``docs/notebooks/index.md`` are exactly what
  ``scripts/make_notebooks.py`` generates from the chapters now (otherwise: run
  it and commit);
* every notebook runs top to bottom in a fresh kernel with no error and nothing
  written to stderr (a warning is a failure, as for the page snippets).  The
  notebooks run concurrently, one kernel each, and the time of each is shown
  with ``-rA``;
* the converter turns Material syntax into plain Jupyter Markdown (unit test);
* on the built site, each notebook page (and its chapter's page) offers the
  .ipynb for download, edits point at the chapter, the JupyterLab stylesheet
  and the MathJax 2 / Mermaid loaders the plugin inlines are gone, and every
  link in the notebook leads to a page (and anchor) that exists.
"""

from __future__ import annotations

import asyncio
import re
import time
from pathlib import Path
from urllib.parse import urljoin, urlparse

import nbformat
import pytest
import zmq
from _quick_site import Site, quick_site
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

from scripts import make_notebooks

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "docs" / "notebooks"
CELL_TIMEOUT = 120  # seconds, per cell

CHAPTERS = make_notebooks.CHAPTERS


def _written(chapter: str) -> None:
    if not (ROOT / "docs" / f"{chapter}.md").is_file():
        pytest.skip(f"docs/{chapter}.md is not written yet")


# ------------------------------------------------------------------ up to date


def test_notebooks_are_up_to_date() -> None:
    stale = [
        path.relative_to(ROOT).as_posix()
        for path, content in make_notebooks.generate().items()
        if not path.is_file() or path.read_text(encoding="utf-8") != content
    ]
    written = {f"{c}.ipynb" for c in CHAPTERS if (ROOT / "docs" / f"{c}.md").is_file()}
    orphans = [p.name for p in NOTEBOOKS.glob("*.ipynb") if p.name not in written]
    assert not stale, (
        f"stale: {', '.join(stale)}; run `python scripts/make_notebooks.py` and commit"
    )
    assert not orphans, f"notebooks without a chapter: {', '.join(orphans)}"


def test_generation_is_deterministic() -> None:
    assert make_notebooks.generate() == make_notebooks.generate()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_notebook_is_valid_nbformat(chapter: str) -> None:
    _written(chapter)
    nb = nbformat.read(NOTEBOOKS / f"{chapter}.ipynb", as_version=4)
    nbformat.validate(nb)
    assert (nb.nbformat, nb.nbformat_minor) == (4, 5)
    assert nb.metadata.kernelspec.name == "python3"
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


# ------------------------------------------------------------------- execution


async def _run(path: Path) -> tuple[nbformat.NotebookNode, float]:
    nb = nbformat.read(path, as_version=4)
    # Encrypted sockets when pyzmq can (ipykernel warns on stderr otherwise).
    encryption = "auto" if zmq.has("curve") else "disabled"
    km = AsyncKernelManager(kernel_name="python3", transport_encryption=encryption)
    client = NotebookClient(
        nb,
        km=km,
        timeout=CELL_TIMEOUT,
        allow_errors=True,  # run everything, then report every failing cell
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    await client.async_execute()
    return nb, time.perf_counter() - start


@pytest.fixture(scope="module")
def executed() -> dict[str, tuple[nbformat.NotebookNode, float]]:
    """Run every notebook in its own fresh kernel, all at the same time."""
    chapters = [c for c in CHAPTERS if (NOTEBOOKS / f"{c}.ipynb").is_file()]

    async def run_all() -> list[tuple[nbformat.NotebookNode, float]]:
        return await asyncio.gather(*(_run(NOTEBOOKS / f"{c}.ipynb") for c in chapters))

    return dict(zip(chapters, asyncio.run(run_all()), strict=True))


def _problems(nb: nbformat.NotebookNode) -> list[str]:
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        first = cell.source.splitlines()[0] if cell.source else ""
        for output in cell.outputs:
            if output.output_type == "error":
                tb = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(output.traceback))
                problems.append(f"cell {index} ({first!r}) raised:\n{tb}")
            elif output.output_type == "stream" and output.name == "stderr":
                problems.append(f"cell {index} ({first!r}) wrote to stderr:\n{output.text}")
    return problems


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_notebook_runs_cleanly(
    chapter: str, executed: dict[str, tuple[nbformat.NotebookNode, float]]
) -> None:
    _written(chapter)
    nb, seconds = executed[chapter]
    print(f"{chapter}.ipynb ran in {seconds:.1f} s (concurrently with the others)")
    problems = _problems(nb)
    assert not problems, f"{chapter}.ipynb:\n" + "\n\n".join(problems)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code), "a cell was not executed"


# ------------------------------------------------------------------- converter

_CHAPTER = """\
---
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

    ```python
    print("tab")
    ```

    ```text title="Output"
    tab
    ```

=== "Second tab"

    More text with a [shortcut][infotheory.divergence.kl_divergence].

```bash
pip install something
```
"""


def test_converter_turns_material_syntax_into_jupyter_markdown() -> None:
    cells = make_notebooks.convert(_CHAPTER, "test-chapter")
    kinds = [c.kind for c in cells]
    sources = [c.source for c in cells]
    figure = (ROOT / "scripts" / "figures" / "binary-entropy.py").read_text(encoding="utf-8")

    md, py = "markdown", "code"
    assert kinds == [md, md, md, py, py, md, py, md]
    intro, prose, example, code, fig, tab1, tab_code, tab2 = sources

    # First cell: title, provenance, install hint; the front matter is gone.
    assert intro.startswith("# A test chapter\n")
    assert "docs/test-chapter.md" in intro and "python scripts/make_notebooks.py" in intro
    assert "pip install infotheory-ml" in intro
    assert "front matter" not in "".join(sources)

    # Links: a chapter goes to its notebook page, other pages and API entries
    # to their URL on the site, relative to notebooks/<chapter>/.
    assert "[link](../kl-divergence/#gibbs-inequality)" in prose
    assert "[home](../../)" in prose
    assert "$x^2$" in prose
    # An admonition becomes a block quote with a bold title; its display
    # math is put on one line (Jupyter cannot parse math across "> " lines).
    assert "> **In the article you may have read…**\n>\n> Body line with" in prose
    assert "[`entropy`](../../api/entropy/#infotheory.entropy.entropy)" in prose
    assert "> $$H = 1$$" in prose

    assert example == "## Worked example"
    assert code == "print(1 + 1)"  # its Output block is dropped
    assert fig == figure.strip("\n")  # the figure's own script draws it
    assert "only-light" not in "".join(sources) and "only-dark" not in "".join(sources)
    assert "Code for this figure" not in "".join(sources)

    # Content tabs become headings one level below the section.
    assert tab1 == "### First tab\n\nTab text."
    assert tab_code == 'print("tab")'
    assert tab2.startswith("### Second tab\n\nMore text with a [shortcut]")
    assert "(../../api/divergence/#infotheory.divergence.kl_divergence)" in tab2
    # Other code blocks stay in the prose, without Material's attributes.
    assert tab2.endswith("```bash\npip install something\n```")


def test_converter_rejects_a_reference_to_a_module_without_a_page() -> None:
    with pytest.raises(make_notebooks.ConversionError, match=r"docs/api/nowhere\.md"):
        make_notebooks.convert("# T\n\n[`x`][infotheory.nowhere.x]\n", "t")


def test_notebook_json_is_deterministic_nbformat() -> None:
    cells = make_notebooks.convert(_CHAPTER, "test-chapter")
    text = make_notebooks.notebook_json(cells)
    assert text.endswith("}\n") and text == make_notebooks.notebook_json(cells)
    nb = nbformat.reads(text, as_version=4)
    nbformat.validate(nb)
    assert [c.id for c in nb.cells] == [f"cell-{i:03d}" for i in range(len(cells))]


# ------------------------------------------------------------- built pages


@pytest.fixture(scope="module")
def site() -> Site:
    return quick_site()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_notebook_page(site: Site, chapter: str) -> None:
    _written(chapter)
    html = site.page(f"notebooks/{chapter}/")
    source = NOTEBOOKS / f"{chapter}.ipynb"
    copied = site.path / "notebooks" / chapter / f"{chapter}.ipynb"
    assert copied.read_bytes() == source.read_bytes(), "the downloadable .ipynb is not the source"
    article = html[html.index("<article") : html.index("</article>")]
    assert re.search(rf'<a href="{chapter}\.ipynb" download[^>]*class="md-content__button', article)
    assert re.search(rf'<a href="{chapter}\.ipynb" download class="md-button', article)
    assert f"edit/main/docs/{chapter}.md" in article, "edit button should open the chapter"
    assert "notebooks/" + chapter + ".ipynb" not in article
    assert "<style" not in article, "the inlined JupyterLab CSS should be gone"
    for leftover in ("x-mathjax-config", 'src=""', "cdnjs", "mermaid"):
        assert leftover not in article, f"{leftover!r} left in the notebook page"
    assert 'class="jupyter-wrapper"' in article
    chapter_page = site.page(f"{chapter}/")
    download = f"../notebooks/{chapter}/{chapter}.ipynb"
    assert f'href="{download}" download' in chapter_page, "the chapter does not offer its notebook"
    assert _resolves(site, f"{chapter}/", download) is None


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
    _written(chapter)
    html = site.page(f"notebooks/{chapter}/")
    wrapper = html[html.index('class="jupyter-wrapper"') : html.index("<!-- jupyter-wrapper -->")]
    hrefs = [
        h for h in re.findall(r'<a[^>]* href="([^"]+)"', wrapper) if not re.match(r"^[a-z]+:", h)
    ]
    broken = [p for h in hrefs if (p := _resolves(site, f"notebooks/{chapter}/", h))]
    assert not broken, "\n".join(broken)


def test_notebooks_index_page(site: Site) -> None:
    html = site.page("notebooks/")
    for chapter in CHAPTERS:
        if not (ROOT / "docs" / f"{chapter}.md").is_file():
            continue
        assert f'href="{chapter}/"' in html, f"no link to the {chapter} notebook page"
        assert f'href="{chapter}/{chapter}.ipynb" download' in html
        assert _resolves(site, "notebooks/", f"{chapter}/{chapter}.ipynb") is None
