"""Input checking shared by every public function.

Every public function converts and checks its arguments here, so that one bad
input produces the same clear ``ValueError`` wherever it is passed.  Nothing in
this module is public API.

Arrays enter through :func:`as_array`, the one conversion: whatever the caller
passes (a list, a numpy array, a pandas Series, an xarray DataArray, a torch
CPU tensor, anything with ``__array__``, the buffer protocol or DLPack) is
turned into a plain ``numpy.ndarray`` *before* anything looks at its dtype or
shape.  Scalars (``base``, ``temperature``, ``f_inf``, ...) go through
:func:`scalar`, the one scalar checker.
"""

from __future__ import annotations

import math
import numbers
import operator
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


# --------------------------------------------------------------------------
# Conversion: the one way in for arrays.
# --------------------------------------------------------------------------


def _is_tensor(x: Any) -> bool:
    """Duck-typed test for a torch-like tensor (torch is never imported here)."""
    return hasattr(x, "detach") and hasattr(x, "requires_grad") and hasattr(x, "numpy")


def _convert_hint(x: Any, name: str) -> str:
    if _is_tensor(x):
        extra = " (bfloat16: add .float() before .numpy())" if "bfloat16" in str(x.dtype) else ""
        return f"; pass {name}.detach().cpu().numpy(){extra}"
    return ""


def _check_tensor(x: Any, name: str) -> None:
    """Reject tensors numpy cannot read in place, saying how to convert them."""
    if not _is_tensor(x):
        return
    if bool(x.requires_grad):
        raise ValueError(
            f"{name} is a tensor that requires grad; numpy cannot read it without "
            f"detaching it from the graph: pass {name}.detach().cpu().numpy()"
        )
    device = getattr(x, "device", None)
    kind = getattr(device, "type", "cpu")
    if kind != "cpu":
        raise ValueError(
            f"{name} is a tensor on device {device}, which numpy cannot read; "
            f"copy it to the CPU first: pass {name}.detach().cpu().numpy()"
        )


def _check_missing(x: Any, name: str) -> None:
    """Reject pandas objects holding missing values (pd.NA, None, NaN), naming the first."""
    isna = getattr(x, "isna", None)
    if not callable(isna) or not hasattr(x, "to_numpy"):
        return
    mask = np.asarray(isna())
    if mask.dtype == np.bool_ and mask.any():
        idx = tuple(int(i) for i in np.argwhere(mask)[0])
        where = idx[0] if len(idx) == 1 else idx
        raise ValueError(
            f"{name} has a missing value (NA) at position {where}; drop or fill the missing "
            f"values first (for example {name}.dropna())"
        )


def as_array(x: Any, name: str) -> NDArray[Any]:
    """Convert any array-like to a plain ``numpy.ndarray``, without inspecting it first.

    Masked arrays are rejected (numpy's conversion would silently drop the
    mask), as are tensors on a GPU or requiring grad (with the conversion to
    use) and pandas objects with missing values.  Objects that offer only
    DLPack are read with ``numpy.from_dlpack``.
    """
    if isinstance(x, np.ma.MaskedArray):
        raise ValueError(
            f"{name} is a masked array; masks are not interpreted here, and converting it "
            f"would silently use the masked entries: pass {name}.compressed() to drop them "
            f"or {name}.filled(value) to fill them"
        )
    if type(x) is np.ndarray:
        return x
    _check_tensor(x, name)
    _check_missing(x, name)
    try:
        if (
            not isinstance(x, np.ndarray)
            and not hasattr(x, "__array__")
            and hasattr(x, "__dlpack__")
            and not _has_buffer(x)
        ):
            arr = np.from_dlpack(x)
        else:
            arr = np.asarray(x)
    except (TypeError, ValueError, RuntimeError, BufferError) as exc:
        # Ragged nested lists land here, and so do tensors numpy cannot read.
        raise ValueError(
            f"{name} must be an array (numpy could not convert it: {exc}){_convert_hint(x, name)}"
        ) from None
    return arr if type(arr) is np.ndarray else arr.view(np.ndarray)


