"""Rényi entropy and divergence, Tsallis entropy: hand-computed values and the special orders."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from _strategies import ref_entropy, ref_kl

from infotheory import entropy, kl_divergence, renyi_divergence, renyi_entropy, tsallis_entropy

LN2 = math.log(2.0)
P = [0.5, 0.25, 0.125, 0.125]
Q = [0.25, 0.25, 0.25, 0.25]


def _renyi_by_hand(p, a):
    return math.log(math.fsum(x**a for x in p if x > 0)) / (1 - a)


def _renyi_div_by_hand(p, q, a):
    s = math.fsum(x**a * y ** (1 - a) for x, y in zip(p, q, strict=True) if x > 0)
    return math.log(s) / (a - 1)


# --- Rényi entropy -------------------------------------------------------------------------


@pytest.mark.parametrize("alpha", [0.1, 0.5, 0.9, 1.5, 2, 3, 10, 100])
def test_renyi_entropy_matches_the_formula(alpha):
    assert renyi_entropy(P, alpha) == pytest.approx(_renyi_by_hand(P, alpha), rel=1e-13)
    assert renyi_entropy(P, alpha, base=2) == pytest.approx(
        _renyi_by_hand(P, alpha) / LN2, rel=1e-13
    )


def test_renyi_entropy_special_orders():
    p = [0.5, 0.25, 0.25, 0.0]
    # alpha = 0: log of the support size (3 outcomes, the zero one does not count)
    assert renyi_entropy(p, 0) == pytest.approx(math.log(3), rel=1e-15)
    # alpha = 1: Shannon, exactly the same number as entropy()
    assert renyi_entropy(p, 1) == entropy(p)
    assert renyi_entropy(p, 1, base=2) == 1.5
    # alpha = 2: collision entropy -log sum p^2 = -log(0.375)
    assert renyi_entropy(p, 2) == pytest.approx(-math.log(0.375), rel=1e-15)
    # alpha = inf: min-entropy -log max p = 1 bit
    assert renyi_entropy(p, math.inf, base=2) == 1.0
    assert renyi_entropy(p, np.inf) == pytest.approx(LN2, rel=1e-15)


def test_renyi_entropy_is_continuous_at_the_special_orders():
    # the limits: alpha -> 1 gives Shannon, alpha -> 0 log support, alpha -> inf min-entropy
    h = ref_entropy(P)
    for d in (1e-3, 1e-6, 1e-9, 1e-12):
        assert renyi_entropy(P, 1 - d) == pytest.approx(h, rel=2 * d + 1e-13)
        assert renyi_entropy(P, 1 + d) == pytest.approx(h, rel=2 * d + 1e-13)
    assert renyi_entropy(P, 1e-9) == pytest.approx(math.log(4), rel=1e-8)
    assert renyi_entropy(P, 1e6) == pytest.approx(LN2, rel=1e-5)


def test_renyi_entropy_near_one_has_no_cancellation():
    # dH/dalpha at alpha = 1 is -Var(log p) / 2, so H(1 + d) = H - d Var / 2 + O(d^2)
    h = ref_entropy(P)
    logs = [math.log(x) for x in P]
    mean = math.fsum(x * v for x, v in zip(P, logs, strict=True))
    var = math.fsum(x * (v - mean) ** 2 for x, v in zip(P, logs, strict=True))
    d = 1e-10
    assert renyi_entropy(P, 1 + d) == pytest.approx(h - d * var / 2, rel=1e-15, abs=1e-16)
    assert renyi_entropy(P, 1 - d) == pytest.approx(h + d * var / 2, rel=1e-15, abs=1e-16)


def test_renyi_entropy_uniform_is_log_n_for_every_order():
    for alpha in (0, 0.5, 1, 2, 7.5, math.inf):
        assert renyi_entropy(Q, alpha) == pytest.approx(math.log(4), rel=1e-15)


def test_renyi_entropy_batched_and_axis():
    batch = np.array([P, Q, [1.0, 0.0, 0.0, 0.0]])
    out = renyi_entropy(batch, 2)
    assert out.shape == (3,)
    np.testing.assert_allclose(
        out, [_renyi_by_hand(P, 2), math.log(4), 0.0], rtol=1e-14, atol=1e-300
    )
    np.testing.assert_allclose(renyi_entropy(batch.T, 2, axis=0), out, rtol=1e-15)
    assert renyi_entropy(batch / 3, 2, axis=None) == pytest.approx(
        _renyi_by_hand((batch / 3).ravel(), 2), rel=1e-14
    )


def test_renyi_entropy_tiny_probabilities_do_not_overflow():
    # alpha near 0 with a subnormal entry: p * expm1((alpha - 1) log p) overflows; the
    # log-sum-exp form takes over.  H = log(p^a + (1 - p)^a) / (1 - a) with p^a = e^{a log p}
    p = np.array([5e-324, 1.0])
    a = 0.01
    expected = math.log1p(math.exp(a * math.log(5e-324))) / (1 - a)
    with np.errstate(all="raise"):
        assert renyi_entropy(p, a) == pytest.approx(expected, rel=1e-12)


# --- Rényi divergence --------------------------------------------------------------------


@pytest.mark.parametrize("alpha", [0.1, 0.5, 0.9, 1.5, 2, 5])
def test_renyi_divergence_matches_the_formula(alpha):
    assert renyi_divergence(P, Q, alpha) == pytest.approx(
        _renyi_div_by_hand(P, Q, alpha), rel=1e-13
    )
    assert renyi_divergence(Q, P, alpha, base=2) == pytest.approx(
        _renyi_div_by_hand(Q, P, alpha) / LN2, rel=1e-13
    )


def test_renyi_divergence_special_orders():
    p, q = [0.5, 0.5, 0.0], [0.25, 0.25, 0.5]
    # alpha = 1: KL, exactly kl_divergence
    assert renyi_divergence(p, q, 1) == kl_divergence(p, q)
    assert renyi_divergence(P, Q, 1) == kl_divergence(P, Q)
    assert renyi_divergence(p, q, 1) == pytest.approx(ref_kl(p, q), rel=1e-15)
    # alpha = 0: -log Q(supp P) = -log 0.5
    assert renyi_divergence(p, q, 0) == pytest.approx(LN2, rel=1e-15)
    # alpha = 1/2: -2 log sum sqrt(p q) = -2 log(2 sqrt(1/8))
    assert renyi_divergence(p, q, 0.5) == pytest.approx(-2 * math.log(2 * math.sqrt(0.125)))
    # alpha = inf: log max p / q = log 2 (1 bit)
    assert renyi_divergence(p, q, math.inf, base=2) == 1.0


def test_renyi_divergence_infinite_cases():
    p, q = [0.5, 0.5], [1.0, 0.0]
    # q misses an outcome of p: infinite for alpha >= 1, finite below
    for alpha in (1, 1.5, 2, math.inf):
        assert renyi_divergence(p, q, alpha) == math.inf
    assert renyi_divergence(p, q, 0.5) == pytest.approx(-2 * math.log(math.sqrt(0.5)))
    assert renyi_divergence(p, q, 0) == 0.0  # -log Q(supp P) = -log 1
    # disjoint supports: infinite for every order
    for alpha in (0, 0.5, 1, 2, math.inf):
        assert renyi_divergence([1.0, 0.0], [0.0, 1.0], alpha) == math.inf


def test_renyi_divergence_zero_for_equal_distributions():
    for alpha in (0, 0.5, 1, 2, math.inf):
        assert renyi_divergence(P, P, alpha) == 0.0


def test_renyi_divergence_near_one_has_no_cancellation():
    kl = ref_kl(P, Q)
    for d in (1e-6, 1e-10):
        assert renyi_divergence(P, Q, 1 + d) == pytest.approx(kl, rel=d + 1e-14)
        assert renyi_divergence(P, Q, 1 - d) == pytest.approx(kl, rel=d + 1e-14)


def test_renyi_divergence_is_non_decreasing_in_alpha():
    alphas = [0, 0.1, 0.5, 0.9, 1, 1.1, 2, 5, 50, math.inf]
    values = [renyi_divergence(P, [0.1, 0.2, 0.3, 0.4], a) for a in alphas]
    assert all(a <= b + 1e-15 for a, b in itertools.pairwise(values))


def test_renyi_divergence_batched():
    ps = np.array([P, Q])
    out = renyi_divergence(ps, Q, 2)
    assert out.shape == (2,)
    np.testing.assert_allclose(out, [_renyi_div_by_hand(P, Q, 2), 0.0], rtol=1e-14, atol=1e-300)


# --- Tsallis entropy ---------------------------------------------------------------------


@pytest.mark.parametrize("alpha", [0, 0.5, 0.9, 1.5, 2, 3, 10])
def test_tsallis_entropy_matches_the_formula(alpha):
    expected = (1 - math.fsum(x**alpha for x in P if x > 0)) / (alpha - 1)
    assert tsallis_entropy(P, alpha) == pytest.approx(expected, rel=1e-13)


def test_tsallis_entropy_special_orders():
    p = [0.5, 0.25, 0.25, 0.0]
    assert tsallis_entropy(p, 1) == entropy(p)  # Shannon in nats
    assert tsallis_entropy(p, 2) == pytest.approx(1 - 0.375, rel=1e-15)  # Gini impurity
    assert tsallis_entropy(p, 0) == pytest.approx(2.0, rel=1e-15)  # support size - 1
    d = 1e-10
    assert tsallis_entropy(p, 1 + d) == pytest.approx(ref_entropy(p), rel=1e-9)
    assert tsallis_entropy(p, 1 - d) == pytest.approx(ref_entropy(p), rel=1e-9)
    assert tsallis_entropy([1.0, 0.0], 3) == 0.0


def test_tsallis_entropy_batched():
    out = tsallis_entropy(np.array([P, Q]), 2)
    assert out.shape == (2,)
    np.testing.assert_allclose(out, [1 - math.fsum(x * x for x in P), 0.75], rtol=1e-14)
