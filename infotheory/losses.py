"""Softmax, label smoothing and the cross-entropy losses used to train classifiers.

The losses are computed from logits where possible: ``log_softmax`` and the
``*_with_logits`` losses never form a probability that rounds to 0 or 1, so
they stay exact where ``log(softmax(z))`` would return ``-inf``.
"""

from __future__ import annotations

import math
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

from . import _validation as _v

__all__ = [
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "cross_entropy_with_logits",
    "log_softmax",
    "smooth_labels",
    "softmax",
]

Reduction = Literal["mean", "sum", "none"]


def _reduce(losses: NDArray[np.float64], reduction: str, ln_b: float) -> Any:
    out: Any
    if reduction == "mean" and losses.size == 0:
        raise ValueError(
            "the batch is empty, and the mean of no losses is undefined; "
            "use reduction='sum' (which gives 0) or reduction='none'"
        )
    if reduction == "mean":
        out = np.mean(losses)
    elif reduction == "sum":
        out = np.sum(losses)
    else:
        out = losses
    return _v.to_units(out, ln_b)


def _check_reduction(reduction: str) -> None:
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"reduction must be 'mean', 'sum' or 'none', got {reduction!r}")


def _shifted_logits(
    logits: ArrayLike, temperature: float, axis: int | None
) -> tuple[NDArray[np.float64], int | None]:
    """Return ``(z - max z) / T`` along ``axis``: every entry <= 0, the largest exactly 0."""
    t = _v.positive_scalar(temperature, "temperature")
    z = _v.logits(logits, "logits", axis=axis)
    ax = _v.normalize_axis(z, axis, "logits")
    # Subtracting the maximum before exp() is what keeps large logits
    # (z = 1000) from overflowing; it does not change the result.  The shift
    # (or the division by T < 1) can still overflow to -inf when logits span
    # more than the float range (1e308 and -1e308): -inf is then the right
    # answer (exp gives 0), so the overflow warning is silenced.
    with np.errstate(over="ignore"):
        return (z - z.max(axis=ax, keepdims=True)) / t, ax


def _log_sum_exp(s: NDArray[np.float64], axis: int | None) -> NDArray[np.float64]:
    """``log(sum(exp(s)))`` along ``axis`` (kept) of shifted logits, whose largest entry is 0.

    The largest term is exactly 1, so the sum is ``1 + r`` with ``r`` the sum
    of the others, and the result is ``log1p(r)``: ``log(1 + r)`` would keep
    only the digits of ``r`` above 1e-16, and lose 8 digits of the loss of a
    confident, correct prediction (``r`` = 1e-8).
    """
    e = np.exp(s)
    if axis is None:
        e.flat[np.argmax(s)] = 0.0
    else:
        np.put_along_axis(e, np.argmax(s, axis=axis, keepdims=True), 0.0, axis=axis)
    return np.log1p(np.sum(e, axis=axis, keepdims=True))


def softmax(
    logits: ArrayLike, temperature: float = 1.0, *, axis: int | None = -1
) -> NDArray[np.float64]:
    r"""Softmax with temperature: turn logits into a probability distribution.

    $$
    \operatorname{softmax}(z / T)_i = \frac{e^{z_i / T}}{\sum_j e^{z_j / T}}
    $$

    ``T > 1`` flattens the distribution (towards uniform as ``T → ∞``),
    ``T < 1`` sharpens it (towards the arg-max as ``T → 0``).  The maximum
    logit is subtracted first, so logits of any size are safe.

    Parameters
    ----------
    logits : array_like
        Real scores; ``-inf`` marks an impossible (masked) class, but each
        slice needs at least one finite logit.
    temperature : float, default 1.0
        ``T > 0``.
    axis : int or None, default -1
        Axis of classes; other axes are a batch.  ``None`` makes the whole
        array one set of classes, as ``scipy.special.softmax`` does.

    Returns
    -------
    ndarray
        Probabilities of the same shape, summing to 1 along ``axis``.

    Examples
    --------
    >>> import numpy as np
    >>> from infotheory import softmax
    >>> print(softmax([1000.0, 1000.0]))
    [0.5 0.5]
    >>> print(np.round(softmax([2.0, 1.0, 0.1], temperature=2.0), 4))
    [0.5017 0.3043 0.194 ]
    """
    s, ax = _shifted_logits(logits, temperature, axis)
    e = np.exp(s)
    return e / e.sum(axis=ax, keepdims=True)


