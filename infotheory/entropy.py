"""Entropy, self-information and cross-entropy of discrete distributions.

All functions return nats by default; pass ``base=2`` for bits or ``base=10``
for bans (hartleys).  The convention ``0 * log 0 = 0`` holds throughout.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

from . import _kernels
from . import _validation as _v

__all__ = ["binary_entropy", "cross_entropy", "entropy", "information_content", "perplexity"]


def entropy(
    p: ArrayLike, *, base: float = math.e, axis: int | None = -1, normalize: bool = False
) -> np.float64 | NDArray[np.float64]:
    r"""Shannon entropy of a discrete distribution.

    $$
    H(P) = -\sum_x p(x) \log p(x)
    $$

    The average surprise of an outcome drawn from ``p``: 0 for a certain
    outcome, ``log n`` for the uniform distribution over ``n`` outcomes.

    Parameters
    ----------
    p : array_like
        Probabilities along ``axis``; each distribution must sum to 1.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.
    axis : int or None, default -1
        Axis holding the outcomes; other axes are a batch.  ``None`` treats the
        whole array as one distribution.
    normalize : bool, default False
        Rescale ``p`` to sum to 1 instead of rejecting it.

    Returns
    -------
    float or ndarray
        Entropy in units of ``base``; the reduced axis is removed.

    Raises
    ------
    ValueError
        If ``p`` is empty, has a negative or non-finite entry, or does not sum
        to 1 (and ``normalize`` is false).

    Examples
    --------
    >>> from infotheory import entropy
    >>> print(entropy([0.5, 0.5], base=2))
    1.0
    >>> print(entropy([[0.25, 0.25, 0.25, 0.25], [1.0, 0.0, 0.0, 0.0]], base=2))
    [2. 0.]
    """
    ln_b = _v.log_base(base)
    p = _v.numeric_array(p, "p")
    # One large float64 distribution: checked and reduced in one chunked pass.
    fast = _kernels.entropy_fast(p, axis, normalize)
    if fast is not None:
        return _v.to_units(fast, ln_b)
    arr = _v.probabilities(p, "p", axis=axis, normalize=normalize)
    # Entries a hair above 1 (within the sum tolerance) would give -1e-16.
    return _v.to_units(np.maximum(_kernels.entropy_nats(arr, axis), 0.0), ln_b)


def information_content(p: ArrayLike, *, base: float = math.e) -> np.float64 | NDArray[np.float64]:
    r"""Self-information (surprisal) of events with probability ``p``, elementwise.

    $$
    I(p) = -\log p
    $$

    A certain event (``p = 1``) carries no information; an impossible one
    (``p = 0``) has infinite surprise.

    Parameters
    ----------
    p : array_like
        Event probabilities, each in [0, 1]; no sum constraint.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.

    Returns
    -------
    float or ndarray
        ``-log p`` in units of ``base``, same shape as ``p``.

    Examples
    --------
    >>> from infotheory import information_content
    >>> print(information_content([1.0, 0.5, 0.125], base=2))
    [0. 1. 3.]
    """
    ln_b = _v.log_base(base)
    arr = _v.unit_interval(p, "p", allow_empty=True)
    with np.errstate(divide="ignore"):
        # -log(0) = inf is the intended answer for an impossible event.
        return _v.to_units(-np.log(arr) + 0.0, ln_b)


def binary_entropy(p: ArrayLike, *, base: float = math.e) -> np.float64 | NDArray[np.float64]:
    r"""Entropy of a Bernoulli(``p``) variable, elementwise over ``p``.

    $$
    H_b(p) = -p \log p - (1 - p) \log (1 - p)
    $$

    Computed with ``log1p`` so it stays accurate for ``p`` near 0.

    Parameters
    ----------
    p : array_like
        Success probabilities, each in [0, 1].
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.

    Returns
    -------
    float or ndarray
        ``H_b(p)`` in units of ``base``, same shape as ``p``; at most ``log 2``
        (1 bit), reached at ``p = 0.5``.

    Examples
    --------
    >>> from infotheory import binary_entropy
    >>> print(binary_entropy([0.0, 0.5, 1.0], base=2))
    [0. 1. 0.]
    >>> print(f"{binary_entropy(0.1, base=2):.4f}")
    0.4690
    """
    ln_b = _v.log_base(base)
    arr = _v.unit_interval(p, "p", allow_empty=True)
    h = -special.xlogy(arr, arr) - special.xlog1py(1.0 - arr, -arr)
    return _v.to_units(np.maximum(h, 0.0), ln_b)


def cross_entropy(
    p: ArrayLike,
    q: ArrayLike,
    *,
    base: float = math.e,
    axis: int | None = -1,
    normalize: bool = False,
) -> np.float64 | NDArray[np.float64]:
    r"""Cross-entropy of ``q`` relative to the reference distribution ``p``.

    $$
    H(P, Q) = \mathbb{E}_{x \sim P}\bigl[-\log q(x)\bigr] = H(P) + D_{\mathrm{KL}}(P \,\|\, Q)
    $$

    The average code length, in units of ``base``, for outcomes drawn from
    ``p`` when the code is built for ``q``.  It is infinite when ``q`` gives
    zero probability to an outcome that ``p`` can produce.

    Parameters
    ----------
    p : array_like
        Reference ("true") distribution along ``axis``.
    q : array_like
        Model distribution; same number of outcomes as ``p`` along ``axis``,
        other axes broadcast against ``p``.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits, ``10`` bans.
    axis : int or None, default -1
        Axis holding the outcomes; ``None`` uses the whole arrays.
    normalize : bool, default False
        Rescale ``p`` and ``q`` to sum to 1 instead of rejecting them.

    Returns
    -------
    float or ndarray
        ``H(P, Q)`` in units of ``base``.

    See Also
    --------
    cross_entropy_with_logits : the same loss computed from logits, stably.

    Examples
    --------
    >>> from infotheory import cross_entropy
    >>> print(f"{cross_entropy([1, 0, 0], [0.8, 0.1, 0.1]):.4f}")
    0.2231
    >>> print(cross_entropy([0.5, 0.5], [1.0, 0.0]))
    inf
    """
    ln_b = _v.log_base(base)
    p, q = _v.numeric_array(p, "p"), _v.numeric_array(q, "q")
    fast = _kernels.cross_entropy_fast(p, q, axis, normalize)
    if fast is not None:
        return _v.to_units(fast, ln_b)
    a, b, ax = _v.probability_pair(p, q, ("p", "q"), axis=axis, normalize=normalize)
    return _v.to_units(np.maximum(_kernels.cross_entropy_nats(a, b, ax), 0.0), ln_b)


def perplexity(p: ArrayLike, *, axis: int | None = -1) -> np.float64 | NDArray[np.float64]:
    r"""Perplexity of a discrete distribution: the effective number of equally likely outcomes.

    $$
    \operatorname{PP}(P) = e^{H(P)} = 2^{H_2(P)} = \prod_x p(x)^{-p(x)}
    $$

    The uniform distribution over $n$ outcomes has perplexity $n$; any other
    distribution over $n$ outcomes has less (between 1 and $n$).  The value
    does not depend on the logarithm base (the base of the power cancels
    it), so there is no ``base`` argument.  A language model's perplexity is
    the exponential of its per-token cross-entropy in the same way.

    Parameters
    ----------
    p : array_like
        Probabilities along ``axis``; each distribution must sum to 1.
    axis : int or None, default -1
        Axis holding the outcomes; other axes are a batch.  ``None`` treats the
        whole array as one distribution.

    Returns
    -------
    float or ndarray
        The perplexity, ``>= 1`` (a number of outcomes, no unit); the reduced
        axis is removed.

    Examples
    --------
    >>> from infotheory import perplexity
    >>> print(perplexity([0.25, 0.25, 0.25, 0.25]))
    4.0
    >>> print(f"{perplexity([0.5, 0.25, 0.25]):.4f}")
    2.8284
    """
    return _v.reduce_result(np.maximum(np.exp(entropy(p, axis=axis)), 1.0))
