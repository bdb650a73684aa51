"""Softmax, label smoothing and the classification losses."""

from __future__ import annotations

import itertools
import math
import warnings

import numpy as np
import pytest
import scipy.special
from sklearn.metrics import log_loss

from infotheory import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    cross_entropy_with_logits,
    entropy,
    log_softmax,
    smooth_labels,
    softmax,
)

TEACHER = [x / 10 for x in (20, 10, 5, 1, -5)]


def _softmax_by_hand(z, t=1.0):
    e = [math.exp(v / t) for v in z]
    s = math.fsum(e)
    return [v / s for v in e]


# --- softmax and log-softmax ------------------------------------------------------------


@pytest.mark.parametrize("temperature", [0.5, 1, 2, 5, 10])
def test_softmax_teacher_logits_at_each_temperature(temperature):
    got = softmax(TEACHER, temperature=temperature)
    assert isinstance(got, np.ndarray)
    assert got.shape == (5,)
    np.testing.assert_allclose(got, _softmax_by_hand(TEACHER, temperature), rtol=1e-14)
    assert got.sum() == pytest.approx(1.0, rel=1e-15)
    np.testing.assert_allclose(
        log_softmax(TEACHER, temperature=temperature),
        [math.log(v) for v in _softmax_by_hand(TEACHER, temperature)],
        rtol=1e-14,
    )


def test_temperature_flattens_the_distribution():
    hs = [entropy(softmax(TEACHER, temperature=t)) for t in (0.5, 1, 2, 5, 10)]
    assert all(a < b for a, b in itertools.pairwise(hs))
    assert hs[-1] < math.log(5)
    np.testing.assert_allclose(softmax(TEACHER, temperature=1e6), 0.2, rtol=1e-5)
    assert softmax(TEACHER, temperature=1e-3)[0] == pytest.approx(1.0)


def test_softmax_matches_scipy():
    rng = np.random.default_rng(0)
    z = rng.normal(scale=5.0, size=(6, 4, 9))
    np.testing.assert_allclose(softmax(z), scipy.special.softmax(z, axis=-1), rtol=1e-13)
    np.testing.assert_allclose(softmax(z, axis=0), scipy.special.softmax(z, axis=0), rtol=1e-13)
    np.testing.assert_allclose(
        log_softmax(z), scipy.special.log_softmax(z, axis=-1), rtol=1e-13, atol=1e-14
    )
    np.testing.assert_allclose(
        log_softmax(z, axis=1), scipy.special.log_softmax(z, axis=1), rtol=1e-13, atol=1e-14
    )
    np.testing.assert_allclose(
        softmax(z, temperature=3.0), scipy.special.softmax(z / 3.0, axis=-1), rtol=1e-13
    )


def test_softmax_of_huge_logits_does_not_overflow():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow warning either
        np.testing.assert_array_equal(softmax([1000.0, 1000.0]), [0.5, 0.5])
        np.testing.assert_array_equal(softmax([1e308, 1e308]), [0.5, 0.5])
        np.testing.assert_array_equal(softmax([1e308, -1e308]), [1.0, 0.0])
        np.testing.assert_array_equal(softmax([1e308, -1e308], temperature=0.5), [1.0, 0.0])
        np.testing.assert_array_equal(log_softmax([1e308, 1e308]), [-math.log(2)] * 2)
        np.testing.assert_allclose(softmax([-1000.0, -1001.0]), _softmax_by_hand([0.0, -1.0]))


def test_log_softmax_exact_where_log_of_softmax_underflows():
    np.testing.assert_array_equal(log_softmax([0.0, -1000.0]), [0.0, -1000.0])
    np.testing.assert_array_equal(log_softmax([1000.0, 0.0]), [0.0, -1000.0])
    with np.errstate(divide="ignore"):
        assert np.log(softmax([0.0, -1000.0]))[1] == -math.inf  # what log_softmax avoids