def log_softmax(
    logits: ArrayLike, temperature: float = 1.0, *, axis: int | None = -1
) -> NDArray[np.float64]:
    r"""Logarithm of [`softmax`][infotheory.softmax], computed without forming the probabilities.

    $$
    \log \operatorname{softmax}(z / T)_i = \frac{z_i}{T} - \log \sum_j e^{z_j / T}
    $$

    Exact where ``np.log(softmax(z))`` underflows to ``-inf``.

    Parameters
    ----------
    logits : array_like
        Real scores (``-inf`` allowed for masked classes).
    temperature : float, default 1.0
        ``T > 0``.
    axis : int or None, default -1
        Axis of classes; ``None`` makes the whole array one set of classes.

    Returns
    -------
    ndarray
        Log-probabilities (in nats) of the same shape.

    Examples
    --------
    >>> from infotheory import log_softmax
    >>> print(log_softmax([0.0, -1000.0]))
    [    0. -1000.]
    """
    s, ax = _shifted_logits(logits, temperature, axis)
    return s - _log_sum_exp(s, ax)


def smooth_labels(labels: ArrayLike, n_classes: int, smoothing: float) -> NDArray[np.float64]:
    r"""One-hot targets with label smoothing, as in PyTorch's ``label_smoothing``.

    $$
    y^{\mathrm{smooth}}_k = (1 - \varepsilon)\, [k = y] + \frac{\varepsilon}{K}
    $$

    The mass ``ε`` is spread evenly over **all** ``K`` classes, the true one
    included, so the true class gets ``1 − ε + ε/K``.

    Parameters
    ----------
    labels : array_like of int
        Class indices in ``[0, n_classes)``, any shape.
    n_classes : int
        Number of classes ``K``.
    smoothing : float
        ``ε`` in ``[0, 1)``; ``0`` gives plain one-hot vectors.

    Returns
    -------
    ndarray
        Shape ``labels.shape + (n_classes,)``; each row sums to 1.

    Examples
    --------
    >>> from infotheory import smooth_labels
    >>> print(smooth_labels(2, n_classes=5, smoothing=0.1))
    [0.02 0.02 0.92 0.02 0.02]
    """
    eps = _v.smoothing(smoothing)
    y = _v.class_labels(labels, n_classes)
    out = np.full((*y.shape, n_classes), eps / n_classes)
    np.put_along_axis(out, y[..., None], 1.0 - eps + eps / n_classes, axis=-1)
    return out


