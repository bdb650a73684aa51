"""Closed-form Gaussian KL divergences: the VAE term and two univariate normals."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from scipy import integrate, stats

from infotheory import kl_gaussian, kl_normal

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
