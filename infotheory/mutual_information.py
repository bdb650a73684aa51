"""Joint and conditional entropy, mutual information and information gain.

Joint tables put X on the rows and Y on the columns (the last two axes), so
``pxy[i, j] = P(X = i, Y = j)``; leading axes are a batch of tables.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

from . import _kernels
from . import _validation as _v

__all__ = [
    "conditional_entropy",
    "information_gain",
    "joint_entropy",
    "mutual_information",
    "mutual_information_from_samples",
]


def joint_entropy(
    pxy: ArrayLike, *, base: float = math.e, normalize: bool = False
) -> np.float64 | NDArray[np.float64]:
    r"""Joint entropy $H(X, Y)$ of a joint probability table.

    $$
    H(X, Y) = -\sum_{x, y} p(x, y) \log p(x, y)
    $$

    Parameters
    ----------
    pxy : array_like
        Joint table, rows X and columns Y (last two axes), summing to 1.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.
    normalize : bool, default False
        Rescale each table to sum to 1 (for example a table of counts).

    Returns
    -------
    float or ndarray
        $H(X, Y)$ in units of ``base``.

    Examples
    --------
    >>> from infotheory import joint_entropy
    >>> print(joint_entropy([[0.25, 0.25], [0.25, 0.25]], base=2))
    2.0
    """
    ln_b = _v.log_base(base)
    t = _v.joint_table(pxy, "pxy", normalize=normalize)
    h = _kernels.entropy_nats(t, (-2, -1))
    return _v.to_units(np.maximum(h, 0.0), ln_b)


def conditional_entropy(
    pxy: ArrayLike, *, base: float = math.e, normalize: bool = False
) -> np.float64 | NDArray[np.float64]:
    r"""Conditional entropy $H(Y \mid X)$ of a joint table (rows X, columns Y).

    $$
    H(Y \mid X) = -\sum_{x, y} p(x, y) \log \frac{p(x, y)}{p(x)} = H(X, Y) - H(X)
    $$

    The uncertainty left in Y once X is known.  For $H(X \mid Y)$ pass the
    transposed table, ``pxy.T``.

    Parameters
    ----------
    pxy : array_like
        Joint table, rows X and columns Y (last two axes), summing to 1.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.
    normalize : bool, default False
        Rescale each table to sum to 1 (for example a table of counts).

    Returns
    -------
    float or ndarray
        $H(Y \mid X) \ge 0$ in units of ``base``.

    Examples
    --------
    >>> from infotheory import conditional_entropy
    >>> print(conditional_entropy([[0.5, 0.0], [0.0, 0.5]]))
    0.0
    >>> print(conditional_entropy([[0.25, 0.25], [0.25, 0.25]], base=2))
    1.0
    """
    ln_b = _v.log_base(base)
    t = _v.joint_table(pxy, "pxy", normalize=normalize)
    px = t.sum(axis=-1, keepdims=True)
    # Summing p(x,y) log(p(x) / p(x,y)) term by term avoids the cancellation
    # in H(X,Y) - H(X); every term is >= 0.
    h = -np.sum(special.rel_entr(t, px), axis=(-2, -1))
    return _v.to_units(np.maximum(h, 0.0), ln_b)


def _mi_from_table(t: NDArray[np.float64]) -> NDArray[np.float64]:
    px = t.sum(axis=-1, keepdims=True)
    py = t.sum(axis=-2, keepdims=True)
    # I = sum_x p(x) KL(p(y|x) || p(y)).  Not rel_entr(t, px * py): the product
    # underflows to 0 for cells below ~1e-162 and made the result inf.  Here
    # p(y|x) >= p(x, y) and p(y) >= p(x, y), so neither is 0 where p(x, y) > 0
    # and no term is infinite; rel_entr skips the zero cells (0 log 0 = 0).
    cond = np.divide(t, px, out=np.zeros(np.shape(t)), where=px > 0)
    return np.maximum(np.sum(px * special.rel_entr(cond, py), axis=(-2, -1)), 0.0)


def mutual_information(
    pxy: ArrayLike, *, base: float = math.e, normalize: bool = False
) -> np.float64 | NDArray[np.float64]:
    r"""Mutual information $I(X; Y)$ of a joint probability table.

    $$
    I(X; Y) = \sum_{x, y} p(x, y) \log \frac{p(x, y)}{p(x)\, p(y)}
    = D_{\mathrm{KL}}(P_{XY} \,\|\, P_X P_Y) = H(X) + H(Y) - H(X, Y)
    $$

    How much knowing one variable reduces uncertainty about the other; 0 if
    and only if X and Y are independent.  Zero cells contribute nothing (no
    ``1e-10`` fudge inside the logarithm).

    Parameters
    ----------
    pxy : array_like
        Joint table, rows X and columns Y (last two axes), summing to 1.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.
    normalize : bool, default False
        Rescale each table to sum to 1 (for example a table of counts).

    Returns
    -------
    float or ndarray
        $I(X; Y) \ge 0$ in units of ``base``.

    Examples
    --------
    >>> from infotheory import mutual_information
    >>> weather_umbrella = [[0.40, 0.10], [0.05, 0.45]]
    >>> print(f"{mutual_information(weather_umbrella, base=2):.4f}")
    0.3973
    >>> print(mutual_information([[0.5, 0.0], [0.0, 0.5]], base=2))
    1.0
    """
    ln_b = _v.log_base(base)
    t = _v.joint_table(pxy, "pxy", normalize=normalize)
    return _v.to_units(_mi_from_table(t), ln_b)


def _mi_from_counts(jc: _kernels.JointCounts, n: int) -> float:
    """Plug-in mutual information (nats) of a joint histogram stored as its occupied cells."""
    # I = sum over occupied cells of (n_xy / n) log(n n_xy / (n_x n_y)).  The
    # products are exact in float64 while n < 9.4 * 10**7 (n**2 < 2**53), and
    # so is their difference: log1p of the exact relative difference keeps
    # the digits that log of the rounded ratio loses when the labels are
    # nearly independent (ratios near 1, a small I).  Independent labels give
    # log1p(0) = 0 exactly.
    num = jc.n_xy * float(n)
    den = jc.n_x[jc.x] * jc.n_y[jc.y].astype(np.float64)
    num -= den
    num /= den
    return max(float(np.sum(jc.n_xy * np.log1p(num))) / n, 0.0)


def mutual_information_from_samples(
    x: ArrayLike,
    y: ArrayLike,
    *,
    estimator: Literal["plugin", "miller-madow"] = "plugin",
    base: float = math.e,
) -> np.float64:
    r"""Estimate $I(X; Y)$ from paired samples of two discrete variables.

    The plug-in estimate is the mutual information of the empirical joint
    distribution; it equals ``sklearn.metrics.mutual_info_score``.  It is
    biased, usually upwards, for small samples.  ``estimator="miller-madow"``
    applies the Miller–Madow first-order bias correction to each of the
    three entropies in $I = H(X) + H(Y) - H(X, Y)$:

    $$
    \hat I_{\mathrm{MM}} = \hat I_{\mathrm{plugin}}
    + \frac{m_X + m_Y - m_{XY} - 1}{2n}
    $$

    where $m$ counts the non-empty cells of each histogram and $n$ is the
    number of samples.  The correction is usually negative (many occupied
    joint cells) but can be positive, e.g. for perfectly dependent labels;
    the result is clipped at 0.

    Parameters
    ----------
    x, y : array_like
        1-D arrays of the same length holding discrete labels (integers,
        strings, booleans or floats used as categories), including object
        arrays and pandas Series of strings, as in scikit-learn.  Missing
        labels (``None``, NaN, ``pd.NA``) are refused.  Any number of
        distinct labels is fine: time and memory are O(n) (a dense table of
        label pairs while it is small, the occupied pairs only beyond).
    estimator : {"plugin", "miller-madow"}, default "plugin"
        Which estimator to use.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.

    Returns
    -------
    float
        Estimated $I(X; Y) \ge 0$ in units of ``base``.

    Examples
    --------
    >>> from infotheory import mutual_information_from_samples
    >>> x = [0, 0, 1, 1, 0, 0, 1, 1]
    >>> print(mutual_information_from_samples(x, x, base=2))
    1.0
    >>> print(mutual_information_from_samples(x, [0, 1, 0, 1, 0, 1, 0, 1]))
    0.0
    """
    if estimator not in ("plugin", "miller-madow"):
        raise ValueError(f"estimator must be 'plugin' or 'miller-madow', got {estimator!r}")
    ln_b = _v.log_base(base)
    cx, kx = _v.label_codes(x, "x")
    cy, ky = _v.label_codes(y, "y")
    if cx.size != cy.size:
        raise ValueError(f"x has {cx.size} samples but y has {cy.size}; they must be paired")
    jc = _kernels.joint_counts(cx, kx, cy, ky)
    n = cx.size
    mi = _mi_from_counts(jc, n)
    if estimator == "miller-madow":
        m_x, m_y = np.count_nonzero(jc.n_x), np.count_nonzero(jc.n_y)
        mi = max(mi + (m_x + m_y - jc.n_xy.size - 1) / (2.0 * n), 0.0)
    return _v.to_units(mi, ln_b)


def information_gain(
    parent_counts: ArrayLike, children_counts: ArrayLike, *, base: float = math.e
) -> np.float64:
    r"""Information gain of a decision-tree split, from class counts.

    $$
    \mathrm{IG} = H(\text{parent}) - \sum_c \frac{n_c}{n}\, H(\text{child}_c)
    $$

    This is the mutual information between the branch taken and the class
    label, under the empirical distribution of the node's samples.

    Parameters
    ----------
    parent_counts : array_like, shape (n_classes,)
        Class counts at the node before the split.
    children_counts : array_like, shape (n_children, n_classes)
        Class counts in each child; columns must add up to ``parent_counts``.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits (the usual choice for
        decision trees), ``10`` bans.

    Returns
    -------
    float
        The information gain, between 0 and $H(\text{parent})$.

    Examples
    --------
    >>> from infotheory import information_gain
    >>> outlook = [[2, 3], [4, 0], [3, 2]]  # sunny, overcast, rainy: (yes, no)
    >>> print(f"{information_gain([9, 5], outlook, base=2):.4f}")
    0.2467
    """
    ln_b = _v.log_base(base)
    parent = _v.counts(parent_counts, "parent_counts")
    children = _v.counts(children_counts, "children_counts")
    if parent.ndim != 1:
        raise ValueError(f"parent_counts must be 1-D (one count per class), got {parent.shape}")
    if children.ndim != 2 or children.shape[1] != parent.size:
        raise ValueError(
            f"children_counts must have shape (n_children, {parent.size}), got {children.shape}"
        )
    if not np.allclose(children.sum(axis=0), parent, rtol=1e-9, atol=1e-9):
        raise ValueError(
            f"children_counts add up to {children.sum(axis=0).tolist()} per class, "
            f"but parent_counts is {parent.tolist()}"
        )
    n = parent.sum()
    if not math.isfinite(n):
        # Counts near the float maximum: the total overflows; rescaled, it is
        # at most the number of classes.
        scale = parent.max()
        parent, children = parent / scale, children / scale
        n = parent.sum()
    sizes = children.sum(axis=1)
    h_parent = _kernels.entropy_nats(parent / n, -1)
    nonempty = sizes > 0
    h_children = _kernels.entropy_nats(children[nonempty] / sizes[nonempty, None], -1)
    ig = h_parent - np.sum(sizes[nonempty] / n * h_children)
    return _v.to_units(np.clip(ig, 0.0, h_parent), ln_b)
