r"""Divergences between discrete distributions: KL, Jensen–Shannon and the f-divergences.

Conventions (the same as Cover & Thomas):

* ``0 * log(0 / q) = 0`` and ``0 * f(0 / 0) = 0``;
* ``p * log(p / 0) = inf`` for ``p > 0``, so ``KL(p || q) = inf`` when ``q``
  misses an outcome that ``p`` can produce;
* results that are non-negative in theory are clipped at 0, so rounding never
  returns ``-1e-17``.

Every f-divergence here is written with a generator ``f`` that is convex with
``f(1) = 0``:

$$
D_f(P \,\|\, Q) = \sum_x q(x)\, f\!\left(\frac{p(x)}{q(x)}\right)
$$

| divergence | generator $f(t)$ | slope at infinity $\lim_{t\to\infty} f(t)/t$ |
|---|---|---|
| $D_{\mathrm{KL}}(P \,\Vert\, Q)$ | $t \log t$ | $\infty$ |
| $D_{\mathrm{KL}}(Q \,\Vert\, P)$ (reverse) | $-\log t$ | $0$ |
| Jensen–Shannon | $\tfrac12[t \log t - (t+1) \log \tfrac{t+1}{2}]$ | $\tfrac12 \log 2$ |
| total variation | $\tfrac12 \lvert t - 1 \rvert$ | $\tfrac12$ |
| Pearson $\chi^2$ | $(t - 1)^2$ | $\infty$ |
| squared Hellinger | $\tfrac12 (\sqrt t - 1)^2$ | $\tfrac12$ |
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

from . import _kernels
from . import _validation as _v

__all__ = [
    "chi_squared",
    "f_divergence",
    "hellinger_squared",
    "js_distance",
    "js_divergence",
    "kl_divergence",
    "total_variation",
]

_LN2 = math.log(2.0)


def kl_divergence(
    p: ArrayLike,
    q: ArrayLike,
    *,
    base: float = math.e,
    axis: int | None = -1,
    normalize: bool = False,
) -> np.float64 | NDArray[np.float64]:
    r"""Kullback–Leibler divergence (relative entropy) $D_{\mathrm{KL}}(P \,\|\, Q)$.

    $$
    D_{\mathrm{KL}}(P \,\|\, Q) = \sum_x p(x) \log\bigl(p(x) / q(x)\bigr)
    $$

    The extra code length paid, on average, for coding outcomes of ``p`` with a
    code built for ``q``.  Non-negative (Gibbs' inequality), zero only when
    ``p == q``, not symmetric, and infinite when ``q(x) = 0 < p(x)``.

    Parameters
    ----------
    p : array_like
        The distribution the outcomes come from (first argument, as in the
        notation $P \,\|\, Q$).
    q : array_like
        The approximating distribution; same number of outcomes along ``axis``.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.
    axis : int or None, default -1
        Axis holding the outcomes; other axes broadcast.  ``None`` uses the
        whole arrays.
    normalize : bool, default False
        Rescale ``p`` and ``q`` to sum to 1 instead of rejecting them.

    Returns
    -------
    float or ndarray
        $D_{\mathrm{KL}}(P \,\|\, Q) \ge 0$ in units of ``base``.

    Examples
    --------
    >>> from infotheory import kl_divergence
    >>> p, q = [0.4, 0.3, 0.2, 0.1], [0.25, 0.25, 0.25, 0.25]
    >>> print(f"{kl_divergence(p, q):.4f} {kl_divergence(q, p):.4f}")
    0.1064 0.1218
    >>> print(kl_divergence([0.5, 0.5], [1.0, 0.0]))
    inf
    """
    ln_b = _v.log_base(base)
    p, q = _v.numeric_array(p, "p"), _v.numeric_array(q, "q")
    # One large float64 pair: checked and reduced in one chunked pass.
    fast = _kernels.kl_fast(p, q, axis, normalize)
    if fast is not None:
        return _v.to_units(fast, ln_b)
    a, b, ax = _v.probability_pair(p, q, ("p", "q"), axis=axis, normalize=normalize)
    return _v.to_units(_kernels.kl_nats(a, b, ax), ln_b)


def _js_nats(a: NDArray[np.float64], b: NDArray[np.float64], axis: int | None) -> Any:
    # a log(a / m) with m = (a + b) / 2 is evaluated as rel_entr(2a, a + b) / 2:
    # halving a + b rounds the smallest subnormal (5e-324) to 0, which made a
    # finite term infinite (scipy issue #19436).  s > 0 wherever a > 0 or
    # b > 0, so both terms are finite; doubling is exact.
    s = a + b
    js = 0.25 * (
        np.sum(special.rel_entr(2.0 * a, s), axis=axis)
        + np.sum(special.rel_entr(2.0 * b, s), axis=axis)
    )
    return np.clip(js, 0.0, _LN2)


def js_divergence(
    p: ArrayLike,
    q: ArrayLike,
    *,
    base: float = math.e,
    axis: int | None = -1,
    normalize: bool = False,
) -> np.float64 | NDArray[np.float64]:
    r"""Jensen–Shannon divergence, a symmetric and bounded relative of KL.

    $$
    D_{\mathrm{JS}}(P \,\|\, Q) = \tfrac12 D_{\mathrm{KL}}(P \,\|\, M)
    + \tfrac12 D_{\mathrm{KL}}(Q \,\|\, M), \qquad M = \tfrac12 (P + Q)
    $$

    Always finite, symmetric, and between 0 and ``log 2`` (1 bit).  This is
    the *divergence*; [`js_distance`][infotheory.js_distance] is its square root, which is what
    ``scipy.spatial.distance.jensenshannon`` returns.

    Parameters
    ----------
    p, q : array_like
        Distributions along ``axis`` with the same number of outcomes.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.
    axis : int or None, default -1
        Axis holding the outcomes; other axes broadcast.
    normalize : bool, default False
        Rescale ``p`` and ``q`` to sum to 1 instead of rejecting them.

    Returns
    -------
    float or ndarray
        $0 \le D_{\mathrm{JS}} \le \log 2$, in units of ``base``.  Never
        NaN, also for nearly equal inputs.

    Examples
    --------
    >>> from infotheory import js_divergence
    >>> print(f"{js_divergence([0.5, 0.3, 0.2], [0.2, 0.4, 0.4]):.4f}")
    0.0538
    >>> print(js_divergence([1, 0], [0, 1], base=2))
    1.0
    """
    ln_b = _v.log_base(base)
    a, b, ax = _v.probability_pair(p, q, ("p", "q"), axis=axis, normalize=normalize)
    return _v.to_units(_js_nats(a, b, ax), ln_b)


def js_distance(
    p: ArrayLike,
    q: ArrayLike,
    *,
    base: float = math.e,
    axis: int | None = -1,
    normalize: bool = False,
) -> np.float64 | NDArray[np.float64]:
    r"""Jensen–Shannon distance: the square root of [`js_divergence`][infotheory.js_divergence].

    $$
    d_{\mathrm{JS}}(P, Q) = \sqrt{D_{\mathrm{JS}}(P \,\|\, Q)}
    $$

    A true metric (it satisfies the triangle inequality).  With the same
    ``base`` it equals ``scipy.spatial.distance.jensenshannon``.

    Parameters
    ----------
    p, q : array_like
        Distributions along ``axis`` with the same number of outcomes.
    base : float, default e
        Base of the logarithm inside the divergence.
    axis : int or None, default -1
        Axis holding the outcomes; other axes broadcast.
    normalize : bool, default False
        Rescale ``p`` and ``q`` to sum to 1 instead of rejecting them.

    Returns
    -------
    float or ndarray
        A value between 0 and ``sqrt(log 2)`` (1 in base 2).

    Examples
    --------
    >>> from infotheory import js_distance
    >>> print(f"{js_distance([0.5, 0.3, 0.2], [0.2, 0.4, 0.4]):.4f}")
    0.2319
    """
    ln_b = _v.log_base(base)
    a, b, ax = _v.probability_pair(p, q, ("p", "q"), axis=axis, normalize=normalize)
    return _v.to_units(np.sqrt(_js_nats(a, b, ax) / ln_b), 1.0)


def f_divergence(
    p: ArrayLike,
    q: ArrayLike,
    f: Callable[[NDArray[np.float64]], ArrayLike],
    *,
    f_inf: float | None = None,
    base: float = math.e,
    axis: int | None = -1,
    normalize: bool = False,
) -> np.float64 | NDArray[np.float64]:
    r"""Compute the f-divergence of ``q`` from ``p`` for a convex generator ``f``.

    $$
    D_f(P \,\|\, Q) = \sum_x q(x)\, f\!\left(\frac{p(x)}{q(x)}\right)
    $$

    Outcomes with ``q(x) = 0 < p(x)`` contribute ``p(x) * f_inf`` where
    ``f_inf`` is $\lim_{t\to\infty} f(t)/t$; outcomes with
    ``p(x) = q(x) = 0`` contribute nothing.

    Parameters
    ----------
    p, q : array_like
        Distributions along ``axis`` with the same number of outcomes.
    f : callable
        Vectorised generator, called once with an array of ratios
        ``t = p / q`` (which may contain 0).  ``f(0)`` must be the limit
        $\lim_{t\to 0^+} f(t)$ (possibly ``inf``), not NaN: write
        ``t log t`` as ``scipy.special.xlogy(t, t)``.
    f_inf : float, optional
        $\lim_{t\to\infty} f(t)/t$: a real number or ``inf`` (never
        ``-inf`` or NaN for a convex ``f``).  Needed only if ``q`` has zeros
        where ``p`` does not; checked whenever it is given.
    base : float, default e
        For generators written with the natural log, the result is divided by
        ``ln(base)`` (so ``base=2`` turns nats into bits).  Leave it at ``e``
        for generators without a logarithm (total variation, χ², Hellinger).
    axis : int or None, default -1
        Axis holding the outcomes; other axes broadcast.
    normalize : bool, default False
        Rescale ``p`` and ``q`` to sum to 1 instead of rejecting them.

    Returns
    -------
    float or ndarray
        $D_f(P \,\|\, Q)$.

    Raises
    ------
    ValueError
        If the inputs are invalid, ``f`` returns NaN or the wrong shape,
        ``f_inf`` is not a number or ``+inf``, or ``q`` has a zero where
        ``p`` is positive and ``f_inf`` was not given.

    Examples
    --------
    >>> import numpy as np
    >>> from scipy.special import xlogy
    >>> from infotheory import f_divergence, kl_divergence
    >>> p, q = [0.4, 0.3, 0.2, 0.1], [0.25, 0.25, 0.25, 0.25]
    >>> print(f"{f_divergence(p, q, lambda t: xlogy(t, t)):.4f}")
    0.1064
    >>> print(f"{f_divergence(p, q, lambda t: 0.5 * np.abs(t - 1)):.4f}")
    0.2000
    """
    if not callable(f):
        raise ValueError(f"f must be a callable generator, got {f!r}")
    # lim f(t)/t of a convex f is a number or +inf, never -inf or NaN.
    limit = None if f_inf is None else _v.scalar(f_inf, "f_inf", allow_inf=True)
    ln_b = _v.log_base(base)
    a, b, ax = _v.probability_pair(p, q, ("p", "q"), axis=axis, normalize=normalize)
    q_pos = b > 0
    with np.errstate(over="ignore"):
        t = np.divide(a, b, out=np.zeros_like(a), where=q_pos)
    # Where q is so small (subnormal) that p / q overflows, q f(p / q) is
    # p f(t) / t at t = inf, i.e. p * f_inf: treat it like q = 0 rather than
    # use q * f(inf), which is inf, -inf or NaN depending on f.
    used = q_pos & np.isfinite(t)
    t[~used] = 0.0
    try:
        ft = np.asarray(f(t), dtype=np.float64)
    except (TypeError, ValueError) as exc:
        # e.g. a generator written with math.log, which rejects arrays.
        raise ValueError(
            f"f must be a vectorised function of a numpy array of ratios; f(t) raised {exc!r}"
        ) from exc
    if ft.shape != t.shape:
        raise ValueError(f"f must be elementwise: it returned shape {ft.shape} for input {t.shape}")
    terms = np.zeros_like(a)
    if np.isnan(ft[used]).any():
        bad = float(t[used & np.isnan(ft)].flat[0])
        raise ValueError(
            f"f returned NaN at t = {bad!r}; define f there by its limit "
            "(for t log t use scipy.special.xlogy(t, t))"
        )
    with np.errstate(invalid="ignore"):
        terms[used] = b[used] * ft[used]
    q_zero = ~used & (a > 0)
    if q_zero.any():
        if limit is None:
            raise ValueError(
                "q has a zero (or a value so small that p / q overflows) where p is "
                "positive; pass f_inf = lim f(t)/t as t -> inf to define those terms"
            )
        terms[q_zero] = a[q_zero] * limit
    total = np.sum(terms, axis=ax)
    return _v.to_units(np.maximum(total, 0.0), ln_b)


def total_variation(
    p: ArrayLike, q: ArrayLike, *, axis: int | None = -1, normalize: bool = False
) -> np.float64 | NDArray[np.float64]:
    r"""Total variation distance, the f-divergence with ``f(t) = |t - 1| / 2``.

    $$
    \delta(P, Q) = \tfrac12 \sum_x |p(x) - q(x)|
    $$

    The largest difference between the probabilities that ``p`` and ``q``
    assign to the same event; between 0 and 1.  It has no logarithm, hence no
    ``base``.

    Parameters
    ----------
    p, q : array_like
        Distributions along ``axis`` with the same number of outcomes.
    axis : int or None, default -1
        Axis holding the outcomes; other axes broadcast.
    normalize : bool, default False
        Rescale ``p`` and ``q`` to sum to 1 instead of rejecting them.

    Returns
    -------
    float or ndarray
        A value in [0, 1].

    Examples
    --------
    >>> from infotheory import total_variation
    >>> print(f"{total_variation([0.5, 0.3, 0.2], [0.2, 0.4, 0.4]):.4f}")
    0.3000
    """
    a, b, ax = _v.probability_pair(p, q, ("p", "q"), axis=axis, normalize=normalize)
    return _v.reduce_result(np.clip(0.5 * np.sum(np.abs(a - b), axis=ax), 0.0, 1.0))


def chi_squared(
    p: ArrayLike, q: ArrayLike, *, axis: int | None = -1, normalize: bool = False
) -> np.float64 | NDArray[np.float64]:
    r"""Pearson χ² divergence, the f-divergence with ``f(t) = (t - 1)²``.

    $$
    \chi^2(P \,\|\, Q) = \sum_x \frac{(p(x) - q(x))^2}{q(x)}
    $$

    Infinite when ``q(x) = 0 < p(x)``.  No logarithm, hence no ``base``.

    Parameters
    ----------
    p, q : array_like
        Distributions along ``axis`` with the same number of outcomes.
    axis : int or None, default -1
        Axis holding the outcomes; other axes broadcast.
    normalize : bool, default False
        Rescale ``p`` and ``q`` to sum to 1 instead of rejecting them.

    Returns
    -------
    float or ndarray
        $\chi^2(P \,\|\, Q) \ge 0$.

    Examples
    --------
    >>> from infotheory import chi_squared
    >>> print(f"{chi_squared([0.5, 0.3, 0.2], [0.2, 0.4, 0.4]):.4f}")
    0.5750
    """
    a, b, ax = _v.probability_pair(p, q, ("p", "q"), axis=axis, normalize=normalize)
    diff2 = (a - b) ** 2
    with np.errstate(divide="ignore"):
        terms = np.divide(diff2, b, out=np.full_like(a, np.inf), where=b > 0)
    terms[(b == 0) & (a == 0)] = 0.0
    return _v.reduce_result(np.sum(terms, axis=ax))


def hellinger_squared(
    p: ArrayLike, q: ArrayLike, *, axis: int | None = -1, normalize: bool = False
) -> np.float64 | NDArray[np.float64]:
    r"""Squared Hellinger distance, normalised to lie in [0, 1].

    $$
    H^2(P, Q) = 1 - \sum_x \sqrt{p(x)\, q(x)}
    = \tfrac12 \sum_x \left(\sqrt{p(x)} - \sqrt{q(x)}\right)^2
    $$

    This is the f-divergence with ``f(t) = (√t − 1)² / 2``.  Some texts drop
    the ½ and get ``2 H²`` (range [0, 2]); this library does not.

    Parameters
    ----------
    p, q : array_like
        Distributions along ``axis`` with the same number of outcomes.
    axis : int or None, default -1
        Axis holding the outcomes; other axes broadcast.
    normalize : bool, default False
        Rescale ``p`` and ``q`` to sum to 1 instead of rejecting them.

    Returns
    -------
    float or ndarray
        A value in [0, 1]: 0 for identical, 1 for disjoint distributions.

    Examples
    --------
    >>> from infotheory import hellinger_squared
    >>> print(f"{hellinger_squared([0.5, 0.3, 0.2], [0.2, 0.4, 0.4]):.4f}")
    0.0545
    >>> print(hellinger_squared([1, 0], [0, 1]))
    1.0
    """
    a, b, ax = _v.probability_pair(p, q, ("p", "q"), axis=axis, normalize=normalize)
    # The half-sum of squares has no cancellation, unlike 1 - sum(sqrt(p q)),
    # and sqrt(a) - sqrt(b) = (a - b) / (sqrt(a) + sqrt(b)) avoids the one
    # left in the difference of square roots of nearly equal entries (a - b
    # is exact there).  Squaring the quotient, not (a - b)**2, keeps terms
    # such as a = 1e-200, b = 0 from underflowing.
    s = np.sqrt(a) + np.sqrt(b)
    d = np.divide(a - b, s, out=np.zeros_like(s), where=s > 0)
    h2 = 0.5 * np.sum(d * d, axis=ax)
    return _v.reduce_result(np.clip(h2, 0.0, 1.0))
