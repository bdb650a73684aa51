"""Closed-form KL divergences between normal distributions."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import _validation as _v

__all__ = ["kl_gaussian", "kl_normal"]

# Taylor coefficients 1/k! for k = 2..12 of e^x - 1 - x, highest first (Horner).
_EXPM1_MINUS_X_SERIES = [1.0 / math.factorial(k) for k in range(12, 1, -1)]


def _expm1_minus_x(x: np.ndarray) -> np.ndarray:
    """Return ``e^x - 1 - x`` to full relative precision, also for tiny ``x``.

    ``expm1(x) - x`` cancels for small ``|x|`` (relative error ~ 2 eps / |x|),
    which is where a VAE's KL term lives; there the Taylor series is used.
    For ``|x| < 0.1`` eleven terms leave a relative error below 1e-17.
    """
    small = np.abs(x) < 0.1
    xs = np.where(small, x, 0.0)
    series = np.zeros_like(xs)
    for c in _EXPM1_MINUS_X_SERIES:
        series = series * xs + c
    with np.errstate(over="ignore"):
        # expm1 overflows only for x > 709, where the KL really is inf.
        direct = np.expm1(np.where(small, 0.0, x)) - x
    return np.where(small, series * xs * xs, direct)


def kl_gaussian(
    mu: ArrayLike, log_var: ArrayLike, *, base: float = math.e, axis: int | None = -1
) -> np.float64 | NDArray[np.float64]:
    r"""KL divergence of a diagonal Gaussian from the standard normal, as in a VAE.

    $$
    D_{\mathrm{KL}}\big(\mathcal N(\mu, \operatorname{diag}\sigma^2) \,\|\, \mathcal N(0, I)\big)
    = \tfrac12 \sum_j \left(\mu_j^2 + \sigma_j^2 - 1 - \log \sigma_j^2\right)
    $$

    The encoder of a variational autoencoder outputs ``mu`` and
    ``log_var = log σ²`` per latent dimension; this is the KL term of its loss.
    ``σ² − 1 − log σ²`` is evaluated without cancellation (a Taylor series near
    ``log_var = 0``, ``expm1`` elsewhere), so it
    stays accurate when ``σ²`` is close to 1.

    Parameters
    ----------
    mu : array_like
        Means of the latent dimensions.
    log_var : array_like
        Log-variances ``log σ²``; must broadcast against ``mu``.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits.
    axis : int or None, default -1
        Axis of latent dimensions to sum over (leading axes are a batch);
        ``None`` sums over everything.

    Returns
    -------
    float or ndarray
        The KL divergence per sample, ``>= 0``.

    Examples
    --------
    >>> import numpy as np
    >>> from infotheory import kl_gaussian
    >>> print(kl_gaussian([0.0], [0.0]))
    0.0
    >>> print(f"{kl_gaussian([1.0], [0.0]):.4f}")
    0.5000
    >>> print(f"{kl_gaussian([0.0, 1.0], np.log([2.0, 1.0])):.4f}")
    0.6534
    """
    ln_b = _v.log_base(base)
    m = _v.finite(mu, "mu", allow_empty=True)
    lv = _v.finite(log_var, "log_var", allow_empty=True)
    try:
        # A scalar is a single latent dimension.
        m, lv = np.broadcast_arrays(*np.atleast_1d(m, lv))
    except ValueError:
        raise ValueError(
            f"mu has shape {np.shape(m)} and log_var has shape {np.shape(lv)}; they must broadcast"
        ) from None
    ax = _v.normalize_axis(m, axis, "mu")
    # A batch may be empty, the latent dimensions may not.
    _v.check_outcomes(m, tuple(range(m.ndim)) if ax is None else (ax,), "mu")
    terms = 0.5 * (m**2 + _expm1_minus_x(lv))
    return _v.to_units(np.maximum(np.sum(terms, axis=ax), 0.0), ln_b)


def kl_normal(
    mu_p: ArrayLike,
    sigma_p: ArrayLike,
    mu_q: ArrayLike,
    sigma_q: ArrayLike,
    *,
    base: float = math.e,
) -> np.float64 | NDArray[np.float64]:
    r"""KL divergence between two univariate normals, elementwise.

    $$
    D_{\mathrm{KL}}\big(\mathcal N(\mu_p, \sigma_p^2) \,\|\, \mathcal N(\mu_q, \sigma_q^2)\big)
    = \log\frac{\sigma_q}{\sigma_p} + \frac{\sigma_p^2 + (\mu_p - \mu_q)^2}{2\sigma_q^2}
    - \frac12
    $$

    Parameters
    ----------
    mu_p, sigma_p : array_like
        Mean and standard deviation (``> 0``) of ``P``.
    mu_q, sigma_q : array_like
        Mean and standard deviation (``> 0``) of ``Q``.
    base : float, default e
        Logarithm base: ``e`` gives nats, ``2`` bits.

    Returns
    -------
    float or ndarray
        $D_{\mathrm{KL}}(P \,\|\, Q) \ge 0$, broadcast over the inputs.

    Examples
    --------
    >>> from infotheory import kl_normal
    >>> print(f"{kl_normal(0.0, 1.0, 1.0, 1.0):.4f}")
    0.5000
    >>> print(f"{kl_normal(0.0, 0.5, 0.0, 2.0):.4f} {kl_normal(0.0, 2.0, 0.0, 0.5):.4f}")
    0.9175 6.1137
    """
    ln_b = _v.log_base(base)
    mp = _v.finite(mu_p, "mu_p", allow_empty=True)
    sp = _v.positive(sigma_p, "sigma_p", allow_empty=True)
    mq = _v.finite(mu_q, "mu_q", allow_empty=True)
    sq = _v.positive(sigma_q, "sigma_q", allow_empty=True)
    try:
        mp, sp, mq, sq = np.broadcast_arrays(mp, sp, mq, sq)
    except ValueError:
        raise ValueError("mu_p, sigma_p, mu_q and sigma_q must broadcast together") from None
    # log r with r = sigma_p / sigma_q.  Near r = 1, log sp - log sq cancels
    # (for sigmas near 1e10 it kept 7 digits of r - 1 = 1e-8); there
    # log1p((sp - sq) / sq) is accurate, since sp - sq is exact.  Far from 1
    # the difference of logs is exact enough and cannot overflow.
    with np.errstate(over="ignore"):
        rel = (sp - sq) / sq
    near = np.abs(rel) < 0.5
    log_r = np.where(near, np.log1p(np.where(near, rel, 0.0)), np.log(sp) - np.log(sq))
    # r^2 - 1 - 2 log r = e^(2 log r) - 1 - 2 log r: accurate near r = 1, where it vanishes.
    kl = 0.5 * _expm1_minus_x(2.0 * log_r) + 0.5 * ((mp - mq) / sq) ** 2
    return _v.to_units(np.maximum(kl, 0.0), ln_b)
