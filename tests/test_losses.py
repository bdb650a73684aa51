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


# --- class weights, ignore_index, pos_weight: PyTorch's semantics ---------------------------
#
# The expected values below are worked from the formulas in PyTorch's documentation
# (torch.nn.CrossEntropyLoss, torch.nn.BCEWithLogitsLoss), one term at a time with math;
# the tests after them compare with torch itself when it is installed.

WLOGITS = [[2.0, 1.0, 0.1], [0.5, 2.5, 0.0], [0.0, 0.0, 3.0]]
WEIGHT = [1.0, 3.0, 0.5]


def _nll(z, c):
    return -math.log(_softmax_by_hand(z)[c])


def test_ce_class_weights_hard_targets_by_hand():
    targets = [0, 1, 1]
    per = [WEIGHT[c] * _nll(z, c) for z, c in zip(WLOGITS, targets, strict=True)]
    # mean divides by the summed weight of the targets, w_0 + w_1 + w_1 = 7
    assert cross_entropy_with_logits(targets, WLOGITS, weight=WEIGHT) == pytest.approx(
        math.fsum(per) / 7.0, rel=1e-14
    )
    assert cross_entropy_with_logits(
        targets, WLOGITS, weight=WEIGHT, reduction="sum"
    ) == pytest.approx(math.fsum(per), rel=1e-14)
    np.testing.assert_allclose(
        cross_entropy_with_logits(targets, WLOGITS, weight=WEIGHT, reduction="none"),
        per,
        rtol=1e-14,
    )
    # unit weights change nothing
    assert cross_entropy_with_logits(targets, WLOGITS, weight=[1.0] * 3) == pytest.approx(
        cross_entropy_with_logits(targets, WLOGITS), rel=1e-15
    )


def test_ce_ignore_index_by_hand():
    targets = [0, -100, 2]
    per = [_nll(WLOGITS[0], 0), 0.0, _nll(WLOGITS[2], 2)]
    out = cross_entropy_with_logits(targets, WLOGITS, ignore_index=-100, reduction="none")
    np.testing.assert_allclose(out, per, rtol=1e-14)
    # mean over the two targets that count
    assert cross_entropy_with_logits(targets, WLOGITS, ignore_index=-100) == pytest.approx(
        math.fsum(per) / 2, rel=1e-14
    )
    # with weights: divided by w_0 + w_2
    weighted = WEIGHT[0] * per[0] + WEIGHT[2] * per[2]
    assert cross_entropy_with_logits(
        targets, WLOGITS, ignore_index=-100, weight=WEIGHT
    ) == pytest.approx(weighted / (WEIGHT[0] + WEIGHT[2]), rel=1e-14)
    # an ignore_index inside [0, n_classes) ignores that class
    assert cross_entropy_with_logits([0, 1, 2], WLOGITS, ignore_index=1) == pytest.approx(
        (per[0] + per[2]) / 2, rel=1e-14
    )


def test_ce_weight_with_label_smoothing_by_hand():
    # PyTorch: (1 - eps) w_c (-log s_c) + eps / K * sum_k w_k (-log s_k), mean / sum w_c
    targets, eps, k = [0, 1, 2], 0.2, 3
    per = []
    for z, c in zip(WLOGITS, targets, strict=True):
        smooth = math.fsum(WEIGHT[j] * _nll(z, j) for j in range(k))
        per.append((1 - eps) * WEIGHT[c] * _nll(z, c) + eps / k * smooth)
    got = cross_entropy_with_logits(targets, WLOGITS, weight=WEIGHT, label_smoothing=eps)
    assert got == pytest.approx(math.fsum(per) / math.fsum(WEIGHT), rel=1e-14)


def test_ce_weight_with_soft_targets_by_hand():
    # PyTorch: -sum_k w_k y_k log s_k per sample; the mean divides by the batch size
    soft = [[0.7, 0.2, 0.1], [0.0, 1.0, 0.0], [0.25, 0.25, 0.5]]
    per = [
        math.fsum(WEIGHT[j] * y[j] * _nll(z, j) for j in range(3))
        for z, y in zip(WLOGITS, soft, strict=True)
    ]
    assert cross_entropy_with_logits(soft, WLOGITS, weight=WEIGHT) == pytest.approx(
        math.fsum(per) / 3, rel=1e-14
    )
    np.testing.assert_allclose(
        cross_entropy_with_logits(soft, WLOGITS, weight=WEIGHT, reduction="none"), per, rtol=1e-14
    )


