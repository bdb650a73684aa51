"""Run one Python block the way a reader pasting it would."""

from __future__ import annotations

import contextlib
import io
import warnings
from pathlib import Path

import numpy as np

from scripts.snippets.find import Snippet


def normalise(out: str) -> str:
    """Strip blank lines at both ends and spaces at line ends."""
    return "\n".join(line.rstrip() for line in out.strip("\n").splitlines())


def run_snippet(snippet: Snippet, path: Path | str) -> str:
    """Run ``snippet`` in a fresh namespace and return what it printed (normalised).

    numpy's print options are restored afterwards, so a block that changes them
    cannot change what later blocks print; warnings a reader would see
    (RuntimeWarning from log(0), a UserWarning...) are raised as errors;
    tracebacks point at the Markdown file and line.
    """
    # Pad so that a traceback points at the right line of the Markdown file.
    source = "\n" * (snippet.first_line - 1) + snippet.code
    code = compile(source, str(path), "exec")
    namespace: dict[str, object] = {"__name__": "__main__"}
    buffer = io.StringIO()
    with np.printoptions(), warnings.catch_warnings():
        warnings.simplefilter("error")
        # Deprecation noise from inside third-party imports is not shown to readers.
        for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning):
            warnings.simplefilter("ignore", category)
        with contextlib.redirect_stdout(buffer):
            exec(code, namespace)
    try:
        import matplotlib.pyplot as plt

        plt.close("all")
    except ImportError:  # pragma: no cover
        pass
    return normalise(buffer.getvalue())
