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
    "conditional_mutual_information",
    "conditional_mutual_information_from_samples",
    "information_gain",
    "joint_entropy",
    "mutual_information",
    "mutual_information_from_samples",
    "normalized_mutual_information_from_samples",
    "variation_of_information",
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
    _v.choice(estimator, ("plugin", "miller-madow"), "estimator")
    ln_b = _v.log_base(base)
    (cx, kx), (cy, ky) = _v.paired_labels((x, y), ("x", "y"))
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


def conditional_mutual_information(
    pxyz: ArrayLike, *, base: float = math.e
) -> np.float64 | NDArray[np.float64]:
    r"""Conditional mutual information $I(X; Y \mid Z)$ of a joint table over three variables.

    $$
    I(X; Y \mid Z) = \sum_{x, y, z} p(x, y, z)
    \log \frac{p(z)\, p(x, y, z)}{p(x, z)\, p(y, z)}
    = \sum_z p(z)\, I(X; Y \mid Z = z)
    $$

    What X and Y still tell about each other once Z is known; 0 if and only
    if X and Y are independent given Z.  It obeys the chain rule
    $I(X; Y, Z) = I(X; Z) + I(X; Y \mid Z)$, and it can be larger or smaller
    than $I(X; Y)$: conditioning on a common cause removes dependence,
    conditioning on a common effect creates it.  Computed as the
    $p(z)$-weighted mean of the mutual information of each slice
    $p(x, y \mid z)$, so every term is non-negative (no cancellation).

    Parameters
    ----------
    pxyz : array_like
        Joint table with axes X, Y, Z (the last three axes), summing to 1;
        leading axes are a batch of tables.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.

    Returns
    -------
    float or ndarray
        $I(X; Y \mid Z) \ge 0$ in units of ``base``.

    Examples
    --------
    >>> import numpy as np
    >>> from infotheory import conditional_mutual_information
    >>> # X, Y fair coins and Z = X xor Y: independent, but dependent given Z
    >>> xor = np.zeros((2, 2, 2))
    >>> for x in (0, 1):
    ...     for y in (0, 1):
    ...         xor[x, y, x ^ y] = 0.25
    >>> print(conditional_mutual_information(xor, base=2))
    1.0
    """
    ln_b = _v.log_base(base)
    t = _v.joint_table_3d(pxyz, "pxyz")
    slices = np.moveaxis(t, -1, -3)  # (..., Z, X, Y)
    pz = slices.sum(axis=(-2, -1))
    pz_ = pz[..., None, None]
    cond = np.divide(slices, pz_, out=np.zeros(slices.shape), where=pz_ > 0)
    cmi = np.sum(pz * _mi_from_table(cond), axis=-1)
    return _v.to_units(np.maximum(cmi, 0.0), ln_b)


def _joint_codes(
    ca: NDArray[np.intp], ka: int, cb: NDArray[np.intp], kb: int
) -> tuple[NDArray[np.intp], int]:
    """Codes of the pairs (a, b) of two coded samples, re-coded by ``label_codes``.

    ``a * kb + b`` fits in int64 for any pair of codes of at most 2**31
    categories each; ``label_codes`` keeps it as is when it is small and
    factorizes it otherwise.
    """
    return _v.label_codes(ca.astype(np.int64) * kb + cb, "pairs")


def conditional_mutual_information_from_samples(
    x: ArrayLike,
    y: ArrayLike,
    z: ArrayLike,
    *,
    estimator: Literal["plugin", "miller-madow"] = "plugin",
    base: float = math.e,
) -> np.float64:
    r"""Estimate $I(X; Y \mid Z)$ from paired samples of three discrete variables.

    The plug-in estimate is the conditional mutual information of the
    empirical joint distribution, computed from two contingency tables by the
    chain rule:

    $$
    \hat I(X; Y \mid Z) = \hat I(X; (Y, Z)) - \hat I(X; Z)
    $$

    (exact for the empirical distribution, like any distribution).
    ``estimator="miller-madow"`` applies the Miller–Madow correction
    $(m - 1) / 2n$ to each entropy of
    $I(X; Y \mid Z) = H(X, Z) + H(Y, Z) - H(X, Y, Z) - H(Z)$:

    $$
    \hat I_{\mathrm{MM}} = \hat I_{\mathrm{plugin}}
    + \frac{m_{XZ} + m_{YZ} - m_{XYZ} - m_Z}{2n}
    $$

    where $m$ counts the non-empty cells of each histogram and $n$ is the
    number of samples.  The result is clipped at 0.

    Parameters
    ----------
    x, y, z : array_like
        1-D arrays of the same length holding discrete labels (integers,
        strings, booleans or floats used as categories).
    estimator : {"plugin", "miller-madow"}, default "plugin"
        Which estimator to use.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.

    Returns
    -------
    float
        Estimated $I(X; Y \mid Z) \ge 0$ in units of ``base``.

    Examples
    --------
    >>> from infotheory import conditional_mutual_information_from_samples
    >>> x = [0, 0, 1, 1]
    >>> y = [0, 1, 0, 1]
    >>> z = [0, 1, 1, 0]  # z = x xor y
    >>> print(conditional_mutual_information_from_samples(x, y, z, base=2))
    1.0
    >>> print(conditional_mutual_information_from_samples(x, x, x))
    0.0
    """
    _v.choice(estimator, ("plugin", "miller-madow"), "estimator")
    ln_b = _v.log_base(base)
    (cx, kx), (cy, ky), (cz, kz) = _v.paired_labels((x, y, z), ("x", "y", "z"))
    cyz, kyz = _joint_codes(cy, ky, cz, kz)
    # I(X; Y | Z) = I(X; Y, Z) - I(X; Z): two joint histograms, counted the
    # same way (O(n) memory) as mutual_information_from_samples counts its one.
    x_yz = _kernels.joint_counts(cx, kx, cyz, kyz)
    x_z = _kernels.joint_counts(cx, kx, cz, kz)
    n = cx.size
    cmi = _mi_from_counts(x_yz, n) - _mi_from_counts(x_z, n)
    if estimator == "miller-madow":
        m_xyz, m_yz = x_yz.n_xy.size, np.count_nonzero(x_yz.n_y)
        m_xz, m_z = x_z.n_xy.size, np.count_nonzero(x_z.n_y)
        cmi += (m_xz + m_yz - m_xyz - m_z) / (2.0 * n)
    return _v.to_units(max(cmi, 0.0), ln_b)


