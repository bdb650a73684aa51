r"""Mutual information of continuous variables, estimated from k nearest neighbours.

Two estimators, the ones scikit-learn's ``mutual_info_regression`` and
``mutual_info_classif`` use.

**KSG** (Kraskov, Stögbauer & Grassberger 2004, algorithm 1), for a continuous
X and a continuous Y.  For each sample $i$, $\varepsilon_i$ is the max-norm
distance to its $k$-th nearest neighbour in the joint space $(x, y)$;
$n_x(i)$ and $n_y(i)$ count the *other* samples strictly closer than
$\varepsilon_i$ in $x$ alone and in $y$ alone:

$$
\hat I(X; Y) = \psi(N) + \psi(k) - \big\langle \psi(n_x + 1) + \psi(n_y + 1) \big\rangle
$$

**Ross** (2014), for a continuous X and a discrete Y.  For each sample $i$,
$d_i$ is the distance to its $k_i$-th nearest neighbour *of the same class*
($k_i = \min(k, N_{y_i} - 1)$), $N_{y_i}$ is the size of its class and $m_i$
counts the samples of any class, itself included, strictly closer than $d_i$:

$$
\hat I(X; Y) = \psi(N) + \big\langle \psi(k_i) \big\rangle
- \big\langle \psi(N_{y_i}) \big\rangle - \big\langle \psi(m_i) \big\rangle
$$

Samples whose class has a single member are left out (and $N$ counts the
rest).

$\psi$ is the digamma function and $\langle\cdot\rangle$ the mean over the
samples.  Both estimates can come out slightly negative for independent
variables; they are clipped at 0.

Preprocessing, deliberately as in scikit-learn, so that the results agree
with ``mutual_info_classif`` / ``mutual_info_regression`` called with the same
seed: every continuous variable is divided by its standard deviation (no
centring; a constant one is left as is), so that the max-norm weighs X and Y
alike.  Then tiny Gaussian noise of standard deviation
``1e-10 * max(1, mean|x|)`` is added to each continuous variable from
``numpy.random.RandomState(random_state)`` (seed 0 by default), exactly as
scikit-learn does (all feature columns in one ``(N, d)`` draw, then the
target).  The default seed is fixed, so repeated calls give identical
results; ``jitter=False`` adds no noise at all, and the result is then a
function of the data alone, which suits data without repeated values and
breaks the estimator on data with many.  (One difference in the estimator:
for a class with fewer than ``2k + 2`` samples scikit-learn switches to
brute-force Euclidean distances, computed as ``|a|² + |b|² − 2ab`` and so off
in the last bits, which can shift a count by one for those few samples.  Here
distances are always exact.)

Where scikit-learn's preprocessing depends on the units or the origin of the
data, this library departs from it, so that the estimate is invariant to
scaling a variable by any factor and to adding a constant to it:

* the standard deviation of values beyond ``1e±100`` is computed after
  dividing them by their largest magnitude (scikit-learn's overflows for
  ``x * 1e160`` and underflows for ``x * 1e-160``, and the estimate came out
  as 0);
* a variable is constant when its standard deviation is below ``10 eps``
  *relative to its largest magnitude* (scikit-learn: below ``10 eps``
  absolutely, which leaves ``x * 1e-16`` unscaled, to be drowned by the
  noise);
* a variable whose mean is more than 1000 standard deviations from 0 is
  centred before the noise is added: the noise is proportional to
  ``mean|x|``, so after adding 10**9 to a variable of unit spread
  scikit-learn's noise is as large as the data's spread.  Below 1000 the
  noise is at most 1e-7 of the spread and breaks ties exactly as on centred
  data.

Ties: the counts use points *strictly* closer than the k-th neighbour distance
(radius ``nextafter(eps, 0)``), compared in the same floating-point arithmetic
as scikit-learn's trees.  Without noise, repeated values are not broken: a
sample with ``k`` exact duplicates has $\varepsilon_i = 0$ and its counts are
its duplicates.  The estimators assume continuous data; for data with many
repeated values (rounded measurements, small integers) the noise breaks the
ties, as Kraskov et al. recommend, which is why it is on by default.

The nearest-neighbour distances come from ``scipy.spatial.cKDTree``
(``query(..., k=k + 1, p=inf)``, the point itself being its own nearest
neighbour).  The one-dimensional counts use a sorted copy of each variable and
``numpy.searchsorted``, with the boundary entries re-checked by the exact
distance test: identical to ``cKDTree.query_ball_point(..., return_length=True)``
and several times faster.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special
from scipy.spatial import cKDTree

from . import _validation as _v

__all__ = ["mutual_information_features", "mutual_information_knn"]

# A standard deviation below this, relative to the largest magnitude, counts as
# zero (scikit-learn's threshold for feature columns in ``preprocessing.scale``,
# there absolute).
_CONSTANT_STD = 10 * np.finfo(np.float64).eps
# Relative size of the tie-breaking noise (scikit-learn's).
_NOISE = 1e-10
# Magnitudes whose squares neither overflow nor lose precision in a variance:
# inside, the standard deviation is computed as scikit-learn does.
_PLAIN_RANGE = (1e-100, 1e100)
# A variable with mean|x| / std above this is centred before the noise.
_CENTRE_ABOVE = 1e3


# --------------------------------------------------------------------------
# Counting and the two estimators, on preprocessed float64 data.
# --------------------------------------------------------------------------


def _count_within(
    sorted_values: NDArray[np.float64],
    centres: NDArray[np.float64],
    radii: NDArray[np.float64],
    *,
    squared: bool = False,
) -> NDArray[np.intp]:
    """Count, for each centre, the values within its radius (inclusive).

    "Within" is tested in floating point exactly as a KD-tree does it:
    ``|v - c| <= r`` (Chebyshev or any p-norm in 1-D) or, with ``squared``,
    ``(v - c)**2 <= r**2`` (scikit-learn's Euclidean trees compare squared
    distances).  Either test is monotone in ``v`` on each side of ``c``, so
    the values inside form one run of ``sorted_values``: its ends are found
    by ``searchsorted`` on ``c ± r`` and then moved, entry by entry, until
    the exact test holds inside and fails just outside (rounding in ``c ± r``
    can misplace them by a few entries).
    """
    n = sorted_values.size
    hi = np.searchsorted(sorted_values, centres + radii, side="right")
    lo = np.searchsorted(sorted_values, centres - radii, side="left")
    limit = radii * radii if squared else radii

    def inside(pos: NDArray[np.intp], sel: NDArray[np.intp]) -> NDArray[np.bool_]:
        d = sorted_values[pos] - centres[sel]
        d = d * d if squared else np.abs(d)
        return d <= limit[sel]

    # Equal values pass or fail the test together, so each step jumps over a
    # whole run of them (searchsorted on the value): a boundary that lands in
    # a run of thousands of ties is still fixed in one step.
    # hi: one past the last value inside.
    sel = np.flatnonzero(hi < n)
    while sel.size:
        sel = sel[inside(hi[sel], sel)]
        hi[sel] = np.searchsorted(sorted_values, sorted_values[hi[sel]], side="right")
        sel = sel[hi[sel] < n]
    sel = np.flatnonzero(hi > 0)
    while sel.size:
        sel = sel[~inside(hi[sel] - 1, sel)]
        hi[sel] = np.searchsorted(sorted_values, sorted_values[hi[sel] - 1], side="left")
        sel = sel[hi[sel] > 0]
    # lo: the first value inside.
    sel = np.flatnonzero(lo > 0)
    while sel.size:
        sel = sel[inside(lo[sel] - 1, sel)]
        lo[sel] = np.searchsorted(sorted_values, sorted_values[lo[sel] - 1], side="left")
        sel = sel[lo[sel] > 0]
    sel = np.flatnonzero(lo < n)
    while sel.size:
        sel = sel[~inside(lo[sel], sel)]
        lo[sel] = np.searchsorted(sorted_values, sorted_values[lo[sel]], side="right")
        sel = sel[lo[sel] < n]
    return hi - lo


def _ksg(
    x: NDArray[np.float64], y: NDArray[np.float64], y_sorted: NDArray[np.float64], k: int
) -> float:
    """KSG estimate (nats) for two preprocessed 1-D continuous samples."""
    n = x.size
    xy = np.column_stack((x, y))
    dist, _ = cKDTree(xy).query(xy, k=k + 1, p=np.inf)
    # Strictly closer than the k-th neighbour: the largest float below eps.
    radius = np.nextafter(dist[:, -1], 0)
    nx = _count_within(np.sort(x), x, radius)  # the sample itself included: n_x + 1
    ny = _count_within(y_sorted, y, radius)
    mi = (
        special.digamma(n)
        + special.digamma(k)
        - np.mean(special.digamma(nx))
        - np.mean(special.digamma(ny))
    )
    return max(float(mi), 0.0)


class _Classes:
    """The samples of a discrete variable grouped by class, shared by all features."""

    def __init__(self, codes: NDArray[np.intp], k: int) -> None:
        sizes = np.bincount(codes)
        order = np.argsort(codes, kind="stable")
        ends = np.cumsum(sizes)
        self.groups = [
            order[end - size : end] for size, end in zip(sizes, ends, strict=True) if size > 1
        ]
        if not self.groups:
            raise ValueError(
                "every class of y has a single sample; the estimate needs a class with two"
            )
        size_of = sizes[codes]
        self.keep = size_of > 1
        self.n = int(np.count_nonzero(self.keep))
        k_of = np.minimum(k, size_of - 1)
        # Terms that do not depend on the feature.
        self.constant = (
            special.digamma(self.n)
            + np.mean(special.digamma(k_of[self.keep]))
            - np.mean(special.digamma(size_of[self.keep]))
        )
        self.k_of = k_of


def _ross(c: NDArray[np.float64], classes: _Classes) -> float:
    """Ross estimate (nats) for a preprocessed continuous sample and a discrete one."""
    radius = np.zeros_like(c)
    for idx in classes.groups:
        pts = c[idx, None]
        kc = int(classes.k_of[idx[0]])
        dist, _ = cKDTree(pts).query(pts, k=kc + 1, p=np.inf)
        radius[idx] = np.nextafter(dist[:, -1], 0)
    kept = c[classes.keep]
    # scikit-learn counts with a Euclidean tree, which compares squared distances.
    m = _count_within(np.sort(kept), kept, radius[classes.keep], squared=True)
    mi = classes.constant - np.mean(special.digamma(m))
    return max(float(mi), 0.0)


# --------------------------------------------------------------------------
# Input checking and preprocessing.
# --------------------------------------------------------------------------


def _samples(x: ArrayLike, name: str, ndim: int) -> NDArray[np.float64]:
    arr = _v.finite(x, name)
    if arr.ndim != ndim:
        what = "a 1-D array of samples" if ndim == 1 else "a 2-D array (samples, features)"
        hint = "; for several features use mutual_information_features" if ndim == 1 else ""
        raise ValueError(f"{name} must be {what}, got shape {arr.shape}{hint}")
    return arr


def _target(
    y: ArrayLike, n: int, discrete_y: bool, x_name: str
) -> tuple[NDArray[np.float64] | None, NDArray[np.intp] | None]:
    """Check ``y`` (continuous values or class labels) against the ``n`` samples of ``x_name``."""
    if discrete_y:
        codes, _ = _v.label_codes(y, "y")
        m = codes.size
        values = None
    else:
        values = _samples(y, "y", 1)
        m = values.size
        codes = None
    if m != n:
        raise ValueError(f"{x_name} has {n} samples but y has {m}; they must be paired")
    return values, codes


def _unit_variance(X: NDArray[np.float64]) -> NDArray[np.float64]:
    """Each column (of a 2-D ``X``; a 1-D ``X`` is one column) over its standard deviation.

    No centring, and a new array.  Where the magnitudes allow it this is
    scikit-learn's arithmetic, ``X / np.nanstd(X, axis=0)``, to the last
    bit; beyond ``1e±100`` the column is first divided by its largest
    magnitude.  Constant columns are left as they are, and columns far from
    the origin are centred; see the module docstring.  (``np.where`` rather
    than boolean indexing, so that the same code serves 1-D and 2-D input;
    dividing by 1 or subtracting 0 leaves the other columns exact.)
    """
    big = np.max(np.abs(X), axis=0)
    lo, hi = _PLAIN_RANGE
    outside = (big > hi) | ((big < lo) & (big > 0))
    if np.any(outside):
        X = X / np.where(outside, big, 1.0)
        big = np.where(outside, 1.0, big)
    std = np.nanstd(X, axis=0)
    constant = std <= _CONSTANT_STD * big
    X = X / np.where(constant, 1.0, std)
    # Far from the origin the noise (proportional to mean|x|) would be as
    # large as the spread, and no smaller noise would survive the rounding of
    # values that large: centre those columns.
    far = ~constant & (np.mean(np.abs(X), axis=0) > _CENTRE_ABOVE)
    if np.any(far):
        X = X - np.where(far, np.mean(X, axis=0), 0.0)
    return X


def _add_noise(X: NDArray[np.float64], rng: np.random.RandomState) -> None:
    """Add scikit-learn's tie-breaking noise to every column, in place (one draw)."""
    means = np.maximum(1, np.mean(np.abs(X), axis=0))
    X += _NOISE * means * rng.standard_normal(size=X.shape)


