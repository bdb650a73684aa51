"""Differential entropy: the Gaussian closed form and the Kozachenko–Leonenko estimator."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from infotheory import differential_entropy, differential_entropy_gaussian

LN2 = math.log(2.0)
LOG_2_PI_E = math.log(2 * math.pi * math.e)


# --- the Gaussian closed form ----------------------------------------------------------------


def test_univariate_normal_by_hand():
    assert differential_entropy_gaussian(1.0) == pytest.approx(0.5 * LOG_2_PI_E, rel=1e-15)
    assert differential_entropy_gaussian(4.0) == pytest.approx(
        0.5 * LOG_2_PI_E + math.log(2.0), rel=1e-15
    )
    assert differential_entropy_gaussian(1.0, base=2) == pytest.approx(
        0.5 * LOG_2_PI_E / LN2, rel=1e-15
    )
    # negative below sigma^2 = 1 / (2 pi e)
    assert differential_entropy_gaussian(0.01) == pytest.approx(
        0.5 * LOG_2_PI_E + 0.5 * math.log(0.01), rel=1e-14
    )
    assert differential_entropy_gaussian(0.01) < 0
    threshold = 1 / (2 * math.pi * math.e)
    assert differential_entropy_gaussian(threshold) == pytest.approx(0.0, abs=1e-15)
    assert differential_entropy_gaussian([[1.0]]) == differential_entropy_gaussian(1.0)


def test_multivariate_normal_by_hand_and_against_scipy():
    cov = np.array([[2.0, 0.5], [0.5, 1.0]])  # det = 1.75
    expected = LOG_2_PI_E + 0.5 * math.log(1.75)
    assert differential_entropy_gaussian(cov) == pytest.approx(expected, rel=1e-14)
    rng = np.random.default_rng(0)
    a = rng.normal(size=(5, 5))
    cov5 = a @ a.T + 0.1 * np.eye(5)
    assert differential_entropy_gaussian(cov5) == pytest.approx(
        stats.multivariate_normal(cov=cov5).entropy(), rel=1e-12
    )
    assert differential_entropy_gaussian(0.3) == pytest.approx(
        stats.norm(scale=math.sqrt(0.3)).entropy(), rel=1e-14
    )


def test_gaussian_batched_and_high_dimensional():
    covs = np.stack([np.eye(3), 2 * np.eye(3), np.diag([1.0, 1e-3, 1e3])])
    out = differential_entropy_gaussian(covs)
    assert out.shape == (3,)
    np.testing.assert_allclose(
        out, [1.5 * LOG_2_PI_E, 1.5 * LOG_2_PI_E + 1.5 * math.log(2), 1.5 * LOG_2_PI_E], rtol=1e-14
    )
    # d = 2000 with variance 0.01: det = 1e-4000 underflows, the Cholesky log-det does not
    d = 2000
    h = differential_entropy_gaussian(0.01 * np.eye(d))
    assert h == pytest.approx(d / 2 * LOG_2_PI_E + d / 2 * math.log(0.01), rel=1e-12)


# --- the k-NN estimator ------------------------------------------------------------------------


def test_knn_estimator_on_normal_samples():
    rng = np.random.default_rng(1)
    for d in (1, 3):
        x = rng.normal(size=(20_000, d)) * 2.0
        exact = differential_entropy_gaussian(4.0 * np.eye(d))
        assert differential_entropy(x) == pytest.approx(exact, abs=0.03 * d)
    # correlated: the closed form with the full covariance
    cov = np.array([[1.0, 0.9], [0.9, 1.0]])
    x = rng.multivariate_normal([0.0, 0.0], cov, size=20_000)
    assert differential_entropy(x) == pytest.approx(differential_entropy_gaussian(cov), abs=0.05)


def test_knn_estimator_on_uniform_samples():
    rng = np.random.default_rng(2)
    # uniform on [0, a]: log a, negative for a < 1
    for a in (0.25, 1.0, 3.0):
        u = rng.uniform(0.0, a, size=20_000)
        assert differential_entropy(u) == pytest.approx(math.log(a), abs=0.03)
        assert differential_entropy(u, base=2) == pytest.approx(math.log2(a), abs=0.03 / LN2)
    # uniform on the unit square: 0
    assert differential_entropy(rng.uniform(size=(20_000, 2))) == pytest.approx(0.0, abs=0.04)


def test_knn_estimator_is_unbiased_on_average_for_the_uniform():
    # many replicates: the mean is within a few standard errors of log 1 = 0
    rng = np.random.default_rng(3)
    est = [differential_entropy(rng.uniform(size=2000)) for _ in range(200)]
    assert abs(np.mean(est)) < 4 * np.std(est) / math.sqrt(len(est))


def test_knn_estimator_agrees_with_scipy_in_1d():
    # scipy's spacing estimators (Vasicek, Ebrahimi, ...) estimate the same quantity
    rng = np.random.default_rng(4)
    for sample in (rng.normal(size=10_000), rng.exponential(size=10_000), rng.uniform(size=10_000)):
        ours = differential_entropy(sample)
        for method in ("vasicek", "ebrahimi"):
            assert ours == pytest.approx(
                stats.differential_entropy(sample, method=method), abs=0.03
            ), method
    # exponential with rate 1: h = 1
    assert differential_entropy(rng.exponential(size=20_000)) == pytest.approx(1.0, abs=0.03)


def test_knn_estimator_scales_and_shifts_exactly():
    # h(aX + b) = h(X) + d log|a|: every distance scales by |a|
    rng = np.random.default_rng(5)
    x = rng.normal(size=(2000, 2))
    h = differential_entropy(x)
    assert differential_entropy(4.0 * x + 7.0) == pytest.approx(h + 2 * math.log(4.0), rel=1e-12)
    assert differential_entropy(-x) == pytest.approx(h, rel=1e-13)


def test_knn_estimator_by_hand_on_three_points():
    # points 0, 1, 3 with k = 1: nearest distances 1, 1, 2; d = 1, V_1 = 2
    from scipy.special import digamma

    expected = digamma(3) - digamma(1) + math.log(2) + (math.log(1) + math.log(1) + math.log(2)) / 3
    assert differential_entropy([0.0, 1.0, 3.0], k=1) == pytest.approx(expected, rel=1e-14)
    # 2-D, k = 1: the unit ball's area is pi
    pts = [[0.0, 0.0], [3.0, 4.0], [3.0, 0.0]]  # nearest distances 3, 4, 3
    expected2 = (
        digamma(3) - digamma(1) + math.log(math.pi) + 2 * (2 * math.log(3) + math.log(4)) / 3
    )
    assert differential_entropy(pts, k=1) == pytest.approx(expected2, rel=1e-14)


def test_knn_estimator_k_trades_bias_for_variance_but_all_agree():
    rng = np.random.default_rng(6)
    x = rng.normal(size=20_000)
    for k in (1, 3, 10):
        assert differential_entropy(x, k=k) == pytest.approx(0.5 * LOG_2_PI_E, abs=0.03)


def test_knn_estimator_rejects_repeated_points():
    x = np.array([0.0, 0.0, 0.0, 1.0, 2.0, 2.5])
    with pytest.raises(ValueError, match=r"samples has repeated points: sample 0"):
        differential_entropy(x, k=2)
    # k larger than the number of duplicates: the k-th neighbour is at a positive distance
    assert math.isfinite(differential_entropy(x, k=3))
