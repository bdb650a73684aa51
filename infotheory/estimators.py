r"""Entropy estimated from observed counts, with the classic bias corrections.

The plug-in ("maximum likelihood") estimate $-\sum_i \hat p_i \log \hat p_i$,
$\hat p_i = n_i / N$, is biased downwards: a small sample misses rare
outcomes and makes the frequent ones look more certain than they are.  The
bias is about $-(m - 1) / 2N$ for $m$ outcomes, which matters whenever $N$ is
not much larger than $m$.

References
----------
* G. A. Miller (1955), "Note on the bias of information estimates", in
  H. Quastler (ed.), *Information Theory in Psychology: Problems and
  Methods*, Free Press, pp. 95–100.
* P. Grassberger (2003), "Entropy estimates from insufficient samplings",
  arXiv:physics/0307138.
* A. Chao and T.-J. Shen (2003), "Nonparametric estimation of Shannon's index
  of diversity when there are unseen species in sample", *Environmental and
  Ecological Statistics* 10, 429–443.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

from . import _validation as _v

__all__ = ["entropy_from_counts"]

Estimator = Literal["plugin", "miller-madow", "grassberger", "chao-shen"]
_ESTIMATORS = ("plugin", "miller-madow", "grassberger", "chao-shen")


def _grassberger_g(n: NDArray[np.float64]) -> NDArray[np.float64]:
    """Grassberger's (2003) G(n) = psi(n) + (-1)^n (psi((n + 1) / 2) - psi(n / 2)) / 2.

    Only evaluated at ``n >= 1`` (empty bins contribute nothing).
    """
    safe = np.maximum(n, 1.0)
    sign = np.where(np.mod(safe, 2.0) == 0.0, 1.0, -1.0)
    return special.digamma(safe) + 0.5 * sign * (
        special.digamma((safe + 1.0) / 2.0) - special.digamma(safe / 2.0)
    )


def _chao_shen(
    counts: NDArray[np.float64], total: NDArray[np.float64], ax: int
) -> NDArray[np.float64]:
    singletons = np.sum(counts == 1, axis=ax, keepdims=True).astype(np.float64)
    # Only singletons would give coverage 0 and every p_a = 0; Chao & Shen
    # (and the R package `entropy`) then count one singleton fewer.
    singletons = np.where(singletons == total, total - 1.0, singletons)
    coverage = 1.0 - singletons / total
    pa = coverage * counts / total
    # Probability that the outcome appears in a sample of size N:
    # 1 - (1 - p_a)^N, via log1p / expm1 so that a small p_a keeps its digits.
    with np.errstate(divide="ignore"):  # p_a = 1: log1p(-1) = -inf, and seen = 1 as it should
        seen = -np.expm1(total * np.log1p(-np.minimum(pa, 1.0)))
    terms = np.divide(special.entr(pa), seen, out=np.zeros(np.shape(pa)), where=counts > 0)
    return np.sum(terms, axis=ax)


def entropy_from_counts(
    counts: ArrayLike,
    *,
    estimator: Estimator = "plugin",
    base: float = math.e,
    axis: int | None = -1,
) -> np.float64 | NDArray[np.float64]:
    r"""Estimate the entropy of a discrete distribution from a histogram of observed counts.

    With $n_i$ the count of outcome $i$, $N = \sum_i n_i$, $\hat p_i = n_i / N$
    and $m$ the number of outcomes seen at least once, ``"plugin"`` is the
    entropy of the empirical distribution (biased downwards for small
    samples) and ``"miller-madow"`` (Miller 1955) adds its first-order bias:

    $$
    \hat H_{\mathrm{plugin}} = -\sum_i \hat p_i \log \hat p_i, \qquad
    \hat H_{\mathrm{MM}} = \hat H_{\mathrm{plugin}} + \frac{m - 1}{2N}
    $$

    ``"grassberger"`` (Grassberger 2003) replaces $\log n_i$ by $G(n_i)$,
    here in the closed form with the digamma function $\psi$:

    $$
    \hat H_{\mathrm{G}} = \log N - \frac1N \sum_i n_i\, G(n_i), \qquad
    G(n) = \psi(n) + \tfrac12 (-1)^n
    \Big[\psi\big(\tfrac{n + 1}{2}\big) - \psi\big(\tfrac n2\big)\Big]
    $$

    (equivalently $G(1) = -\gamma - \log 2$, $G(2) = 2 - \gamma - \log 2$,
    $G(2k + 1) = G(2k)$, $G(2k + 2) = G(2k) + 2 / (2k + 1)$).  This is the
    2003 estimator, not the 1988 one (the $\psi(n) + (-1)^n / (n + 1)$ form).

    ``"chao-shen"`` (Chao & Shen 2003) shrinks the frequencies by the
    Good–Turing estimate $C = 1 - f_1 / N$ of the sample coverage ($f_1$ =
    number of outcomes seen exactly once) and divides each term by the
    probability that the outcome is seen at all (a Horvitz–Thompson
    correction for unseen outcomes):

    $$
    \hat H_{\mathrm{CS}} = -\sum_i \frac{\tilde p_i \log \tilde p_i}{1 - (1 - \tilde p_i)^N},
    \qquad \tilde p_i = C \hat p_i
    $$

    When every outcome is a singleton ($f_1 = N$, so $C = 0$), $f_1 = N - 1$
    is used, as Chao & Shen and the R package ``entropy`` do.

    No estimator is unbiased; the corrections reduce the downward bias of
    the plug-in estimate when $N$ is small relative to the number of
    outcomes.  Outcomes with count 0 contribute nothing (and are not counted
    in $m$).  Results are clipped at 0: the Grassberger estimate of a
    histogram with a single occupied outcome can be slightly negative.

    Parameters
    ----------
    counts : array_like
        Non-negative whole-number counts along ``axis`` (integers or
        integer-valued floats); each histogram needs at least one
        observation.
    estimator : {"plugin", "miller-madow", "grassberger", "chao-shen"}, default "plugin"
        Which estimator to use (see above).
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.
    axis : int or None, default -1
        Axis holding the outcomes; other axes are a batch of histograms.
        ``None`` treats the whole array as one histogram.

    Returns
    -------
    float or ndarray
        The estimated entropy in units of ``base``, ``>= 0``; the reduced axis
        is removed.

    Examples
    --------
    >>> from infotheory import entropy_from_counts
    >>> counts = [4, 2, 1, 1, 0]
    >>> for est in ("plugin", "miller-madow", "grassberger", "chao-shen"):
    ...     print(f"{est:>12}: {entropy_from_counts(counts, estimator=est, base=2):.4f} bits")
          plugin: 1.7500 bits
    miller-madow: 2.0205 bits
     grassberger: 2.1878 bits
       chao-shen: 2.2771 bits
    """
    _v.choice(estimator, _ESTIMATORS, "estimator")
    ln_b = _v.log_base(base)
    arr, ax = _v.integer_counts(counts, "counts", axis=axis)
    if ax is None:
        arr, ax = arr.reshape(-1), 0
    total = arr.sum(axis=ax, keepdims=True)
    if estimator == "grassberger":
        h = np.log(np.squeeze(total, axis=ax)) - np.sum(
            np.where(arr > 0, arr * _grassberger_g(arr), 0.0), axis=ax
        ) / np.squeeze(total, axis=ax)
    elif estimator == "chao-shen":
        h = _chao_shen(arr, total, ax)
    else:
        h = np.sum(special.entr(arr / total), axis=ax)
        if estimator == "miller-madow":
            occupied = np.count_nonzero(arr, axis=ax)
            h = h + (occupied - 1) / (2.0 * np.squeeze(total, axis=ax))
    return _v.to_units(np.maximum(h, 0.0), ln_b)
