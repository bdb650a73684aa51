"""Notebook pages: built from the chapters, executed with a cache, cleaned, kept out of search.

* ``on_config``: fills the nav's "Notebooks" section from the chapters with
  ``notebook: true``, in the nav's own order (the chapter order lives once, in
  mkdocs.yml), and lets the kernels encrypt their sockets.
* ``on_files`` (before mkdocs-jupyter's): converts each chapter
  (scripts.notebooks.convert), takes its executed notebook from the cache or
  executes the missing ones on two reused kernels (scripts.notebooks.execute)
  in a thread while the chapters render (the first notebook page waits), and
  adds ``notebooks/<chapter>.ipynb`` (the page, rendered by mkdocs-jupyter with
  ``execute: false``), ``notebooks/<chapter>/<chapter>.ipynb`` (the download:
  the executed notebook, with its outputs) and the ``notebooks/`` landing page.
  A failing cell fails the build, naming the chapter and the cell.
* During ``mkdocs serve`` a notebook that is not cached yet is executed in a
  background thread once the build is served; until then its page is its
  previous version or, on a fresh checkout, a notice linking to the chapter.
  The cache directory is watched, so the site rebuilds with the outputs when
  they are ready.  The first page never waits for a kernel.
* ``on_page_content``: parses mkdocs-jupyter's HTML (BeautifulSoup), keeps the
  notebook and drops the inlined JupyterLab CSS and the MathJax 2 / Mermaid
  loaders, failing loudly on markup it does not expect; shows each figure
  as the chapter's SVGs instead of its PNG output; gives the template
  the download URL and the chapter (``page.meta``); keeps notebook pages out
  of the search index.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import _root  # noqa: F401  (puts the repository root on sys.path)
import nbformat
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from scripts.notebooks import convert, execute, page_html

JUPYTER_CONFIG = Path(__file__).resolve().parent.parent / "jupyter"
PAGES = execute.CACHE / "pages"  # the notebook pages' sources, as mkdocs-jupyter reads them
NAV_SECTION = "Notebooks"
BACKGROUND_DELAY = 3.0  # seconds (serve only)
log = get_plugin_logger(__name__)

_state: dict[str, Any] = {
    "serve": False,
    "chapters": {},
    "background": None,
    "building": None,
}


def on_startup(command: str, dirty: bool, **kwargs: object) -> None:
    _state["serve"] = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _encrypt_notebook_kernels()
    chapters = convert.chapters(config.nav, Path(config.docs_dir))
    _state["chapters"] = chapters
    config.nav = _with_notebook_section(config.nav, chapters)
    if _state["serve"]:
        execute.CACHE.mkdir(parents=True, exist_ok=True)
        if str(execute.CACHE) not in config.watch:
            config.watch.append(str(execute.CACHE))
    return config


def _with_notebook_section(nav: list[Any], chapters: dict[str, str]) -> list[Any]:
    section = ["notebooks/index.md"] + [{t: f"notebooks/{c}.ipynb"} for c, t in chapters.items()]
    for k, entry in enumerate(nav):
        if isinstance(entry, dict) and NAV_SECTION in entry:
            return [*nav[:k], {NAV_SECTION: section}, *nav[k + 1 :]]
    raise PluginError(f"mkdocs.yml nav has no {NAV_SECTION!r} entry to fill with the notebooks")


def _encrypt_notebook_kernels() -> None:
    """Let the kernels that execute the notebooks encrypt their sockets.

    ipykernel >= 7.4 logs a WARNING for every kernel whose ZMQ sockets are not
    encrypted.  jupyter_client provisions CurveZMQ keys when
    ``KernelManager.transport_encryption`` is "auto"; scripts/jupyter/ (which
    sets it) is put on the Jupyter config path.  Skipped where pyzmq has no
    CurveZMQ (the setting would then be refused).
    """
    import zmq

    if not zmq.has("curve"):
        return
    path = str(JUPYTER_CONFIG)
    current = [p for p in os.environ.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep) if p]
    if path not in current:
        os.environ["JUPYTER_CONFIG_PATH"] = os.pathsep.join([path, *current])


@event_priority(50)  # before mkdocs-jupyter turns the .ipynb files into pages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    chapters: dict[str, str] = _state["chapters"]
    try:
        notebooks = convert.chapter_notebooks(None, config.nav, Path(config.docs_dir))
    except (convert.ConversionError, ValueError) as error:
        raise PluginError(f"notebook conversion failed: {error}") from error
    serve = _state["serve"]
    paths, missing = execute.executed_paths(notebooks, run=False)
    if missing and serve:
        # Started when this build has ended (on_post_build): on 2 cores the
        # kernels slowed the first build of a fresh clone from ~10 to 17 s.
        _state["pending"] = {c: notebooks[c] for c in missing}
    elif missing:
        # Building: the kernels run while the chapters render; the first
        # notebook page waits for them (on_pre_page).
        _state["building"] = _start_execution({c: notebooks[c] for c in missing})
    downloads: dict[str, File] = {}
    for chapter in notebooks:
        # The page's source: the executed notebook (or, while serve executes it
        # in the background, the previous one or a notice), staged as
        # notebooks/<chapter>.ipynb under PAGES (mkdocs-jupyter needs a file on disk).
        if chapter not in missing:
            _stage(chapter, paths[chapter].read_bytes())
        elif serve:
            # Keep the page as it was until the background run ends (a chapter
            # edit then rebuilds only the chapter: the fast loop).
            if not (PAGES / "notebooks" / f"{chapter}.ipynb").is_file():
                _stage(chapter, _running_page(chapter, chapters[chapter]))
        page = File(
            f"notebooks/{chapter}.ipynb",
            str(PAGES),
            config.site_dir,
            config.use_directory_urls,
        )
        page.edit_uri = f"{chapter}.md" if config.edit_uri else None
        files.append(page)
        downloads[chapter] = File.generated(
            config, f"notebooks/{chapter}/{chapter}.ipynb", content=_staged(chapter)
        )
        files.append(downloads[chapter])
    _state["downloads"] = downloads
    files.append(File.generated(config, "notebooks/index.md", content=_index_page(chapters)))
    return files


def _stage(chapter: str, content: bytes) -> None:
    staged = PAGES / "notebooks" / f"{chapter}.ipynb"
    staged.parent.mkdir(parents=True, exist_ok=True)
    if not staged.is_file() or staged.read_bytes() != content:
        staged.write_bytes(content)


def _staged(chapter: str) -> bytes:
    staged = PAGES / "notebooks" / f"{chapter}.ipynb"
    return staged.read_bytes() if staged.is_file() else b""  # b"": filled in on_pre_page


def _running_page(chapter: str, title: str) -> bytes:
    """A notebook page to show (serve only) until the notebook has been executed.

    Rendering the 11 unexecuted notebooks took mkdocs-jupyter ~5 s of a fresh
    clone's first build, for pages replaced a minute later.
    """
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = convert.KERNELSPEC
    nb.cells.append(
        nbformat.v4.new_markdown_cell(
            f"# {title}\n\n"
            "> This notebook is being executed in the background (`mkdocs serve` on a\n"
            "> checkout whose notebooks have not run yet). The page reloads with it when\n"
            f"> it is done; until then, read [the chapter](../../{chapter}/).",
            id="running",
        )
    )
    return nbformat.writes(nb).encode() + b"\n"


def _start_execution(notebooks: dict[str, nbformat.NotebookNode]) -> threading.Thread:
    """Execute (and cache) the notebooks in a thread; its outcome goes to ``_state``.

    Each notebook is staged as soon as it has run, while the others still run.
    """

    def executed(chapter: str, path: Path) -> None:
        _stage(chapter, path.read_bytes())

    def run() -> None:
        try:
            paths, _ = execute.executed_paths(notebooks, on_executed=executed)
            _state["executed"] = paths
        except BaseException as error:
            _state["executed"] = error

    _state["executed"] = None
    thread = threading.Thread(target=run, name="notebooks", daemon=True)
    thread.start()
    return thread


@event_priority(60)  # before mkdocs-jupyter keys its cache on the staged file
def on_pre_page(page: Page, **kwargs: object) -> Page:
    building = _state.get("building")
    if building is None or _chapter_of(page) is None:
        return page
    building.join()
    _state["building"] = None
    outcome = _state["executed"]
    if isinstance(outcome, execute.NotebookExecutionError):
        raise PluginError(str(outcome)) from outcome
    if isinstance(outcome, BaseException):
        raise PluginError(f"notebook execution failed: {outcome!r}") from outcome
    for chapter, path in outcome.items():
        _state["downloads"][chapter].content_bytes = path.read_bytes()
    return page


def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:
    pending = _state.pop("pending", None)
    if pending:
        _execute_in_background(pending)


def _execute_in_background(notebooks: dict[str, nbformat.NotebookNode]) -> None:
    """During serve: execute in a thread; writing the cache triggers a rebuild.

    The run starts BACKGROUND_DELAY seconds after the end of the last rebuild
    that asked for it, so the kernels compete neither with that build nor with
    the reload of the page just edited (and a burst of edits executes once).
    """
    running = _state["background"]
    if running is not None and running.is_alive():
        return
    pending = _state.get("timer")
    if pending is not None:
        pending.cancel()

    def run() -> None:
        _state["background"] = threading.current_thread()
        try:
            execute.executed_paths(notebooks)
            log.info("notebooks executed: %s", ", ".join(notebooks))
        except Exception as error:
            log.error("notebook execution failed: %s", error)

    log.info("executing notebooks in the background soon: %s", ", ".join(notebooks))
    timer = threading.Timer(BACKGROUND_DELAY, run)
    timer.daemon = True
    timer.start()
    _state["timer"] = timer


def _index_page(chapters: dict[str, str]) -> str:
    rows = "\n".join(
        f"| [{title}]({c}.ipynb) | "
        f'<a href="{c}/{c}.ipynb" download title="Download {c}.ipynb">`{c}.ipynb`</a> |'
        for c, title in chapters.items()
    )
    return f"""\