def cross_entropy_with_logits(
    targets: ArrayLike,
    logits: ArrayLike,
    *,
    label_smoothing: float = 0.0,
    reduction: Reduction = "mean",
    base: float = math.e,
    weight: ArrayLike | None = None,
    ignore_index: int | None = None,
) -> np.float64 | NDArray[np.float64]:
    r"""Cross-entropy loss of a classifier, computed stably from its logits.

    $$
    \ell = -\sum_k y_k \log \operatorname{softmax}(z)_k
    $$

    Classes lie on the last axis of ``logits``.  Targets are either hard class
    indices (integers, shape ``logits.shape[:-1]``) or soft targets
    (probabilities, the same shape as ``logits``), like PyTorch's
    ``cross_entropy``.

    Class weights and ignored targets follow PyTorch's ``cross_entropy``
    exactly.  With weights $w_k$, the loss of sample $n$ is
    $\ell_n = -\sum_k w_k\, y_{n,k} \log \operatorname{softmax}(z_n)_k$, that
    is $w_{c_n} \cdot (-\log \operatorname{softmax}(z_n)_{c_n})$ for a hard
    target $c_n$.  For hard targets, ``reduction="mean"`` is the weighted mean

    $$
    \ell = \frac{\sum_n \ell_n}{\sum_{n\,:\,c_n \ne \text{ignore\_index}} w_{c_n}},
    $$

    which divides by the total weight of the targets that count (their number
    without weights); a target equal to ``ignore_index`` contributes 0 to the
    loss and to the denominator.  With label smoothing the smoothed target
    is weighted class by class, as in PyTorch: $\ell_n = (1 - \varepsilon)
    w_{c_n} (-\log s_{c_n}) + \tfrac{\varepsilon}{K} \sum_k w_k (-\log
    s_k)$ with $s = \operatorname{softmax}(z_n)$, and the mean still divides
    by $\sum_n w_{c_n}$.  For soft targets, ``"mean"`` divides by the
    number of samples, weighted or not (PyTorch's rule), and
    ``ignore_index`` does not apply.

    Parameters
    ----------
    targets : array_like
        Integer class indices or target distributions (see above).
    logits : array_like, shape (..., n_classes)
        Unnormalised scores.
    label_smoothing : float, default 0.0
        ``ε`` in ``[0, 1)``: mix the targets with the uniform distribution,
        as [`smooth_labels`][infotheory.smooth_labels] does.
    reduction : {"mean", "sum", "none"}, default "mean"
        How to combine the per-sample losses.
    base : float, default e
        Logarithm base: ``e`` gives nats (as every framework), ``2`` bits.
    weight : array_like, shape (n_classes,), optional
        Non-negative weight of each class (PyTorch's ``weight``).
    ignore_index : int, optional
        A hard-target value whose samples are left out (PyTorch's
        ``ignore_index``, whose default there is -100; here the default,
        ``None``, ignores nothing).  It may lie outside ``[0, n_classes)``.

    Returns
    -------
    float or ndarray
        The reduced loss, or one loss per sample with ``reduction="none"``
        (0 for ignored samples).

    Raises
    ------
    ValueError
        Besides bad targets or logits: ``reduction="mean"`` when every target
        is ignored or has weight 0 (PyTorch returns NaN there).

    Examples
    --------
    >>> from infotheory import cross_entropy_with_logits
    >>> logits = [[2.0, 1.0, 0.1], [0.5, 2.5, 0.0]]
    >>> print(f"{cross_entropy_with_logits([0, 1], logits):.4f}")
    0.3069
    >>> print(cross_entropy_with_logits([0], [[1000.0, 0.0]]))
    0.0
    >>> print(f"{cross_entropy_with_logits([0, 1], logits, weight=[1.0, 3.0, 1.0]):.4f}")
    0.2518
    >>> print(f"{cross_entropy_with_logits([0, -100], logits, ignore_index=-100):.4f}")
    0.4170
    """
    _check_reduction(reduction)
    ln_b = _v.log_base(base)
    eps = _v.smoothing(label_smoothing, "label_smoothing")
    z = _v.logits(logits, "logits", axis=-1)
    if z.ndim == 0:
        raise ValueError("logits must have a class axis (shape (..., n_classes))")
    n_classes = z.shape[-1]
    w = None if weight is None else _v.class_weights(weight, n_classes)
    t = _v.numeric_array(targets, "targets")
    # An empty list of targets has dtype float64: an empty batch of labels.
    hard = bool(np.issubdtype(t.dtype, np.integer)) or (t.size == 0 and t.shape == z.shape[:-1])
    ignore = _v.ignore_index(ignore_index, hard_targets=hard)
    ignored = None
    if hard:
        if t.shape != z.shape[:-1]:
            raise ValueError(
                f"integer targets must have shape {z.shape[:-1]} (logits without the class "
                f"axis), got {t.shape}"
            )
        if ignore is not None:
            # Ignored targets may hold any value (PyTorch's -100): give them a
            # valid class, then zero their loss.
            ignored = t == ignore
            t = np.where(ignored, 0, t)
        y = smooth_labels(t, n_classes, eps)
    else:
        if t.shape != z.shape:
            raise ValueError(
                f"soft targets must have the shape of logits {z.shape}, got {t.shape} "
                "(pass integer class indices for hard targets)"
            )
        y = _v.probabilities(t, "targets", axis=-1, offer_normalize=False)
        y = (1.0 - eps) * y + eps / n_classes
    if w is not None:
        y = y * w
    logp = log_softmax(z)
    with np.errstate(invalid="ignore"):
        # A zero target on a masked (-inf) class contributes 0, not NaN.
        losses = -np.sum(np.where(y > 0, y * logp, 0.0), axis=-1)
    if ignored is not None:
        losses = np.where(ignored, 0.0, losses)
    if hard and reduction == "mean" and (w is not None or ignored is not None):
        counted = np.ones(t.shape) if w is None else w[t]
        if ignored is not None:
            counted = np.where(ignored, 0.0, counted)
        total = _v.weight_total(float(np.sum(counted)), "the total weight of the targets")
        return _v.to_units(np.sum(losses) / total, ln_b)
    return _reduce(losses, reduction, ln_b)


