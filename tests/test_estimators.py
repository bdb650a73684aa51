"""Entropy from counts: each estimator by hand, the edge cases, and the bias on simulated data."""

from __future__ import annotations

import math

import numpy as np
import pytest
from _strategies import ref_entropy

from infotheory import entropy, entropy_from_counts

EULER_GAMMA = 0.57721566490153286061
ESTIMATORS = ["plugin", "miller-madow", "grassberger", "chao-shen"]
COUNTS = [4, 2, 1, 1, 0]


def _g_by_recurrence(n: int) -> float:
    """Grassberger's G(n) from the recurrence of his 2003 paper (no digamma)."""
    g = {1: -EULER_GAMMA - math.log(2), 2: 2 - EULER_GAMMA - math.log(2)}
    for m in range(3, n + 1):
        g[m] = g[m - 1] if m % 2 else g[m - 2] + 2 / (m - 1)
    return g[n]


def _chao_shen_by_hand(counts):
    seen = [c for c in counts if c > 0]
    n = sum(seen)
    f1 = sum(1 for c in seen if c == 1)
    if f1 == n:
        f1 = n - 1
    coverage = 1 - f1 / n
    terms = []
    for c in seen:
        pa = coverage * c / n
        terms.append(-pa * math.log(pa) / (1 - (1 - pa) ** n))
    return math.fsum(terms)


def test_grassberger_g_recurrence_values():
    # the recurrence itself, against its closed-form start values
    assert _g_by_recurrence(3) == _g_by_recurrence(2)
    assert _g_by_recurrence(4) == pytest.approx(_g_by_recurrence(2) + 2 / 3, rel=1e-15)


def test_each_estimator_by_hand():
    n, m = 8, 4
    plugin = ref_entropy([c / n for c in COUNTS])
    assert plugin == pytest.approx(1.75 * math.log(2), rel=1e-15)
    expected = {
        "plugin": plugin,
        "miller-madow": plugin + (m - 1) / (2 * n),
        "grassberger": math.log(n) - math.fsum(c * _g_by_recurrence(c) for c in COUNTS if c) / n,
        "chao-shen": _chao_shen_by_hand(COUNTS),
    }
    for est, value in expected.items():
        assert entropy_from_counts(COUNTS, estimator=est) == pytest.approx(value, rel=1e-13), est
        assert entropy_from_counts(COUNTS, estimator=est, base=2) == pytest.approx(
            value / math.log(2), rel=1e-13
        ), est


def test_plugin_equals_entropy_of_the_frequencies():
    counts = np.array([3, 0, 7, 1, 9])
    assert entropy_from_counts(counts) == pytest.approx(entropy(counts / counts.sum()), rel=1e-15)


def test_integer_valued_floats_are_counts():
    for est in ESTIMATORS:
        assert entropy_from_counts(np.array(COUNTS, dtype=float), estimator=est) == (
            entropy_from_counts(COUNTS, estimator=est)
        )


def test_corrections_only_add_for_miller_madow_and_chao_shen():
    rng = np.random.default_rng(3)
    counts = rng.integers(0, 6, size=(50, 12))
    counts[:, 0] += 1  # every histogram has an observation
    plugin = entropy_from_counts(counts)
    assert (entropy_from_counts(counts, estimator="miller-madow") >= plugin).all()
    assert (entropy_from_counts(counts, estimator="chao-shen") >= plugin - 1e-12).all()


def test_single_occupied_outcome():
    # one outcome seen N times: no uncertainty observed
    for est in ("plugin", "miller-madow", "chao-shen"):
        assert entropy_from_counts([5, 0, 0], estimator=est) == 0.0
    # Grassberger: log N - G(N) is 0.213 for N = 5 and negative (-0.036) for N = 2,
    # which is clipped at 0
    assert entropy_from_counts([5], estimator="grassberger") == pytest.approx(
        math.log(5) - _g_by_recurrence(5), rel=1e-13
    )
    assert math.log(2) - _g_by_recurrence(2) < 0
    assert entropy_from_counts([2, 0], estimator="grassberger") == 0.0


def test_chao_shen_all_singletons_edge_case():
    # f1 = N would give coverage 0; f1 = N - 1 is used: C = 1 / N
    counts = [1, 1, 1, 0]
    coverage = 1 / 3  # 1 - (N - 1) / N with N = 3
    pa = coverage * 1 / 3
    expected = -3 * pa * math.log(pa) / (1 - (1 - pa) ** 3)
    assert expected == pytest.approx(_chao_shen_by_hand(counts), rel=1e-15)
    assert entropy_from_counts(counts, estimator="chao-shen") == pytest.approx(expected, rel=1e-13)
    # a single observation: f1 = N = 1 -> f1 = 0, C = 1, and the entropy is 0
    assert entropy_from_counts([1], estimator="chao-shen") == 0.0


def test_batched_along_an_axis():
    counts = np.array([[4, 2, 1, 1], [1, 1, 1, 1], [10, 0, 0, 5]])
    for est in ESTIMATORS:
        out = entropy_from_counts(counts, estimator=est)
        assert isinstance(out, np.ndarray)
        assert out.shape == (3,)
        rows = [entropy_from_counts(r, estimator=est) for r in counts]
        np.testing.assert_allclose(out, rows, rtol=1e-14)
        np.testing.assert_allclose(entropy_from_counts(counts.T, estimator=est, axis=0), out)
        assert entropy_from_counts(counts, estimator=est, axis=None) == pytest.approx(
            entropy_from_counts(counts.ravel(), estimator=est), rel=1e-15
        )


# --- bias on simulated data -----------------------------------------------------------------


def _zipf(k):
    w = 1.0 / np.arange(1, k + 1)
    return w / w.sum()


SCENARIOS = {
    # (true distribution, sample size): all with N not much larger than the support
    "uniform-10-N20": (np.full(10, 0.1), 20),
    "zipf-20-N30": (_zipf(20), 30),
    "geometric-8-N10": (0.5 ** np.arange(1, 9) / np.sum(0.5 ** np.arange(1, 9)), 10),
    "uniform-100-N50": (np.full(100, 0.01), 50),
}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_each_correction_reduces_the_plugin_bias_for_small_samples(scenario):
    p, n = SCENARIOS[scenario]
    truth = ref_entropy(p)
    rng = np.random.default_rng(20031955)
    counts = rng.multinomial(n, p, size=4000)  # 4000 replicates, one histogram each
    bias = {
        est: abs(float(np.mean(entropy_from_counts(counts, estimator=est))) - truth)
        for est in ESTIMATORS
    }
    # the plug-in estimate is biased downwards, by about (m - 1) / 2N or more
    assert np.mean(entropy_from_counts(counts)) < truth - 0.1
    for est in ESTIMATORS[1:]:
        assert bias[est] < bias["plugin"], (est, bias)


def test_mean_absolute_bias_over_the_scenarios():
    rng = np.random.default_rng(7)
    errors = {est: [] for est in ESTIMATORS}
    for p, n in SCENARIOS.values():
        counts = rng.multinomial(n, p, size=2000)
        for est in ESTIMATORS:
            est_mean = float(np.mean(entropy_from_counts(counts, estimator=est)))
            errors[est].append(abs(est_mean - ref_entropy(p)))
    plugin = np.mean(errors["plugin"])
    for est in ESTIMATORS[1:]:
        assert np.mean(errors[est]) < 0.7 * plugin, (est, errors)
