"""The chunked (fused) kernels behind entropy, cross_entropy and kl_divergence.

They validate and reduce a large 1-D float64 distribution in one pass over
cache-sized chunks.  These tests pin the chunk boundaries, the conventions
(0 log 0 = 0, inf where q = 0 < p, clipping, numpy scalars), the error
messages (identical to the generic path) and the absence of full-size
temporaries.  No timing here: see scripts/benchmark.py.
"""

from __future__ import annotations

import math
import tracemalloc

import numpy as np
import pytest
from scipy import special
from sklearn.metrics import mutual_info_score

from infotheory import (
    _kernels,
    _validation,
    cross_entropy,
    entropy,
    kl_divergence,
    mutual_information_from_samples,
)

CHUNK = _kernels.CHUNK
SIZES_AROUND_CHUNK = [CHUNK, CHUNK + 1, 2 * CHUNK - 1, 2 * CHUNK, 2 * CHUNK + 1, 3 * CHUNK + 7]


def _dist(n: int, seed: int) -> np.ndarray:
    p = np.random.default_rng(seed).random(n)
    return p / p.sum()


def _ref_entropy(p: np.ndarray) -> float:
    return float(np.sum(special.entr(p)))


def _ref_kl(p: np.ndarray, q: np.ndarray) -> float:
    return float(np.sum(special.rel_entr(p, q)))


def _ref_cross(p: np.ndarray, q: np.ndarray) -> float:
    return float(-np.sum(special.xlogy(p, q)))


# --- which inputs take the fused path -----------------------------------------------------


def test_flat_view_applies_to_large_1d_float64_without_copying():
    p = _dist(CHUNK, 0)
    for axis in (-1, 0, np.int64(0), None):
        view = _kernels.flat_view(p, axis)
        assert view is not None
        assert np.shares_memory(view, p)


@pytest.mark.parametrize("order", ["C", "F"])
def test_flat_view_axis_none_takes_contiguous_nd_arrays(order):
    p = np.asarray(_dist(4 * CHUNK, 1).reshape(4, CHUNK), order=order)
    view = _kernels.flat_view(p, None)
    assert view is not None
    assert view.ndim == 1
    assert np.shares_memory(view, p)
    assert entropy(p, axis=None) == pytest.approx(_ref_entropy(p), rel=1e-12)


@pytest.mark.parametrize(
    ("x", "axis"),
    [
        (_dist(CHUNK, 2).tolist(), -1),  # a list: generic path
        (_dist(CHUNK, 2).astype(np.float32), -1),  # other dtype: keeps its own tolerance
        (_dist(CHUNK - 1, 2), -1),  # small
        (_dist(2 * CHUNK, 2).reshape(2, CHUNK), -1),  # a batch of distributions
        (_dist(2 * CHUNK, 2).reshape(2, CHUNK)[:, ::2], None),  # not contiguous
        (_dist(CHUNK, 2), 1),  # bad axis: the generic path raises
        (_dist(CHUNK, 2), True),
    ],
)
def test_flat_view_declines_everything_else(x, axis):
    assert _kernels.flat_view(x, axis) is None


@pytest.mark.parametrize(("order_p", "order_q"), [("C", "F"), ("F", "C"), ("F", "F")])
def test_axis_none_pairs_with_different_memory_orders_stay_aligned(order_p, order_q):
    p = np.asarray(_dist(4 * CHUNK, 30).reshape(4, CHUNK), order=order_p)
    q = np.asarray(_dist(4 * CHUNK, 31).reshape(4, CHUNK), order=order_q)
    assert kl_divergence(p, q, axis=None) == pytest.approx(_ref_kl(p, q), rel=1e-12)
    assert cross_entropy(p, q, axis=None) == pytest.approx(_ref_cross(p, q), rel=1e-12)


