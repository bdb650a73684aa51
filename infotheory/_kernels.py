"""Reductions shared by the measures.

Each kernel returns a result in nats and applies the library's conventions:
``0 * log 0 = 0`` and ``p * log(p / 0) = inf`` for ``p > 0``.

There are two kinds of kernel:

* the generic ones (``entropy_nats``, ``cross_entropy_nats``, ``kl_nats``) work
  on already-validated arrays of any shape, along any axis;
* the *fused* ones (``entropy_fused``, ``cross_entropy_fused``, ``kl_fused``)
  handle the common large case, one distribution in a 1-D float64 array, in a
  single pass over cache-sized chunks.  Each chunk is checked (its sum and its
  minimum) and reduced (``np.log`` into a preallocated buffer, the products
  into the same buffer, then numpy's pairwise sum) while it is still in
  cache, so the input is read from memory once and no full-size temporary is
  ever allocated.  When a check
  fails they return ``None`` and the caller runs the full validation, which
  raises the usual, precise ``ValueError``.

The public functions try the fused path first through ``entropy_fast``,
``cross_entropy_fast`` and ``kl_fast``, which decide whether it applies.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray
from scipy import special

from . import _validation as _v
from ._validation import Axis

#: Elements per chunk of the fused kernels: 32768 float64 values are 256 KiB,
#: so a chunk of ``p``, one of ``q`` and the work buffer stay in a 1-2 MiB L2
#: cache.  Measured on the reference machine, 16K-128K are within ~10 %.
CHUNK = 32_768
#: Smallest input that takes the fused path.  Below this the generic path is
#: just as fast, and keeping small inputs on it keeps them on one code path.
FUSED_MIN_SIZE = CHUNK


def entropy_nats(p: NDArray[np.float64], axis: Axis | tuple[int, ...]) -> NDArray[np.float64]:
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


def pair_counts(
    cx: NDArray[np.intp], ky: int, cy: NDArray[np.intp], n_cells: int, *, chunk: int = 1 << 16
) -> NDArray[np.intp]:
    """Return ``np.bincount(cx * ky + cy, minlength=n_cells)``, the joint counts of two codes.

    When the table is small next to the data (the usual case: a few hundred
    label pairs, millions of samples) the pair codes are formed and counted
    one cache-sized chunk at a time, so no full-size temporary is made; this
    halves the time on 2 * 10**6 samples.  A large table is counted in one go,
    since adding a big table per chunk would cost more than it saves.
    """
    n = cx.size
    if n <= chunk or n_cells > chunk // 4:
        return np.bincount(cx * ky + cy, minlength=n_cells)
    buf = np.empty(chunk, dtype=np.intp)
    table = np.zeros(n_cells, dtype=np.intp)
    for start in range(0, n, chunk):
        b = buf[: min(chunk, n - start)]
        np.multiply(cx[start : start + chunk], ky, out=b)
        b += cy[start : start + chunk]
        table += np.bincount(b, minlength=n_cells)
    return table


class JointCounts(NamedTuple):
    """The joint histogram of two label codes, stored as its occupied cells only.

    ``n_xy[i]`` samples have x code ``x[i]`` and y code ``y[i]``; ``n_x`` and
    ``n_y`` are the marginal counts of every code (zeros included).
    """

    n_xy: NDArray[np.int64]
    x: NDArray[np.intp]
    y: NDArray[np.intp]
    n_x: NDArray[np.int64]
    n_y: NDArray[np.int64]


#: A dense table of ``kx * ky`` cells is used while it has at most this many
#: cells per sample (and below :data:`DENSE_MIN_CELLS`); beyond that the
#: occupied cells are found by sorting the pair codes.  At 4 cells per sample
#: the table costs 32 bytes per sample, the sort about as much, and both take
#: about the same time on 10**6 samples.
DENSE_CELLS_PER_SAMPLE = 4
#: Tables up to this size are always dense (8 MiB): cheaper than any sort.
DENSE_MIN_CELLS = 1 << 20
#: Pair codes ``cx * ky + cy`` must stay below this to fit in int64.
PAIR_CODE_LIMIT = 2**63


def joint_counts(cx: NDArray[np.intp], kx: int, cy: NDArray[np.intp], ky: int) -> JointCounts:
    """Count the pairs of codes ``cx`` (in ``0..kx-1``) and ``cy`` (in ``0..ky-1``).

    Memory and time are O(n) for any number of labels (given codes from
    :func:`infotheory._validation.label_codes`, whose ``k`` is O(n)): a small
    table is counted densely by :func:`pair_counts`; a large one, which would
    be mostly empty, by sorting the pair codes ``cx * ky + cy`` (int64), so
    that only the occupied cells, at most ``n``, are stored.
    """
    n = cx.size
    n_x = np.bincount(cx, minlength=kx)
    n_y = np.bincount(cy, minlength=ky)
    if kx * ky <= max(DENSE_CELLS_PER_SAMPLE * n, DENSE_MIN_CELLS):
        table = pair_counts(cx, ky, cy, kx * ky)
        cells = np.flatnonzero(table)
        return JointCounts(table[cells], cells // ky, cells % ky, n_x, n_y)
    if kx * ky < PAIR_CODE_LIMIT:
        n_xy, x, y = _occupied_cells(cx, cy, ky)
        return JointCounts(n_xy, x, y, n_x, n_y)
    # The pair codes would overflow int64 (possible only for codes used as
    # given, with k up to 4 n, and n > 7 * 10**8): number the codes that
    # occur consecutively (k <= n), count, and map the cells back.
    used_x, used_y = np.flatnonzero(n_x), np.flatnonzero(n_y)
    rank_x, rank_y = np.cumsum(n_x > 0) - 1, np.cumsum(n_y > 0) - 1
    n_xy, x, y = _occupied_cells(rank_x[cx], rank_y[cy], used_y.size)
    return JointCounts(n_xy, used_x[x], used_y[y], n_x, n_y)


def _occupied_cells(
    cx: NDArray[np.intp], cy: NDArray[np.intp], ky: int
) -> tuple[NDArray[np.int64], NDArray[np.intp], NDArray[np.intp]]:
    """Find the occupied cells, their counts and codes, by sorting the pair codes (O(n))."""
    n = cx.size
    pairs = cx.astype(np.int64)
    pairs *= ky
    pairs += cy
    pairs.sort()
    new = np.empty(n, dtype=np.bool_)
    new[0] = True
    np.not_equal(pairs[1:], pairs[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    del new
    cells = pairs[starts]
    del pairs
    x, y = np.divmod(cells, ky)
    return np.diff(starts, append=n), x.astype(np.intp), y.astype(np.intp)


# --------------------------------------------------------------------------
# Fused path: validation and reduction in one chunked pass.
# --------------------------------------------------------------------------


def flat_view(x: object, axis: Axis) -> NDArray[np.float64] | None:
    """Return ``x`` as a 1-D float64 array without copying, if the fused path applies.

    It applies to a float64 ndarray of at least :data:`FUSED_MIN_SIZE`
    elements that holds a single distribution: a 1-D array reduced along its
    only axis, or a contiguous array of any shape with ``axis=None``.  Any
    other input (lists, other dtypes, batches, odd axes) returns ``None`` and
    goes through the generic path, which also produces every error message.
    """
    if not isinstance(x, np.ndarray) or x.dtype != np.float64 or x.size < FUSED_MIN_SIZE:
        return None
    x = np.asarray(x)  # drop ndarray subclasses
    if axis is None:
        if x.flags.c_contiguous or x.flags.f_contiguous:
            return x.ravel(order="K")
        return None
    if (
        x.ndim == 1
        and isinstance(axis, numbers.Integral)
        and not isinstance(axis, bool)
        and int(axis) in (0, -1)
    ):
        return x
    return None


def _is_distribution(sums: NDArray[np.float64], mins: NDArray[np.float64]) -> bool:
    """Check the per-chunk sums and minima: finite, non-negative, total 1 within tolerance.

    A NaN or an infinity anywhere makes its chunk's sum non-finite (a NaN
    also makes the minimum NaN), so the two reductions cover every check of
    :func:`infotheory._validation.probabilities` for float64 input.
    """
    total = float(np.sum(sums))
    lowest = float(np.min(mins))
    # `lowest >= 0` is False for NaN; `-0.0 >= 0` is True, as in the generic check.
    return math.isfinite(total) and lowest >= 0 and abs(total - 1.0) <= _v.SUM_ATOL


def _n_chunks(n: int, chunk: int) -> int:
    return -(-n // chunk)


def _weighted_sum(a: NDArray[np.float64], t: NDArray[np.float64]) -> float:
    """``sum(a * t)`` of two chunks, overwriting ``t`` with the products.

    The products go into the work buffer and are added by ``np.add.reduce``,
    numpy's pairwise summation: its error grows like ``log n``, where a dot
    product's running sum (``np.einsum``) lost up to 3 digits on a uniform
    distribution of 10**5 outcomes.  Both passes stay in cache, and neither
    uses BLAS, whose thread pool (OpenBLAS hands dot products above 10 000
    elements to it) made the chunk loop 10 to 100 times slower on a busy
    2-core machine.
    """
    np.multiply(a, t, out=t)
    return float(np.add.reduce(t))


def entropy_fused(p: NDArray[np.float64], *, chunk: int = CHUNK) -> float | None:
    """Return ``-sum(p log p)`` of a 1-D float64 array, or ``None`` if ``p`` is not a distribution.

    One pass over chunks of ``chunk`` elements: sum and minimum (the checks),
    ``log`` into a reused buffer, and the pairwise sum of ``p * log p``
    (:func:`_weighted_sum`).  A zero entry gives ``0 * -inf = nan``; only then
    are the chunk's terms zeroed where ``p == 0`` and summed again, so inputs
    without zeros pay nothing for the ``0 log 0 = 0`` convention.  The chunks'
    partial sums are added pairwise too.
    """
    n = p.size
    m = _n_chunks(n, chunk)
    buf = np.empty(min(chunk, n))
    parts, sums, mins = np.empty(m), np.empty(m), np.empty(m)
    with np.errstate(all="ignore"):
        for j in range(m):
            c = p[j * chunk : (j + 1) * chunk]
            t = buf[: c.size]
            sums[j] = np.add.reduce(c)
            mins[j] = np.minimum.reduce(c)
            np.log(c, out=t)
            v = _weighted_sum(c, t)
            if v != v:  # NaN: a zero entry (0 * log 0), or invalid input (caught below)
                t[c == 0] = 0.0
                v = float(np.add.reduce(t))
            parts[j] = v
    if not _is_distribution(sums, mins):
        return None
    return -float(np.add.reduce(parts))


def _pair_fused(
    p: NDArray[np.float64],
    q: NDArray[np.float64],
    chunk: int,
    weighted_sum: Callable[[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]], float],
) -> float | None:
    """One checked pass over two 1-D arrays; ``None`` if either is not a distribution.

    Each chunk of ``p`` and ``q`` is checked (sum and minimum, see
    :func:`_is_distribution`) and reduced by ``weighted_sum(a, b, buf)``, which
    may use ``buf`` (as long as the chunk) as scratch space.  Floating-point
    warnings are off inside: invalid input shows up in the checks instead.
    """
    n = p.size
    m = _n_chunks(n, chunk)
    buf = np.empty(min(chunk, n))
    parts = np.empty(m)
    psums, pmins, qsums, qmins = np.empty(m), np.empty(m), np.empty(m), np.empty(m)
    with np.errstate(all="ignore"):
        for j in range(m):
            a = p[j * chunk : (j + 1) * chunk]
            b = q[j * chunk : (j + 1) * chunk]
            psums[j] = np.add.reduce(a)
            pmins[j] = np.minimum.reduce(a)
            qsums[j] = np.add.reduce(b)
            qmins[j] = np.minimum.reduce(b)
            parts[j] = weighted_sum(a, b, buf[: a.size])
    if not (_is_distribution(psums, pmins) and _is_distribution(qsums, qmins)):
        return None
    return float(np.add.reduce(parts))


def _p_log_q(a: NDArray[np.float64], b: NDArray[np.float64], t: NDArray[np.float64]) -> float:
    np.log(b, out=t)
    v = _weighted_sum(a, t)
    if v != v:  # 0 * log 0 where p = q = 0 (or invalid input, rejected by the checks)
        t[a == 0] = 0.0
        v = float(np.add.reduce(t))
    return v


def _p_log_p_over_q(
    a: NDArray[np.float64], b: NDArray[np.float64], t: NDArray[np.float64]
) -> float:
    np.divide(a, b, out=t)
    np.log(t, out=t)
    v = _weighted_sum(a, t)
    if not math.isfinite(v):
        # p = 0: 0 * log 0 or 0 * log(0 / 0) is 0.  p, q > 0 with an
        # infinite ratio: it overflowed; p (log p - log q) is finite.
        # (Invalid input also lands here; it is rejected by the checks.)
        t[a == 0] = 0.0
        over = np.isinf(t) & (a > 0) & (b > 0)
        if over.any():
            t[over] = a[over] * (np.log(a[over]) - np.log(b[over]))
        v = float(np.add.reduce(t))
    return v


def cross_entropy_fused(
    p: NDArray[np.float64], q: NDArray[np.float64], *, chunk: int = CHUNK
) -> float | None:
    """Return ``-sum(p log q)`` of two 1-D float64 arrays, or ``None`` if either is invalid.

    ``inf`` where ``q = 0 < p``; terms with ``p = 0`` are 0 whatever ``q`` is.
    """
    total = _pair_fused(p, q, chunk, _p_log_q)
    return None if total is None else -total


def kl_fused(p: NDArray[np.float64], q: NDArray[np.float64], *, chunk: int = CHUNK) -> float | None:
    """Return ``sum(p log(p / q))`` of two 1-D float64 arrays, or ``None`` if either is invalid.

    Computed as ``sum(p * log(p / q))`` per chunk (one division and one
    ``log`` per element, as ``scipy.special.rel_entr`` does).  ``inf`` where
    ``q = 0 < p``; terms with ``p = 0`` are 0.  Not clipped: the caller clips.

    A chunk whose sum is not finite is looked at again: ``p = 0`` terms are
    set to 0, and where ``p / q`` overflowed (``q`` subnormal, ``q > 0``) the
    logarithm is recomputed as ``log p - log q``, which is finite, as
    ``rel_entr`` does.  Only ``q = 0 < p`` then leaves an ``inf``.
    """
    return _pair_fused(p, q, chunk, _p_log_p_over_q)


def _non_negative(value: float | None) -> float | None:
    """Clip rounding below 0 (and turn ``-0.0`` into ``0.0``); pass ``None`` through."""
    return None if value is None else max(value, 0.0) + 0.0


def entropy_fast(p: object, axis: Axis, normalize: bool) -> float | None:
    """Entropy in nats (>= 0) by the fused path; ``None`` if it does not apply or ``p`` is bad."""
    if normalize:
        return None
    flat = flat_view(p, axis)
    return None if flat is None else _non_negative(entropy_fused(flat))


def _flat_pair(
    p: object, q: object, axis: Axis, normalize: bool
) -> tuple[NDArray[np.float64], NDArray[np.float64]] | None:
    if normalize:
        return None
    a, b = flat_view(p, axis), flat_view(q, axis)
    if a is None or b is None or a.size != b.size:
        return None
    # With axis=None the shapes must match (the generic path raises otherwise),
    # and so must the strides: ravel(order="K") follows the memory layout, so a
    # C-ordered p and an F-ordered q would be flattened out of step.
    if axis is None and (
        getattr(p, "shape", None) != getattr(q, "shape", None)
        or getattr(p, "strides", None) != getattr(q, "strides", None)
    ):
        return None
    return a, b


def cross_entropy_fast(p: object, q: object, axis: Axis, normalize: bool) -> float | None:
    """Cross-entropy in nats (>= 0) by the fused path, or ``None`` (see :func:`entropy_fast`)."""
    pair = _flat_pair(p, q, axis, normalize)
    return None if pair is None else _non_negative(cross_entropy_fused(*pair))


def kl_fast(p: object, q: object, axis: Axis, normalize: bool) -> float | None:
    """KL divergence in nats (>= 0) by the fused path, or ``None`` (see :func:`entropy_fast`)."""
    pair = _flat_pair(p, q, axis, normalize)
    return None if pair is None else _non_negative(kl_fused(*pair))
