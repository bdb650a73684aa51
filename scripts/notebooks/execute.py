"""Execute chapter notebooks, several at a time, with a cache.

A notebook is executed once per change: the cache key is the SHA-256 of the
notebook's content (as converted from its chapter) and of a fingerprint of the
library's source (every file under ``infotheory/``).  Editing the library
re-executes every notebook; editing one chapter re-executes only its own.
Executed notebooks are stored as ``.cache/notebooks/<chapter>-<key>.ipynb``
(gitignored).

A cell that raises, or writes to stderr, fails the run with an error naming
the chapter, the cell and the Markdown line the cell comes from.

Usage::

    python -m scripts.notebooks.execute            # execute every opted-in chapter
    python -m scripts.notebooks.execute entropy    # only the named chapters
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import hashlib
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ROOT / "infotheory"
CACHE = ROOT / ".cache" / "notebooks"
LOGS = CACHE / "kernel-logs"  # each kernel process's own stdout/stderr, per chapter
PARALLEL = 2  # kernels at a time (the machine has 2 cores)
CELL_TIMEOUT = 120  # seconds, per cell


class NotebookExecutionError(RuntimeError):
    """A cell of a chapter notebook raised or wrote to stderr."""


def library_fingerprint(library: Path = LIBRARY) -> str:
    """Return the SHA-256 of every source file of the library (paths and contents)."""
    digest = hashlib.sha256()
    for path in sorted(library.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        digest.update(path.relative_to(library).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def cache_key(nb: nbformat.NotebookNode, fingerprint: str) -> str:
    """Return the cache key of a notebook: its content and the library's fingerprint."""
    digest = hashlib.sha256()
    digest.update(nbformat.writes(nb).encode())
    digest.update(b"\0")
    digest.update(fingerprint.encode())
    return digest.hexdigest()[:20]


def cache_path(
    chapter: str, nb: nbformat.NotebookNode, fingerprint: str, cache: Path = CACHE
) -> Path:
    """Return where the executed notebook of ``chapter`` is (or will be) cached."""
    return cache / f"{chapter}-{cache_key(nb, fingerprint)}.ipynb"


def problems(nb: nbformat.NotebookNode) -> list[str]:
    """Return a description of every cell that raised or wrote to stderr."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        where = _where(index, cell)
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                tb = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(output.traceback))
                found.append(f"{where} raised:\n{tb}")
            elif output.output_type == "stream" and output.name == "stderr":
                found.append(f"{where} wrote to stderr:\n{output.text}")
    return found


def _where(index: int, cell: nbformat.NotebookNode) -> str:
    origin = cell.metadata.get("infotheory", {})
    first = cell.source.splitlines()[0] if cell.source else ""
    line = f", {origin['source']} line {origin['line']}" if "line" in origin else ""
    return f"cell {index}{line} ({first!r})"


async def _execute(chapter: str, nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    import zmq
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient

    # Encrypted sockets when pyzmq can (ipykernel warns on stderr otherwise).
    encryption = "auto" if zmq.has("curve") else "disabled"
    km = AsyncKernelManager(kernel_name="python3", transport_encryption=encryption)
    executed = nbformat.from_dict(nb)  # a copy: the caller's notebook keeps no outputs
    client = NotebookClient(
        executed,
        km=km,
        timeout=CELL_TIMEOUT,
        allow_errors=True,  # run every cell, then report every failing one
        resources={"metadata": {"path": str(ROOT / "docs")}},
    )
    # The kernel process's own log lines ("[IPKernelApp] WARNING | Parent
    # appears to have exited" when a loaded machine is slow to reap it) would
    # land in the build's log as warnings; they go to a file instead.  Cell
    # output, warnings and errors come through the kernel's messages, not this.
    LOGS.mkdir(parents=True, exist_ok=True)
    with (LOGS / f"{chapter}.log").open("w", encoding="utf-8") as log:
        await client.async_execute(stdout=log, stderr=log)
    found = problems(executed)
    if found:
        raise NotebookExecutionError(
            f"notebook of docs/{chapter}.md failed:\n" + "\n\n".join(found)
        )
    return executed


async def execute_all(
    notebooks: dict[str, nbformat.NotebookNode], parallel: int = PARALLEL
) -> dict[str, nbformat.NotebookNode]:
    """Execute the notebooks, ``parallel`` at a time; fail naming every failing chapter."""
    semaphore = asyncio.Semaphore(parallel)

    async def one(chapter: str) -> nbformat.NotebookNode:
        async with semaphore:
            return await _execute(chapter, notebooks[chapter])

    chapters = list(notebooks)
    results = await asyncio.gather(*(one(c) for c in chapters), return_exceptions=True)
    errors = [r for r in results if isinstance(r, BaseException)]
    if errors:
        raise NotebookExecutionError("\n\n".join(str(e) for e in errors))
    return dict(zip(chapters, results, strict=True))  # type: ignore[arg-type]


def run_all(
    notebooks: dict[str, nbformat.NotebookNode], parallel: int = PARALLEL
) -> dict[str, nbformat.NotebookNode]:
    """:func:`execute_all`, from synchronous code.

    In a thread of its own when this thread already runs an event loop (a
    session that drives Playwright's synchronous API has one), since
    ``asyncio.run`` refuses to nest.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(execute_all(notebooks, parallel))
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, execute_all(notebooks, parallel)).result()


def executed_paths(
    notebooks: dict[str, nbformat.NotebookNode],
    *,
    cache: Path = CACHE,
    run: bool = True,
) -> tuple[dict[str, Path], list[str]]:
    """Return the cached executed notebook of each chapter, executing what is missing.

    With ``run=False`` nothing is executed: the chapters whose notebook is not
    cached are returned as the second element (the caller decides).
    """
    fingerprint = library_fingerprint()
    paths = {c: cache_path(c, nb, fingerprint, cache) for c, nb in notebooks.items()}
    missing = [c for c, p in paths.items() if not p.is_file()]
    if missing and run:
        executed = run_all({c: notebooks[c] for c in missing})
        cache.mkdir(parents=True, exist_ok=True)
        for chapter, nb in executed.items():
            _prune(cache, chapter)
            tmp = paths[chapter].with_suffix(f".{os.getpid()}.tmp")  # builds may run at once
            nbformat.write(nb, tmp)
            tmp.replace(paths[chapter])
        missing = []
    return paths, missing


KEEP = 4  # executed versions kept per chapter (an edit undone while serving hits the cache)


def _prune(cache: Path, chapter: str, keep: int = KEEP) -> None:
    """Remove all but the ``keep`` - 1 newest executed versions of a chapter's notebook."""
    pattern = re.compile(rf"{re.escape(chapter)}-[0-9a-f]{{20}}\.ipynb")
    versions = [p for p in cache.glob(f"{chapter}-*.ipynb") if pattern.fullmatch(p.name)]
    versions.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in versions[keep - 1 :]:
        old.unlink()


def main(argv: Iterable[str] | None = None) -> int:
    from scripts.notebooks import convert

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", help="chapter names (default: all)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    notebooks = convert.chapter_notebooks(args.chapters or None)
    try:
        paths, _ = executed_paths(notebooks)
    except NotebookExecutionError as error:
        print(error, file=sys.stderr)
        return 1
    for chapter, path in paths.items():
        print(f"{chapter}: {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
