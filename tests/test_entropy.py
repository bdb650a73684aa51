"""Entropy, information content, binary entropy, cross-entropy and perplexity."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.stats
from _strategies import ref_entropy

from infotheory import binary_entropy, cross_entropy, entropy, information_content, perplexity

RNG_SEED = 20240601


# --- reference article examples, expected values derived by hand --------------------------


@pytest.mark.parametrize(
    ("p", "expected_bits"),
    [
        # -(0.99 log2 0.99 + 0.01 log2 0.01): a nearly certain coin carries little information
        ([0.99, 0.01], -(0.99 * math.log2(0.99) + 0.01 * math.log2(0.01))),
        ([0.5, 0.5], 1.0),  # a fair coin: exactly one bit
        ([0.25] * 4, 2.0),  # uniform over four outcomes: log2 4
    ],
)
def test_entropy_article_examples_in_bits(p, expected_bits):
    assert entropy(p, base=2) == pytest.approx(expected_bits, rel=1e-14, abs=1e-15)


def test_entropy_units():
    # uniform over 10 outcomes: log 10 nats = log2 10 bits = 1 ban
    p = [0.1] * 10
    assert entropy(p) == pytest.approx(math.log(10), rel=1e-14)
    assert entropy(p, base=2) == pytest.approx(math.log2(10), rel=1e-14)
    assert entropy(p, base=10) == pytest.approx(1.0, rel=1e-14)


def test_entropy_certain_outcome_is_zero_with_0log0_convention():
    h = entropy([0.0, 1.0, 0.0])
    assert h == 0.0
    assert not math.isnan(h)


def test_entropy_batched_and_axis():
    p = np.array([[1 / 4] * 4, [1.0, 0.0, 0.0, 0.0], [0.5, 0.5, 0.0, 0.0]])
    np.testing.assert_allclose(entropy(p, base=2), [2.0, 0.0, 1.0], atol=1e-15)
    np.testing.assert_allclose(entropy(p.T, base=2, axis=0), [2.0, 0.0, 1.0], atol=1e-15)
    # axis=None: the whole array is one distribution over 12 outcomes
    flat = p / 3
    assert entropy(flat, axis=None) == pytest.approx(ref_entropy(flat.ravel()), rel=1e-13)


def test_entropy_normalize_rescales_counts():
    assert entropy([1, 1, 2], normalize=True, base=2) == pytest.approx(1.5, rel=1e-14)
    np.testing.assert_allclose(
        entropy([[2, 2], [3, 1]], normalize=True),
        [math.log(2), ref_entropy([0.75, 0.25])],
        rtol=1e-14,
    )


def test_entropy_float32_input_uses_looser_sum_tolerance():
    # float32 softmax outputs sum to 1 only to ~1e-7 per entry; they must be accepted
    p32 = np.full(1000, 1e-3, dtype=np.float32)
    assert abs(float(p32.astype(np.float64).sum()) - 1.0) > 1e-8
    assert entropy(p32) == pytest.approx(math.log(1000), rel=1e-6)


@pytest.mark.parametrize(
    ("p", "expected_bits"),
    [
        (0.9999, -math.log2(0.9999)),  # almost certain: ~0.000144 bits
        (0.5, 1.0),
        (1e-7, -math.log2(1e-7)),  # rare: ~23.25 bits
    ],
)
def test_information_content_article_examples(p, expected_bits):
    assert information_content(p, base=2) == pytest.approx(expected_bits, rel=1e-14)


def test_information_content_elementwise_and_limits():
    out = information_content([1.0, 0.5, 0.125, 0.0], base=2)
    assert isinstance(out, np.ndarray)
    assert out.shape == (4,)
    np.testing.assert_array_equal(out, [0.0, 1.0, 3.0, np.inf])
    assert not np.signbit(out[0])  # -log 1 is +0.0, not -0.0
    assert information_content(math.exp(-3.0)) == pytest.approx(3.0, rel=1e-15)


def test_binary_entropy_values():
    ps = np.array([0.0, 0.1, 0.5, 0.9, 1.0])
    expected = [0.0, ref_entropy([0.1, 0.9], 2), 1.0, ref_entropy([0.9, 0.1], 2), 0.0]
    np.testing.assert_allclose(binary_entropy(ps, base=2), expected, rtol=1e-14, atol=1e-16)


def test_binary_entropy_matches_entropy_of_two_outcomes():
    rng = np.random.default_rng(RNG_SEED)
    ps = rng.random(50)
    np.testing.assert_allclose(
        binary_entropy(ps), entropy(np.stack([ps, 1 - ps], axis=-1)), rtol=1e-13
    )


def test_binary_entropy_accurate_for_tiny_p():
    # H_b(p) = p (1 - log p) + O(p^2): log1p keeps the (1 - p) log(1 - p) term exact
    p = 1e-20
    assert binary_entropy(p) == pytest.approx(p * (1.0 - math.log(p)), rel=1e-12, abs=0.0)


# --- cross-entropy ----------------------------------------------------------------------

ONE_HOT = [1.0, 0.0, 0.0, 0.0]


@pytest.mark.parametrize(
    "q",
    [
        [1.0, 0.0, 0.0, 0.0],
        [0.8, 0.1, 0.05, 0.05],
        [0.4, 0.3, 0.2, 0.1],
        [0.1, 0.6, 0.2, 0.1],
        [0.01, 0.01, 0.01, 0.97],
    ],
)
def test_cross_entropy_of_one_hot_target_is_minus_log_of_true_class(q):
    # H(p, q) = -sum p log q = -log q[0] for p = e_0; the other entries of q do not matter
    expected = -math.log(q[0])
    assert cross_entropy(ONE_HOT, q) == pytest.approx(expected, rel=1e-14, abs=0.0)
    assert cross_entropy(ONE_HOT, q, base=2) == pytest.approx(-math.log2(q[0]), rel=1e-14)


def test_cross_entropy_one_hot_batch_broadcasts_target():
    qs = np.array(
        [
            [1.0, 0.0, 0.0, 0.0],
            [0.8, 0.1, 0.05, 0.05],
            [0.4, 0.3, 0.2, 0.1],
            [0.1, 0.6, 0.2, 0.1],
            [0.01, 0.01, 0.01, 0.97],
        ]
    )
    out = cross_entropy(ONE_HOT, qs)
    assert out.shape == (5,)
    np.testing.assert_allclose(out, [-math.log(v) for v in qs[:, 0]], rtol=1e-14)
    assert np.all(np.diff(out) > 0)  # less mass on the true class, higher loss


def test_cross_entropy_is_infinite_where_q_misses_an_outcome():
    assert cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
    # ... but not where p is zero too (0 log 0 = 0)
    assert cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0


def test_cross_entropy_with_itself_is_entropy():
    rng = np.random.default_rng(RNG_SEED)
    p = rng.dirichlet(np.ones(6), size=10)
    np.testing.assert_allclose(cross_entropy(p, p), entropy(p), rtol=1e-13)


# --- agreement with scipy ---------------------------------------------------------------


@pytest.mark.parametrize("base", [math.e, 2, 10])
def test_entropy_matches_scipy_stats(base):
    rng = np.random.default_rng(RNG_SEED)
    p = rng.dirichlet(np.full(7, 0.5), size=(4, 3))  # shape (4, 3, 7)
    np.testing.assert_allclose(
        entropy(p, base=base), scipy.stats.entropy(p, base=base, axis=-1), rtol=1e-12
    )
    q = np.moveaxis(p, -1, 0)  # outcomes on axis 0
    np.testing.assert_allclose(
        entropy(q, base=base, axis=0), scipy.stats.entropy(q, base=base, axis=0), rtol=1e-12
    )
    both = np.stack([p[0, 0], p[1, 2]]) / 2  # one distribution over 14 outcomes
    assert entropy(both, base=base, axis=None) == pytest.approx(
        scipy.stats.entropy(both.ravel(), base=base), rel=1e-12
    )


def test_cross_entropy_matches_scipy_entropy_plus_kl():
    rng = np.random.default_rng(RNG_SEED + 1)
    p = rng.dirichlet(np.ones(5), size=20)
    q = rng.dirichlet(np.ones(5))  # (k,) broadcast against (n, k)
    expected = scipy.stats.entropy(p, axis=-1) + scipy.stats.entropy(p, q[None, :], axis=-1)
    np.testing.assert_allclose(cross_entropy(p, q), expected, rtol=1e-12)
    np.testing.assert_allclose(cross_entropy(p.T, q[:, None], axis=0), expected, rtol=1e-12)


# --- perplexity ---------------------------------------------------------------------------------


def test_perplexity_is_the_effective_number_of_outcomes():
    assert perplexity([0.25] * 4) == pytest.approx(4.0, rel=1e-15)
    assert perplexity([1.0, 0.0, 0.0]) == 1.0
    p = [0.5, 0.25, 0.25]
    # e^H = 2^(H in bits) = prod p^-p = 2^1.5
    assert perplexity(p) == pytest.approx(2**1.5, rel=1e-15)
    assert perplexity(p) == pytest.approx(math.exp(ref_entropy(p)), rel=1e-15)
    assert perplexity(p) == pytest.approx(2 ** entropy(p, base=2), rel=1e-15)
    assert perplexity(p) == pytest.approx(math.prod(x**-x for x in p), rel=1e-15)


def test_perplexity_batched_and_axis():
    batch = np.array([[0.25] * 4, [0.5, 0.5, 0.0, 0.0]])
    out = perplexity(batch)
    assert out.shape == (2,)
    np.testing.assert_allclose(out, [4.0, 2.0], rtol=1e-15)
    np.testing.assert_allclose(perplexity(batch.T, axis=0), out, rtol=1e-15)
    # one distribution: four outcomes of 1/8 and two of 1/4, H = 2.5 bits
    assert perplexity(batch / 2, axis=None) == pytest.approx(2**2.5, rel=1e-14)
