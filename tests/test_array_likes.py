"""Every public function takes the arrays ML users have, and gives what numpy input gives.

Each public function has one call template below (its array arguments as numpy
arrays, its other arguments); every array argument is then passed as a list,
a list of numpy scalars, a buffer, a DLPack-only object, a pandas Series or
DataFrame (nullable dtypes included), an xarray DataArray and a torch tensor,
and the result must equal the numpy call's.  The same templates check that
masked arrays, pandas missing values and tensors numpy cannot read are refused
with a message saying what to do.
"""

from __future__ import annotations

import array
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pytest
import xarray as xr
from sklearn.metrics import mutual_info_score

import infotheory as it
from infotheory import _kernels

RNG = np.random.default_rng(20261201)


def _dist(*shape: int) -> np.ndarray:
    p = RNG.random(shape) + 0.1
    return p / p.sum(axis=-1, keepdims=True)


@dataclass
class Call:
    """A public function, its array arguments (numpy) and its other arguments."""

    func: Callable[..., Any]
    arrays: dict[str, np.ndarray]
    kwargs: dict[str, Any] = field(default_factory=dict)
    # which array arguments hold labels (integers) rather than real numbers
    labels: tuple[str, ...] = ()

    def __call__(self, **arrays: Any) -> Any:
        return self.func(**{**self.arrays, **arrays}, **self.kwargs)


def _xs(n: int) -> np.ndarray:
    return RNG.standard_normal(n)