def _has_buffer(x: Any) -> bool:
    try:
        memoryview(x)
    except TypeError:
        return False
    return True


def _objects_as_numbers(arr: NDArray[Any], name: str) -> NDArray[Any]:
    """Turn an object array of real numbers (numpy scalars, Fractions, ...) into a numeric one.

    The dtype is what numpy infers for the same numbers in a list (integers
    stay integers, so that they can still be class indices).
    """
    for i, v in enumerate(arr.flat):
        if not isinstance(v, numbers.Real):
            where = f" at index {_index(arr, i)}" if arr.ndim else ""
            raise ValueError(f"{name} must be an array of numbers, found {v!r}{where}")
    out = np.array(arr.tolist())
    return out.astype(np.float64) if out.dtype == object else out


def _index(arr: NDArray[Any], flat: int) -> Any:
    idx = np.unravel_index(flat, arr.shape)
    return int(idx[0]) if len(idx) == 1 else tuple(int(i) for i in idx)


def numeric_array(x: ArrayLike, name: str) -> NDArray[Any]:
    """Convert ``x`` and check it holds real numbers (or booleans); keep its dtype."""
    arr = as_array(x, name)
    if arr.dtype == object:
        arr = _objects_as_numbers(arr, name)
    if not (np.issubdtype(arr.dtype, np.number) or np.issubdtype(arr.dtype, np.bool_)):
        raise ValueError(f"{name} must be an array of numbers, got dtype {arr.dtype}")
    if np.iscomplexobj(arr):
        raise ValueError(f"{name} must be real, got complex values")
    return arr


def float_array(x: ArrayLike, name: str, *, allow_empty: bool = False) -> NDArray[np.float64]:
    """Convert ``x`` to a float64 array, rejecting non-numeric input (and empty arrays).

    ``allow_empty`` is for elementwise functions, for which an empty array is
    an empty batch with an empty result.
    """
    arr = numeric_array(x, name)
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} is empty")
    return arr.astype(np.float64, copy=False)


# --------------------------------------------------------------------------
# Entries, axes and distributions.
# --------------------------------------------------------------------------


def _sum_tolerance(dtype: np.dtype[Any]) -> tuple[float, int]:
    """Return the sum tolerance for input of ``dtype`` and the digits worth showing of a sum."""
    if np.issubdtype(dtype, np.floating):
        bits = np.finfo(dtype).bits
        if bits <= 16:
            return SUM_ATOL_FLOAT16, 4
        if bits <= 32:
            return SUM_ATOL_FLOAT32, 7
    return SUM_ATOL, 12


def _describe(bad: NDArray[np.bool_], arr: NDArray[Any]) -> str:
    """Name the first offending entry: its index (for arrays) and its value."""
    idx = tuple(int(i) for i in np.argwhere(bad)[0])
    where = f" at index {idx[0] if len(idx) == 1 else idx}" if arr.ndim else ""
    return f"{arr[idx].item()!r}{where}"


def _slice_name(name: str, bad: NDArray[np.bool_], axes: tuple[int, ...]) -> str:
    """``name`` with the index of the first bad slice, e.g. ``p[1, :]``.

    ``bad`` is a reduction over ``axes`` with ``keepdims``; a single
    distribution (nothing left but the reduced axes) is just ``name``.
    """
    if len(axes) == bad.ndim:
        return name
    idx = np.argwhere(bad)[0]
    parts = [":" if i in axes else str(int(j)) for i, j in enumerate(idx)]
    return f"{name}[{', '.join(parts)}]"


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


def _axes(arr: NDArray[Any], axis: Axis) -> tuple[int, ...]:
    """Return the reduced axes of a normalised ``axis`` (``None``: all of them)."""
    return tuple(range(arr.ndim)) if axis is None else (axis,)


def check_outcomes(arr: NDArray[Any], axes: tuple[int, ...], name: str) -> None:
    """Raise if the axes holding the outcomes are empty (K = 0).

    An empty *batch* (``(0, K)`` with ``K > 0``) is fine and gives an empty
    result; a distribution over no outcomes is not a distribution.
    """
    if arr.ndim == 0 or any(arr.shape[a] == 0 for a in axes):
        if arr.ndim <= 1 or len(axes) == arr.ndim:
            raise ValueError(f"{name} is empty")
        where = axes[0] if len(axes) == 1 else axes
        raise ValueError(f"{name} is empty: no outcomes along axis {where} (shape {arr.shape})")