def test_ce_weighted_mean_of_nothing_raises():
    with pytest.raises(ValueError, match="weighted mean is undefined"):
        cross_entropy_with_logits([-1, -1, -1], WLOGITS, ignore_index=-1)
    with pytest.raises(ValueError, match="weighted mean is undefined"):
        cross_entropy_with_logits([0, 0, 0], WLOGITS, weight=[0.0, 1.0, 1.0])
    # the sum and the per-sample losses are defined
    assert cross_entropy_with_logits([-1, -1, -1], WLOGITS, ignore_index=-1, reduction="sum") == 0


def test_bce_pos_weight_and_weight_by_hand():
    y = [[1.0, 0.0], [1.0, 1.0], [0.0, 0.3]]
    z = [[0.5, -1.0], [-2.0, 3.0], [1.5, 0.2]]
    pos_weight = [2.0, 0.5]  # per class (last axis)
    weight = [[1.0], [0.0], [3.0]]  # per row, broadcast

    def sp(v):
        return math.log1p(math.exp(v))

    per = [
        [
            weight[i][0] * (pos_weight[j] * y[i][j] * sp(-z[i][j]) + (1 - y[i][j]) * sp(z[i][j]))
            for j in range(2)
        ]
        for i in range(3)
    ]
    got = binary_cross_entropy_with_logits(
        y, z, pos_weight=pos_weight, weight=weight, reduction="none"
    )
    np.testing.assert_allclose(got, per, rtol=1e-14)
    flat = [v for row in per for v in row]
    # PyTorch's mean is the plain mean over the 6 elements, not divided by the weights
    assert binary_cross_entropy_with_logits(
        y, z, pos_weight=pos_weight, weight=weight
    ) == pytest.approx(math.fsum(flat) / 6, rel=1e-14)
    assert binary_cross_entropy_with_logits(
        y, z, pos_weight=pos_weight, weight=weight, reduction="sum"
    ) == pytest.approx(math.fsum(flat), rel=1e-14)
    # pos_weight = 1 and weight = 1 change nothing
    assert binary_cross_entropy_with_logits(y, z, pos_weight=1.0, weight=1.0) == pytest.approx(
        binary_cross_entropy_with_logits(y, z), rel=1e-15
    )


def test_bce_pos_weight_exact_for_huge_logits():
    out = binary_cross_entropy_with_logits(
        [1.0, 1.0, 0.0], [-1000.0, 1000.0, 1000.0], pos_weight=0.25, reduction="none"
    )
    np.testing.assert_array_equal(out, [250.0, 0.0, 1000.0])
    assert binary_cross_entropy_with_logits([1.0], [-1000.0], pos_weight=0.0) == 0.0


# --- against torch itself -----------------------------------------------------------------------

try:
    import torch
    from torch.nn import functional as torch_f
except ImportError:  # pragma: no cover - depends on the environment
    torch = None

needs_torch = pytest.mark.skipif(
    torch is None, reason="torch is not installed (the hand-worked tests above still run)"
)


@needs_torch
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("eps", [0.0, 0.15])
def test_ce_weight_and_ignore_index_match_torch(reduction, eps):
    rng = np.random.default_rng(31)
    z = rng.normal(scale=2.0, size=(9, 5))
    t = rng.integers(0, 5, size=9)
    t[[1, 6]] = -100
    w = rng.uniform(0.1, 3.0, size=5)
    ours = cross_entropy_with_logits(
        t, z, weight=w, ignore_index=-100, reduction=reduction, label_smoothing=eps
    )
    theirs = torch_f.cross_entropy(
        torch.tensor(z),
        torch.tensor(t),
        weight=torch.tensor(w),
        ignore_index=-100,
        reduction=reduction,
        label_smoothing=eps,
    ).numpy()
    np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15)
    # soft targets with class weights
    q = rng.dirichlet(np.ones(5), size=9)
    ours = cross_entropy_with_logits(q, z, weight=w, reduction=reduction, label_smoothing=eps)
    theirs = torch_f.cross_entropy(
        torch.tensor(z),
        torch.tensor(q),
        weight=torch.tensor(w),
        reduction=reduction,
        label_smoothing=eps,
    ).numpy()
    np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15)


@needs_torch
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_bce_pos_weight_and_weight_match_torch(reduction):
    rng = np.random.default_rng(32)
    y = rng.random((6, 4))
    y[:3] = np.round(y[:3])
    z = rng.normal(scale=4.0, size=(6, 4))
    pw = rng.uniform(0.1, 5.0, size=4)
    w = rng.uniform(0.0, 2.0, size=(6, 1))
    ours = binary_cross_entropy_with_logits(y, z, pos_weight=pw, weight=w, reduction=reduction)
    theirs = torch_f.binary_cross_entropy_with_logits(
        torch.tensor(z),
        torch.tensor(y),
        pos_weight=torch.tensor(pw),
        weight=torch.tensor(w),
        reduction=reduction,
    ).numpy()
    np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15)