def test_masked_classes():
    p = softmax([0.0, -math.inf, 0.0])
    np.testing.assert_array_equal(p, [0.5, 0.0, 0.5])
    lp = log_softmax([0.0, -math.inf, 0.0])
    np.testing.assert_array_equal(lp, [-math.log(2), -math.inf, -math.log(2)])
    # a zero target on the masked class contributes 0, not 0 * -inf = NaN
    loss = cross_entropy_with_logits([[0.5, 0.0, 0.5]], [[0.0, -math.inf, 0.0]])
    assert loss == pytest.approx(math.log(2), rel=1e-15)


# --- label smoothing --------------------------------------------------------------------


def test_smooth_labels_five_classes():
    # eps / K = 0.02 on every class, plus 1 - eps on the true one
    np.testing.assert_allclose(
        smooth_labels(2, n_classes=5, smoothing=0.1), [0.02, 0.02, 0.92, 0.02, 0.02], rtol=1e-15
    )
    batch = smooth_labels([[0, 4], [1, 1]], n_classes=5, smoothing=0.1)
    assert batch.shape == (2, 2, 5)
    np.testing.assert_allclose(batch.sum(axis=-1), 1.0, rtol=1e-15)
    assert batch[0, 1, 4] == pytest.approx(0.92, rel=1e-15)
    np.testing.assert_array_equal(smooth_labels([1, 0], 3, 0.0), [[0, 1, 0], [1, 0, 0]])
    # integer-valued floats are accepted as class indices
    np.testing.assert_array_equal(smooth_labels(np.array([1.0]), 3, 0.0), [[0, 1, 0]])


# --- cross-entropy from logits -------------------------------------------------------------


def test_cross_entropy_with_logits_hard_targets():
    logits = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.0]])
    targets = [0, 1]
    per_sample = [-math.log(_softmax_by_hand(z)[t]) for z, t in zip(logits, targets, strict=True)]
    out = cross_entropy_with_logits(targets, logits, reduction="none")
    np.testing.assert_allclose(out, per_sample, rtol=1e-14)
    assert cross_entropy_with_logits(targets, logits) == pytest.approx(
        sum(per_sample) / 2, rel=1e-14
    )
    assert cross_entropy_with_logits(targets, logits, reduction="sum") == pytest.approx(
        sum(per_sample), rel=1e-14
    )
    assert cross_entropy_with_logits(targets, logits, base=2) == pytest.approx(
        sum(per_sample) / 2 / math.log(2), rel=1e-14
    )
    # the cross-entropy of the one-hot target with the softmax probabilities
    np.testing.assert_allclose(out, cross_entropy(np.eye(3)[targets], softmax(logits)), rtol=1e-13)
    assert cross_entropy_with_logits([0], [[1000.0, 0.0]]) == 0.0
    assert cross_entropy_with_logits([1], [[1000.0, 0.0]]) == 1000.0


def test_cross_entropy_with_logits_soft_targets_and_smoothing():
    rng = np.random.default_rng(1)
    logits = rng.normal(size=(8, 5))
    labels = rng.integers(0, 5, size=8)
    logp = scipy.special.log_softmax(logits, axis=-1)
    eps = 0.1
    # PyTorch's label smoothing: (1 - eps) * NLL + eps * mean over classes of -log p
    torch_style = (1 - eps) * -logp[np.arange(8), labels] + eps * -logp.mean(axis=-1)
    np.testing.assert_allclose(
        cross_entropy_with_logits(labels, logits, label_smoothing=eps, reduction="none"),
        torch_style,
        rtol=1e-13,
    )
    soft = smooth_labels(labels, 5, eps)
    np.testing.assert_allclose(
        cross_entropy_with_logits(soft, logits, reduction="none"), torch_style, rtol=1e-13
    )
    # soft targets with smoothing: mixed with the uniform distribution first
    q = rng.dirichlet(np.ones(5), size=8)
    mixed = (1 - eps) * q + eps / 5
    np.testing.assert_allclose(
        cross_entropy_with_logits(q, logits, label_smoothing=eps, reduction="none"),
        -(mixed * logp).sum(axis=-1),
        rtol=1e-13,
    )