def test_fused_path_is_the_one_taken(monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("generic validation should not run for valid large input")

    monkeypatch.setattr(_validation, "probabilities", boom)
    monkeypatch.setattr(_validation, "probability_pair", boom)
    p, q = _dist(2 * CHUNK + 3, 3), _dist(2 * CHUNK + 3, 4)
    entropy(p)
    kl_divergence(p, q)
    cross_entropy(p, q)


# --- equality with the simple formula ---------------------------------------------------


@pytest.mark.parametrize("n", SIZES_AROUND_CHUNK)
def test_public_functions_match_simple_formula_around_chunk_sizes(n):
    p, q = _dist(n, n), _dist(n, n + 1)
    assert entropy(p) == pytest.approx(_ref_entropy(p), rel=1e-12)
    assert kl_divergence(p, q) == pytest.approx(_ref_kl(p, q), rel=1e-12)
    assert cross_entropy(p, q) == pytest.approx(_ref_cross(p, q), rel=1e-12)


@pytest.mark.parametrize("chunk", [1, 2, 7, 8, 64])
@pytest.mark.parametrize("n", [1, 2, 6, 7, 8, 9, 14, 15, 16, 63, 64, 65, 200])
def test_kernels_match_simple_formula_for_any_chunk_length(n, chunk):
    p, q = _dist(n, 10 * n + chunk), _dist(n, 10 * n + chunk + 1)
    assert _kernels.entropy_fused(p, chunk=chunk) == pytest.approx(_ref_entropy(p), rel=1e-12)
    assert _kernels.kl_fused(p, q, chunk=chunk) == pytest.approx(
        _ref_kl(p, q), rel=1e-12, abs=1e-15
    )
    assert _kernels.cross_entropy_fused(p, q, chunk=chunk) == pytest.approx(
        _ref_cross(p, q), rel=1e-12
    )


def test_results_are_numpy_scalars_and_base_converts():
    p, q = _dist(CHUNK + 5, 5), _dist(CHUNK + 5, 6)
    for f, args in ((entropy, (p,)), (kl_divergence, (p, q)), (cross_entropy, (p, q))):
        nats = f(*args)
        assert isinstance(nats, np.float64)
        assert f(*args, base=2) == pytest.approx(nats / math.log(2), rel=1e-15)
        assert f(*args, base=10) == pytest.approx(nats / math.log(10), rel=1e-15)


def test_strided_1d_input_works_without_copy():
    p = _dist(4 * CHUNK, 7)[::2]
    p = p / p.sum()
    assert _kernels.flat_view(p, -1) is not None
    assert entropy(p) == pytest.approx(_ref_entropy(p), rel=1e-12)


def test_batched_input_keeps_working():
    rows = np.stack([_dist(CHUNK + 3, s) for s in range(3)])
    qs = np.stack([_dist(CHUNK + 3, s + 10) for s in range(3)])
    np.testing.assert_allclose(entropy(rows), [_ref_entropy(r) for r in rows], rtol=1e-12)
    np.testing.assert_allclose(
        kl_divergence(rows, qs), [_ref_kl(a, b) for a, b in zip(rows, qs, strict=True)], rtol=1e-12
    )
    # broadcasting one q against a batch of p
    np.testing.assert_allclose(
        kl_divergence(rows, qs[0]), [_ref_kl(a, qs[0]) for a in rows], rtol=1e-12
    )


# --- zeros and infinities at the chunk edges ---------------------------------------------


def _edges(n: int) -> list[int]:
    return [0, CHUNK - 1, CHUNK, CHUNK + 1, n - 1]


@pytest.mark.parametrize("n", [2 * CHUNK, 2 * CHUNK + 1])
def test_zeros_at_chunk_edges_follow_0log0(n):
    p = _dist(n, 11)
    p[_edges(n)] = 0.0
    p /= p.sum()
    q = _dist(n, 12)
    q[_edges(n)] = 0.0  # p = q = 0 there: the term is 0, not NaN
    q /= q.sum()
    h, d, c = entropy(p), kl_divergence(p, q), cross_entropy(p, q)
    assert h == pytest.approx(_ref_entropy(p), rel=1e-12)
    assert d == pytest.approx(_ref_kl(p, q), rel=1e-12)
    assert c == pytest.approx(_ref_cross(p, q), rel=1e-12)
    assert all(math.isfinite(v) for v in (h, d, c))
    # p = 0 where q > 0 contributes nothing to KL either
    assert kl_divergence(p, _dist(n, 13)) == pytest.approx(_ref_kl(p, _dist(n, 13)), rel=1e-12)


def test_a_whole_chunk_of_zeros():
    p = _dist(3 * CHUNK, 14)
    p[CHUNK : 2 * CHUNK] = 0.0
    p /= p.sum()
    assert entropy(p) == pytest.approx(_ref_entropy(p), rel=1e-12)
    assert kl_divergence(p, p) == 0.0


def test_point_mass_has_zero_entropy():
    p = np.zeros(2 * CHUNK + 1)
    p[CHUNK] = 1.0
    h = entropy(p)
    assert h == 0.0
    assert not np.signbit(h)


@pytest.mark.parametrize("where", [0, CHUNK - 1, CHUNK, 2 * CHUNK])
def test_q_zero_where_p_positive_is_inf(where):
    n = 2 * CHUNK + 1
    p, q = _dist(n, 15), _dist(n, 16)
    q[where] = 0.0
    q /= q.sum()
    assert kl_divergence(p, q) == math.inf
    assert cross_entropy(p, q) == math.inf
    # the other way round the zero sits in p: finite
    assert math.isfinite(kl_divergence(q, p))
    assert kl_divergence(q, p) == pytest.approx(_ref_kl(q, p), rel=1e-12)


@pytest.mark.parametrize("where", [0, CHUNK - 1, CHUNK, 2 * CHUNK])
def test_subnormal_q_gives_a_finite_kl_as_rel_entr_does(where):
    # p / q overflows to inf although q > 0; log p - log q is finite
    n = 2 * CHUNK + 1
    p, q = _dist(n, 26), _dist(n, 27)
    q[where] = 1e-320
    q /= q.sum()
    assert math.isfinite(kl_divergence(p, q))
    assert kl_divergence(p, q) == pytest.approx(_ref_kl(p, q), rel=1e-12)
    # with a true zero elsewhere in the same chunk the answer is still inf
    q[where + 1 if where < n - 1 else where - 1] = 0.0
    assert kl_divergence(p, q / q.sum()) == math.inf


def test_results_never_negative():
    rng = np.random.default_rng(17)
    for _ in range(5):
        p = _dist(CHUNK + 1, int(rng.integers(1 << 30)))
        q = p * (1 + 1e-15 * rng.standard_normal(p.size))
        assert kl_divergence(p, q) >= 0.0
        assert kl_divergence(p, p) == 0.0


# --- invalid input: same errors as the generic path ---------------------------------------


def _generic_message(x: np.ndarray) -> str:
    """The message of the generic validation, which a list input always goes through."""
    with pytest.raises(ValueError) as info:
        _validation.probabilities(x, "p")
    return str(info.value)


@pytest.mark.parametrize(
    ("value", "where", "expected"),
    [
        (math.nan, CHUNK, f"p must be finite, found nan at index {CHUNK}"),
        (math.inf, CHUNK - 1, f"p must be finite, found inf at index {CHUNK - 1}"),
        (-math.inf, 0, "p must be finite, found -inf at index 0"),
        (-0.25, CHUNK + 1, f"p has a negative entry: -0.25 at index {CHUNK + 1}"),
    ],
)
def test_bad_entries_raise_the_generic_message(value, where, expected):
    p = _dist(2 * CHUNK + 1, 18)
    p[where] = value
    with pytest.raises(ValueError) as info:
        entropy(p)
    assert str(info.value) == expected == _generic_message(p)
    good = _dist(2 * CHUNK + 1, 19)
    for f in (kl_divergence, cross_entropy):
        with pytest.raises(ValueError, match=r"^p "):
            f(p, good)
        with pytest.raises(ValueError) as info:
            f(good, p)
        assert str(info.value) == expected.replace("p ", "q ", 1)


def test_negative_entries_in_both_at_the_same_index_are_caught():
    # (-a) / (-b) > 0: the logarithm alone would not notice
    p, q = _dist(CHUNK + 1, 20), _dist(CHUNK + 1, 21)
    p[3], q[3] = -p[3], -q[3]
    with pytest.raises(ValueError, match="p has a negative entry"):
        kl_divergence(p, q)
    with pytest.raises(ValueError, match="p has a negative entry"):
        cross_entropy(p, q)


def test_wrong_sum_raises_the_generic_message():
    p = _dist(2 * CHUNK, 22) * 1.5
    expected = (
        "p sums to 1.5, expected 1 (off by +0.5; the tolerance is 1e-06); "
        "pass normalize=True to rescale"
    )
    with pytest.raises(ValueError) as info:
        entropy(p)
    assert str(info.value) == expected == _generic_message(p)
    # within the tolerance is accepted
    assert math.isfinite(entropy(p / 1.5 * (1 + 1e-9)))


@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")
def test_overflowing_sum_of_finite_entries_is_a_sum_error():
    p = np.zeros(CHUNK)
    p[:2] = 1e308
    with pytest.raises(ValueError, match="p sums to inf, expected 1"):
        entropy(p)


def test_mismatched_lengths_raise_the_generic_message():
    with pytest.raises(ValueError, match="p has 32769 outcomes along axis -1 but q has 32770"):
        kl_divergence(_dist(CHUNK + 1, 0), _dist(CHUNK + 2, 0))
    with pytest.raises(ValueError, match="with axis=None they must match"):
        kl_divergence(_dist(2 * CHUNK, 0), _dist(2 * CHUNK, 0).reshape(2, CHUNK), axis=None)


def test_normalize_goes_through_the_generic_path():
    counts = np.random.default_rng(23).integers(0, 5, CHUNK + 9).astype(np.float64)
    assert entropy(counts, normalize=True) == pytest.approx(
        _ref_entropy(counts / counts.sum()), rel=1e-12
    )


# --- memory --------------------------------------------------------------------------------


def test_no_full_size_temporaries():
    n = 1 << 20  # 8 MiB per array
    p, q = _dist(n, 24), _dist(n, 25)
    for f, args in ((entropy, (p,)), (kl_divergence, (p, q)), (cross_entropy, (p, q))):
        tracemalloc.start()
        f(*args)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        # one chunk buffer (256 KiB) and small bookkeeping, far below one copy (8 MiB)
        assert peak < 2 * 8 * CHUNK, (f.__name__, peak)


# --- joint label counts for mutual_information_from_samples ---------------------------------


@pytest.mark.parametrize("n", [1, 7, 8, 9, 64, 65, 1000])
@pytest.mark.parametrize(("kx", "ky"), [(1, 1), (2, 3), (3, 1), (40, 50)])
def test_pair_counts_equal_bincount(n, kx, ky):
    rng = np.random.default_rng(n * 1000 + kx * 10 + ky)
    cx = rng.integers(0, kx, n).astype(np.intp)
    cy = rng.integers(0, ky, n).astype(np.intp)
    expected = np.bincount(cx * ky + cy, minlength=kx * ky)
    # chunk=32 takes the chunked branch whenever the table has <= 8 cells
    for chunk in (8, 32, 1 << 16):
        got = _kernels.pair_counts(cx, ky, cy, kx * ky, chunk=chunk)
        np.testing.assert_array_equal(got, expected)
        assert got.dtype == np.intp


def test_mutual_information_from_samples_uses_no_full_size_temporary():
    rng = np.random.default_rng(28)
    x = rng.integers(0, 100, 1 << 20)  # 8 MiB of labels
    y = (x + rng.integers(0, 30, x.size)) % 100
    tracemalloc.start()
    mi = mutual_information_from_samples(x, y)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 2 * 2**20
    assert mi == pytest.approx(mutual_info_score(x, y), rel=1e-12)