def flag(x: Any, name: str) -> bool:
    """Check a boolean switch (``True``/``False``; numpy booleans too)."""
    if not isinstance(x, bool | np.bool_):
        raise ValueError(f"{name} must be True or False, got {x!r}")
    return bool(x)


def normalized(arr: NDArray[np.float64], axes: tuple[int, ...] | None) -> NDArray[np.float64]:
    """Divide non-negative ``arr`` by its sums over ``axes``; every slice must have a positive sum.

    Entries near the float maximum make the sum overflow to ``inf``, and
    dividing by it would turn every entry into 0; such slices are first
    divided by their largest entry, which makes their sum at most the number
    of outcomes.  (Zero-mass slices are the caller's to reject.)
    """
    with np.errstate(over="ignore"):
        sums = np.add.reduce(arr, axis=axes, keepdims=True)
    if not np.isfinite(sums).all():
        arr = arr / np.maximum.reduce(arr, axis=axes, keepdims=True)
        sums = np.add.reduce(arr, axis=axes, keepdims=True)
    return arr / sums


def _distributions(
    arr: NDArray[np.float64],
    name: str,
    axes: tuple[int, ...],
    *,
    tolerance: tuple[float, int],
    normalize: bool,
    offer_normalize: bool,
) -> NDArray[np.float64]:
    """Check (or rescale) the distributions of ``arr`` along ``axes``; see :func:`probabilities`.

    ``tolerance`` is the sum tolerance and the number of significant digits
    with which a wrong sum is shown (enough to see 1 + 1.1e-6 is not 1).
    """
    check_outcomes(arr, axes, name)
    if arr.size == 0:  # an empty batch
        return arr
    check_finite(arr, name)
    if arr.min() < 0:
        raise ValueError(f"{name} has a negative entry: {_describe(arr < 0, arr)}")
    if normalize:
        empty = np.maximum.reduce(arr, axis=axes, keepdims=True) <= 0
        if empty.any():
            raise ValueError(
                f"{_slice_name(name, empty, axes)} has zero total mass (all entries are 0); "
                "cannot normalize"
            )
        return normalized(arr, axes)
    atol, digits = tolerance
    with np.errstate(over="ignore"):
        sums = np.add.reduce(arr, axis=axes, keepdims=True)
    off = ~(np.abs(sums - 1.0) <= atol)
    if off.any():
        s = float(sums[off].flat[0])
        hint = "; pass normalize=True to rescale" if offer_normalize else ""
        raise ValueError(
            f"{_slice_name(name, off, axes)} sums to {s:.{digits}g}, expected 1 "
            f"(off by {s - 1.0:+.2g}; the tolerance is {atol:g}){hint}"
        )
    return arr


def probabilities(
    p: ArrayLike,
    name: str,
    *,
    axis: Axis = -1,
    normalize: bool = False,
    offer_normalize: bool = True,
) -> NDArray[np.float64]:
    """Check that ``p`` holds probability distributions along ``axis``.

    Entries must be finite and non-negative; each distribution must sum to 1
    within :data:`SUM_ATOL` (looser for float32 and float16 input) unless
    ``normalize`` is true, in which case it is rescaled (and must have a
    positive sum).  ``axis=None`` treats the whole array as one distribution.
    An empty batch (shape ``(0, K)``) passes; no outcomes (``K = 0``) does
    not.  ``offer_normalize`` says whether the caller has a ``normalize``
    parameter, so that the message only suggests what exists.
    """
    normalize = flag(normalize, "normalize")
    raw = numeric_array(p, name)
    arr = raw.astype(np.float64, copy=False)
    ax = normalize_axis(arr, axis, name)
    return _distributions(
        arr,
        name,
        _axes(arr, ax),
        tolerance=_sum_tolerance(raw.dtype),
        normalize=normalize,
        offer_normalize=offer_normalize,
    )


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
    normalize = flag(normalize, "normalize")
    raw = numeric_array(pxy, name)
    if raw.ndim < 2:
        raise ValueError(
            f"{name} must be a 2-D joint table (rows X, columns Y), got shape {raw.shape}"
        )
    arr = raw.astype(np.float64, copy=False)
    return _distributions(
        arr,
        name,
        (arr.ndim - 2, arr.ndim - 1),
        tolerance=_sum_tolerance(raw.dtype),
        normalize=normalize,
        offer_normalize=True,
    )