def variation_of_information(
    pxy: ArrayLike, *, base: float = math.e
) -> np.float64 | NDArray[np.float64]:
    r"""Variation of information of a joint table (rows X, columns Y): a metric on variables.

    $$
    \mathrm{VI}(X, Y) = H(X \mid Y) + H(Y \mid X) = H(X, Y) - I(X; Y)
    $$

    The information that one variable has and the other lacks.  Unlike
    mutual information it is a distance: 0 exactly when each variable is a
    function of the other (the same partition up to relabelling), symmetric,
    and it satisfies the triangle inequality (Meilă 2007, for comparing
    clusterings).  Both conditional entropies are summed term by term, so
    there is no cancellation.

    Parameters
    ----------
    pxy : array_like
        Joint table, rows X and columns Y (last two axes), summing to 1;
        leading axes are a batch of tables.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.

    Returns
    -------
    float or ndarray
        $\mathrm{VI}(X, Y) \ge 0$ in units of ``base``, at most $H(X, Y)$.

    Examples
    --------
    >>> from infotheory import variation_of_information
    >>> print(variation_of_information([[0.5, 0.0], [0.0, 0.5]]))
    0.0
    >>> print(variation_of_information([[0.25, 0.25], [0.25, 0.25]], base=2))
    2.0
    """
    ln_b = _v.log_base(base)
    t = _v.joint_table(pxy, "pxy")
    px = t.sum(axis=-1, keepdims=True)
    py = t.sum(axis=-2, keepdims=True)
    # H(Y|X) + H(X|Y) = sum p(x,y) [log(p(x)/p(x,y)) + log(p(y)/p(x,y))], every term >= 0.
    vi = -np.sum(special.rel_entr(t, px) + special.rel_entr(t, py), axis=(-2, -1))
    return _v.to_units(np.maximum(vi, 0.0), ln_b)


def normalized_mutual_information_from_samples(
    x: ArrayLike,
    y: ArrayLike,
    *,
    average: Literal["arithmetic", "geometric", "min", "max"] = "arithmetic",
) -> np.float64:
    r"""Normalised mutual information of two labellings, between 0 and 1.

    $$
    \mathrm{NMI}(X, Y) = \frac{\hat I(X; Y)}{\operatorname{mean}\big(\hat H(X), \hat H(Y)\big)}
    $$

    with the plug-in (empirical) estimates and the mean chosen by
    ``average``: arithmetic $\tfrac12(H_X + H_Y)$, geometric
    $\sqrt{H_X H_Y}$, $\min$ or $\max$.  It equals scikit-learn's
    ``normalized_mutual_info_score(x, y, average_method=average)``, including
    its conventions for the degenerate cases: 1 when both labellings have a
    single class (identical, trivially), 0 when the mutual information is 0
    (for example when only one labelling is constant).  It is a ratio, so it
    has no unit and no ``base``; it is used to compare clusterings.

    Parameters
    ----------
    x, y : array_like
        1-D arrays of the same length holding discrete labels (integers,
        strings, booleans or floats used as categories).
    average : {"arithmetic", "geometric", "min", "max"}, default "arithmetic"
        Which mean of the two entropies normalises the mutual information.

    Returns
    -------
    float
        NMI in [0, 1]; 1 when one labelling determines the other and vice
        versa.

    Examples
    --------
    >>> from infotheory import normalized_mutual_information_from_samples as nmi
    >>> print(nmi([0, 0, 1, 1], [1, 1, 0, 0]))
    1.0
    >>> x, y = [0, 0, 1, 1], [0, 0, 1, 2]  # y splits a class of x in two
    >>> print(f"{nmi(x, y):.4f} {nmi(x, y, average='min'):.4f}")
    0.8000 1.0000
    """
    _v.choice(average, ("arithmetic", "geometric", "min", "max"), "average")
    (cx, kx), (cy, ky) = _v.paired_labels((x, y), ("x", "y"))
    jc = _kernels.joint_counts(cx, kx, cy, ky)
    if np.count_nonzero(jc.n_x) == np.count_nonzero(jc.n_y) == 1:
        return np.float64(1.0)  # both labellings constant: scikit-learn's convention
    n = cx.size
    mi = _mi_from_counts(jc, n)
    if mi == 0.0:
        return np.float64(0.0)
    hx = float(_kernels.entropy_nats(jc.n_x / n, -1))
    hy = float(_kernels.entropy_nats(jc.n_y / n, -1))
    means = {
        "arithmetic": 0.5 * (hx + hy),
        "geometric": math.sqrt(hx * hy),
        "min": min(hx, hy),
        "max": max(hx, hy),
    }
    return np.float64(min(mi / means[average], 1.0))