_X = _xs(60)
_LAB = (_X > 0).astype(np.int64) + (_X > 1)
_TABLE = _dist(3, 4).reshape(12) / 3
CALLS = {
    "entropy": Call(it.entropy, {"p": _dist(3, 4)}),
    "cross_entropy": Call(it.cross_entropy, {"p": _dist(3, 4), "q": _dist(3, 4)}),
    "kl_divergence": Call(it.kl_divergence, {"p": _dist(3, 4), "q": _dist(3, 4)}),
    "js_divergence": Call(it.js_divergence, {"p": _dist(3, 4), "q": _dist(3, 4)}),
    "js_distance": Call(it.js_distance, {"p": _dist(3, 4), "q": _dist(3, 4)}),
    "total_variation": Call(it.total_variation, {"p": _dist(3, 4), "q": _dist(3, 4)}),
    "chi_squared": Call(it.chi_squared, {"p": _dist(3, 4), "q": _dist(3, 4)}),
    "hellinger_squared": Call(it.hellinger_squared, {"p": _dist(3, 4), "q": _dist(3, 4)}),
    "f_divergence": Call(
        it.f_divergence, {"p": _dist(3, 4), "q": _dist(3, 4)}, {"f": lambda t: (t - 1) ** 2}
    ),
    "information_content": Call(it.information_content, {"p": RNG.random(5)}),
    "binary_entropy": Call(it.binary_entropy, {"p": RNG.random(5)}),
    "joint_entropy": Call(it.joint_entropy, {"pxy": _TABLE.reshape(3, 4)}),
    "conditional_entropy": Call(it.conditional_entropy, {"pxy": _TABLE.reshape(3, 4)}),
    "mutual_information": Call(it.mutual_information, {"pxy": _TABLE.reshape(3, 4)}),
    "mutual_information_from_samples": Call(
        it.mutual_information_from_samples,
        {"x": RNG.integers(0, 4, 50), "y": RNG.integers(0, 3, 50)},
        labels=("x", "y"),
    ),
    "information_gain": Call(
        it.information_gain,
        {"parent_counts": np.array([9.0, 5.0]), "children_counts": np.array([[2.0, 3], [7, 2]])},
    ),
    "kl_gaussian": Call(it.kl_gaussian, {"mu": _xs(6).reshape(2, 3), "log_var": _xs(3)}),
    "kl_normal": Call(
        it.kl_normal,
        {"mu_p": _xs(4), "sigma_p": RNG.random(4) + 0.5, "mu_q": _xs(4), "sigma_q": RNG.random(4)},
    ),
    "softmax": Call(it.softmax, {"logits": _xs(6).reshape(2, 3)}),
    "log_softmax": Call(it.log_softmax, {"logits": _xs(6).reshape(2, 3)}),
    "smooth_labels": Call(
        it.smooth_labels,
        {"labels": np.array([0, 2, 1])},
        {"n_classes": 3, "smoothing": 0.1},
        ("labels",),
    ),
    "cross_entropy_with_logits": Call(
        it.cross_entropy_with_logits,
        {"targets": np.array([0, 2]), "logits": _xs(6).reshape(2, 3)},
        labels=("targets",),
    ),
    "cross_entropy_with_logits_soft": Call(
        it.cross_entropy_with_logits, {"targets": _dist(2, 3), "logits": _xs(6).reshape(2, 3)}
    ),
    "binary_cross_entropy": Call(
        it.binary_cross_entropy, {"y_true": RNG.random(5), "y_pred": RNG.random(5)}
    ),
    "binary_cross_entropy_with_logits": Call(
        it.binary_cross_entropy_with_logits, {"y_true": RNG.random(5), "logits": _xs(5)}
    ),
    "mutual_information_knn": Call(
        it.mutual_information_knn, {"x": _X, "y": 0.5 * _X + _xs(60)}, {"k": 3}
    ),
    "mutual_information_knn_discrete": Call(
        it.mutual_information_knn,
        {"x": _X, "y": _LAB},
        {"discrete_y": True},
        labels=("y",),
    ),
    "mutual_information_features": Call(
        it.mutual_information_features,
        {"X": np.column_stack([_X, _xs(60)]), "y": _LAB},
        labels=("y",),
    ),
    "renyi_entropy": Call(it.renyi_entropy, {"p": _dist(3, 4)}, {"alpha": 2.0}),
    "renyi_divergence": Call(
        it.renyi_divergence, {"p": _dist(3, 4), "q": _dist(3, 4)}, {"alpha": 0.5}
    ),
    "tsallis_entropy": Call(it.tsallis_entropy, {"p": _dist(3, 4)}, {"alpha": 2.0}),
    "perplexity": Call(it.perplexity, {"p": _dist(3, 4)}),
    "entropy_from_counts": Call(
        it.entropy_from_counts,
        {"counts": np.array([[3, 0, 5, 1], [2, 2, 7, 4]])},
        {"estimator": "chao-shen"},
        labels=("counts",),
    ),
    "conditional_mutual_information": Call(
        it.conditional_mutual_information, {"pxyz": _dist(24).reshape(2, 3, 4)}
    ),
    "conditional_mutual_information_from_samples": Call(
        it.conditional_mutual_information_from_samples,
        {"x": RNG.integers(0, 3, 80), "y": RNG.integers(0, 3, 80), "z": RNG.integers(0, 2, 80)},
        {"estimator": "miller-madow"},
        labels=("x", "y", "z"),
    ),
    "variation_of_information": Call(it.variation_of_information, {"pxy": _TABLE.reshape(3, 4)}),
    "normalized_mutual_information_from_samples": Call(
        it.normalized_mutual_information_from_samples,
        {"x": RNG.integers(0, 4, 50), "y": RNG.integers(0, 3, 50)},
        {"average": "geometric"},
        labels=("x", "y"),
    ),
    "differential_entropy_gaussian": Call(
        it.differential_entropy_gaussian, {"cov": np.array([[2.0, 0.3], [0.3, 1.0]])}
    ),
    "differential_entropy": Call(it.differential_entropy, {"samples": _X}, {"k": 3}),
    "kl_multivariate_normal": Call(
        it.kl_multivariate_normal,
        {
            "mu_p": _xs(2),
            "cov_p": np.array([[2.0, 0.3], [0.3, 1.0]]),
            "mu_q": _xs(2),
            "cov_q": np.array([[1.0, -0.2], [-0.2, 0.5]]),
        },
    ),
    "huffman_code": Call(it.huffman_code, {"p": np.array([0.45, 0.25, 0.2, 0.1])}),
    "wasserstein_distance": Call(
        it.wasserstein_distance,
        {
            "u_values": _xs(4),
            "v_values": _xs(4) + 1.0,
            "u_weights": np.array([0.1, 0.2, 0.3, 0.4]),
            "v_weights": np.array([0.4, 0.3, 0.2, 0.1]),
        },
    ),
}
# Large single distributions: the fused (chunked) path must see converted input too.
_BIG_P, _BIG_Q = _dist(2 * _kernels.CHUNK + 5), _dist(2 * _kernels.CHUNK + 5)
CALLS["entropy_fused"] = Call(it.entropy, {"p": _BIG_P})
CALLS["kl_divergence_fused"] = Call(it.kl_divergence, {"p": _BIG_P, "q": _BIG_Q})
CALLS["cross_entropy_fused"] = Call(it.cross_entropy, {"p": _BIG_P, "q": _BIG_Q})