# --------------------------------------------------------------------------
# Labels.
# --------------------------------------------------------------------------


def _is_missing(v: Any) -> bool:
    # pd.NA is recognised by its type name: pandas is never imported here.
    return v is None or (isinstance(v, float) and math.isnan(v)) or type(v).__name__ == "NAType"


def label_codes(x: ArrayLike, name: str) -> tuple[NDArray[np.intp], int]:
    """Map labels to integer codes ``0..k-1``; return the codes and ``k``.

    Any 1-D array of labels is accepted: integers, booleans, finite floats,
    strings, and object arrays (pandas' default for strings) of mutually
    comparable values.  Small integers are used as codes directly (shifted
    by their minimum), with ``k`` at most ``max(4 n, 65536)``, so that a
    ``bincount`` of the codes costs O(n) memory; a ``bincount`` over a few
    empty categories is far cheaper than sorting to factorize.  Everything
    else is factorized with ``np.unique``, so ``k <= n``.
    """
    arr = as_array(x, name)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of labels, got shape {arr.shape}")
    n = arr.size
    if n == 0:
        raise ValueError(f"{name} is empty")
    limit = max(4 * n, 1 << 16)
    if arr.dtype == np.bool_:
        return arr.astype(np.intp), 2
    if np.issubdtype(arr.dtype, np.integer):
        lo, hi = int(arr.min()), int(arr.max())
        if 0 <= lo and hi < limit:
            return arr.astype(np.intp, copy=False), hi + 1
        if hi - lo < limit and -(2**62) < lo and hi < 2**62:
            return (arr.astype(np.int64) - lo).astype(np.intp, copy=False), hi - lo + 1
    elif arr.dtype == object:
        for i, v in enumerate(arr):
            if _is_missing(v):
                raise ValueError(f"{name} has a missing label ({v!r}) at index {i}")
    elif np.issubdtype(arr.dtype, np.inexact):
        if np.iscomplexobj(arr):
            raise ValueError(f"{name} must hold real labels, got complex values")
        if not np.isfinite(arr).all():
            raise ValueError(
                f"{name} has NaN or infinite labels: {_describe(~np.isfinite(arr), arr)}"
            )
    elif arr.dtype.kind not in "USMm":  # strings, bytes, datetimes
        raise ValueError(
            f"{name} must be an array of numbers or strings used as labels, got dtype {arr.dtype}"
        )
    try:
        _, codes = np.unique(arr, return_inverse=True)
    except TypeError as exc:
        raise ValueError(
            f"{name} has labels that cannot be sorted together (mixed types?): {exc}"
        ) from None
    codes = codes.reshape(-1).astype(np.intp, copy=False)
    return codes, int(codes.max()) + 1


def class_labels(labels: ArrayLike, n_classes: int, name: str = "labels") -> NDArray[np.intp]:
    """Check integer class indices in ``[0, n_classes)`` (any shape; empty is an empty batch)."""
    n_classes = int(scalar(n_classes, "n_classes", integer=True, low=1))
    arr = as_array(labels, name)
    if arr.dtype == object:
        if not all(isinstance(v, numbers.Integral) for v in arr.flat):
            raise ValueError(f"{name} must be integer class indices, got dtype object")
        arr = _objects_as_numbers(arr, name)
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


# --------------------------------------------------------------------------
# Other arrays.
# --------------------------------------------------------------------------


