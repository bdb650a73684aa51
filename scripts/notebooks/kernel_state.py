"""Runs inside a notebook kernel: give the next notebook a kernel as good as new.

The executor (scripts.notebooks.execute) keeps one kernel per worker and runs
several chapters' notebooks in it, one after the other: starting a kernel and
importing numpy, scipy and matplotlib costs about 3 s of CPU, which was most of
a cold build.  This module is sent to each kernel as source text once, when the
kernel has started (:func:`snapshot`), and :func:`fresh` runs before every
notebook.  It

* empties the user namespace (IPython's ``reset``) and sets the execution
  counter back to 1, so that the downloadable notebook is numbered as if it
  had run alone, and a notebook that uses a name only another notebook
  defined fails with ``NameError`` as it would in a fresh kernel;
* puts back the process-wide state a notebook may change: the working
  directory, ``os.environ``, ``sys.path``, warning filters, matplotlib's
  rcParams and open figures, numpy's error and print options, and the global
  random generators of numpy and ``random``.

Imported modules stay imported: that is the point, and importing a module a
second time has no effect a notebook could see.
"""

from __future__ import annotations

import os
import random
import sys
import warnings
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import numpy as np

_saved: dict[str, Any] = {}


def snapshot() -> None:
    """Record the state :func:`fresh` restores (once, before any notebook)."""
    _saved.update(
        cwd=os.getcwd(),
        environ=dict(os.environ),
        path=list(sys.path),
        filters=list(warnings.filters),
        rc=matplotlib.rcParams.copy(),
        errstate=np.geterr(),
        printoptions=np.get_printoptions(),
        np_random=np.random.get_state(),  # noqa: NPY002  (the legacy global a notebook may seed)
        random=random.getstate(),
    )


def fresh() -> None:
    """Return the kernel to the state :func:`snapshot` recorded, namespace emptied."""
    if not _saved:
        raise RuntimeError("kernel_state.fresh() before snapshot()")
    from IPython import get_ipython

    shell = get_ipython()
    shell.reset(new_session=False)
    shell.execution_count = 1
    os.chdir(_saved["cwd"])
    os.environ.clear()
    os.environ.update(_saved["environ"])
    sys.path[:] = _saved["path"]
    warnings.filters[:] = _saved["filters"]
    warnings._filters_mutated()  # type: ignore[attr-defined]  # as catch_warnings does
    plt.close("all")
    matplotlib.rcParams.update(_saved["rc"])
    np.seterr(**_saved["errstate"])
    np.set_printoptions(**_saved["printoptions"])
    np.random.set_state(_saved["np_random"])  # noqa: NPY002
    random.setstate(_saved["random"])
