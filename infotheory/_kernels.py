"""Reductions shared by the measures, on already-validated float64 arrays.

Each kernel returns a result in nats and applies the library's conventions:
``0 * log 0 = 0`` and ``p * log(p / 0) = inf`` for ``p > 0``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy import special

from ._validation import Axis


def entropy_nats(p: NDArray[np.float64], axis: Axis) -> NDArray[np.float64]:
    """Return ``-sum(p * log p)`` along ``axis``."""
    return np.sum(special.entr(p), axis=axis)


def cross_entropy_nats(
    p: NDArray[np.float64], q: NDArray[np.float64], axis: Axis
) -> NDArray[np.float64]:
    """Return ``-sum(p * log q)`` along ``axis`` (``inf`` where ``q = 0 < p``)."""
    return -np.sum(special.xlogy(p, q), axis=axis)


def kl_nats(p: NDArray[np.float64], q: NDArray[np.float64], axis: Axis) -> NDArray[np.float64]:
    """Return ``sum(p * log(p / q))`` along ``axis``, clipped at 0 against rounding."""
    return np.maximum(np.sum(special.rel_entr(p, q), axis=axis), 0.0)