def unit_interval(x: ArrayLike, name: str, *, allow_empty: bool = False) -> NDArray[np.float64]:
    """Check elementwise probabilities (each in [0, 1]; no sum constraint)."""
    arr = float_array(x, name, allow_empty=allow_empty)
    check_finite(arr, name)
    bad = (arr < 0) | (arr > 1)
    if bad.any():
        raise ValueError(f"{name} must lie in [0, 1], found {_describe(bad, arr)}")
    return arr


def finite(x: ArrayLike, name: str, *, allow_empty: bool = False) -> NDArray[np.float64]:
    """Check a real-valued, finite array (logits, means, log-variances)."""
    arr = float_array(x, name, allow_empty=allow_empty)
    check_finite(arr, name)
    return arr


def logits(x: ArrayLike, name: str, *, axis: Axis = -1) -> NDArray[np.float64]:
    """Check logits: real, no NaN, no +inf; -inf (a masked class) is allowed.

    Each slice along ``axis`` (the whole array for ``None``) needs at least
    one finite logit, or its softmax would be 0/0.  An empty batch passes.
    """
    arr = float_array(x, name, allow_empty=True)
    if np.isnan(arr).any():
        raise ValueError(f"{name} contains NaN: {_describe(np.isnan(arr), arr)}")
    if (arr == np.inf).any():
        raise ValueError(f"{name} contains +inf: {_describe(arr == np.inf, arr)}")
    if arr.ndim == 0:
        if arr == -np.inf:
            raise ValueError(f"{name} is -inf")
        return arr
    axes = _axes(arr, normalize_axis(arr, axis, name))
    check_outcomes(arr, axes, name)
    if arr.size and (arr == -np.inf).any():
        masked = np.asarray(~np.isfinite(arr).any(axis=axes, keepdims=True))
        if masked.any():
            raise ValueError(
                f"{_slice_name(name, masked, axes)} has no finite logit (all -inf), "
                "so its softmax is undefined"
            )
    return arr


def positive(x: ArrayLike, name: str, *, allow_empty: bool = False) -> NDArray[np.float64]:
    """Check a finite array of strictly positive values (standard deviations)."""
    arr = finite(x, name, allow_empty=allow_empty)
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


def counts(x: ArrayLike, name: str) -> NDArray[np.float64]:
    """Check non-negative, finite counts (or weights) with a positive total."""
    arr = finite(x, name)
    if (arr < 0).any():
        raise ValueError(f"{name} has a negative count: {_describe(arr < 0, arr)}")
    if arr.max() <= 0:
        raise ValueError(f"{name} has no observations (all counts are zero)")
    return arr


# --------------------------------------------------------------------------
# Scalars: one checker.
# --------------------------------------------------------------------------


def _interval(low: float | None, high: float | None, low_open: bool, high_open: bool) -> str | None:
    if low is not None and high is not None:
        return f"in {'(' if low_open else '['}{low:g}, {high:g}{')' if high_open else ']'}"
    if low is not None:
        return f"{'greater than' if low_open else 'at least'} {low:g}"
    if high is not None:
        return f"{'less than' if high_open else 'at most'} {high:g}"
    return None


def scalar(
    x: Any,
    name: str,
    *,
    integer: bool = False,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
    allow_inf: bool = False,
    expected: str | None = None,
) -> float:
    """Check a scalar: a real number (or an int), optionally within bounds; the one checker.

    Booleans are refused (``True`` is not a temperature); numpy scalars and
    0-d numeric arrays or tensors are accepted.  NaN is always refused, and
    so are infinities unless ``allow_inf`` (which admits ``+inf`` only).
    ``expected`` describes the valid values in the messages; by default it is
    made from the bounds.  Returns a float, or an int when ``integer``.
    """
    kind = "an int" if integer else "a real number"
    v: Any = x
    if not isinstance(v, numbers.Number) and (hasattr(v, "__array__") or hasattr(v, "__dlpack__")):
        arr = as_array(v, name)
        if arr.ndim == 0 and arr.dtype.kind in ("iu" if integer else "iuf"):
            v = arr.item()
    wanted: type = numbers.Integral if integer else numbers.Real
    if isinstance(v, bool | np.bool_) or not isinstance(v, wanted):
        raise ValueError(f"{name} must be {expected or kind}, got {x!r}")
    num: Any = v  # a checked number (mypy narrows Any to object above)
    out: Any
    if integer:
        out = operator.index(num)
    else:
        out = float(num)
        if math.isnan(out) or (math.isinf(out) and not (allow_inf and out > 0)):
            what = expected or ("a number or +inf" if allow_inf else "finite")
            raise ValueError(f"{name} must be {what}, got {x!r}")
    bounds = _interval(low, high, low_open, high_open)
    if (low is not None and (out < low or (low_open and out == low))) or (
        high is not None and (out > high or (high_open and out == high))
    ):
        raise ValueError(f"{name} must be {expected or bounds}, got {x!r}")
    return out


