"""Wasserstein-1 distance on the line: agrees with scipy, is a metric, moves with a shift."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from infotheory import js_divergence, total_variation, wasserstein_distance


@pytest.mark.parametrize("seed", range(20))
def test_matches_scipy_on_samples_and_weights(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, m = rng.integers(1, 30, size=2)
    u, v = rng.normal(size=n), rng.normal(1.0, 2.0, size=m)
    uw, vw = rng.random(n), rng.random(m)
    if seed % 3 == 0:  # repeated values and zero weights
        u = np.round(u, 1)
        uw[0] = 0.0
    expected = stats.wasserstein_distance(u, v)
    assert wasserstein_distance(u, v) == pytest.approx(expected, rel=1e-12, abs=1e-14)
    expected_w = stats.wasserstein_distance(u, v, uw, vw)
    assert wasserstein_distance(u, v, uw, vw) == pytest.approx(expected_w, rel=1e-12, abs=1e-14)


def test_common_grid_matches_scipy_and_a_shift_is_its_length() -> None:
    x = np.linspace(-1.5, 4.0, 1101)
    step = x[1] - x[0]

    def bump(center: float) -> np.ndarray:
        d = np.clip(1 - (x - center) ** 2, 0, None) ** 2
        return d / d.sum()

    p = bump(0.0)
    for k in [0, 50, 200, 400, 500]:
        q = np.roll(p, k)
        w = wasserstein_distance(x, x, p, q)
        assert w == pytest.approx(stats.wasserstein_distance(x, x, p, q), rel=1e-10, abs=1e-12)
        assert w == pytest.approx(k * step, rel=1e-9, abs=1e-12)
    # Disjoint supports: JS and TV are saturated, W1 still tells the shifts apart.
    far, farther = np.roll(p, 450), np.roll(p, 550)
    assert js_divergence(p, far, base=2) == pytest.approx(1.0)
    assert total_variation(p, farther) == pytest.approx(1.0)
    assert wasserstein_distance(x, x, p, farther) > wasserstein_distance(x, x, p, far) + 0.4


def test_metric_properties() -> None:
    rng = np.random.default_rng(1)
    a, b, c = rng.normal(size=7), rng.normal(size=5), rng.normal(size=9)
    assert wasserstein_distance(a, a) == 0.0
    assert wasserstein_distance(a, b) == pytest.approx(wasserstein_distance(b, a))
    assert wasserstein_distance(a, c) <= wasserstein_distance(a, b) + wasserstein_distance(b, c)
    # order of the values does not matter
    assert wasserstein_distance(a[::-1], b) == pytest.approx(wasserstein_distance(a, b))
    assert isinstance(wasserstein_distance(a, b), np.float64)


def test_weights_are_rescaled() -> None:
    x = [0.0, 1.0, 2.0]
    assert wasserstein_distance(x, x, [1, 0, 0], [0, 0, 5]) == pytest.approx(2.0)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (([], [1.0]), "u_values is empty"),
        (([[0.0, 1.0]], [1.0]), "u_values must be 1-D"),
        (([0.0, np.nan], [1.0]), "u_values must be finite"),
        (([0.0], ["a"]), "v_values must be an array of numbers"),
        (([0.0, 1.0], [1.0], [1.0]), r"u_weights must have shape \(2,\)"),
        (([0.0, 1.0], [1.0], [1.0, -1.0]), "u_weights must be non-negative"),
        (([0.0, 1.0], [1.0], None, [0.0]), "v_weights has no mass"),
        (([0.0], [1.0], [np.inf]), "u_weights must be finite"),
    ],
)
def test_invalid_input_is_refused(args: tuple, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        wasserstein_distance(*args)