def _estimate(
    X: NDArray[np.float64],
    y: ArrayLike,
    x_name: str,
    *,
    k: Any,
    discrete_y: Any,
    random_state: Any,
    jitter: Any,
    base: float,
) -> NDArray[np.float64]:
    """Check and preprocess the input; return one estimate per column of ``X`` in ``base`` units."""
    ln_b = _v.log_base(base)
    discrete_y = _v.flag(discrete_y, "discrete_y")
    jitter = _v.flag(jitter, "jitter")
    # Without jitter the seed is unused; None is then unambiguous.
    rng = _v.random_state(random_state) if jitter or random_state is not None else None
    if not jitter:
        rng = None
    n = X.shape[0]
    values, codes = _target(y, n, discrete_y, x_name)
    if n < 2:
        raise ValueError(f"{x_name} has {n} sample; at least 2 are needed")
    k = _v.n_neighbors(k, n)
    Xs = _unit_variance(X)
    if rng is not None:
        _add_noise(Xs, rng)
    if codes is not None:
        classes = _Classes(codes, k)
        mi = [_ross(Xs[:, j], classes) for j in range(Xs.shape[1])]
    elif values is not None:
        ys = _unit_variance(values)
        if rng is not None:
            _add_noise(ys, rng)
        ys_sorted = np.sort(ys)
        mi = [_ksg(Xs[:, j], ys, ys_sorted, k) for j in range(Xs.shape[1])]
    return np.asarray(mi, dtype=np.float64) / ln_b