def log_base(base: float) -> float:
    """Return ``ln(base)``, the divisor that converts nats to units of ``base``."""
    # A base in (0, 1) is a valid logarithm but turns every information
    # quantity negative; no unit in use works that way, so it is rejected too.
    b = scalar(
        base,
        "base",
        low=1.0,
        low_open=True,
        expected="a finite number greater than 1 (e for nats, 2 for bits, 10 for bans)",
    )
    return math.log(b)


def positive_scalar(x: Any, name: str) -> float:
    """Check a finite, strictly positive real scalar (temperature)."""
    return scalar(x, name, low=0.0, low_open=True, expected="positive and finite")


def smoothing(eps: Any, name: str = "smoothing") -> float:
    """Check a label-smoothing amount in [0, 1)."""
    return scalar(eps, name, low=0.0, high=1.0, high_open=True)


def n_neighbors(k: Any, n_samples: int, name: str = "k") -> int:
    """Check a number of nearest neighbours: an int with ``1 <= k < n_samples``."""
    k = int(scalar(k, name, integer=True, low=1))
    if k >= n_samples:
        raise ValueError(f"{name} = {k} neighbours need more than {k} samples, got {n_samples}")
    return k


def random_state(seed: Any) -> np.random.RandomState:
    """Check a seed: an int in [0, 2**32) or a ``numpy.random.RandomState``.

    ``None`` is refused with an explanation: in scikit-learn it means
    "numpy's global random state" (a different result on every call), which
    is not what anybody porting code expects to get silently.
    """
    if isinstance(seed, np.random.RandomState):
        return seed
    if seed is None:
        raise ValueError(
            "random_state=None is not accepted: in scikit-learn it means numpy's global random "
            "state (a different result on every call), here the tie-breaking jitter is always "
            "seeded. Pass an int seed (default 0) or a numpy.random.RandomState, or jitter=False "
            "to add no noise at all"
        )
    s = scalar(
        seed,
        "random_state",
        integer=True,
        low=0,
        high=2**32,
        high_open=True,
        expected="an int in [0, 2**32) or a numpy.random.RandomState",
    )
    return np.random.RandomState(int(s))


# --------------------------------------------------------------------------
# Results.
# --------------------------------------------------------------------------


def reduce_result(x: NDArray[np.float64]) -> np.float64 | NDArray[np.float64]:
    """Return a 0-d result as a numpy scalar and anything else unchanged."""
    return x[()] if isinstance(x, np.ndarray) and x.ndim == 0 else x


def to_units(nats: ArrayLike, ln_base: float) -> Any:
    """Convert a result in nats to the unit whose ``ln(base)`` is given; unwrap 0-d arrays."""
    x = np.asarray(nats, dtype=np.float64)
    return reduce_result(x if ln_base == 1.0 else x / ln_base)


# --------------------------------------------------------------------------
# Checkers added with the Rényi, estimator, continuous, coding and weighted
# loss functions.
# --------------------------------------------------------------------------


def choice(value: Any, allowed: tuple[str, ...], name: str) -> str:
    """Check a string option (an estimator, an average) against its allowed values."""
    if not isinstance(value, str) or value not in allowed:
        options = ", ".join(repr(a) for a in allowed)
        raise ValueError(f"{name} must be one of {options}, got {value!r}")
    return value


