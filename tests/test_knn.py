"""k-nearest-neighbour mutual information: KSG (continuous y) and Ross (discrete y)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import integrate, stats
from scipy.spatial import cKDTree
from sklearn.feature_selection import mutual_info_classif, mutual_info_regression

from infotheory import mutual_information_features, mutual_information_knn
from infotheory.knn import _count_within

RNG_SEED = 20240607


def _gaussian_pair(rho: float, n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n)
    y = rho * x + math.sqrt(1 - rho**2) * rng.standard_normal(n)
    return x, y


# --- closed forms ----------------------------------------------------------------------------


@pytest.mark.parametrize("rho", [0.0, 0.3, 0.6, 0.9, -0.75])
def test_ksg_matches_closed_form_for_correlated_gaussians(rho):
    # I = -1/2 log(1 - rho^2).  With n = 5000 and k = 3 the estimator's standard
    # deviation is about 0.013 nats (measured over 20 seeds), its bias < 0.01.
    x, y = _gaussian_pair(rho, 5000, RNG_SEED)
    expected = -0.5 * math.log(1 - rho**2)
    assert mutual_information_knn(x, y) == pytest.approx(expected, abs=0.05)
    assert mutual_information_knn(x, y, random_state=0) == pytest.approx(expected, abs=0.05)


def test_ksg_larger_k_also_close_and_bits():
    x, y = _gaussian_pair(0.8, 5000, RNG_SEED + 1)
    expected = -0.5 * math.log(1 - 0.8**2)
    assert mutual_information_knn(x, y, k=10) == pytest.approx(expected, abs=0.05)
    nats = mutual_information_knn(x, y, k=10)
    assert mutual_information_knn(x, y, k=10, base=2) == pytest.approx(
        nats / math.log(2), rel=1e-15
    )


def test_ross_matches_numerical_integral_for_a_gaussian_mixture():
    # Y uniform on {0, 1}, X | Y ~ N(Y, s^2):  I = h(X) - h(X | Y), with h(X) the
    # differential entropy of the two-component mixture (by quadrature).
    s, n = 0.5, 5000
    rng = np.random.default_rng(RNG_SEED)
    y = rng.integers(0, 2, n)
    x = y + s * rng.standard_normal(n)

    def mixture(t: float) -> float:
        return 0.5 * (stats.norm.pdf(t, 0, s) + stats.norm.pdf(t, 1, s))

    h_x = integrate.quad(lambda t: -mixture(t) * math.log(mixture(t)), -6, 7, limit=200)[0]
    expected = h_x - 0.5 * math.log(2 * math.pi * math.e * s**2)
    assert mutual_information_knn(x, y, discrete_y=True) == pytest.approx(expected, abs=0.04)


def test_independent_variables_give_nearly_zero_never_negative():
    rng = np.random.default_rng(RNG_SEED)
    x, y = rng.standard_normal(3000), rng.standard_normal(3000)
    labels = rng.integers(0, 3, 3000)
    for value in (
        mutual_information_knn(x, y),
        mutual_information_knn(x, labels, discrete_y=True),
    ):
        assert 0.0 <= value < 0.03


def test_invariant_to_rescaling_without_noise():
    # Each variable is scaled to unit variance first, so units do not matter.
    x, y = _gaussian_pair(0.5, 2000, RNG_SEED)
    ref = mutual_information_knn(x, y)
    assert mutual_information_knn(1000.0 * x, 0.001 * y) == pytest.approx(ref, rel=1e-9)


# --- agreement with scikit-learn -------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 42])
@pytest.mark.parametrize("k", [1, 3, 7])
def test_agrees_with_sklearn_regression(seed, k):
    rng = np.random.default_rng(seed + 100)
    n = 1500
    X = rng.standard_normal((n, 3)) * [1.0, 50.0, 0.01]
    y = X[:, 0] + np.sin(X[:, 1] / 50) + 0.5 * rng.standard_normal(n)
    ours = mutual_information_features(X, y, k=k, discrete_y=False, random_state=seed)
    ref = mutual_info_regression(X, y, n_neighbors=k, random_state=seed)
    np.testing.assert_allclose(ours, ref, rtol=1e-10, atol=1e-12)
    single = mutual_information_knn(X[:, 0], y, k=k, random_state=seed)
    ref_single = mutual_info_regression(X[:, :1], y, n_neighbors=k, random_state=seed)[0]
    assert single == pytest.approx(ref_single, rel=1e-10, abs=1e-12)


def _classification_data(seed: int, small_class: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed + 200)
    n = 1500
    y = rng.integers(0, 4, n)
    y[:small_class] = 7  # a small class
    y[small_class] = 9  # a class with a single sample, which Ross's estimator leaves out
    X = np.column_stack(
        [y + rng.standard_normal(n), rng.standard_normal(n), np.exp(y * rng.random(n))]
    )
    return X, y


@pytest.mark.parametrize("seed", [0, 5])
@pytest.mark.parametrize("k", [1, 3, 6])
def test_agrees_with_sklearn_classification(seed, k):
    # A class of 2k + 2 samples is the smallest for which scikit-learn still uses
    # a KD-tree (exact distances) within the class; see the next test.
    X, y = _classification_data(seed, small_class=2 * k + 2)
    ours = mutual_information_features(X, y, k=k, random_state=seed)
    ref = mutual_info_classif(X, y, n_neighbors=k, random_state=seed)
    np.testing.assert_allclose(ours, ref, rtol=1e-10, atol=1e-12)
    single = mutual_information_knn(X[:, 0], y, k=k, discrete_y=True, random_state=seed)
    ref_single = mutual_info_classif(X[:, :1], y, n_neighbors=k, random_state=seed)[0]
    assert single == pytest.approx(ref_single, rel=1e-10, abs=1e-12)


@pytest.mark.parametrize("seed", [0, 5])
@pytest.mark.parametrize("k", [1, 3, 6])
def test_close_to_sklearn_with_a_class_smaller_than_2k_plus_2(seed, k):
    # For such a class scikit-learn's NearestNeighbors switches to brute force,
    # whose Euclidean distances (|a|^2 + |b|^2 - 2ab) are off in the last bits;
    # that can move the k-th neighbour across the radius of those few samples
    # (one count each, a change of at most ~1/(m N) per sample).  This library
    # uses exact distances throughout, so it stays deterministic.
    X, y = _classification_data(seed, small_class=3)
    ours = mutual_information_features(X, y, k=k, random_state=seed)
    ref = mutual_info_classif(X, y, n_neighbors=k, random_state=seed)
    np.testing.assert_allclose(ours, ref, atol=3 / y.size)


@pytest.mark.parametrize("seed", [0, 3])
def test_agrees_with_sklearn_on_data_with_many_ties(seed):
    # Small integers: the noise breaks the ties, and both must break them alike.
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 5, (2000, 3)).astype(float)
    labels = rng.integers(0, 3, 2000)
    target = X[:, 0] + labels
    np.testing.assert_allclose(
        mutual_information_features(X, labels, random_state=seed),
        mutual_info_classif(X, labels, random_state=seed),
        rtol=1e-10,
        atol=1e-12,
    )
    np.testing.assert_allclose(
        mutual_information_features(X, target, discrete_y=False, random_state=seed),
        mutual_info_regression(X, target, random_state=seed),
        rtol=1e-10,
        atol=1e-12,
    )


def test_agrees_with_sklearn_on_a_constant_feature_and_string_labels():
    rng = np.random.default_rng(7)
    X = np.column_stack([np.full(500, 3.0), rng.standard_normal(500)])
    labels = np.where(X[:, 1] > 0, "up", "down")
    np.testing.assert_allclose(
        mutual_information_features(X, labels, random_state=11),
        mutual_info_classif(X, labels, random_state=11),
        rtol=1e-10,
        atol=1e-12,
    )


def test_random_state_instance_is_used_like_sklearn():
    x, y = _gaussian_pair(0.4, 1000, 3)
    ours = mutual_information_knn(x, y, random_state=np.random.RandomState(5))
    ref = mutual_info_regression(x[:, None], y, random_state=np.random.RandomState(5))[0]
    assert ours == pytest.approx(ref, rel=1e-10)


# --- determinism -------------------------------------------------------------------------------


@pytest.mark.parametrize(("random_state", "jitter"), [(0, False), (0, True), (123, True)])
def test_two_calls_are_equal(random_state, jitter):
    x, y = _gaussian_pair(0.6, 2000, 9)
    labels = (x > 0.3).astype(int)
    kw = {"random_state": random_state, "jitter": jitter}
    assert mutual_information_knn(x, y, **kw) == mutual_information_knn(x, y, **kw)
    X = np.column_stack([x, y])
    np.testing.assert_array_equal(
        mutual_information_features(X, labels, **kw),
        mutual_information_features(X, labels, **kw),
    )


def test_no_noise_without_seed_and_global_rng_untouched():
    x, y = _gaussian_pair(0.6, 500, 9)
    state = np.random.get_state()[1].copy()  # noqa: NPY002 (the legacy global state)
    mutual_information_knn(x, y)
    mutual_information_knn(x, y, random_state=1)
    np.testing.assert_array_equal(np.random.get_state()[1], state)  # noqa: NPY002


def test_input_is_not_modified():
    x, y = _gaussian_pair(0.6, 500, 9)
    X = np.column_stack([x, y])
    x0, y0, X0 = x.copy(), y.copy(), X.copy()
    mutual_information_knn(x, y, random_state=0)
    mutual_information_features(X, y, discrete_y=False, random_state=0)
    np.testing.assert_array_equal(x, x0)
    np.testing.assert_array_equal(y, y0)
    np.testing.assert_array_equal(X, X0)


def test_return_types():
    x, y = _gaussian_pair(0.6, 300, 9)
    assert isinstance(mutual_information_knn(x, y), np.float64)
    out = mutual_information_features(np.column_stack([x, y, x + y]), x > 0)
    assert isinstance(out, np.ndarray)
    assert out.shape == (3,)
    assert out.dtype == np.float64


# --- the exact neighbour counts ------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(4))
def test_count_within_equals_kdtree_ball_counts(seed):
    rng = np.random.default_rng(seed)
    n = 3000
    x = rng.standard_normal(n) * 10 ** rng.uniform(-3, 3)
    if seed % 2:  # ties
        x = np.round(x, 1)
    y = rng.standard_normal(n)
    # the radii the estimators use: just below a k-th neighbour distance
    xy = np.column_stack([x, y])
    d, _ = cKDTree(xy).query(xy, k=4, p=np.inf)
    radii = np.concatenate([np.nextafter(d[:, -1], 0), d[:, -1], np.zeros(10)])
    centres = np.concatenate([x, x, x[:10]])
    tree = cKDTree(x[:, None])
    expected = tree.query_ball_point(centres[:, None], radii, p=np.inf, return_length=True)
    np.testing.assert_array_equal(_count_within(np.sort(x), centres, radii), expected)
    # the squared comparison that scikit-learn's Euclidean tree makes
    brute = np.array(
        [
            np.count_nonzero((x - c) * (x - c) <= r * r)
            for c, r in zip(centres[:500], radii[:500], strict=True)
        ]
    )
    np.testing.assert_array_equal(
        _count_within(np.sort(x), centres[:500], radii[:500], squared=True), brute
    )


def test_count_within_handles_rounding_of_c_plus_r():
    # c + r rounds up to the next value although that value is farther than r.
    c = 1.0
    far = 1.0 + 2**-52  # next float after 1
    r = np.nextafter(far - c, 0)  # just below the distance to `far`
    values = np.array([c, far])
    assert c + r == far  # the rounding that searchsorted alone would trip over
    assert _count_within(values, np.array([c]), np.array([r]))[0] == 1


def test_count_within_jumps_over_runs_of_ties_at_the_boundary():
    # c + r rounds onto `far` and c - r onto `near`, both repeated 5000 times and
    # both just outside r: searchsorted alone would count all 10 000 of them.
    c = 1.0
    far = np.nextafter(1.0, 2.0)
    r = np.nextafter(far - c, 0)
    near = c - r
    assert c + r == far and c - near > r
    values = np.sort(np.r_[np.full(5000, near), np.full(3000, c), np.full(5000, far), 3.0])
    got = _count_within(values, np.array([c]), np.array([r]))
    expected = cKDTree(values[:, None]).query_ball_point([[c]], [r], p=np.inf, return_length=True)
    assert got[0] == expected[0] == 3000


# --- bad input ------------------------------------------------------------------------------------

_X, _Y = _gaussian_pair(0.5, 50, 1)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: mutual_information_knn(_X, _Y, k=0), "k must be at least 1, got 0"),
        (lambda: mutual_information_knn(_X, _Y, k=-2), "k must be at least 1"),
        (lambda: mutual_information_knn(_X, _Y, k=2.5), "k must be an int, got 2.5"),
        (lambda: mutual_information_knn(_X, _Y, k=True), "k must be an int"),
        (lambda: mutual_information_knn(_X, _Y, k=50), "k = 50 neighbours need more than 50"),
        (lambda: mutual_information_knn(_X[:3], _Y[:3]), "k = 3 neighbours need more than 3"),
        (lambda: mutual_information_knn([1.0], [2.0]), "x has 1 sample; at least 2"),
        (lambda: mutual_information_knn(_X, _Y[:-1]), "x has 50 samples but y has 49"),
        (lambda: mutual_information_knn(_X, _Y[:-1] > 0, discrete_y=True), "y has 49"),
        (lambda: mutual_information_knn([], []), "x is empty"),
        (lambda: mutual_information_knn(np.r_[_X[:-1], np.nan], _Y), "x must be finite"),
        (lambda: mutual_information_knn(_X, np.r_[_Y[:-1], np.inf]), "y must be finite"),
        (lambda: mutual_information_knn(_X, np.r_[_Y[:-1], np.nan], discrete_y=True), "NaN"),
        (lambda: mutual_information_knn(_X[:, None], _Y), "x must be a 1-D array"),
        (lambda: mutual_information_knn(_X, np.c_[_Y, _Y]), "y must be a 1-D array"),
        (lambda: mutual_information_knn(_X, _Y, random_state=-1), "random_state must be an int"),
        (lambda: mutual_information_knn(_X, _Y, random_state=2**32), "must be an int in"),
        (lambda: mutual_information_knn(_X, _Y, random_state="a"), "random_state must be an int"),
        (lambda: mutual_information_knn(_X, _Y, random_state=1.0), "random_state must be an int"),
        (lambda: mutual_information_knn(_X, _Y, random_state=True), "random_state must be an int"),
        (
            lambda: mutual_information_knn(_X, _Y, random_state=None),
            "random_state=None is not accepted: in scikit-learn it means numpy's global",
        ),
        (
            lambda: mutual_information_features(np.c_[_X, _Y], _Y > 0, random_state=None),
            "or jitter=False to add no noise",
        ),
        (lambda: mutual_information_knn(_X, _Y, jitter=None), "jitter must be True or False"),
        (lambda: mutual_information_knn(_X, _Y, jitter=0), "jitter must be True or False"),
        (lambda: mutual_information_knn(_X, _Y, discrete_y="yes"), "discrete_y must be True or"),
        (lambda: mutual_information_knn(_X, _Y, base=1), "base must be a finite number"),
        (lambda: mutual_information_knn(["a", "b"] * 25, _Y), "x must be an array of numbers"),
        (lambda: mutual_information_features(_X, _Y > 0), "X must be a 2-D array"),
        (lambda: mutual_information_features(np.c_[_X, _Y], _Y[:10] > 0), "X has 50 samples"),
        (
            lambda: mutual_information_features(np.c_[_X, _Y], np.arange(50)),
            "every class of y has a single sample",
        ),
    ],
)
def test_bad_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace("+", r"\+")):
        call()


def test_default_breaks_ties_with_a_fixed_seed():
    # iris is heavily rounded: without the jitter two features come out as 0.
    from sklearn.datasets import load_iris

    X, y = load_iris(return_X_y=True)
    default = mutual_information_features(X, y)
    np.testing.assert_array_equal(default, mutual_information_features(X, y))
    np.testing.assert_allclose(default, mutual_info_classif(X, y, random_state=0), rtol=1e-12)
    assert (default > 0.2).all()
    assert (mutual_information_features(X, y, jitter=False) == 0).sum() == 2
    # with jitter=False the seed is unused, so None is unambiguous there
    np.testing.assert_array_equal(
        mutual_information_features(X, y, jitter=False, random_state=None),
        mutual_information_features(X, y, jitter=False, random_state=5),
    )


# --- invariance to units and origin ------------------------------------------------------------

FACTORS = [1e-300, 1e-160, 1e-100, 1e-16, 1e-3, 7.0, 1e10, 1e100, 1e160, 1e300]


@pytest.mark.parametrize("factor", FACTORS)
def test_invariant_to_scaling_either_variable_by_any_factor(factor):
    # scikit-learn's std overflows or underflows at the extremes (x * 1e160 gave 0)
    x, y = _gaussian_pair(0.6, 1500, 31)
    labels = (x > 0.2).astype(int) + (x > 1.0)
    X = np.column_stack([x, y])
    ref = mutual_information_knn(x, y)
    assert mutual_information_knn(factor * x, y) == pytest.approx(ref, rel=1e-12)
    assert mutual_information_knn(x, factor * y) == pytest.approx(ref, rel=1e-12)
    ref_ross = mutual_information_features(X, labels)
    np.testing.assert_allclose(mutual_information_features(factor * X, labels), ref_ross, 1e-12)
    np.testing.assert_allclose(
        mutual_information_features(X * [factor, 1.0], y, discrete_y=False),
        mutual_information_features(X, y, discrete_y=False),
        rtol=1e-12,
    )


@pytest.mark.parametrize("shift", [-50.0, 1e3, 1e4, 1e6, 1e8])
def test_invariant_to_adding_a_constant(shift):
    # Up to 1e8 the shifted data keep 8 digits of spread, and the estimate is
    # unchanged; scikit-learn's noise grows with mean|x| and moves it (by about 1 %
    # at 1e8 and 15 % at 1e9 on such data).  Beyond ~1e10 the float64 input has
    # lost the digits that tell the samples apart.
    x, y = _gaussian_pair(0.6, 1500, 32)
    labels = (x > 0.2).astype(int)
    ref = mutual_information_knn(x, y)
    assert mutual_information_knn(x + shift, y) == pytest.approx(ref, rel=1e-12)
    assert mutual_information_knn(x, y - shift) == pytest.approx(ref, rel=1e-12)
    ref_ross = mutual_information_knn(x, labels, discrete_y=True)
    got = mutual_information_knn(x + shift, labels, discrete_y=True)
    assert got == pytest.approx(ref_ross, rel=1e-12)


def test_tiny_spread_is_not_mistaken_for_a_constant():
    # std 1e-16: below scikit-learn's absolute threshold (10 eps), so it left the
    # column unscaled and the noise (1e-10) drowned it
    x, y = _gaussian_pair(0.8, 800, 33)
    assert mutual_information_knn(1e-16 * x, y) == pytest.approx(
        mutual_information_knn(x, y), rel=1e-12
    )
    # a genuinely constant column, however large, carries no information
    for value in (3.0, 1e200, -1e-200):
        assert mutual_information_knn(np.full(800, value), y) < 0.02


def test_matches_sklearn_exactly_where_sklearn_is_scale_safe():
    # inside 1e-100 .. 1e100 and within 1000 std of the origin the
    # preprocessing is scikit-learn's, to the last bit
    rng = np.random.default_rng(34)
    X = rng.standard_normal((1000, 3)) * [1e-50, 1.0, 1e50] + [0.0, 500.0, 0.0]
    y = X[:, 1] + rng.standard_normal(1000)
    np.testing.assert_array_equal(
        mutual_information_features(X, y, discrete_y=False, random_state=3),
        mutual_info_regression(X, y, random_state=3),
    )
