"""Closed-form Gaussian KL divergences: the VAE term, two univariate normals, full covariances."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from scipy import integrate, stats

from infotheory import kl_gaussian, kl_multivariate_normal, kl_normal

LN2 = math.log(2.0)


# --- the VAE examples: KL(N(mu, sigma^2) || N(0, 1)) = (mu^2 + sigma^2 - 1 - log sigma^2) / 2


@pytest.mark.parametrize(
    ("mu", "log_var", "expected"),
    [
        (0.0, 0.0, 0.0),  # the prior itself
        (1.0, 0.0, 0.5),  # shifted mean: mu^2 / 2
        (0.0, math.log(2.0), 0.5 * (2.0 - 1.0 - math.log(2.0))),  # wider
        (2.0, math.log(0.5), 0.5 * (4.0 + 0.5 - 1.0 - math.log(0.5))),  # shifted and narrower
    ],
)
def test_kl_gaussian_vae_examples(mu, log_var, expected):
    assert kl_gaussian([mu], [log_var]) == pytest.approx(expected, rel=1e-14, abs=0.0)
    assert kl_gaussian([mu], [log_var], base=2) == pytest.approx(expected / LN2, rel=1e-14)


def test_kl_gaussian_of_the_prior_is_exactly_zero():
    assert kl_gaussian(np.zeros(16), np.zeros(16)) == 0.0


def test_kl_gaussian_sums_over_latent_dimensions_and_batches():
    mu = np.array([[0.0, 1.0], [2.0, 0.0], [0.0, 0.0]])
    lv = np.array([math.log(2.0), 0.0])  # (2,) broadcasts against (3, 2)
    per_dim = 0.5 * (mu**2 + np.exp(lv) - 1 - lv)
    out = kl_gaussian(mu, lv)
    assert isinstance(out, np.ndarray)
    assert out.shape == (3,)
    np.testing.assert_allclose(out, per_dim.sum(axis=1), rtol=1e-14)
    np.testing.assert_allclose(kl_gaussian(mu.T, lv[:, None], axis=0), out, rtol=1e-14)


def test_kl_gaussian_matches_the_univariate_formula_dimension_by_dimension():
    rng = np.random.default_rng(7)
    mu = rng.normal(size=(10, 4))
    lv = rng.uniform(-3, 3, size=(10, 4))
    expected = kl_normal(mu, np.exp(lv / 2), 0.0, 1.0).sum(axis=-1)
    np.testing.assert_allclose(kl_gaussian(mu, lv), expected, rtol=1e-12)
    direct = 0.5 * (mu**2 + np.exp(lv) - 1 - lv).sum(axis=-1)
    np.testing.assert_allclose(kl_gaussian(mu, lv), direct, rtol=1e-12)


def test_kl_gaussian_accurate_when_variance_is_close_to_one():
    # sigma^2 - 1 - log sigma^2 = e^x - 1 - x = x^2/2 + x^3/6 + ... for x = log_var;
    # the naive exp(x) - 1 - x loses every digit at x = 1e-10 (it gives ~8e-18, not 5e-21).
    # expm1(x) - x keeps a relative error of ~2 eps / x: 1e-6 at x = 1e-10, which is an
    # absolute error of ~1e-27 nats.
    for x, rtol in [(1e-10, 1e-5), (-1e-10, 1e-5), (1e-5, 1e-9), (1e-3, 1e-12)]:
        exact = 0.5 * (x * x / 2 + x**3 / 6 + x**4 / 24 + x**5 / 120 + x**6 / 720)
        assert kl_gaussian([0.0], [x]) == pytest.approx(exact, rel=rtol, abs=0.0)
    naive = 0.5 * (math.exp(1e-10) - 1 - 1e-10)
    assert abs(naive - 2.5e-21) > 100 * 2.5e-21


def test_kl_gaussian_extreme_log_variances():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # sigma^2 = e^800 overflows; the divergence really is infinite
        assert kl_gaussian([0.0], [800.0]) == math.inf
        # sigma^2 = e^-800 underflows to 0: KL = (0 - 1 + 800) / 2
        assert kl_gaussian([0.0], [-800.0]) == pytest.approx(399.5, rel=1e-15)


# --- two univariate normals --------------------------------------------------------------


def _kl_normal_formula(mp, sp, mq, sq):
    return math.log(sq / sp) + (sp**2 + (mp - mq) ** 2) / (2 * sq**2) - 0.5


@pytest.mark.parametrize(
    ("mp", "sp", "mq", "sq"),
    [
        (0.0, 1.0, 1.0, 1.0),
        (0.0, 0.5, 0.0, 2.0),
        (0.0, 2.0, 0.0, 0.5),
        (1.5, 0.3, -2.0, 4.0),
    ],
)
def test_kl_normal_closed_form(mp, sp, mq, sq):
    assert kl_normal(mp, sp, mq, sq) == pytest.approx(_kl_normal_formula(mp, sp, mq, sq), rel=1e-13)


def test_kl_normal_matches_numerical_integration():
    mp, sp, mq, sq = 0.3, 0.8, -0.4, 1.7
    p, q = stats.norm(mp, sp), stats.norm(mq, sq)

    def integrand(x):
        return p.pdf(x) * (p.logpdf(x) - q.logpdf(x))

    numeric, _ = integrate.quad(integrand, -20, 20, epsabs=1e-13, epsrel=1e-12)
    assert kl_normal(mp, sp, mq, sq) == pytest.approx(numeric, rel=1e-9)
    assert kl_normal(mp, sp, mq, sq, base=2) == pytest.approx(numeric / LN2, rel=1e-9)


def test_kl_normal_is_asymmetric_zero_for_equal_and_broadcasts():
    assert kl_normal(0.0, 0.5, 0.0, 2.0) != pytest.approx(kl_normal(0.0, 2.0, 0.0, 0.5))
    assert kl_normal(1.0, 2.0, 1.0, 2.0) == 0.0
    out = kl_normal(np.array([0.0, 1.0, 2.0]), 1.0, 0.0, np.array([[1.0], [2.0]]))
    assert out.shape == (2, 3)
    np.testing.assert_allclose(
        out,
        [[_kl_normal_formula(m, 1.0, 0.0, s) for m in (0.0, 1.0, 2.0)] for s in (1.0, 2.0)],
        rtol=1e-13,
    )


def test_kl_normal_accurate_for_nearly_equal_scales():
    # r^2 - 1 - 2 log r with r = sigma_p / sigma_q = e^h: 2h^2 + O(h^3)
    h = 1e-6
    expected = 0.5 * ((2 * h) ** 2 / 2 + (2 * h) ** 3 / 6)
    assert kl_normal(0.0, math.exp(h), 0.0, 1.0) == pytest.approx(expected, rel=1e-6, abs=0.0)
    assert kl_normal(0.0, 1.0, 0.0, 1.0) == 0.0


def test_kl_gaussian_accepts_scalars_as_one_dimension():
    assert kl_gaussian(1.0, 0.0) == kl_gaussian([1.0], [0.0]) == 0.5


def test_expm1_minus_x_has_full_relative_precision_near_zero():
    # 0.5 * (e^x - 1 - x) for x = 1e-10 is x^2 / 4 (1 + x / 3 + ...) to ~1e-27 relative.
    x = 1e-10
    assert kl_gaussian([0.0], [x]) == pytest.approx(x**2 / 4 * (1 + x / 3), rel=1e-15)
    assert kl_gaussian([0.0], [-x]) == pytest.approx(x**2 / 4 * (1 - x / 3), rel=1e-15)


# --- multivariate normals with full covariance ------------------------------------------------


def _kl_mvn_with_inverse(mp, cp, mq, cq):
    """The textbook formula with an explicit inverse and determinants (fine for a reference)."""
    d = len(mp)
    qi = np.linalg.inv(cq)
    diff = np.asarray(mq) - np.asarray(mp)
    return 0.5 * (
        np.trace(qi @ cp) + diff @ qi @ diff - d + math.log(np.linalg.det(cq) / np.linalg.det(cp))
    )


def _spd(rng, d, jitter=0.1):
    a = rng.normal(size=(d, d))
    return a @ a.T + jitter * np.eye(d)


def test_kl_multivariate_normal_by_hand():
    # correlated P against the standard normal: (tr S - d - log det S) / 2 = -log(0.36) / 2
    cov = [[1.0, 0.8], [0.8, 1.0]]
    assert kl_multivariate_normal([0.0, 0.0], cov, [0.0, 0.0], np.eye(2)) == pytest.approx(
        -0.5 * math.log(0.36), rel=1e-14
    )
    # shifted mean, same covariance: the Mahalanobis distance / 2
    cq = np.array([[2.0, 0.5], [0.5, 1.0]])
    diff = np.array([1.0, -2.0])
    maha = diff @ np.linalg.solve(cq, diff)
    assert kl_multivariate_normal([0.0, 0.0], cq, diff, cq) == pytest.approx(maha / 2, rel=1e-13)
    assert kl_multivariate_normal([0.0, 0.0], cq, diff, cq, base=2) == pytest.approx(
        maha / 2 / LN2, rel=1e-13
    )


@pytest.mark.parametrize("d", [1, 2, 5, 12])
def test_kl_multivariate_normal_matches_the_textbook_formula(d):
    rng = np.random.default_rng(d)
    cp, cq = _spd(rng, d), _spd(rng, d)
    mp, mq = rng.normal(size=d), rng.normal(size=d)
    assert kl_multivariate_normal(mp, cp, mq, cq) == pytest.approx(
        _kl_mvn_with_inverse(mp, cp, mq, cq), rel=1e-10
    )
    # P = Q: M = L^-1 L is the identity up to rounding in its off-diagonal entries
    assert 0.0 <= kl_multivariate_normal(mp, cp, mp, cp) < 1e-28


def test_kl_multivariate_normal_is_kl_normal_in_one_dimension():
    rng = np.random.default_rng(21)
    mp, mq = rng.normal(size=50), rng.normal(size=50)
    sp, sq = rng.uniform(0.1, 3.0, size=50), rng.uniform(0.1, 3.0, size=50)
    got = kl_multivariate_normal(
        mp[:, None], sp[:, None, None] ** 2, mq[:, None], sq[:, None, None] ** 2
    )
    assert got.shape == (50,)
    np.testing.assert_allclose(got, kl_normal(mp, sp, mq, sq), rtol=1e-13)
    # including nearly equal scales, where both avoid the cancellation
    h = 1e-7
    assert kl_multivariate_normal([0.0], [[math.exp(2 * h)]], [0.0], [[1.0]]) == pytest.approx(
        kl_normal(0.0, math.exp(h), 0.0, 1.0), rel=1e-8
    )


def test_kl_multivariate_normal_is_kl_gaussian_against_the_standard_normal():
    rng = np.random.default_rng(22)
    mu = rng.normal(size=(8, 4))
    log_var = rng.uniform(-2, 2, size=(8, 4))
    cov = np.einsum("bi,ij->bij", np.exp(log_var), np.eye(4))  # diagonal covariances
    got = kl_multivariate_normal(mu, cov, np.zeros(4), np.eye(4))
    np.testing.assert_allclose(got, kl_gaussian(mu, log_var), rtol=1e-13)


def test_kl_multivariate_normal_accurate_for_nearly_equal_covariances():
    # KL(N(0, u I) || N(0, I)) = d (t - log(1 + t)) / 2 with u = 1 + t exact in binary;
    # its series d/2 (t^2/2 - t^3/3 + ...) ~ 1e-20 is the exact value to ~1e-30
    d, t = 3, 2.0**-33
    exact = d / 2 * (t * t / 2 - t**3 / 3 + t**4 / 4)
    cp = (1 + t) * np.eye(d)
    got = kl_multivariate_normal(np.zeros(d), cp, np.zeros(d), np.eye(d))
    assert got == pytest.approx(exact, rel=1e-9)
    # the textbook trace / log-det form cancels: it is wrong in sign here
    assert _kl_mvn_with_inverse(np.zeros(d), cp, np.zeros(d), np.eye(d)) < 0


def test_kl_multivariate_normal_batches_broadcast():
    rng = np.random.default_rng(23)
    cq = np.stack([_spd(rng, 3) for _ in range(4)])  # (4, 3, 3)
    cp = _spd(rng, 3)  # (3, 3), shared
    mp = rng.normal(size=(2, 1, 3))  # (2, 1) batch
    mq = np.zeros(3)
    out = kl_multivariate_normal(mp, cp, mq, cq)
    assert out.shape == (2, 4)
    for i in range(2):
        for j in range(4):
            assert out[i, j] == pytest.approx(
                _kl_mvn_with_inverse(mp[i, 0], cp, mq, cq[j]), rel=1e-10
            )


def test_kl_multivariate_normal_is_asymmetric_and_non_negative():
    rng = np.random.default_rng(24)
    for _ in range(20):
        d = int(rng.integers(1, 6))
        a, b = _spd(rng, d, 0.01), _spd(rng, d, 0.01)
        m1, m2 = rng.normal(size=d), rng.normal(size=d)
        assert kl_multivariate_normal(m1, a, m2, b) >= 0.0
    a, b = np.diag([1.0, 4.0]), np.eye(2)
    z = np.zeros(2)
    assert kl_multivariate_normal(z, a, z, b) != pytest.approx(kl_multivariate_normal(z, b, z, a))


def test_kl_multivariate_normal_batched_solves_match_single_ones():
    # a batch larger than d uses row-by-row substitution over the batch, a single matrix
    # (or a batch no larger than d) one LAPACK triangular solve per matrix: they agree
    rng = np.random.default_rng(25)
    d, n = 4, 30
    cp = np.stack([_spd(rng, d) for _ in range(n)])
    cq = np.stack([_spd(rng, d) for _ in range(n)])
    mp, mq = rng.normal(size=(n, d)), rng.normal(size=(n, d))
    batched = kl_multivariate_normal(mp, cp, mq, cq)
    single = [kl_multivariate_normal(mp[i], cp[i], mq[i], cq[i]) for i in range(n)]
    np.testing.assert_allclose(batched, single, rtol=1e-12)
    few = kl_multivariate_normal(mp[:3], cp[:3], mq[:3], cq[:3])  # 3 <= d: per-matrix path
    np.testing.assert_allclose(few, single[:3], rtol=1e-12)