def distribution_1d(p: ArrayLike, name: str) -> NDArray[np.float64]:
    """Check a single 1-D probability distribution (no batch)."""
    arr = probabilities(p, name, axis=-1)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D distribution, got shape {arr.shape}")
    return arr


def joint_table_3d(pxyz: ArrayLike, name: str) -> NDArray[np.float64]:
    """Check a joint table over three variables: axes X, Y, Z (the last three).

    Leading axes, if any, are a batch of tables; each table must sum to 1.
    """
    arr = float_array(pxyz, name, allow_empty=True)
    if arr.ndim < 3:
        raise ValueError(f"{name} must be a 3-D joint table (axes X, Y, Z), got shape {arr.shape}")
    check_outcomes(arr, (arr.ndim - 3, arr.ndim - 2, arr.ndim - 1), name)
    n_cells = arr.shape[-3] * arr.shape[-2] * arr.shape[-1]
    flat = probabilities(arr.reshape(*arr.shape[:-3], n_cells), name, axis=-1)
    return flat.reshape(arr.shape)


def paired_labels(
    arrays: tuple[ArrayLike, ...], names: tuple[str, ...]
) -> list[tuple[NDArray[np.intp], int]]:
    """Label codes (see :func:`label_codes`) of several paired 1-D samples of one length."""
    coded = [label_codes(a, n) for a, n in zip(arrays, names, strict=True)]
    first = coded[0][0].size
    for (codes, _), n in zip(coded[1:], names[1:], strict=True):
        if codes.size != first:
            raise ValueError(
                f"{names[0]} has {first} samples but {n} has {codes.size}; they must be paired"
            )
    return coded


def integer_counts(x: ArrayLike, name: str, *, axis: Axis = -1) -> tuple[NDArray[np.float64], Axis]:
    """Check histograms of observed counts: whole numbers >= 0, each with a positive total.

    Returns the counts (as float64) and the normalised axis.
    """
    arr = finite(x, name, allow_empty=True)
    ax = normalize_axis(arr, axis, name)
    check_outcomes(arr, tuple(range(arr.ndim)) if ax is None else (ax,), name)
    if (arr < 0).any():
        raise ValueError(f"{name} has a negative count: {_describe(arr < 0, arr)}")
    frac = arr != np.round(arr)
    if frac.any():
        raise ValueError(f"{name} must hold whole-number counts, found {_describe(frac, arr)}")
    if (arr.sum(axis=ax) <= 0).any():
        where = "" if ax is None or arr.ndim == 1 else " (in at least one histogram along the axis)"
        raise ValueError(f"{name} has no observations (all counts are zero){where}")
    return arr, ax


def samples_matrix(x: ArrayLike, name: str) -> NDArray[np.float64]:
    """Check continuous samples: shape (n,) or (n, d), finite; returned as (n, d)."""
    arr = finite(x, name)
    if arr.ndim == 1:
        return arr[:, None]
    if arr.ndim != 2:
        raise ValueError(
            f"{name} must have shape (n_samples,) or (n_samples, n_dims), got {arr.shape}"
        )
    return arr


def positive_distances(dist: NDArray[np.float64], k: int, name: str) -> None:
    """Raise if a k-th nearest-neighbour distance is 0 (repeated samples)."""
    if (dist <= 0).any():
        i = int(np.argmax(dist <= 0))
        raise ValueError(
            f"{name} has repeated points: sample {i} has {k} or more exact duplicates, so its "
            f"k-th neighbour distance is 0 and its log is -inf; the estimator needs continuous "
            f"data (increase k, or add tiny noise to break the ties)"
        )


