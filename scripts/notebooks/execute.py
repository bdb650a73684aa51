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
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import nbformat

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ROOT / "infotheory"
CACHE = ROOT / ".cache" / "notebooks"
LOGS = CACHE / "kernel-logs"  # each kernel process's own stdout/stderr (kernel-<n>.log)
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


def _kernel_state_code() -> str:
    """Source that installs scripts/notebooks/kernel_state.py in a kernel and snapshots it."""
    source = (Path(__file__).with_name("kernel_state.py")).read_text(encoding="utf-8")
    return (
        "import sys as _sys, types as _types\n"
        f"_m = _types.ModuleType({_KERNEL_STATE!r})\n"
        f"exec(compile({source!r}, 'kernel_state.py', 'exec'), _m.__dict__)\n"
        "_sys.modules[_m.__name__] = _m\n"
        "_m.snapshot()\n"
    )


_KERNEL_STATE = "_infotheory_kernel_state"
_FRESH = f"__import__('sys').modules[{_KERNEL_STATE!r}].fresh()"


class _Kernel:
    """One kernel process, reused for several notebooks (scripts/notebooks/kernel_state.py)."""

    def __init__(self, log: Any) -> None:
        self._log = log
        self.km: Any = None
        self.kc: Any = None

    async def start(self) -> None:
        import zmq
        from jupyter_client.manager import AsyncKernelManager

        # Encrypted sockets when pyzmq can (ipykernel warns on stderr otherwise).
        encryption = "auto" if zmq.has("curve") else "disabled"
        self.km = AsyncKernelManager(kernel_name="python3", transport_encryption=encryption)
        # The kernel process's own log lines ("[IPKernelApp] WARNING | Parent
        # appears to have exited" when a loaded machine is slow to reap it)
        # would land in the build's log as warnings; they go to a file instead.
        # Cell output, warnings and errors come through the kernel's messages.
        await self.km.start_kernel(cwd=str(ROOT / "docs"), stdout=self._log, stderr=self._log)
        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=CELL_TIMEOUT)
        await self._run(_kernel_state_code())

    async def _run(self, code: str) -> None:
        reply = await self.kc.execute_interactive(
            code, silent=True, store_history=False, timeout=CELL_TIMEOUT
        )
        content = reply["content"]
        if content["status"] != "ok":
            tb = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(content.get("traceback", [])))
            raise NotebookExecutionError(f"resetting the notebook kernel failed:\n{tb}")

    async def execute(self, chapter: str, nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
        from nbclient import NotebookClient

        await self._run(_FRESH)
        executed = nbformat.from_dict(nb)  # a copy: the caller's notebook keeps no outputs
        client = NotebookClient(
            executed,
            km=self.km,  # not owned by the client: it leaves the kernel running
            timeout=CELL_TIMEOUT,
            allow_errors=True,  # run every cell, then report every failing one
            resources={"metadata": {"path": str(ROOT / "docs")}},
        )
        client.kc = self.kc
        await client.async_execute()
        found = problems(executed)
        if found:
            raise NotebookExecutionError(
                f"notebook of docs/{chapter}.md failed:\n" + "\n\n".join(found)
            )
        return executed

    async def stop(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None and self.km.has_kernel:
            await self.km.shutdown_kernel(now=True)
        self.km = self.kc = None


async def execute_all(
    notebooks: dict[str, nbformat.NotebookNode],
    parallel: int = PARALLEL,
    done: Callable[[str, nbformat.NotebookNode], None] | None = None,
) -> dict[str, nbformat.NotebookNode]:
    """Execute the notebooks on ``parallel`` kernels; fail naming every failing chapter.

    ``done(chapter, executed)`` is called as soon as each notebook has run
    without error (the others are still running).

    Each kernel runs several notebooks in turn, made as good as new before each
    one (scripts/notebooks/kernel_state.py).  A notebook whose kernel timed out
    or died is reported, and the next one gets a new kernel.
    """
    queue: asyncio.Queue[str] = asyncio.Queue()
    # The longest first, so that the kernels finish at about the same time.
    for chapter in sorted(notebooks, key=lambda c: -len(notebooks[c].cells)):
        queue.put_nowait(chapter)
    results: dict[str, nbformat.NotebookNode] = {}
    errors: dict[str, str] = {}
    LOGS.mkdir(parents=True, exist_ok=True)

    async def worker(number: int) -> None:
        with (LOGS / f"kernel-{number}.log").open("w", encoding="utf-8") as log:
            kernel = _Kernel(log)
            try:
                while not queue.empty():
                    chapter = queue.get_nowait()
                    try:
                        if kernel.km is None:
                            await kernel.start()
                        results[chapter] = await kernel.execute(chapter, notebooks[chapter])
                        if done is not None:
                            done(chapter, results[chapter])
                    except NotebookExecutionError as error:
                        errors[chapter] = str(error)
                    except Exception as error:  # a timeout, a dead kernel: start afresh
                        errors[chapter] = f"notebook of docs/{chapter}.md failed: {error!r}"
                        await kernel.stop()
            finally:
                await kernel.stop()

    await asyncio.gather(*(worker(n) for n in range(min(parallel, len(notebooks)))))
    if errors:
        raise NotebookExecutionError("\n\n".join(errors[c] for c in notebooks if c in errors))
    return {chapter: results[chapter] for chapter in notebooks}


def run_all(
    notebooks: dict[str, nbformat.NotebookNode],
    parallel: int = PARALLEL,
    done: Callable[[str, nbformat.NotebookNode], None] | None = None,
) -> dict[str, nbformat.NotebookNode]:
    """:func:`execute_all`, from synchronous code.

    In a thread of its own when this thread already runs an event loop (a
    session that drives Playwright's synchronous API has one), since
    ``asyncio.run`` refuses to nest.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(execute_all(notebooks, parallel, done))
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, execute_all(notebooks, parallel, done)).result()


def executed_paths(
    notebooks: dict[str, nbformat.NotebookNode],
    *,
    cache: Path = CACHE,
    run: bool = True,
    on_executed: Callable[[str, Path], None] | None = None,
) -> tuple[dict[str, Path], list[str]]:
    """Return the cached executed notebook of each chapter, executing what is missing.

    With ``run=False`` nothing is executed: the chapters whose notebook is not
    cached are returned as the second element (the caller decides).
    ``on_executed(chapter, path)`` is called as each missing notebook lands in
    the cache.
    """
    fingerprint = library_fingerprint()
    paths = {c: cache_path(c, nb, fingerprint, cache) for c, nb in notebooks.items()}
    missing = [c for c, p in paths.items() if not p.is_file()]
    if not (missing and run):
        return paths, missing

    def store(chapter: str, nb: nbformat.NotebookNode) -> None:
        cache.mkdir(parents=True, exist_ok=True)
        _prune(cache, chapter)
        tmp = paths[chapter].with_suffix(f".{os.getpid()}.tmp")  # builds may run at once
        nbformat.write(nb, tmp)
        tmp.replace(paths[chapter])
        if on_executed is not None:
            on_executed(chapter, paths[chapter])

    run_all({c: notebooks[c] for c in missing}, done=store)
    return paths, []


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