def test_every_public_function_has_a_call_template():
    covered = {c.func.__name__ for c in CALLS.values()}
    missing = set(it.__all__) - covered
    assert not missing, f"add call templates for {sorted(missing)}"


# --- converters ----------------------------------------------------------------------------


class DLPackOnly:
    """An array offering only DLPack (no __array__, no buffer), like some array libraries."""

    def __init__(self, a: np.ndarray) -> None:
        self._a = np.ascontiguousarray(a)

    def __dlpack__(self, **kwargs: Any) -> Any:
        return self._a.__dlpack__(**kwargs)

    def __dlpack_device__(self) -> Any:
        return self._a.__dlpack_device__()


def _pandas(a: np.ndarray) -> Any:
    if a.ndim == 1:
        return pd.Series(a, index=np.arange(a.size) * 10 + 3)  # a non-default index
    if a.ndim == 2:
        return pd.DataFrame(a)
    pytest.skip("pandas has no 3-D container")


def _nullable(a: np.ndarray) -> Any:
    # numpy reads a nullable DataFrame as an object array of numbers
    dtype = "Int64" if np.issubdtype(a.dtype, np.integer) else "Float64"
    if a.ndim == 1:
        return pd.Series(a, dtype=dtype)
    if a.ndim == 2:
        return pd.DataFrame(a).astype(dtype)
    pytest.skip("pandas has no 3-D container")


def _torch(a: np.ndarray) -> Any:
    torch = pytest.importorskip("torch", reason="torch is not installed (it is not in any extra)")
    return torch.from_numpy(np.array(a))


CONVERTERS: dict[str, Callable[[np.ndarray], Any]] = {
    "list": lambda a: a.tolist(),
    "list of numpy scalars": lambda a: list(a) if a.ndim == 1 else [list(r) for r in a],
    "object array": lambda a: a.astype(object),
    "memoryview": lambda a: memoryview(np.ascontiguousarray(a)),
    "dlpack only": DLPackOnly,
    "pandas": _pandas,
    "pandas nullable": _nullable,
    "xarray": xr.DataArray,
    "torch": _torch,
}


def _same(got: Any, expected: Any) -> None:
    assert type(got) is type(expected), (type(got), type(expected))
    np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize("converter", CONVERTERS.values(), ids=CONVERTERS.keys())
@pytest.mark.parametrize("name", CALLS.keys())
def test_array_likes_give_the_numpy_result(name, converter):
    call = CALLS[name]
    expected = call()
    for arg, value in call.arrays.items():
        _same(call(**{arg: converter(value)}), expected)
    _same(call(**{arg: converter(value) for arg, value in call.arrays.items()}), expected)


def test_array_array_buffer():
    p = array.array("d", [0.25, 0.75])
    assert it.entropy(p) == it.entropy(np.array([0.25, 0.75]))


def test_float32_tensor_keeps_its_sum_tolerance():
    torch = pytest.importorskip("torch", reason="torch is not installed (it is not in any extra)")
    logits = torch.randn(8, 1000, generator=torch.Generator().manual_seed(0))
    probs = torch.softmax(logits, dim=-1)  # float32: rows sum to 1 within ~1e-6
    np.testing.assert_array_equal(it.entropy(probs), it.entropy(probs.numpy()))


# --- object-dtype and pandas labels ----------------------------------------------------------


def test_string_labels_from_pandas_as_in_sklearn():
    x = RNG.integers(0, 4, 300)
    y = (x + RNG.integers(0, 2, 300)) % 3
    names = np.array(["red", "green", "blue", "cyan"])
    expected = mutual_info_score(x, y)
    variants = {
        "str Series": (pd.Series(names[x]), pd.Series(y.astype(str))),
        "object Series": (pd.Series(names[x], dtype=object), pd.Series(y)),
        "object ndarray": (names[x].astype(object), y.astype(object)),
        "categorical": (pd.Series(pd.Categorical(names[x])), pd.Series(y, dtype="Int64")),
        "mixed objects": (np.array([(v, "a") for v in x], dtype=object)[:, 0], y),
    }
    for variant, (a, b) in variants.items():
        got = it.mutual_information_from_samples(a, b)
        assert got == pytest.approx(expected, rel=1e-12), variant
    # the Ross estimator only sees the partition into classes
    features = np.column_stack([x + RNG.random(300), RNG.random(300)])
    np.testing.assert_array_equal(
        it.mutual_information_features(features, pd.Series(names[x])),
        it.mutual_information_features(features, x),
    )


