"""Hypothesis property tests: the identities and inequalities of information theory.

The strategies (tests/_strategies.py) produce distributions with exact zeros and
subnormal entries as well as ordinary ones, so the properties are checked on the
``0 log 0`` and underflow paths too.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import scipy.special
from _strategies import (
    distribution_pairs,
    distributions,
    joint_tables,
    joint_tables_3d,
    markov_chains,
    outcome_counts,
    ref_entropy,
    renyi_orders,
    stochastic_matrices,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import mutual_info_score, normalized_mutual_info_score

from infotheory import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    binary_entropy,
    conditional_entropy,
    conditional_mutual_information,
    conditional_mutual_information_from_samples,
    cross_entropy,
    entropy,
    entropy_from_counts,
    f_divergence,
    hellinger_squared,
    huffman_code,
    joint_entropy,
    js_distance,
    js_divergence,
    kl_divergence,
    log_softmax,
    mutual_information,
    mutual_information_from_samples,
    normalized_mutual_information_from_samples,
    perplexity,
    renyi_divergence,
    renyi_entropy,
    softmax,
    total_variation,
    tsallis_entropy,
    variation_of_information,
)

LN2 = math.log(2.0)
# Moderate example counts keep the whole module to a few seconds.
FAST = settings(max_examples=60, deadline=None)
# Float slack for sums of a handful of float64 terms of size <= ~750 (log of subnormals).
ATOL = 1e-12

# Bases below 1 are rejected (they would make every quantity negative).
bases = st.floats(min_value=1.01, max_value=1e6)


# --- entropy ----------------------------------------------------------------------------


@FAST
@given(distributions(outcome_counts))
def test_entropy_between_zero_and_log_n(p):
    h = entropy(p)
    assert 0.0 <= h <= math.log(p.size) + ATOL


@FAST
@given(distributions(outcome_counts), bases)
def test_changing_base_divides_by_log_base(p, base):
    np.testing.assert_allclose(entropy(p, base=base), entropy(p) / math.log(base), rtol=1e-12)


@FAST
@given(st.floats(min_value=0.0, max_value=1.0))
def test_binary_entropy_at_most_one_bit(x):
    h = binary_entropy(x, base=2)
    assert 0.0 <= h <= 1.0
    if 1.0 - (1.0 - x) == x:  # symmetric where 1 - x is exact (not for x = 1e-130)
        np.testing.assert_allclose(h, binary_entropy(1.0 - x, base=2), rtol=1e-9, atol=1e-300)


# --- KL and cross-entropy -----------------------------------------------------------------


@FAST
@given(distribution_pairs())
def test_gibbs_inequality(pq):
    p, q = pq
    assert kl_divergence(p, q) >= 0.0
    assert kl_divergence(p, p) == 0.0
    assert kl_divergence(q, q) == 0.0


@FAST
@given(distribution_pairs())
def test_cross_entropy_is_entropy_plus_kl(pq):
    p, q = pq
    kl = kl_divergence(p, q)
    ce = cross_entropy(p, q)
    if math.isinf(kl):  # q misses an outcome of p: both are infinite
        assert ce == math.inf
        assert ((q == 0) & (p > 0)).any()
    else:
        np.testing.assert_allclose(ce, entropy(p) + kl, rtol=1e-10, atol=ATOL)


@FAST
@given(distribution_pairs(), bases)
def test_kl_changing_base_divides_by_log_base(pq, base):
    p, q = pq
    np.testing.assert_allclose(
        kl_divergence(p, q, base=base), kl_divergence(p, q) / math.log(base), rtol=1e-12
    )


@FAST
@given(distribution_pairs())
def test_pinsker_inequality(pq):
    p, q = pq
    assert total_variation(p, q) <= math.sqrt(kl_divergence(p, q) / 2) + 1e-12


@FAST
@given(st.integers(2, 4).flatmap(lambda n: distributions((3, n)).map(lambda a: a)))
def test_batched_kl_equals_row_by_row(ps):
    q = ps[0]
    out = kl_divergence(ps, q)
    assert out.shape == (3,)
    np.testing.assert_allclose(out, [kl_divergence(row, q) for row in ps], rtol=1e-15)


# --- Jensen–Shannon and the bounded divergences --------------------------------------------


@FAST
@given(distribution_pairs())
def test_js_bounded_and_symmetric(pq):
    p, q = pq
    js = js_divergence(p, q)
    assert 0.0 <= js <= LN2
    assert js_divergence(q, p) == js
    assert 0.0 <= js_divergence(p, q, base=2) <= 1.0
    assert js_divergence(p, p) == 0.0


@FAST
@given(outcome_counts.flatmap(lambda n: st.tuples(*[distributions(n)] * 3)))
def test_js_distance_triangle_inequality(pqr):
    p, q, r = pqr
    assert js_distance(p, r) <= js_distance(p, q) + js_distance(q, r) + 1e-12


@FAST
@given(distribution_pairs())
def test_hellinger_total_variation_bounds(pq):
    # with H^2 = 1 - sum sqrt(p q):  H^2 <= TV <= sqrt(2 H^2 - H^4) <= sqrt(2) H
    p, q = pq
    h2, tv = hellinger_squared(p, q), total_variation(p, q)
    assert 0.0 <= h2 <= 1.0
    assert 0.0 <= tv <= 1.0
    assert h2 <= tv + 1e-12
    assert tv <= math.sqrt(max(2 * h2 - h2 * h2, 0.0)) + 1e-12


@FAST
@given(distribution_pairs(q_min_weight=1e-9))
def test_f_divergence_with_t_log_t_is_kl(pq):
    p, q = pq
    got = f_divergence(p, q, lambda t: scipy.special.xlogy(t, t), f_inf=math.inf)
    np.testing.assert_allclose(got, kl_divergence(p, q), rtol=1e-9, atol=ATOL)


# --- mutual information ------------------------------------------------------------------


@FAST
@given(joint_tables())
def test_mutual_information_identities(t):
    hx, hy, hxy = entropy(t.sum(axis=1)), entropy(t.sum(axis=0)), joint_entropy(t)
    mi = mutual_information(t)
    assert mi >= 0.0
    np.testing.assert_allclose(mi, hx + hy - hxy, rtol=1e-9, atol=ATOL)
    # I(X;Y) = KL(P_XY || P_X P_Y), where the product of marginals does not underflow
    # (cells of 1e-236 give products of 0, which mutual_information itself avoids)
    indep = np.outer(t.sum(axis=1), t.sum(axis=0))
    if not ((indep == 0) & (t > 0)).any():
        np.testing.assert_allclose(
            mi, kl_divergence(t, indep, axis=None, normalize=True), rtol=1e-9, atol=ATOL
        )
    # symmetric in X and Y; at most the smaller entropy
    np.testing.assert_allclose(mi, mutual_information(t.T), rtol=1e-12, atol=ATOL)
    assert mi <= min(hx, hy) + ATOL


@FAST
@given(joint_tables())
def test_conditional_entropy_chain_rule_and_bound(t):
    hx, hy, hxy = entropy(t.sum(axis=1)), entropy(t.sum(axis=0)), joint_entropy(t)
    h_y_given_x = conditional_entropy(t)
    assert h_y_given_x >= 0.0
    np.testing.assert_allclose(h_y_given_x, hxy - hx, rtol=1e-9, atol=ATOL)
    # conditioning reduces entropy
    assert h_y_given_x <= hy + ATOL
    np.testing.assert_allclose(conditional_entropy(t.T), hxy - hy, rtol=1e-9, atol=ATOL)


@FAST
@given(joint_tables().flatmap(lambda t: st.tuples(st.just(t), stochastic_matrices(t.shape[1], 3))))
def test_data_processing_inequality(t_k):
    # X -> Y -> Z with P(z | y) = K[y, z]: processing Y cannot add information about X
    t, k = t_k
    pxz = t @ k
    assert mutual_information(pxz, normalize=True) <= mutual_information(t) + ATOL


@FAST
@given(joint_tables(), bases)
def test_mutual_information_changing_base(t, base):
    np.testing.assert_allclose(
        mutual_information(t, base=base),
        mutual_information(t) / math.log(base),
        rtol=1e-12,
        atol=1e-300,
    )


label_pairs = st.integers(1, 60).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(-3, 5), min_size=n, max_size=n),
        st.lists(st.integers(0, 4), min_size=n, max_size=n),
    )
)


@FAST
@given(label_pairs)
def test_plugin_estimate_matches_sklearn_and_miller_madow_formula(xy):
    x, y = xy
    plugin = mutual_information_from_samples(x, y)
    np.testing.assert_allclose(plugin, mutual_info_score(x, y), rtol=1e-10, atol=1e-14)
    # the correction (m_x + m_y - m_xy - 1) / 2n has either sign: it is positive for
    # x = y = [0, 1] (m_xy = 2 < m_x + m_y - 1 = 3), negative for independent labels
    n, mx, my, mxy = len(x), len(set(x)), len(set(y)), len(set(zip(x, y, strict=True)))
    mm = mutual_information_from_samples(x, y, estimator="miller-madow")
    assert mm >= 0.0
    np.testing.assert_allclose(
        mm, max(plugin + (mx + my - mxy - 1) / (2 * n), 0.0), rtol=1e-12, atol=1e-15
    )


# --- losses ---------------------------------------------------------------------------------

logit_vectors = st.lists(
    st.floats(min_value=-1e3, max_value=1e3, allow_nan=False), min_size=1, max_size=8
)


@FAST
@given(logit_vectors, st.floats(min_value=0.05, max_value=50.0))
def test_softmax_is_a_distribution_and_log_softmax_its_log(z, temperature):
    p = softmax(z, temperature=temperature)
    assert (p >= 0).all()
    assert abs(p.sum() - 1.0) < 1e-12
    assert entropy(p) >= 0.0  # a valid input for the rest of the library
    lp = log_softmax(z, temperature=temperature)
    assert (lp <= 0).all()
    ok = p > 1e-300
    np.testing.assert_allclose(np.exp(lp), p, rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(lp[ok], np.log(p[ok]), rtol=1e-12, atol=1e-12)
    # shift invariance
    np.testing.assert_allclose(softmax(np.asarray(z) + 7.0, temperature=temperature), p, atol=1e-12)


@FAST
@given(
    st.floats(min_value=0.0, max_value=1.0),
    st.floats(min_value=-1e4, max_value=1e4, allow_nan=False),
)
def test_bce_with_logits_nonnegative_and_matches_probabilities(y, z):
    loss = binary_cross_entropy_with_logits([y], [z])
    assert loss >= 0.0
    assert math.isfinite(loss)
    # The loss exactly: softplus(z) - y z, with softplus(z) = max(z, 0) + log1p(exp(-|z|)).
    exact = max(z, 0.0) + math.log1p(math.exp(-abs(z))) - y * z
    np.testing.assert_allclose(loss, exact, rtol=1e-12, atol=1e-12 * (1 + abs(z)))
    # Through probabilities, 1 - expit(z) loses about e^z machine epsilons of its
    # relative accuracy (y = 0, z = 20 is already off by 2e-9): compare only
    # where that stays below the tolerance.
    if abs(z) < 15:
        np.testing.assert_allclose(
            loss, binary_cross_entropy([y], [scipy.special.expit(z)]), rtol=1e-9, atol=1e-12
        )


# --- conditional mutual information and the chain rule --------------------------------------


@FAST
@given(joint_tables_3d())
def test_chain_rule_for_mutual_information(t):
    # I(X; Y, Z) = I(X; Z) + I(X; Y | Z), with (Y, Z) flattened into one variable
    nx = t.shape[0]
    cmi = conditional_mutual_information(t)
    assert cmi >= 0.0
    i_x_yz = mutual_information(t.reshape(nx, -1))
    i_x_z = mutual_information(t.sum(axis=1))
    np.testing.assert_allclose(i_x_yz, i_x_z + cmi, rtol=1e-9, atol=ATOL)
    # symmetric in X and Y
    np.testing.assert_allclose(
        cmi, conditional_mutual_information(t.transpose(1, 0, 2)), rtol=1e-9, atol=ATOL
    )
    # at most min(H(X|Z), H(Y|Z))
    assert cmi <= conditional_entropy(t.sum(axis=1).T) + ATOL


@FAST
@given(markov_chains())
def test_data_processing_inequality_on_markov_chains(t):
    # X -> Y -> Z: I(X; Z) <= I(X; Y), and X, Z are independent given Y
    i_xy = mutual_information(t.sum(axis=2), normalize=True)
    i_xz = mutual_information(t.sum(axis=1), normalize=True)
    assert i_xz <= i_xy + ATOL
    # I(X; Z | Y) = 0, i.e. the chain rule gives I(X; Y, Z) = I(X; Y)
    xzy = t.transpose(0, 2, 1) / t.sum()
    assert conditional_mutual_information(xzy) <= 1e-12


label_triples = st.integers(1, 60).flatmap(
    lambda n: st.tuples(*[st.lists(st.integers(0, 3), min_size=n, max_size=n)] * 3)
)


@FAST
@given(label_triples)
def test_cmi_from_samples_is_the_cmi_of_the_empirical_table(xyz):
    x, y, z = (np.array(v) for v in xyz)
    t = np.zeros((4, 4, 4))
    np.add.at(t, (x, y, z), 1.0)
    est = conditional_mutual_information_from_samples(x, y, z)
    np.testing.assert_allclose(est, conditional_mutual_information(t / len(x)), atol=1e-12)


# --- variation of information and NMI ---------------------------------------------------------


@FAST
@given(joint_tables_3d())
def test_variation_of_information_is_a_metric(t):
    pxy, pyz, pxz = t.sum(axis=2), t.sum(axis=0), t.sum(axis=1)
    vi_xy, vi_yz, vi_xz = (variation_of_information(m) for m in (pxy, pyz, pxz))
    assert min(vi_xy, vi_yz, vi_xz) >= 0.0
    assert vi_xz <= vi_xy + vi_yz + ATOL  # triangle inequality
    np.testing.assert_allclose(vi_xy, variation_of_information(pxy.T), rtol=1e-12, atol=ATOL)
    np.testing.assert_allclose(
        vi_xy, joint_entropy(pxy) - mutual_information(pxy), rtol=1e-9, atol=ATOL
    )


@FAST
@given(label_pairs, st.sampled_from(["arithmetic", "geometric", "min", "max"]))
def test_nmi_matches_sklearn(xy, average):
    x, y = xy
    ours = normalized_mutual_information_from_samples(x, y, average=average)
    assert 0.0 <= ours <= 1.0
    np.testing.assert_allclose(
        ours, normalized_mutual_info_score(x, y, average_method=average), rtol=1e-10, atol=1e-12
    )


# --- Rényi and Tsallis ---------------------------------------------------------------------------


@FAST
@given(distributions(outcome_counts), renyi_orders, renyi_orders)
def test_renyi_entropy_is_non_increasing_in_alpha(p, a, b):
    lo, hi = min(a, b), max(a, b)
    h_lo, h_hi = renyi_entropy(p, lo), renyi_entropy(p, hi)
    assert h_hi <= h_lo + 1e-12 * max(1.0, h_lo)
    # all between the min-entropy and the log of the support size
    assert renyi_entropy(p, math.inf) - 1e-12 <= h_hi
    assert h_lo <= math.log(np.count_nonzero(p)) + 1e-12


@FAST
@given(distribution_pairs(), renyi_orders, renyi_orders)
def test_renyi_divergence_is_non_negative_and_non_decreasing_in_alpha(pq, a, b):
    p, q = pq
    lo, hi = min(a, b), max(a, b)
    d_lo, d_hi = renyi_divergence(p, q, lo), renyi_divergence(p, q, hi)
    assert d_lo >= 0.0
    assert d_lo <= d_hi + 1e-12 * max(1.0, d_lo) or d_hi == math.inf
    assert renyi_divergence(p, p, hi) <= 1e-12


@FAST
@given(distributions(outcome_counts))
def test_order_one_is_shannon(p):
    assert renyi_entropy(p, 1) == entropy(p)
    assert tsallis_entropy(p, 1) == entropy(p)
    np.testing.assert_allclose(perplexity(p), math.exp(ref_entropy(p)), rtol=1e-12)
    assert 1.0 <= perplexity(p) <= p.size * (1 + 1e-12)


# --- entropy estimators ------------------------------------------------------------------------

count_vectors = st.lists(st.integers(0, 30), min_size=1, max_size=12).filter(lambda c: sum(c) > 0)


@FAST
@given(count_vectors)
def test_estimators_are_non_negative_and_corrections_are_upward(c):
    plugin = entropy_from_counts(c)
    np.testing.assert_allclose(plugin, ref_entropy([v / sum(c) for v in c]), atol=1e-12)
    assert entropy_from_counts(c, estimator="miller-madow") >= plugin
    assert entropy_from_counts(c, estimator="chao-shen") >= plugin - 1e-12
    assert entropy_from_counts(c, estimator="grassberger") >= 0.0


# --- Huffman codes -------------------------------------------------------------------------------


@FAST
@given(distributions(st.integers(1, 40), allow_subnormal=False))
def test_huffman_is_a_prefix_code_meeting_kraft_and_the_entropy_bounds(p):
    code = huffman_code(p)
    assert len(code) == p.size
    words = sorted(code)
    assert all(w and set(w) <= {"0", "1"} for w in words)
    assert all(not b.startswith(a) for a, b in itertools.pairwise(words))
    kraft = math.fsum(2.0 ** -len(w) for w in code)
    assert kraft <= 1.0 + 1e-15
    h = ref_entropy(p, 2)
    length = math.fsum(float(pi) * len(w) for pi, w in zip(p, code, strict=True))
    assert h - 1e-9 <= length
    if (p > 0).all() and p.size > 1 and p.max() < 1.0:
        assert length < h + 1
