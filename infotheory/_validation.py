"""Input checking shared by every public function.

Every public function converts and checks its arguments here, so that one bad
input produces the same clear ``ValueError`` wherever it is passed.  Nothing in
this module is public API.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

#: How far from 1 a distribution's sum may be (float64 input).  Rounding in a
#: float64 softmax of a few million classes stays well inside this.
SUM_ATOL = 1e-6
#: The same for float32 input, whose rounding is ~1e-7 per entry.
SUM_ATOL_FLOAT32 = 1e-4
#: The same for float16 input, whose rounding is ~1e-3 per entry.
SUM_ATOL_FLOAT16 = 1e-2

Axis = int | None


def float_array(x: ArrayLike, name: str) -> NDArray[np.float64]:
    """Convert ``x`` to a float64 array, rejecting non-numeric input and empty arrays."""
    try:
        arr = np.asarray(x)
    except (TypeError, ValueError) as exc:
        # Ragged nested lists land here on numpy >= 1.24.
        raise ValueError(f"{name} must be an array of numbers ({exc})") from None
    if arr.dtype == object or not (
        np.issubdtype(arr.dtype, np.number) or np.issubdtype(arr.dtype, np.bool_)
    ):
        raise ValueError(f"{name} must be an array of numbers, got dtype {arr.dtype}")
    if np.iscomplexobj(arr):
        raise ValueError(f"{name} must be real, got complex values")
    if arr.size == 0:
        raise ValueError(f"{name} is empty")
    return arr.astype(np.float64, copy=False)


def _sum_atol(original: Any) -> float:
    dtype = getattr(original, "dtype", None)
    if dtype is not None and np.issubdtype(dtype, np.floating):
        bits = np.finfo(dtype).bits
        if bits <= 16:
            return SUM_ATOL_FLOAT16
        if bits <= 32:
            return SUM_ATOL_FLOAT32
    return SUM_ATOL


def _describe(bad: NDArray[np.bool_], arr: NDArray[np.float64]) -> str:
    """Name the first offending entry: its index (for arrays) and its value."""
    idx = tuple(int(i) for i in np.argwhere(bad)[0])
    where = f" at index {idx[0] if len(idx) == 1 else idx}" if arr.ndim else ""
    return f"{arr[idx].item()!r}{where}"


def check_finite(arr: NDArray[np.float64], name: str) -> None:
    """Raise if ``arr`` holds NaN or an infinity."""
    # A NaN or an infinity anywhere makes the sum non-finite, and the sum needs
    # no full-size boolean temporary; only a non-finite sum (a bad entry, or
    # finite entries whose sum overflows) is looked at entry by entry.
    with np.errstate(over="ignore", invalid="ignore"):
        total = float(np.add.reduce(arr, axis=None))
    if math.isfinite(total):
        return
    if not np.isfinite(arr).all():
        bad = ~np.isfinite(arr)
        raise ValueError(f"{name} must be finite, found {_describe(bad, arr)}")


def normalize_axis(arr: NDArray[Any], axis: Axis, name: str) -> Axis:
    """Return ``axis`` as a non-negative int (or None), checking it exists on ``arr``."""
    if axis is None:
        return None
    if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
        raise ValueError(f"axis must be an int or None, got {axis!r}")
    axis = int(axis)
    if arr.ndim == 0:
        raise ValueError(f"{name} is a scalar; a distribution needs at least one axis")
    if not -arr.ndim <= axis < arr.ndim:
        raise ValueError(f"axis {axis} is out of range for {name} with {arr.ndim} dimension(s)")
    return axis % arr.ndim


def probabilities(
    p: ArrayLike,
    name: str,
    *,
    axis: Axis = -1,
    normalize: bool = False,
) -> NDArray[np.float64]:
    """Check that ``p`` holds probability distributions along ``axis``.

    Entries must be finite and non-negative; each distribution must sum to 1
    within :data:`SUM_ATOL` unless ``normalize`` is true, in which case it is
    rescaled (and must have a positive sum).  ``axis=None`` treats the whole
    array as one distribution.
    """
    arr = float_array(p, name)
    axis = normalize_axis(arr, axis, name)
    check_finite(arr, name)
    if arr.min() < 0:
        raise ValueError(f"{name} has a negative entry: {_describe(arr < 0, arr)}")
    sums = arr.sum(axis=axis, keepdims=True)
    if normalize:
        if (sums <= 0).any():
            raise ValueError(f"{name} has a distribution with zero total mass; cannot normalize")
        return arr / sums
    off = np.abs(sums - 1.0) > _sum_atol(p)
    if off.any():
        bad_sum = float(sums[off].flat[0])
        where = "" if sums.size == 1 else " (in at least one distribution along the axis)"
        raise ValueError(
            f"{name} sums to {bad_sum:.6g}{where}, expected 1 (pass normalize=True to rescale)"
        )
    return arr


def probability_pair(
    p: ArrayLike,
    q: ArrayLike,
    names: tuple[str, str] = ("p", "q"),
    *,
    axis: Axis = -1,
    normalize: bool = False,
) -> tuple[NDArray[np.float64], NDArray[np.float64], Axis]:
    """Check two distributions that are compared entry by entry.

    Both must be valid distributions along ``axis`` with the same number of
    outcomes there; the remaining axes broadcast as in numpy.  Returns both
    arrays broadcast to a common shape and the normalised axis.
    """
    a = probabilities(p, names[0], axis=axis, normalize=normalize)
    b = probabilities(q, names[1], axis=axis, normalize=normalize)
    if axis is None:
        if a.shape != b.shape:
            raise ValueError(
                f"{names[0]} has shape {a.shape} but {names[1]} has shape {b.shape}; "
                "with axis=None they must match"
            )
        return a, b, None
    na, nb = a.shape[axis], b.shape[axis]
    if na != nb:
        raise ValueError(
            f"{names[0]} has {na} outcomes along axis {axis} but {names[1]} has {nb}; "
            "they must describe the same outcomes"
        )
    if a.ndim != b.ndim and axis >= 0:
        # Broadcasting aligns trailing axes, so a non-negative axis names
        # different dimensions of arrays with different ndim: p (3, 3) against
        # q (3,) with axis=0 silently paired p's columns with q laid along rows.
        raise ValueError(
            f"axis {axis} names different dimensions of {names[0]} ({a.ndim}-D) and "
            f"{names[1]} ({b.ndim}-D), since broadcasting aligns trailing axes; "
            "use a negative axis or give both the same number of dimensions"
        )
    try:
        a, b = np.broadcast_arrays(a, b)
    except ValueError:
        raise ValueError(
            f"shapes of {names[0]} {np.shape(a)} and {names[1]} {np.shape(b)} do not broadcast"
        ) from None
    return a, b, normalize_axis(a, axis, names[0])


def joint_table(pxy: ArrayLike, name: str, *, normalize: bool = False) -> NDArray[np.float64]:
    """Check a joint probability table: rows index X, columns Y (the last two axes).

    Leading axes, if any, are a batch of tables; each table must sum to 1.
    """
    arr = float_array(pxy, name)
    if arr.ndim < 2:
        raise ValueError(
            f"{name} must be a 2-D joint table (rows X, columns Y), got shape {arr.shape}"
        )
    flat = probabilities(arr.reshape(*arr.shape[:-2], -1), name, axis=-1, normalize=normalize)
    return flat.reshape(arr.shape)


def label_codes(x: ArrayLike, name: str) -> tuple[NDArray[np.intp], int]:
    """Map labels to codes 0..k-1 (or to themselves when they already are small ints)."""
    arr = np.asarray(x)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of labels, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} is empty")
    if arr.dtype == object:
        raise ValueError(f"{name} must be an array of numbers or strings, got dtype object")
    if np.issubdtype(arr.dtype, np.integer) or arr.dtype == np.bool_:
        lo, hi = int(arr.min()), int(arr.max())
        # Small non-negative integers are used as codes directly: a bincount
        # over a few empty categories is far cheaper than sorting to factorize.
        if lo >= 0 and hi < max(4 * arr.size, 1 << 16):
            return arr.astype(np.intp, copy=False), hi + 1
    elif np.issubdtype(arr.dtype, np.floating) and not np.isfinite(arr).all():
        raise ValueError(f"{name} has NaN or infinite labels")
    _, codes = np.unique(arr, return_inverse=True)
    return codes.astype(np.intp, copy=False), int(codes.max()) + 1


def unit_interval(x: ArrayLike, name: str) -> NDArray[np.float64]:
    """Check elementwise probabilities (each in [0, 1]; no sum constraint)."""
    arr = float_array(x, name)
    check_finite(arr, name)
    bad = (arr < 0) | (arr > 1)
    if bad.any():
        raise ValueError(f"{name} must lie in [0, 1], found {_describe(bad, arr)}")
    return arr


def finite(x: ArrayLike, name: str) -> NDArray[np.float64]:
    """Check a real-valued, finite array (logits, means, log-variances)."""
    arr = float_array(x, name)
    check_finite(arr, name)
    return arr


def logits(x: ArrayLike, name: str, *, axis: Axis = -1) -> NDArray[np.float64]:
    """Check logits: real, no NaN, no +inf; -inf (a masked class) is allowed.

    Each slice along ``axis`` needs at least one finite logit, or its softmax
    would be 0/0.
    """
    arr = float_array(x, name)
    if np.isnan(arr).any():
        raise ValueError(f"{name} contains NaN: {_describe(np.isnan(arr), arr)}")
    if (arr == np.inf).any():
        raise ValueError(f"{name} contains +inf: {_describe(arr == np.inf, arr)}")
    if arr.ndim and (arr == -np.inf).any():
        ax = normalize_axis(arr, axis, name)
        if not np.isfinite(arr).any(axis=ax).all():
            raise ValueError(f"{name} has a slice whose logits are all -inf")
    elif arr.ndim == 0 and arr == -np.inf:
        raise ValueError(f"{name} is -inf")
    return arr


def smoothing(eps: Any, name: str = "smoothing") -> float:
    """Check a label-smoothing amount in [0, 1)."""
    if isinstance(eps, bool) or not isinstance(eps, numbers.Real):
        raise ValueError(f"{name} must be a real number in [0, 1), got {eps!r}")
    v = float(eps)
    if not 0.0 <= v < 1.0:
        raise ValueError(f"{name} must lie in [0, 1), got {eps!r}")
    return v


def positive(x: ArrayLike, name: str) -> NDArray[np.float64]:
    """Check a finite array of strictly positive values (standard deviations)."""
    arr = finite(x, name)
    if (arr <= 0).any():
        raise ValueError(f"{name} must be positive, found {_describe(arr <= 0, arr)}")
    return arr


def same_shape(a: NDArray[Any], b: NDArray[Any], names: tuple[str, str]) -> None:
    """Raise unless ``a`` and ``b`` have exactly the same shape.

    Used for losses, where silently broadcasting (N,) against (N, 1) into an
    (N, N) matrix is a classic bug.
    """
    if a.shape != b.shape:
        raise ValueError(
            f"{names[0]} has shape {a.shape} but {names[1]} has shape {b.shape}; they must match"
        )


def log_base(base: float) -> float:
    """Return ``ln(base)``, the divisor that converts nats to units of ``base``."""
    if isinstance(base, bool) or not isinstance(base, numbers.Real):
        raise ValueError(f"base must be a real number, got {base!r}")
    b = float(base)
    # A base in (0, 1) is a valid logarithm but turns every information
    # quantity negative; no unit in use works that way, so it is rejected too.
    if not math.isfinite(b) or b <= 1:
        raise ValueError(
            f"base must be a finite number greater than 1 (e for nats, 2 for bits, "
            f"10 for bans), got {base!r}"
        )
    return math.log(b)


def positive_scalar(x: Any, name: str) -> float:
    """Check a finite, strictly positive real scalar (temperature)."""
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise ValueError(f"{name} must be a real number, got {x!r}")
    v = float(x)
    if not math.isfinite(v) or v <= 0:
        raise ValueError(f"{name} must be positive and finite, got {x!r}")
    return v


def class_labels(labels: ArrayLike, n_classes: int, name: str = "labels") -> NDArray[np.intp]:
    """Check integer class indices in ``[0, n_classes)``."""
    if isinstance(n_classes, bool) or not isinstance(n_classes, numbers.Integral):
        raise ValueError(f"n_classes must be an int, got {n_classes!r}")
    if n_classes < 1:
        raise ValueError(f"n_classes must be at least 1, got {n_classes}")
    arr = np.asarray(labels)
    if arr.size == 0:
        raise ValueError(f"{name} is empty")
    if not np.issubdtype(arr.dtype, np.integer):
        if not (
            np.issubdtype(arr.dtype, np.floating)
            and np.isfinite(arr).all()
            and (arr == np.round(arr)).all()
        ):
            raise ValueError(f"{name} must be integer class indices, got dtype {arr.dtype}")
        # Whole-number floats are accepted; the range is checked before the
        # cast so that a value such as 1e20 is reported as it was given.
        bad = (arr < 0) | (arr >= n_classes)
        if bad.any():
            raise ValueError(f"{name} must lie in [0, {n_classes}), found {_describe(bad, arr)}")
        arr = arr.astype(np.intp)
    bad = (arr < 0) | (arr >= n_classes)
    if bad.any():
        raise ValueError(f"{name} must lie in [0, {n_classes}), found {_describe(bad, arr)}")
    return arr.astype(np.intp, copy=False)


def counts(x: ArrayLike, name: str) -> NDArray[np.float64]:
    """Check non-negative, finite counts (or weights) with a positive total."""
    arr = finite(x, name)
    if (arr < 0).any():
        raise ValueError(f"{name} has a negative count: {_describe(arr < 0, arr)}")
    if arr.sum() <= 0:
        raise ValueError(f"{name} has no observations (all counts are zero)")
    return arr


def reduce_result(x: NDArray[np.float64]) -> np.float64 | NDArray[np.float64]:
    """Return a 0-d result as a numpy scalar and anything else unchanged."""
    return x[()] if isinstance(x, np.ndarray) and x.ndim == 0 else x


def to_units(nats: ArrayLike, ln_base: float) -> Any:
    """Convert a result in nats to the unit whose ``ln(base)`` is given; unwrap 0-d arrays."""
    x = np.asarray(nats, dtype=np.float64)
    return reduce_result(x if ln_base == 1.0 else x / ln_base)


def n_neighbors(k: Any, n_samples: int, name: str = "k") -> int:
    """Check a number of nearest neighbours: an int with ``1 <= k < n_samples``."""
    if isinstance(k, bool) or not isinstance(k, numbers.Integral):
        raise ValueError(f"{name} must be an int, got {k!r}")
    k = int(k)
    if k < 1:
        raise ValueError(f"{name} must be at least 1, got {k}")
    if k >= n_samples:
        raise ValueError(f"{name} = {k} neighbours need more than {k} samples, got {n_samples}")
    return k


def random_state(seed: Any) -> np.random.RandomState | None:
    """Check a seed: ``None`` (no randomness), an int in [0, 2**32) or a ``RandomState``."""
    if seed is None or isinstance(seed, np.random.RandomState):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise ValueError(
            f"random_state must be None, an int or a numpy.random.RandomState, got {seed!r}"
        )
    if not 0 <= int(seed) < 2**32:
        raise ValueError(f"random_state must lie in [0, 2**32), got {seed}")
    return np.random.RandomState(int(seed))