def binary_cross_entropy(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    reduction: Reduction = "mean",
    base: float = math.e,
) -> np.float64 | NDArray[np.float64]:
    r"""Binary cross-entropy (log loss) of predicted probabilities.

    $$
    \ell(y, \hat y) = -\big[(1 - y) \log (1 - \hat y) + y \log \hat y\big]
    $$

    No clipping constant: a confident wrong prediction (``ŷ = 0`` for
    ``y = 1``) costs ``inf``, as the formula says.  When you have logits,
    prefer [`binary_cross_entropy_with_logits`][infotheory.binary_cross_entropy_with_logits].

    Parameters
    ----------
    y_true : array_like
        Targets in [0, 1] (0/1 labels or soft targets).
    y_pred : array_like
        Predicted probabilities in [0, 1]; same shape as ``y_true``.
    reduction : {"mean", "sum", "none"}, default "mean"
        How to combine the per-sample losses.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits.

    Returns
    -------
    float or ndarray
        The reduced loss, or one loss per element with ``reduction="none"``.

    Examples
    --------
    >>> from infotheory import binary_cross_entropy
    >>> y = [1, 1, 0, 0, 1]
    >>> p = [x / 10 for x in (9, 7, 3, 1, 8)]
    >>> print(f"{binary_cross_entropy(y, p):.4f}")
    0.2294
    """
    _check_reduction(reduction)
    ln_b = _v.log_base(base)
    y = _v.unit_interval(y_true, "y_true", allow_empty=True)
    p = _v.unit_interval(y_pred, "y_pred", allow_empty=True)
    _v.same_shape(y, p, ("y_true", "y_pred"))
    # xlogy / xlog1py give 0 * log 0 = 0 and keep log(1 - p) accurate for small p.
    losses = -(special.xlogy(y, p) + special.xlog1py(1.0 - y, -p))
    return _reduce(np.maximum(losses, 0.0), reduction, ln_b)


def binary_cross_entropy_with_logits(
    y_true: ArrayLike,
    logits: ArrayLike,
    *,
    reduction: Reduction = "mean",
    base: float = math.e,
    pos_weight: ArrayLike | None = None,
    weight: ArrayLike | None = None,
) -> np.float64 | NDArray[np.float64]:
    r"""Binary cross-entropy computed from logits, exact for any logit size.

    With $\sigma$ the logistic function and $\operatorname{softplus}(z) = \log(1 + e^z)$:

    $$
    \ell(y, z) = -\big[y \log \sigma(z) + (1 - y) \log (1 - \sigma(z))\big]
    = y \operatorname{softplus}(-z) + (1 - y) \operatorname{softplus}(z)
    $$

    The right-hand form never evaluates $\sigma(z)$, so ``z = ±1000`` gives
    the exact loss instead of ``inf`` or ``nan``, with no clipping.

    ``pos_weight`` and ``weight`` follow PyTorch's
    ``binary_cross_entropy_with_logits``: with $p_c$ the weight of positive
    examples (broadcast along the last, class axis) and $w_n$ the weight of
    each element,

    $$
    \ell_n = w_n \big[p_c\, y_n \operatorname{softplus}(-z_n)
    + (1 - y_n) \operatorname{softplus}(z_n)\big],
    $$

    and ``reduction="mean"`` is the plain mean of the $\ell_n$ over all
    elements: unlike the weighted mean of
    [`cross_entropy_with_logits`][infotheory.cross_entropy_with_logits], PyTorch
    does not divide by the sum of the weights here.  ``pos_weight > 1``
    raises recall, ``< 1`` precision.

    Parameters
    ----------
    y_true : array_like
        Targets in [0, 1].
    logits : array_like
        Finite real scores; same shape as ``y_true``.
    reduction : {"mean", "sum", "none"}, default "mean"
        How to combine the per-sample losses.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits.
    pos_weight : array_like, optional
        Non-negative weight of the positive term, one per class (last axis);
        anything that broadcasts to the shape of ``y_true``.
    weight : array_like, optional
        Non-negative weight of each element; broadcasts to the shape of
        ``y_true``.

    Returns
    -------
    float or ndarray
        The reduced loss, or one loss per element with ``reduction="none"``.

    Examples
    --------
    >>> from infotheory import binary_cross_entropy_with_logits
    >>> print(binary_cross_entropy_with_logits([1, 0, 1, 0], [1000, -1000, -1000, 1000],
    ...                                        reduction="none"))
    [   0.    0. 1000. 1000.]
    >>> print(binary_cross_entropy_with_logits([1, 0], [-1000, 1000], pos_weight=3.0,
    ...                                        reduction="none"))
    [3000. 1000.]
    """
    _check_reduction(reduction)
    ln_b = _v.log_base(base)
    y = _v.unit_interval(y_true, "y_true", allow_empty=True)
    z = _v.finite(logits, "logits", allow_empty=True)
    _v.same_shape(y, z, ("y_true", "logits"))
    pw = None if pos_weight is None else _v.broadcast_weights(pos_weight, y.shape, "pos_weight")
    w = None if weight is None else _v.broadcast_weights(weight, y.shape, "weight")
    losses = y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z)
    if pw is not None:
        # Rescale the positive term, y softplus(-z), by pos_weight.
        losses = np.maximum(losses + (pw - 1.0) * y * np.logaddexp(0.0, -z), 0.0)
    if w is not None:
        losses = w * losses
    return _reduce(losses, reduction, ln_b)
