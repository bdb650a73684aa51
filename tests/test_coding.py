"""Huffman codes: prefix-free, Kraft, within a bit of the entropy, optimal, deterministic."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from _strategies import ref_entropy

from infotheory import entropy, huffman_code


def is_prefix_free(code):
    # in sorted order a word sits just before the words it is a prefix of
    words = sorted(code)
    return all(not b.startswith(a) for a, b in itertools.pairwise(words))


def test_prefix_checker():
    assert is_prefix_free(["0", "10", "11"])
    assert not is_prefix_free(["0", "01", "11"])
    assert not is_prefix_free(["1", "00", "1"])
    assert not is_prefix_free(["10", "0", "101", "11"])


def kraft_sum(code):
    return math.fsum(2.0 ** -len(c) for c in code)


def expected_length(p, code):
    return math.fsum(pi * len(c) for pi, c in zip(p, code, strict=True))


def optimal_length_by_brute_force(p):
    """Smallest sum p_i l_i over all length vectors satisfying Kraft (a prefix code exists)."""
    n = len(p)
    best = math.inf
    for lengths in itertools.product(range(1, n), repeat=n):
        if math.fsum(2.0**-x for x in lengths) <= 1.0:
            best = min(best, math.fsum(pi * x for pi, x in zip(p, lengths, strict=True)))
    return best


def test_dyadic_distribution_meets_the_entropy():
    p = [0.5, 0.25, 0.125, 0.125]
    code = huffman_code(p)
    assert code == ["0", "10", "110", "111"]
    assert expected_length(p, code) == entropy(p, base=2) == 1.75


def test_ties_are_broken_by_insertion_order():
    assert huffman_code([0.25] * 4) == ["00", "01", "10", "11"]
    # worked by hand: merge (0, 1) -> a, (2, 3) -> b, (4, a) -> c, (b, c) -> root
    assert huffman_code([0.2] * 5) == ["110", "111", "00", "01", "10"]
    # the same input always gives the same code
    p = np.random.default_rng(0).dirichlet(np.ones(30))
    assert huffman_code(p) == huffman_code(p.copy())


def test_codewords_follow_the_order_of_p():
    p = [0.1, 0.2, 0.3, 0.4]
    code = huffman_code(p)
    assert [len(c) for c in code] == [3, 3, 2, 1]
    assert [len(c) for c in huffman_code(p[::-1])] == [1, 2, 3, 3]


def test_single_outcome_and_zero_probabilities():
    assert huffman_code([1.0]) == ["0"]
    assert huffman_code([0.5, 0.5]) == ["0", "1"]
    # zero-probability outcomes still get (the longest) codewords; they do not change L
    code = huffman_code([1.0, 0.0, 0.0])
    assert code == ["1", "00", "01"]
    assert is_prefix_free(code)
    assert kraft_sum(code) == 1.0
    # the zero outcomes form a subtree next to the least likely positive one, which gets
    # one more bit: L = (Huffman L of the positive entries) + (smallest positive p)
    p = [0.0, 0.5, 0.25, 0.25, 0.0]
    code = huffman_code(p)
    assert code == ["1100", "0", "111", "10", "1101"]
    assert is_prefix_free(code)
    assert kraft_sum(code) == 1.0
    assert expected_length(p, code) == expected_length([0.5, 0.25, 0.25], ["0", "10", "11"]) + 0.25
    # still optimal among the prefix codes of all five outcomes, and within the bounds
    assert expected_length(p, code) == optimal_length_by_brute_force(p)
    assert entropy(p, base=2) <= expected_length(p, code) < entropy(p, base=2) + 1


@pytest.mark.parametrize("seed", range(20))
def test_prefix_free_kraft_and_the_entropy_bounds(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 40))
    p = rng.dirichlet(np.full(n, 0.5))
    code = huffman_code(p)
    assert len(code) == n
    assert all(set(c) <= {"0", "1"} and c for c in code)
    assert is_prefix_free(code)
    assert kraft_sum(code) == pytest.approx(1.0, rel=1e-15)  # a complete code
    h, length = ref_entropy(p, 2), expected_length(p, code)
    assert h - 1e-12 <= length < h + 1


@pytest.mark.parametrize("seed", range(10))
def test_optimal_against_brute_force(seed):
    rng = np.random.default_rng(100 + seed)
    n = int(rng.integers(2, 6))
    p = rng.dirichlet(np.ones(n))
    assert expected_length(p, huffman_code(p)) == pytest.approx(
        optimal_length_by_brute_force(list(p)), rel=1e-12
    )


def test_many_outcomes():
    p = np.random.default_rng(1).dirichlet(np.ones(5000))
    code = huffman_code(p)
    assert kraft_sum(code) == pytest.approx(1.0, rel=1e-12)
    assert is_prefix_free(code)
    h = ref_entropy(p, 2)
    assert h <= expected_length(p, code) < h + 1