---
description: Every chapter as a Jupyter notebook, to download and run.
---

# Notebooks

Every chapter is also a Jupyter notebook: the same text, each code block as a
cell, and a cell that draws each figure. The notebooks are made from the
chapters when the site is built, and executed: the pages below and the
downloads show their outputs.

| Chapter | Download |
|---|---|
{rows}

## Running a notebook

Install the library (the distribution is `infotheory-ml`; it is imported as
`infotheory`) and Jupyter, then open the downloaded file:

```bash
pip install infotheory-ml jupyter
jupyter lab entropy.ipynb
```

Each code cell is self-contained, as on the site: it imports what it uses, so
cells can be run in any order. Nothing in the notebooks needs a network
connection.
"""


def _chapter_of(page: Page) -> str | None:
    uri = page.file.src_uri
    if uri.startswith("notebooks/") and uri.endswith(".ipynb") and uri.count("/") == 1:
        return uri[len("notebooks/") : -len(".ipynb")]
    return None


def on_page_content(html: str, page: Page, **kwargs: object) -> str:
    """Clean a notebook page's HTML; give the template its download data."""
    chapter = _chapter_of(page)
    if chapter is None:
        if page.file.src_uri.removesuffix(".md") in _state["chapters"]:
            slug = page.file.src_uri.removesuffix(".md")
            page.meta["notebook_download"] = f"notebooks/{slug}/{slug}.ipynb"
        return html
    # Each notebook repeats its chapter word for word: indexing both would show
    # every search hit twice (Material's search reads page.meta later).
    page.meta.setdefault("search", {})["exclude"] = True
    page.meta["notebook_download"] = f"notebooks/{chapter}/{chapter}.ipynb"
    page.meta["notebook_file"] = f"{chapter}.ipynb"
    page.meta["notebook_chapter"] = f"{chapter}.md"
    if page.edit_url:  # edit the chapter, not the generated notebook
        page.edit_url = page.edit_url.replace(f"notebooks/{chapter}.ipynb", f"{chapter}.md")
    return page_html.cleaned(html, chapter)