# --------------------------------------------------------------------------
# Public API.
# --------------------------------------------------------------------------


def mutual_information_knn(
    x: ArrayLike,
    y: ArrayLike,
    *,
    k: int = 3,
    discrete_y: bool = False,
    random_state: int | np.random.RandomState = 0,
    jitter: bool = True,
    base: float = math.e,
) -> np.float64:
    r"""Estimate $I(X; Y)$ for a continuous X from samples, by k nearest neighbours.

    With a continuous ``y`` this is the Kraskov–Stögbauer–Grassberger
    estimator (the one ``sklearn.feature_selection.mutual_info_regression``
    uses):

    $$
    \hat I(X; Y) = \psi(N) + \psi(k) - \big\langle \psi(n_x + 1) + \psi(n_y + 1) \big\rangle
    $$

    With ``discrete_y=True`` (class labels) it is Ross's estimator, as in
    ``mutual_info_classif``:

    $$
    \hat I(X; Y) = \psi(N) + \langle \psi(k_i) \rangle
    - \langle \psi(N_{y_i}) \rangle - \langle \psi(m_i) \rangle
    $$

    $\psi$ is the digamma function; the counts $n_x, n_y, m_i$ and the
    preprocessing (unit variance, optional seeded noise) are described in
    [`infotheory.knn`][infotheory.knn].  Unlike the plug-in estimate of
    [`mutual_information_from_samples`][infotheory.mutual_information_from_samples],
    no binning is needed, and the estimate is consistent for continuous
    variables.

    Parameters
    ----------
    x : array_like, shape (n_samples,)
        Samples of the continuous variable; finite.
    y : array_like, shape (n_samples,)
        Paired samples of the other variable: finite real values, or class
        labels (integers, strings, ...) with ``discrete_y=True``.
    k : int, default 3
        Number of neighbours, ``1 <= k < n_samples``.  Larger ``k`` lowers
        the variance and raises the bias.
    discrete_y : bool, default False
        Treat ``y`` as class labels (Ross) instead of a continuous variable
        (KSG).
    random_state : int or numpy.random.RandomState, default 0
        Seed of scikit-learn's tie-breaking noise, drawn from
        ``numpy.random.RandomState(random_state)``; the default fixed seed
        makes every call reproducible.  The result equals
        ``mutual_info_regression(x[:, None], y, n_neighbors=k,
        random_state=random_state)`` (or ``mutual_info_classif``).  ``None``
        is refused: scikit-learn reads it as "numpy's global random state"
        (a different result on each call), and this library once read it as
        "no noise"; neither should happen silently to code moved from one to
        the other.  Use ``jitter=False`` for no noise.
    jitter : bool, default True
        Add the tie-breaking noise.  ``False`` makes the estimate a function
        of the data alone, suitable only for data without repeated values
        (ties are then not broken).
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.

    Returns
    -------
    numpy.float64
        The estimate of $I(X; Y) \ge 0$ in units of ``base``.

    Raises
    ------
    ValueError
        If ``x`` or a continuous ``y`` is not a finite 1-D array, the lengths
        differ, there are fewer than 2 samples, ``k`` is not an int in
        ``[1, n_samples)``, ``random_state`` is not an int seed or a
        ``RandomState`` (``None`` included), or (with
        ``discrete_y``) every class has a single sample.

    Examples
    --------
    Two correlated Gaussians, whose mutual information is
    $-\tfrac12 \log(1 - \rho^2)$:

    >>> import numpy as np
    >>> from infotheory import mutual_information_knn
    >>> rng = np.random.default_rng(0)
    >>> x = rng.standard_normal(2000)
    >>> y = 0.8 * x + 0.6 * rng.standard_normal(2000)
    >>> print(f"{mutual_information_knn(x, y):.2f} {-0.5 * np.log(1 - 0.8**2):.2f}")
    0.51 0.51

    The sign of ``x`` is a function of ``x``, so $I(X; \operatorname{sign} X)
    = H(\operatorname{sign} X)$, about 1 bit:

    >>> sign = (x > 0).astype(int)
    >>> print(f"{mutual_information_knn(x, sign, discrete_y=True, base=2):.2f} bits")
    1.00 bits
    """
    xs = _samples(x, "x", 1)
    mi = _estimate(
        xs[:, None],
        y,
        "x",
        k=k,
        discrete_y=discrete_y,
        random_state=random_state,
        jitter=jitter,
        base=base,
    )
    return mi[0]