def test_object_labels_for_the_ross_estimator_equal_integer_labels():
    x = RNG.standard_normal(200)
    codes = (x > 0).astype(int)
    strings = np.where(codes == 1, "up", "down").astype(object)
    # "down" < "up", so the codes are the same: the estimate must be identical
    assert it.mutual_information_knn(x, strings, discrete_y=True) == it.mutual_information_knn(
        x, codes, discrete_y=True
    )
    assert it.mutual_information_knn(
        x, pd.Series(strings, dtype="string"), discrete_y=True
    ) == it.mutual_information_knn(x, codes, discrete_y=True)


# --- what is refused, for every public function -----------------------------------------------


def _arguments():
    return [
        pytest.param(name, arg, id=f"{name}-{arg}")
        for name, call in CALLS.items()
        for arg in call.arrays
    ]


@pytest.mark.parametrize(("name", "arg"), _arguments())
def test_masked_arrays_are_refused_never_ignored(name, arg):
    call = CALLS[name]
    value = call.arrays[arg]
    mask = np.zeros(value.shape, dtype=bool)
    mask.flat[0] = True
    for masked in (np.ma.masked_array(value, mask), np.ma.masked_array(value)):
        with pytest.raises(ValueError, match=rf"^{arg} is a masked array.*{arg}\.compressed\(\)"):
            call(**{arg: masked})


@pytest.mark.parametrize(("name", "arg"), _arguments())
def test_pandas_missing_values_are_refused(name, arg):
    call = CALLS[name]
    value = call.arrays[arg]
    if value.ndim == 1:
        dtype = "Int64" if arg in call.labels else "Float64"
        missing = pd.Series(value, dtype=dtype)
        missing.iloc[1] = pd.NA
        where = "1"
    elif value.ndim == 2:
        missing = pd.DataFrame(value)
        missing.iloc[1, 0] = np.nan
        where = r"\(1, 0\)"
    else:
        pytest.skip("no 3-D pandas container")
    with pytest.raises(ValueError, match=rf"^{arg} has a missing value \(NA\) at position {where}"):
        call(**{arg: missing})


@pytest.mark.parametrize(("name", "arg"), _arguments())
def test_tensors_numpy_cannot_read_say_how_to_convert(name, arg):
    torch = pytest.importorskip("torch", reason="torch is not installed (it is not in any extra)")
    call = CALLS[name]
    value = call.arrays[arg]
    hint = rf"pass {arg}\.detach\(\)\.cpu\(\)\.numpy\(\)"
    # no GPU here: the meta device stands for any device numpy cannot read
    on_device = torch.empty(value.shape, dtype=torch.from_numpy(value).dtype, device="meta")
    with pytest.raises(ValueError, match=rf"^{arg} is a tensor on device meta.*{hint}"):
        call(**{arg: on_device})
    if arg not in call.labels:
        grad = torch.from_numpy(np.array(value)).requires_grad_()
        with pytest.raises(ValueError, match=rf"^{arg} is a tensor that requires grad.*{hint}"):
            call(**{arg: grad})
        bf16 = torch.from_numpy(np.array(value)).to(torch.bfloat16)
        with pytest.raises(ValueError, match=rf"^{arg} must be an array.*{hint} \(bfloat16"):
            call(**{arg: bf16})


def test_scalar_parameters_take_0d_tensors_and_arrays():
    torch = pytest.importorskip("torch", reason="torch is not installed (it is not in any extra)")
    z = [1.0, 2.0, 0.5]
    np.testing.assert_array_equal(it.softmax(z, torch.tensor(2.0)), it.softmax(z, 2.0))
    np.testing.assert_array_equal(it.softmax(z, np.array(2.0)), it.softmax(z, 2.0))
    assert it.entropy([0.5, 0.5], base=np.float32(2)) == 1.0
    with pytest.raises(ValueError, match="temperature must be"):
        it.softmax(z, torch.tensor([2.0, 1.0]))
    with pytest.raises(ValueError, match="n_classes must be an int"):
        it.smooth_labels([0], np.array(3.0), 0.1)