def covariance_matrices(
    cov: ArrayLike, name: str, *, allow_scalar: bool = False
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Check covariance matrices, shape (..., d, d): finite, symmetric, positive definite.

    ``allow_scalar`` accepts a 0-d variance as a 1 x 1 matrix.  Returns the
    symmetrised matrices and their lower Cholesky factors (computed here,
    since the factorisation is the positive-definiteness test).
    """
    arr = finite(cov, name, allow_empty=True)
    if arr.ndim == 0 and allow_scalar:
        arr = arr.reshape(1, 1)
    if arr.ndim < 2 or arr.shape[-1] != arr.shape[-2]:
        what = "a variance (a scalar) or " if allow_scalar else ""
        raise ValueError(
            f"{name} must be {what}a square covariance matrix of shape (..., d, d), "
            f"got shape {arr.shape}"
        )
    check_outcomes(arr, (arr.ndim - 2, arr.ndim - 1), name)
    if arr.size == 0:  # an empty batch of matrices
        return arr, arr.copy()
    sym = 0.5 * (arr + np.swapaxes(arr, -1, -2))
    scale = np.abs(arr).max(axis=(-2, -1), keepdims=True)
    asym = np.abs(arr - sym) > 1e-10 * scale
    if asym.any():
        raise ValueError(f"{name} is not symmetric: entry {_describe(asym, arr)}")
    try:
        chol = np.linalg.cholesky(sym)
    except np.linalg.LinAlgError:
        chol = None
    if chol is None or not np.isfinite(chol).all():
        # Find the first offending matrix of the batch to name it.
        flat = sym.reshape(-1, *sym.shape[-2:])
        bad = 0
        for bad, m in enumerate(flat):  # noqa: B007 (used after the loop)
            try:
                ok = bool(np.isfinite(np.linalg.cholesky(m)).all())
            except np.linalg.LinAlgError:
                ok = False
            if not ok:
                break
        index = tuple(int(i) for i in np.unravel_index(bad, sym.shape[:-2]))
        where = "" if arr.ndim == 2 else f" at batch index {index}"
        raise ValueError(
            f"{name} is not positive definite{where}: a covariance matrix needs positive "
            "eigenvalues (a singular one has no density)"
        )
    return sym, np.asarray(chol, dtype=np.float64)


def mean_vectors(mu: ArrayLike, cov_dim: int, name: str, cov_name: str) -> NDArray[np.float64]:
    """Check means of shape (..., d) against covariance matrices of size d x d."""
    arr = finite(mu, name, allow_empty=True)
    if arr.ndim == 0 or arr.shape[-1] != cov_dim:
        raise ValueError(
            f"{name} has shape {arr.shape} but {cov_name} is {cov_dim} x {cov_dim}; "
            f"means must have shape (..., {cov_dim})"
        )
    return arr


def class_weights(w: ArrayLike, n_classes: int, name: str = "weight") -> NDArray[np.float64]:
    """Check per-class weights: shape (n_classes,), finite, non-negative."""
    arr = finite(w, name)
    if arr.shape != (n_classes,):
        raise ValueError(f"{name} must have shape ({n_classes},), one per class, got {arr.shape}")
    if (arr < 0).any():
        raise ValueError(f"{name} must be non-negative, found {_describe(arr < 0, arr)}")
    return arr


def broadcast_weights(w: ArrayLike, shape: tuple[int, ...], name: str) -> NDArray[np.float64]:
    """Check elementwise weights that broadcast to ``shape`` without enlarging it."""
    arr = finite(w, name)
    if (arr < 0).any():
        raise ValueError(f"{name} must be non-negative, found {_describe(arr < 0, arr)}")
    try:
        out = np.broadcast_shapes(arr.shape, shape)
    except ValueError:
        out = None
    if out != shape:
        raise ValueError(f"{name} has shape {arr.shape}, which does not broadcast to {shape}")
    return arr


def weight_total(total: float, name: str) -> float:
    """Check the denominator of a weighted mean: it must be positive, or the mean is 0/0."""
    if not total > 0:
        raise ValueError(
            f"the weighted mean is undefined: {name} is {total!r} (every target is ignored or "
            "has weight 0); use reduction='sum' or 'none'"
        )
    return total


def ignore_index(value: Any, *, hard_targets: bool) -> int | None:
    """Check an ``ignore_index``: ``None`` or an int, and only with integer class targets."""
    if value is None:
        return None
    if not hard_targets:
        raise ValueError(
            "ignore_index applies only to integer class targets, not to soft targets "
            "(as in PyTorch)"
        )
    return int(scalar(value, "ignore_index", integer=True))
