"""KL, Jensen–Shannon, the f-divergence family and their numerical edge cases."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import scipy.special
import scipy.stats
from _strategies import ref_entropy, ref_js, ref_kl
from scipy.spatial.distance import jensenshannon

from infotheory import (
    chi_squared,
    f_divergence,
    hellinger_squared,
    js_distance,
    js_divergence,
    kl_divergence,
    total_variation,
)

LN2 = math.log(2.0)
RNG_SEED = 1234

P_ART = [0.4, 0.3, 0.2, 0.1]
UNIFORM4 = [0.25, 0.25, 0.25, 0.25]
P_JS = [0.5, 0.3, 0.2]
Q_JS = [0.2, 0.4, 0.4]


# --- hand-computed values -------------------------------------------------------------


def test_kl_article_example_both_directions():
    # KL(P || U) = sum p log(4 p) = log 4 - H(P)
    forward = math.fsum(p * math.log(p / 0.25) for p in P_ART)
    assert forward == pytest.approx(math.log(4) - ref_entropy(P_ART), rel=1e-14)
    # KL(U || P) = sum 1/4 log(1 / (4 p)) = -log 4 - (1/4) sum log p
    backward = -math.log(4) - 0.25 * math.fsum(math.log(p) for p in P_ART)
    assert kl_divergence(P_ART, UNIFORM4) == pytest.approx(forward, rel=1e-14)
    assert kl_divergence(UNIFORM4, P_ART) == pytest.approx(backward, rel=1e-14)
    assert kl_divergence(P_ART, UNIFORM4, base=2) == pytest.approx(forward / LN2, rel=1e-14)
    assert forward != pytest.approx(backward, rel=1e-3)  # KL is not symmetric


def test_kl_infinite_where_q_misses_an_outcome_and_finite_the_other_way():
    assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf
    # p = 0 < q costs nothing: KL([1, 0] || [.5, .5]) = 1 * log(1 / .5)
    assert kl_divergence([1.0, 0.0], [0.5, 0.5]) == pytest.approx(LN2, rel=1e-15)


def test_kl_of_identical_distributions_is_exactly_zero():
    rng = np.random.default_rng(RNG_SEED)
    p = rng.dirichlet(np.ones(9), size=50)
    p[:, 0] = 0.0
    p /= p.sum(axis=-1, keepdims=True)
    out = kl_divergence(p, p)
    np.testing.assert_array_equal(out, 0.0)
    assert js_divergence(p[0], p[0]) == 0.0
    assert total_variation(p[0], p[0]) == 0.0
    assert chi_squared(p[0], p[0]) == 0.0
    assert hellinger_squared(p[0], p[0]) == 0.0


def test_js_article_example():
    m = [(a + b) / 2 for a, b in zip(P_JS, Q_JS, strict=True)]  # [.35, .35, .30]
    expected = 0.5 * math.fsum(a * math.log(a / c) for a, c in zip(P_JS, m, strict=True))
    expected += 0.5 * math.fsum(b * math.log(b / c) for b, c in zip(Q_JS, m, strict=True))
    assert js_divergence(P_JS, Q_JS) == pytest.approx(expected, rel=1e-14)
    assert js_divergence(Q_JS, P_JS) == pytest.approx(expected, rel=1e-14)
    assert js_divergence(P_JS, Q_JS, base=2) == pytest.approx(expected / LN2, rel=1e-14)
    assert js_distance(P_JS, Q_JS) == pytest.approx(math.sqrt(expected), rel=1e-14)
    assert js_distance(P_JS, Q_JS, base=2) == pytest.approx(math.sqrt(expected / LN2), rel=1e-14)


def test_js_of_disjoint_distributions_is_log_2():
    assert js_divergence([1.0, 0.0], [0.0, 1.0]) == pytest.approx(LN2, rel=1e-15)
    assert js_divergence([0.5, 0.5, 0.0, 0.0], [0.0, 0.0, 0.3, 0.7], base=2) == 1.0
    assert js_distance([1.0, 0.0], [0.0, 1.0], base=2) == 1.0


def test_tv_chi2_hellinger_by_hand():
    # |p - q| = [.3, .1, .2]
    assert total_variation(P_JS, Q_JS) == pytest.approx(0.3, rel=1e-14)
    # (p - q)^2 / q = .09/.2 + .01/.4 + .04/.4
    assert chi_squared(P_JS, Q_JS) == pytest.approx(0.45 + 0.025 + 0.1, rel=1e-14)
    # convention H^2 = 1 - sum sqrt(p q), in [0, 1]
    bc = math.sqrt(0.5 * 0.2) + math.sqrt(0.3 * 0.4) + math.sqrt(0.2 * 0.4)
    assert hellinger_squared(P_JS, Q_JS) == pytest.approx(1 - bc, rel=1e-13)
    assert hellinger_squared([1.0, 0.0], [0.0, 1.0]) == 1.0
    assert total_variation([1.0, 0.0], [0.0, 1.0]) == 1.0


def test_hellinger_convention_on_random_inputs():
    rng = np.random.default_rng(RNG_SEED)
    p = rng.dirichlet(np.ones(6), size=30)
    q = rng.dirichlet(np.ones(6), size=30)
    np.testing.assert_allclose(
        hellinger_squared(p, q), 1.0 - np.sum(np.sqrt(p * q), axis=-1), rtol=1e-10, atol=1e-15
    )


def test_chi_squared_zero_handling():
    assert chi_squared([0.5, 0.5], [1.0, 0.0]) == math.inf
    # 0 / 0 cells contribute nothing
    assert chi_squared([0.5, 0.5, 0.0], [0.5, 0.5, 0.0]) == 0.0
    assert chi_squared([1.0, 0.0], [0.5, 0.5]) == pytest.approx(0.25 / 0.5 + 0.25 / 0.5)


# --- agreement with scipy ----------------------------------------------------------------


def _random_pairs(seed, shape, alpha=0.7):
    rng = np.random.default_rng(seed)
    return rng.dirichlet(np.full(shape[-1], alpha), size=shape[:-1]), rng.dirichlet(
        np.full(shape[-1], alpha), size=shape[:-1]
    )


@pytest.mark.parametrize("base", [math.e, 2])
def test_kl_matches_scipy_along_each_axis(base):
    p, q = _random_pairs(RNG_SEED, (6, 5, 8))
    expected = scipy.stats.entropy(p, q, base=base, axis=-1)
    np.testing.assert_allclose(kl_divergence(p, q, base=base), expected, rtol=1e-12)
    np.testing.assert_allclose(
        kl_divergence(p, q), np.sum(scipy.special.rel_entr(p, q), axis=-1), rtol=1e-12
    )
    # outcomes on axis 0
    pt, qt = np.moveaxis(p, -1, 0), np.moveaxis(q, -1, 0)
    np.testing.assert_allclose(
        kl_divergence(pt, qt, base=base, axis=0),
        scipy.stats.entropy(pt, qt, base=base, axis=0),
        rtol=1e-12,
    )
    # axis=None: the whole arrays are one distribution each
    pn, qn = p / p[..., 0].size, q / q[..., 0].size
    assert kl_divergence(pn, qn, base=base, axis=None) == pytest.approx(
        scipy.stats.entropy(pn.ravel(), qn.ravel(), base=base), rel=1e-12
    )


def test_kl_broadcasts_single_q_against_batch_of_p():
    rng = np.random.default_rng(RNG_SEED + 2)
    p = rng.dirichlet(np.ones(4), size=7)  # (n, k)
    q = rng.dirichlet(np.ones(4))  # (k,)
    out = kl_divergence(p, q)
    assert out.shape == (7,)
    np.testing.assert_allclose(out, [ref_kl(row, q) for row in p], rtol=1e-12)
    np.testing.assert_allclose(
        kl_divergence(q, p), scipy.stats.entropy(np.broadcast_to(q, p.shape), p, axis=-1)
    )


@pytest.mark.parametrize("base", [math.e, 2])
def test_js_matches_scipy_jensenshannon_distance(base):
    p, q = _random_pairs(RNG_SEED + 3, (10, 6))
    dist = jensenshannon(p, q, base=base, axis=-1)
    np.testing.assert_allclose(js_distance(p, q, base=base), dist, rtol=1e-10)
    np.testing.assert_allclose(js_divergence(p, q, base=base), dist**2, rtol=1e-10)
    np.testing.assert_allclose(
        js_distance(p.T, q.T, base=base, axis=0),
        jensenshannon(p.T, q.T, base=base, axis=0),
        rtol=1e-10,
    )
    np.testing.assert_allclose(
        js_divergence(p, q), [ref_js(a, b) for a, b in zip(p, q, strict=True)], rtol=1e-12
    )


def test_js_broadcasts_and_axis_none():
    p, q = _random_pairs(RNG_SEED + 4, (5, 4))
    out = js_divergence(p, q[0])
    assert out.shape == (5,)
    np.testing.assert_allclose(out, [ref_js(row, q[0]) for row in p], rtol=1e-12)
    pn, qn = p / 5, q / 5
    assert js_divergence(pn, qn, axis=None) == pytest.approx(
        ref_js(pn.ravel(), qn.ravel()), rel=1e-12
    )


# --- f-divergence special cases ----------------------------------------------------------
# Generators written so that f(0) is the limit t -> 0+ (xlogy, not t * log t), with
# f_inf = lim f(t) / t as t -> inf for the outcomes where q = 0 < p.


def _f_kl(t):
    return scipy.special.xlogy(t, t)


def _f_reverse_kl(t):
    with np.errstate(divide="ignore"):
        return -np.log(t)


def _f_js(t):
    return 0.5 * (scipy.special.xlogy(t, t) - scipy.special.xlogy(t + 1, (t + 1) / 2))


def _f_tv(t):
    return 0.5 * np.abs(t - 1)


def _f_chi2(t):
    return (t - 1) ** 2


def _f_hellinger(t):
    return 0.5 * (np.sqrt(t) - 1) ** 2


F_CASES = [
    # name, generator, f_inf, reference(p, q), takes base
    ("kl", _f_kl, math.inf, kl_divergence, True),
    ("reverse-kl", _f_reverse_kl, 0.0, lambda p, q, **kw: kl_divergence(q, p, **kw), True),
    ("js", _f_js, 0.5 * LN2, js_divergence, True),
    ("tv", _f_tv, 0.5, total_variation, False),
    ("chi2", _f_chi2, math.inf, chi_squared, False),
    ("hellinger", _f_hellinger, 0.5, hellinger_squared, False),
]


@pytest.mark.parametrize(
    ("f", "f_inf", "reference", "has_base"),
    [case[1:] for case in F_CASES],
    ids=[case[0] for case in F_CASES],
)
def test_f_divergence_special_cases(f, f_inf, reference, has_base):
    p, q = _random_pairs(RNG_SEED + 5, (20, 6))
    p[:, 2] = 0.0  # zeros in p where q > 0: f(0) is used
    p /= p.sum(axis=-1, keepdims=True)
    np.testing.assert_allclose(f_divergence(p, q, f), reference(p, q), rtol=1e-10, atol=1e-15)
    np.testing.assert_allclose(f_divergence(p, q, f, f_inf=f_inf), reference(p, q), rtol=1e-10)
    if has_base:
        np.testing.assert_allclose(
            f_divergence(p, q, f, base=2), reference(p, q, base=2), rtol=1e-10
        )
    # zeros in q where p > 0 (and a cell where both are 0): f_inf defines those terms
    q2 = q.copy()
    q2[:, 4] = 0.0
    q2[:, 2] = 0.0
    q2 /= q2.sum(axis=-1, keepdims=True)
    np.testing.assert_allclose(
        f_divergence(p, q2, f, f_inf=f_inf), reference(p, q2), rtol=1e-10, atol=1e-15
    )


def test_f_inf_handling_when_q_has_zeros():
    p, q = [0.5, 0.5], [1.0, 0.0]
    # q f(p / q) where q > 0, plus p * f_inf for the q = 0 < p term: 1 * f(1/2) + 1/2 * 1/2
    assert f_divergence(p, q, _f_tv, f_inf=0.5) == pytest.approx(0.25 + 0.25, rel=1e-15)
    assert total_variation(p, q) == pytest.approx(0.5, rel=1e-15)
    assert f_divergence(p, q, _f_kl, f_inf=math.inf) == math.inf
    assert f_divergence(p, q, _f_reverse_kl, f_inf=0.0) == pytest.approx(1.0 * math.log(1.0 / 0.5))
    # p = q = 0 contributes nothing, so f_inf is not needed
    assert f_divergence([0.5, 0.5, 0.0], [0.5, 0.5, 0.0], _f_kl) == 0.0
    with pytest.raises(ValueError, match="f_inf"):
        f_divergence(p, q, _f_tv)


def test_article_generators_are_off_by_a_factor_two():
    # The reference article writes the JS generator as -(t+1) log((t+1)/2) + t log t
    # and the Hellinger one as (sqrt t - 1)^2: both give twice the divergence.
    p, q = _random_pairs(RNG_SEED + 6, (10, 5))

    def article_js(t):
        return scipy.special.xlogy(t, t) - scipy.special.xlogy(t + 1, (t + 1) / 2)

    def article_hellinger(t):
        return (np.sqrt(t) - 1) ** 2

    np.testing.assert_allclose(f_divergence(p, q, article_js), 2 * js_divergence(p, q), rtol=1e-10)
    np.testing.assert_allclose(
        f_divergence(p, q, article_hellinger), 2 * hellinger_squared(p, q), rtol=1e-10
    )
    # with them, disjoint distributions would exceed the documented maxima log 2 and 1
    assert f_divergence([1, 0], [0, 1], article_js, f_inf=LN2) == pytest.approx(2 * LN2)


# --- numerical edge cases ----------------------------------------------------------------


def test_js_nearly_equal_inputs_never_nan_or_negative():
    rng = np.random.default_rng(RNG_SEED + 7)
    p = rng.dirichlet(np.ones(50), size=200)
    q = p * (1 + 1e-12)
    q /= q.sum(axis=-1, keepdims=True)
    for func in (js_divergence, kl_divergence, hellinger_squared, total_variation, chi_squared):
        out = func(p, q)
        assert not np.isnan(out).any()
        assert (out >= 0).all()
        assert (out < 1e-14).all()
    # the distance is a square root: rounding noise of ~1e-17 in JS becomes ~1e-9
    dist = js_distance(p, q)
    assert not np.isnan(dist).any()
    assert ((dist >= 0) & (dist < 1e-7)).all()


def test_js_scipy_issue_20083_float32_near_identical():
    # scipy returned NaN (sqrt of a tiny negative divergence) for these float32 inputs,
    # which do not sum to 1 and need normalize=True here.
    c1 = np.array([0.027501475, 0.055202297], dtype=np.float32)
    c2 = np.array([0.027537677, 0.055334348], dtype=np.float32)
    js = js_divergence(c1, c2, normalize=True)
    a = c1.astype(np.float64) / c1.astype(np.float64).sum()
    b = c2.astype(np.float64) / c2.astype(np.float64).sum()
    assert js == pytest.approx(ref_js(a, b), rel=1e-6, abs=0.0)
    assert 0.0 < js < 1e-6
    assert not math.isnan(js_distance(c1, c2, normalize=True))
    # proportional inputs: the same distribution, divergence 0 (not NaN)
    assert js_distance(c1, 3 * c1, normalize=True) == pytest.approx(0.0, abs=1e-8)


def test_js_scipy_issue_20779_adjacent_floats():
    x = np.nextafter(0.5, 0.0)
    p, q = [x, 1 - x], [1 - x, x]
    js = js_divergence(p, q)
    assert 0.0 <= js < 1e-15
    assert not math.isnan(js_distance(p, q))


def test_js_scipy_issue_19436_smallest_subnormal():
    # scipy returned inf: (0 + 5e-324) / 2 rounds to 0, making a finite term infinite.
    # p and q are practically equal, so JS is ~5e-324 * log 2 / 2, i.e. 0.
    p, q = [0.0, 1.0], [5e-324, 1.0]
    assert js_divergence(p, q) == pytest.approx(0.0, abs=1e-300)
    assert js_divergence(q, p) == pytest.approx(0.0, abs=1e-300)
    assert js_distance(p, q) == pytest.approx(0.0, abs=1e-150)


def test_f_divergence_when_p_over_q_overflows():
    # q's second entry is subnormal, so p / q overflows to inf although q > 0; the
    # term q f(p / q) must tend to p * f_inf, not become inf, -inf or NaN.
    p, q = [0.5, 0.5], [1.0, 1e-310]
    reverse = kl_divergence(q, p)  # ~ log 2: the subnormal term is ~1e-307
    assert reverse == pytest.approx(LN2, rel=1e-12)
    assert f_divergence(p, q, _f_reverse_kl, f_inf=0.0) == pytest.approx(reverse, rel=1e-12)
    assert f_divergence(p, q, _f_tv, f_inf=0.5) == pytest.approx(total_variation(p, q), rel=1e-12)
    assert f_divergence(p, q, _f_js, f_inf=0.5 * LN2) == pytest.approx(
        js_divergence(p, q), rel=1e-12
    )


def test_kl_accurate_for_subnormal_q():
    # log(0.5 / 1e-310) is finite; the ratio overflows but the divergence does not
    p, q = [0.5, 0.5], [1.0, 1e-310]
    expected = 0.5 * math.log(0.5) + 0.5 * (math.log(0.5) - math.log(1e-310))
    assert kl_divergence(p, q) == pytest.approx(expected, rel=1e-12)


def test_no_runtime_warnings_for_zeros():
    p = [0.5, 0.5, 0.0]
    q = [0.0, 0.5, 0.5]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert kl_divergence(p, q) == math.inf
        assert chi_squared(p, q) == math.inf
        js_divergence(p, q)
        hellinger_squared(p, q)
        total_variation(p, q)


def test_positive_axis_with_different_ndims_is_rejected_not_misaligned():
    # Broadcasting aligns trailing axes: with axis=0, q (3,) would be laid along p's
    # rows, not its columns, and KL computed against a non-distribution.
    p = np.array([[0.2, 0.3, 0.5], [0.3, 0.3, 0.3], [0.5, 0.4, 0.2]])  # columns sum to 1
    q = np.array([0.2, 0.3, 0.5])
    for func in (kl_divergence, js_divergence, total_variation, chi_squared, hellinger_squared):
        with pytest.raises(ValueError, match="axis 0 names different dimensions"):
            func(p, q, axis=0)
    # what was meant, spelled without ambiguity
    expected = [ref_kl(p[:, j], q) for j in range(3)]
    np.testing.assert_allclose(kl_divergence(p, q[:, None], axis=0), expected, rtol=1e-13)
    np.testing.assert_allclose(kl_divergence(p.T, q, axis=-1), expected, rtol=1e-13)


def test_kl_of_large_input_with_subnormal_q_is_finite():
    n = 100_000  # large enough for the fused single-pass path
    p = np.full(n, 1.0 / n)
    q = np.full(n, 1.0 / (n - 1))
    q[0] = 1e-320  # p / q = 1e315 overflows; log p - log q does not
    expected = p[0] * (math.log(p[0]) - math.log(1e-320)) + (1 - p[0]) * math.log(p[1] / q[1])
    assert kl_divergence(p[:10] / p[:10].sum(), np.r_[1e-320, np.full(9, 1 / 9)]) < math.inf
    assert kl_divergence(p, q) == pytest.approx(expected, rel=1e-9)