# --- binary cross-entropy ----------------------------------------------------------------

Y = [1, 1, 0, 0, 1]
Y_HAT = [x / 10 for x in (9, 7, 3, 1, 8)]


def test_binary_cross_entropy_article_batch():
    # y = 1 costs -log(y_hat), y = 0 costs -log(1 - y_hat)
    per_sample = [-math.log(0.9), -math.log(0.7), -math.log(0.7), -math.log(0.9), -math.log(0.8)]
    assert binary_cross_entropy(Y, Y_HAT) == pytest.approx(math.fsum(per_sample) / 5, rel=1e-14)
    assert binary_cross_entropy(Y, Y_HAT, reduction="sum") == pytest.approx(
        math.fsum(per_sample), rel=1e-14
    )
    np.testing.assert_allclose(
        binary_cross_entropy(Y, Y_HAT, reduction="none"), per_sample, rtol=1e-14
    )
    assert binary_cross_entropy(Y, Y_HAT, base=2) == pytest.approx(
        math.fsum(per_sample) / 5 / math.log(2), rel=1e-14
    )


def test_binary_cross_entropy_matches_sklearn_log_loss():
    rng = np.random.default_rng(2)
    y = rng.integers(0, 2, size=200)
    p = rng.uniform(0.01, 0.99, size=200)
    assert binary_cross_entropy(y, p) == pytest.approx(log_loss(y, p, labels=[0, 1]), rel=1e-12)


def test_binary_cross_entropy_limits_without_clipping():
    assert binary_cross_entropy([1.0], [0.0]) == math.inf
    assert binary_cross_entropy([0.0], [1.0]) == math.inf
    assert binary_cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0
    # soft target: the loss is the cross-entropy of Bernoulli(y) with Bernoulli(y_hat)
    assert binary_cross_entropy([0.3], [0.6]) == pytest.approx(
        -(0.3 * math.log(0.6) + 0.7 * math.log(0.4)), rel=1e-14
    )
    # log1p keeps tiny predictions exact: -log(1 - 1e-20) = 1e-20
    assert binary_cross_entropy([0.0], [1e-20]) == pytest.approx(1e-20, rel=1e-14, abs=0.0)


def test_bce_with_logits_exact_for_huge_logits():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = binary_cross_entropy_with_logits(
            [1, 0, 1, 0], [1000.0, -1000.0, -1000.0, 1000.0], reduction="none"
        )
    np.testing.assert_array_equal(out, [0.0, 0.0, 1000.0, 1000.0])


def test_bce_with_logits_accurate_for_moderate_logits():
    # y = 1, z = 30: -log sigmoid(30) = log(1 + e^-30) = log1p(e^-30) ~ 9.4e-14
    assert binary_cross_entropy_with_logits([1.0], [30.0]) == pytest.approx(
        math.log1p(math.exp(-30.0)), rel=1e-12, abs=0.0
    )
    assert binary_cross_entropy_with_logits([0.0], [-30.0]) == pytest.approx(
        math.log1p(math.exp(-30.0)), rel=1e-12, abs=0.0
    )
    assert binary_cross_entropy_with_logits([0.0], [30.0]) == pytest.approx(
        30.0 + math.log1p(math.exp(-30.0)), rel=1e-15
    )


def test_bce_with_logits_agrees_with_probabilities():
    rng = np.random.default_rng(4)
    z = rng.normal(scale=3.0, size=100)
    y = rng.random(100)  # soft targets
    np.testing.assert_allclose(
        binary_cross_entropy_with_logits(y, z, reduction="none"),
        binary_cross_entropy(y, scipy.special.expit(z), reduction="none"),
        rtol=1e-10,
    )