def mutual_information_features(
    X: ArrayLike,
    y: ArrayLike,
    *,
    k: int = 3,
    discrete_y: bool = True,
    random_state: int | np.random.RandomState = 0,
    jitter: bool = True,
    base: float = math.e,
) -> NDArray[np.float64]:
    r"""Estimate the mutual information between each column of ``X`` and a target.

    One [`mutual_information_knn`][infotheory.mutual_information_knn]
    estimate $\hat I(X_j; Y)$ per feature column, for ranking features.  The
    default ``discrete_y=True`` (class labels, Ross's estimator) is the
    analogue of ``sklearn.feature_selection.mutual_info_classif``;
    ``discrete_y=False`` (a continuous target, KSG) of
    ``mutual_info_regression``.  Every column is treated as continuous.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        Continuous features; finite.
    y : array_like, shape (n_samples,)
        Class labels (``discrete_y=True``) or finite real values.
    k : int, default 3
        Number of neighbours, ``1 <= k < n_samples``.
    discrete_y : bool, default True
        Treat ``y`` as class labels (Ross) or as continuous (KSG).
    random_state : int or numpy.random.RandomState, default 0
        Seed of scikit-learn's tie-breaking noise, added to all columns (one
        ``(n_samples, n_features)`` draw, then ``y`` if continuous), so the
        result equals scikit-learn's for the same seed; the default fixed seed
        makes every call reproducible.  ``None`` is refused (see
        [`mutual_information_knn`][infotheory.mutual_information_knn]).
    jitter : bool, default True
        Add the tie-breaking noise; ``False`` adds none, which breaks the
        estimator on data with many repeated values.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.

    Returns
    -------
    ndarray, shape (n_features,)
        $\hat I(X_j; Y) \ge 0$ in units of ``base``, one per column.

    Raises
    ------
    ValueError
        As [`mutual_information_knn`][infotheory.mutual_information_knn], or
        if ``X`` is not 2-D.

    Examples
    --------
    >>> import numpy as np
    >>> from infotheory import mutual_information_features
    >>> rng = np.random.default_rng(0)
    >>> y = rng.integers(0, 2, 1000)
    >>> X = np.column_stack([y + 0.3 * rng.standard_normal(1000), rng.standard_normal(1000)])
    >>> print(np.round(mutual_information_features(X, y, base=2), 1))
    [0.9 0. ]
    """
    Xs = _samples(X, "X", 2)
    return _estimate(
        Xs,
        y,
        "X",
        k=k,
        discrete_y=discrete_y,
        random_state=random_state,
        jitter=jitter,
        base=base,
    )
