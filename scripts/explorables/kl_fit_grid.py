"""The grid behind the kl-fit explorable: one Gaussian fitted to a two-peaked target.

The target is ``p = (1 - w) N(-d/2, 1) + w N(d/2, 1)``: two unit-variance
peaks ``d`` standard deviations apart, the right one with weight ``w``.  For
each ``(d, w)`` of the grid this module finds

* the **forward** fit, ``argmin_q KL(p || q)`` over Gaussians ``q = N(mu,
  sigma^2)``: moment matching, in closed form (``mu`` and ``sigma^2`` are the
  mean and variance of ``p``);
* every **local minimum** of the **reverse** objective ``KL(q || p)``, found
  by L-BFGS from three starts (each peak and the moment-matched bell) and
  kept only where the Hessian is positive definite: one minimum for close
  peaks, two (or three) once they are about five standard deviations apart.

The reverse objective is optimised by a vectorised saddle-free Newton method
on a quadrature of it (fast, with its exact gradient and Hessian); every KL
value published is then computed by ``infotheory.kl_divergence`` on the grid
of the page's worked example (4001 points, spacing 0.01, where the grid
spacing cancels in ``p/q``), as that example does.  Values are rounded to
the digits the page shows, so the page displays exactly the numbers stored
here.

``python -m scripts.explorables.kl_fit_grid`` prints the JSON.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.stats import norm

from infotheory import kl_divergence

# The sliders of the page step exactly through these values.
SEPARATIONS = tuple(k / 4 for k in range(33))  # d = 0, 0.25, ..., 8 (standard deviations)
WEIGHTS = tuple(k / 20 for k in range(2, 19))  # w = 0.10, 0.15, ..., 0.90
X = np.linspace(-20.0, 20.0, 4001)  # the worked example's grid (spacing 0.01)
MU_DIGITS, SIGMA_DIGITS, KL_DIGITS = 3, 3, 4  # what the page shows
# Quadrature of E[f(Z)], Z ~ N(0, 1): the trapezoid rule on z in [-7.5, 7.5] (spacing
# 0.05).  log p bends between the peaks over a width of about 1/d (its poles lie pi/d off
# the real axis), so the rule's error is about exp(-2 pi^2 / (d sigma 0.05)) < 1e-6 for
# every fit here (d <= 8, sigma <= 3.6).  Gauss–Hermite with 80 nodes is too coarse in
# the middle for wide fits and aliases that bend into false minima.
_NODES = np.linspace(-7.5, 7.5, 301)
_WEIGHTS = np.exp(-0.5 * _NODES**2)
_WEIGHTS /= _WEIGHTS.sum()


def target(d: float, w: float, x: NDArray[np.float64] = X) -> NDArray[np.float64]:
    """The target p on the grid x, normalised to sum to 1."""
    p = (1 - w) * norm.pdf(x, -d / 2, 1) + w * norm.pdf(x, d / 2, 1)
    return p / p.sum()


def gaussian(mu: float, sigma: float, x: NDArray[np.float64] = X) -> NDArray[np.float64]:
    """A single Gaussian q on the grid x, normalised to sum to 1."""
    q = norm.pdf(x, mu, sigma)
    return q / q.sum()


def forward_fit(d: float, w: float) -> tuple[float, float]:
    """(mu, sigma) of argmin KL(p || q): the mean and standard deviation of p."""
    mu = (2 * w - 1) * d / 2
    return mu, math.sqrt(1 + d * d / 4 - mu * mu)


Array = NDArray[np.float64]
GTOL = 1e-9  # nats per unit of mu or log sigma


def reverse_objective(theta: Array, d: Array, w: Array) -> tuple[Array, Array, Array]:
    """KL(q || p) in nats for q = N(mu, exp(s)^2), theta[..., :] = (mu, s); gradient; Hessian.

    Vectorised over the leading axes of theta, d and w.  KL(q || p) = -H(q) -
    E_q[log p] with H(q) = 1/2 log(2 pi e sigma^2) and the expectation by
    quadrature.  With r the left peak's responsibility,
    (log p)'(x) = -x + m(x), m = (1 - 2 r) d/2, and (log p)''(x) = -1 + r (1 - r) d^2.
    """
    mu, s = theta[..., 0:1], theta[..., 1:2]
    sigma = np.exp(s)
    d, w = d[..., None], w[..., None]
    z = _NODES
    x = mu + sigma * z
    with np.errstate(divide="ignore"):
        a = np.log1p(-w) - 0.5 * (x + d / 2) ** 2
        b = np.log(w) - 0.5 * (x - d / 2) ** 2
    top = np.logaddexp(a, b)
    r = np.exp(a - top)
    g = -x + (1 - 2 * r) * d / 2
    h = -1 + r * (1 - r) * d * d
    e = _WEIGHTS
    value = (
        -(0.5 * math.log(2 * math.pi * math.e) + s[..., 0])
        - (top - 0.5 * math.log(2 * math.pi)) @ e
    )
    eg, egz, eh, ehz, ehzz = g @ e, (g * z) @ e, h @ e, (h * z) @ e, (h * z * z) @ e
    sg = sigma[..., 0]
    grad = np.stack([-eg, -1 - sg * egz], axis=-1)
    hmm, hms, hss = -eh, -sg * ehz, -sg * egz - sg * sg * ehzz
    hess = np.stack([np.stack([hmm, hms], -1), np.stack([hms, hss], -1)], -2)
    return value, grad, hess


def _newton(theta: Array, d: Array, w: Array, iterations: int = 60) -> Array:
    """Damped Newton (gradient steps where the Hessian is not positive definite), vectorised.

    Each problem stops once its gradient is below GTOL, or no step decreases f (rounding).
    """
    lo, hi = np.array([-15.0, math.log(0.05)]), np.array([15.0, math.log(50.0)])
    theta = theta.copy()
    active = np.arange(len(theta))
    for _ in range(iterations):
        if not len(active):
            break
        th, dd, ww = theta[active], d[active], w[active]
        f, g, h = reverse_objective(th, dd, ww)
        moving = np.abs(g).max(axis=-1) >= GTOL
        active, th, dd, ww, f, g, h = (v[moving] for v in (active, th, dd, ww, f, g, h))
        # Saddle-free Newton: the Hessian's eigenvalues by their absolute values,
        # so that a step never climbs where the objective is not convex.
        lam, vec = np.linalg.eigh(h)
        lam = np.maximum(np.abs(lam), 1e-3)
        step = -np.einsum("nij,nj,nkj,nk->ni", vec, 1 / lam, vec, g)
        alpha = np.ones(len(th))
        todo = np.ones(len(th), dtype=bool)
        stuck = np.zeros(len(th), dtype=bool)
        for _ in range(12):  # backtracking: halve the step where f does not decrease
            idx = np.flatnonzero(todo)
            if not len(idx):
                break
            trial = np.clip(th[idx] + alpha[idx, None] * step[idx], lo, hi)
            ok = reverse_objective(trial, dd[idx], ww[idx])[0] <= f[idx]
            theta[active[idx[ok]]] = trial[ok]
            todo[idx[ok]] = False
            alpha[idx[~ok]] /= 2
        stuck = todo  # no decrease even with a tiny step: converged to rounding
        active = active[~stuck]
    return theta


def _reverse_minima_many(d: Array, w: Array) -> list[list[tuple[float, float]]]:
    """For each (d[i], w[i]): (mu, sigma) of every local minimum of KL(q || p), lowest first."""
    mu_f = (2 * w - 1) * d / 2
    s_f = 0.5 * np.log(1 + d * d / 4 - mu_f * mu_f)
    # Starts: on each peak, and on the moment-matched bell (and just off it, since a
    # start on the axis of symmetry of an equal mixture stays on a saddle).
    starts = [(-d / 2, 0 * d), (d / 2, 0 * d), (mu_f, s_f), (mu_f + 0.05, s_f), (mu_f - 0.05, s_f)]
    theta0 = np.concatenate([np.stack(st, -1) for st in starts])
    dd, ww = np.tile(d, len(starts)), np.tile(w, len(starts))
    theta = _newton(theta0, dd, ww)
    f, g, h = reverse_objective(theta, dd, ww)
    minimum = (np.abs(g).max(axis=-1) < 1e-7) & (np.linalg.eigvalsh(h)[..., 0] > 1e-8)
    out: list[list[tuple[float, float]]] = []
    n = len(d)
    for i in range(n):
        found: list[int] = []
        for k in range(i, len(theta), n):
            if minimum[k] and all(np.abs(theta[k] - theta[j]).max() > 1e-4 for j in found):
                found.append(k)
        # Lowest first; mirror-image ties (an equal mixture) left peak first.
        found.sort(key=lambda k: (round(float(f[k]), 9), float(theta[k, 0])))
        out.append([(float(theta[k, 0]), math.exp(float(theta[k, 1]))) for k in found])
    return out


def reverse_minima(d: float, w: float) -> list[tuple[float, float]]:
    """(mu, sigma) of every local minimum of KL(q || p), the lowest first."""
    return _reverse_minima_many(np.array([float(d)]), np.array([float(w)]))[0]


def _fit_record(mu: float, sigma: float, kl_pq: float, kl_qp: float) -> dict[str, float]:
    # +0.0 turns a rounded -0.0 into 0.0.
    return {
        "mu": round(float(mu), MU_DIGITS) + 0.0,
        "sigma": round(float(sigma), SIGMA_DIGITS),
        "kl_pq": round(float(kl_pq), KL_DIGITS),
        "kl_qp": round(float(kl_qp), KL_DIGITS),
    }


def _points(ds: list[float], ws: list[float]) -> list[dict[str, Any]]:
    minima = _reverse_minima_many(np.array(ds), np.array(ws))
    fits = [[forward_fit(d, w), *m] for d, w, m in zip(ds, ws, minima, strict=True)]
    ps = np.array([target(d, w) for d, w in zip(ds, ws, strict=True)])
    rows = [i for i, f in enumerate(fits) for _ in f]
    flat = np.array([(mu, sigma) for f in fits for mu, sigma in f])
    qs = np.exp(-0.5 * ((X - flat[:, :1]) / flat[:, 1:]) ** 2)
    qs /= qs.sum(axis=-1, keepdims=True)
    kl_pq = np.asarray(kl_divergence(ps[rows], qs))  # KL(p || q), one per fit, by infotheory
    kl_qp = np.asarray(kl_divergence(qs, ps[rows]))  # KL(q || p)
    records = [
        _fit_record(mu, sigma, float(a), float(b))
        for (mu, sigma), a, b in zip(flat, kl_pq, kl_qp, strict=True)
    ]
    out, k = [], 0
    for f in fits:
        out.append({"forward": records[k], "reverse": records[k + 1 : k + len(f)]})
        k += len(f)
    return out


def point(d: float, w: float) -> dict[str, Any]:
    """The forward fit and the reverse minima at (d, w), with both KL values of each, in nats."""
    return _points([float(d)], [float(w)])[0]


def _mirror(rec: dict[str, Any]) -> dict[str, Any]:
    def flip(fit: dict[str, float]) -> dict[str, float]:
        return {**fit, "mu": -fit["mu"] + 0.0}

    return {"forward": flip(rec["forward"]), "reverse": [flip(f) for f in rec["reverse"]]}


def grid() -> dict[str, Any]:
    """The whole grid: ``points[i][j]`` is the point of ``separations[i]``, ``weights[j]``.

    Weights below 1/2 are the mirror images (mu -> -mu) of those above.
    """
    half = [(d, w) for d in SEPARATIONS for w in WEIGHTS if w >= 0.5]
    done = dict(zip(half, _points([d for d, _ in half], [w for _, w in half]), strict=True))
    points = [
        [done[d, w] if w >= 0.5 else _mirror(done[d, round(1 - w, 2)]) for w in WEIGHTS]
        for d in SEPARATIONS
    ]
    return {
        "about": "Single-Gaussian fits to (1-w) N(-d/2, 1) + w N(d/2, 1); KL in nats "
        "(scripts/explorables/kl_fit_grid.py)",
        "separations": list(SEPARATIONS),
        "weights": list(WEIGHTS),
        "digits": {"mu": MU_DIGITS, "sigma": SIGMA_DIGITS, "kl": KL_DIGITS},
        "points": points,
    }


def main() -> None:
    print(json.dumps(grid(), separators=(",", ":")))


if __name__ == "__main__":
    main()
