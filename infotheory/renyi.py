r"""Rényi and Tsallis entropies and the Rényi divergence: families indexed by an order α.

Each family contains Shannon's quantity at ``alpha = 1`` (as a limit; here it
is computed with the Shannon formula itself, so it is exact).  Near
``alpha = 1`` the formulas are evaluated in a form without cancellation
($\sum p^\alpha - 1 = \sum p\, \operatorname{expm1}((\alpha - 1)\log p)$
followed by ``log1p``), so ``alpha = 1 ± 1e-9`` is as accurate as
``alpha = 1``.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

from . import _kernels
from . import _validation as _v

__all__ = ["renyi_divergence", "renyi_entropy", "tsallis_entropy"]


def _alpha(alpha: float, *, allow_inf: bool = True) -> float:
    return _v.scalar(alpha, "alpha", low=0.0, allow_inf=allow_inf)


def _log_power_sum(
    log_terms: NDArray[np.float64], weights: NDArray[np.float64], beta: float, axis: int | None
) -> NDArray[np.float64]:
    r"""Return $\log \sum_i w_i e^{\beta \ell_i}$ along ``axis`` (terms with ``w_i = 0`` drop).

    With $\sum_i w_i = 1$, $S - 1 = \sum_i w_i \operatorname{expm1}(\beta \ell_i)$ is
    computed directly and ``log1p`` gives the result accurately when $S$ is near 1
    (small ``beta``), where ``log(S)`` would cancel.  Where $S$ is far from 1
    the log-sum-exp form is accurate instead and is used.
    """
    live = weights > 0
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        t = np.where(live, beta * log_terms, 0.0)
        s_minus_1 = np.sum(np.where(live, weights * np.expm1(t), 0.0), axis=axis)
        near = np.log1p(np.maximum(s_minus_1, -1.0))
        lw = np.log(np.where(live, weights, 1.0))
        far = special.logsumexp(np.where(live, lw + t, -np.inf), axis=axis)
    # expm1 overflows (to inf) only for a tiny p and alpha near 0, where S is
    # far from 1 and the log-sum-exp form is the one used.
    return np.where(np.abs(s_minus_1) < 0.5, near, far)


def renyi_entropy(
    p: ArrayLike, alpha: float, *, base: float = math.e, axis: int | None = -1
) -> np.float64 | NDArray[np.float64]:
    r"""Rényi entropy of order α of a discrete distribution.

    $$
    H_\alpha(P) = \frac{1}{1 - \alpha} \log \sum_x p(x)^\alpha
    $$

    A family of entropies that weigh likely outcomes more as α grows.
    Special orders, each the limit of the formula:

    * ``alpha = 0``: the Hartley entropy $\log |\{x : p(x) > 0\}|$, the log of
      the support size;
    * ``alpha = 1``: the Shannon entropy [`entropy`][infotheory.entropy.entropy];
    * ``alpha = 2``: the collision entropy $-\log \sum_x p(x)^2$;
    * ``alpha = inf``: the min-entropy $-\log \max_x p(x)$.

    $H_\alpha$ is non-increasing in α, so $\log |\mathrm{supp}| \ge H \ge
    H_2 \ge H_\infty$.

    Parameters
    ----------
    p : array_like
        Probabilities along ``axis``; each distribution must sum to 1.
    alpha : float
        The order, ``alpha >= 0``; ``math.inf`` is allowed.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.
    axis : int or None, default -1
        Axis holding the outcomes; other axes are a batch.  ``None`` treats the
        whole array as one distribution.

    Returns
    -------
    float or ndarray
        $H_\alpha(P) \ge 0$ in units of ``base``; the reduced axis is removed.

    Examples
    --------
    >>> from infotheory import renyi_entropy
    >>> p = [0.5, 0.25, 0.25, 0.0]
    >>> print(f"{renyi_entropy(p, 0, base=2):.4f} = log2(3)", renyi_entropy(p, 1, base=2))
    1.5850 = log2(3) 1.5
    >>> print(f"{renyi_entropy(p, 2, base=2):.4f}", renyi_entropy(p, float("inf"), base=2))
    1.4150 1.0
    """
    ln_b = _v.log_base(base)
    a = _alpha(alpha)
    arr = _v.probabilities(p, "p", axis=axis)
    ax = _v.normalize_axis(arr, axis, "p")
    if a == 1.0:
        h = _kernels.entropy_nats(arr, ax)
    elif a == 0.0:
        h = np.log(np.count_nonzero(arr, axis=ax)).astype(np.float64)
    elif math.isinf(a):
        h = -np.log(np.max(arr, axis=ax))
    else:
        with np.errstate(divide="ignore"):
            logp = np.log(arr)
        h = _log_power_sum(logp, arr, a - 1.0, ax) / (1.0 - a)
    return _v.to_units(np.maximum(h, 0.0), ln_b)


def renyi_divergence(
    p: ArrayLike, q: ArrayLike, alpha: float, *, base: float = math.e, axis: int | None = -1
) -> np.float64 | NDArray[np.float64]:
    r"""Rényi divergence $D_\alpha(P \,\|\, Q)$ of order α.

    $$
    D_\alpha(P \,\|\, Q) = \frac{1}{\alpha - 1} \log \sum_x p(x)^\alpha\, q(x)^{1 - \alpha}
    $$

    Special orders, each the limit of the formula:

    * ``alpha = 0``: $-\log Q(\{x : p(x) > 0\})$, the log of one over the
      mass ``q`` puts on the support of ``p``;
    * ``alpha = 1``: the KL divergence
      [`kl_divergence`][infotheory.divergence.kl_divergence];
    * ``alpha = 1/2``: $-2 \log \sum_x \sqrt{p(x) q(x)}$ (twice the
      Bhattacharyya distance);
    * ``alpha = inf``: the max-divergence $\log \max_{x : p(x) > 0} p(x) / q(x)$.

    $D_\alpha$ is non-negative, zero only for ``p == q`` (α > 0), and
    non-decreasing in α.  For ``alpha >= 1`` it is infinite where
    $q(x) = 0 < p(x)$; for ``alpha < 1`` only when the supports are disjoint.

    Parameters
    ----------
    p, q : array_like
        Distributions with the same number of outcomes along ``axis``; other
        axes broadcast.
    alpha : float
        The order, ``alpha >= 0``; ``math.inf`` is allowed.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.
    axis : int or None, default -1
        Axis holding the outcomes; ``None`` uses the whole arrays.

    Returns
    -------
    float or ndarray
        $D_\alpha(P \,\|\, Q) \ge 0$ in units of ``base``.

    Examples
    --------
    >>> from infotheory import renyi_divergence
    >>> p, q = [0.5, 0.5], [0.25, 0.75]
    >>> print(f"{renyi_divergence(p, q, 0.5):.4f} {renyi_divergence(p, q, 1):.4f}")
    0.0693 0.1438
    >>> print(f"{renyi_divergence(p, q, float('inf'), base=2):.4f}")
    1.0000
    >>> print(renyi_divergence([1.0, 0.0], [0.0, 1.0], 0.5))
    inf
    """
    ln_b = _v.log_base(base)
    a = _alpha(alpha)
    pa, qa, ax = _v.probability_pair(p, q, ("p", "q"), axis=axis)
    live = pa > 0
    if a == 1.0:
        d = _kernels.kl_nats(pa, qa, ax)
    elif a == 0.0:
        with np.errstate(divide="ignore"):
            d = -np.log(np.sum(np.where(live, qa, 0.0), axis=ax))
    else:
        with np.errstate(divide="ignore"):
            # log(p / q) as a difference: p / q overflows for a subnormal q.
            log_ratio = np.where(live, np.log(np.where(live, pa, 1.0)) - np.log(qa), 0.0)
        if math.isinf(a):
            d = np.max(np.where(live, log_ratio, -np.inf), axis=ax)
        else:
            d = _log_power_sum(log_ratio, pa, a - 1.0, ax) / (a - 1.0)
    return _v.to_units(np.maximum(d, 0.0), ln_b)


def tsallis_entropy(
    p: ArrayLike, alpha: float, *, axis: int | None = -1
) -> np.float64 | NDArray[np.float64]:
    r"""Tsallis entropy of order α of a discrete distribution.

    $$
    S_\alpha(P) = \frac{1 - \sum_x p(x)^\alpha}{\alpha - 1}
    $$

    A non-additive generalisation of Shannon entropy: at ``alpha = 1`` (the
    limit) it is the Shannon entropy in nats; ``alpha = 2`` gives the Gini
    impurity $1 - \sum_x p(x)^2$ of decision trees, and ``alpha = 0`` the
    support size minus one.  It has no logarithm, hence no ``base``: its
    values are in nats only at ``alpha = 1``.

    Parameters
    ----------
    p : array_like
        Probabilities along ``axis``; each distribution must sum to 1.
    alpha : float
        The order, a finite ``alpha >= 0``.
    axis : int or None, default -1
        Axis holding the outcomes; other axes are a batch.  ``None`` treats the
        whole array as one distribution.

    Returns
    -------
    float or ndarray
        $S_\alpha(P) \ge 0$; the reduced axis is removed.

    Examples
    --------
    >>> from infotheory import tsallis_entropy
    >>> p = [0.5, 0.25, 0.25]
    >>> print(tsallis_entropy(p, 2), tsallis_entropy(p, 0))
    0.625 2.0
    >>> print(f"{tsallis_entropy(p, 1):.4f}")
    1.0397
    """
    a = _alpha(alpha, allow_inf=False)
    arr = _v.probabilities(p, "p", axis=axis)
    ax = _v.normalize_axis(arr, axis, "p")
    if a == 1.0:
        s = _kernels.entropy_nats(arr, ax)
    else:
        live = arr > 0
        logp = np.log(np.where(live, arr, 1.0))
        t = (a - 1.0) * logp
        # 1 - sum p^a = -sum p expm1((a - 1) log p): no cancellation near a = 1.
        # Where t > 1, p^a - p has no cancellation either, and p * expm1(t)
        # would overflow for a subnormal p and a small alpha.
        terms = np.where(t > 1.0, np.exp(a * logp) - arr, arr * np.expm1(np.minimum(t, 1.0)))
        s = -np.sum(np.where(live, terms, 0.0), axis=ax) / (a - 1.0)
    return _v.to_units(np.maximum(s, 0.0), 1.0)
