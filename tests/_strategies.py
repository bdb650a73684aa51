"""Hypothesis strategies and hand-written reference formulas shared by the tests.

Not a conftest: the test modules import it explicitly (``from _strategies import ...``).
The reference formulas use ``math`` on Python floats, one term at a time, so that the
expected values never come from the library under test.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

# ---------------------------------------------------------------------------
# Reference formulas (plain Python, natural log unless a base is given)
# ---------------------------------------------------------------------------


def ref_entropy(p: Iterable[float], base: float = math.e) -> float:
    """-sum p log p with 0 log 0 = 0."""
    return -math.fsum(x * math.log(x) for x in p if x > 0) / math.log(base)


def ref_kl(p: Sequence[float], q: Sequence[float], base: float = math.e) -> float:
    """sum p log(p / q) with 0 log(0 / q) = 0 and p log(p / 0) = inf."""
    terms = []
    for a, b in zip(p, q, strict=True):
        if a == 0:
            continue
        if b == 0:
            return math.inf
        terms.append(a * math.log(a / b))
    return math.fsum(terms) / math.log(base)


def ref_js(p: Sequence[float], q: Sequence[float], base: float = math.e) -> float:
    """Jensen–Shannon divergence from its definition with M = (P + Q) / 2."""
    m = [(a + b) / 2 for a, b in zip(p, q, strict=True)]
    return 0.5 * ref_kl(p, m, base) + 0.5 * ref_kl(q, m, base)


# ---------------------------------------------------------------------------
# Hypothesis strategies
# ---------------------------------------------------------------------------

#: Small numbers of outcomes keep the property tests fast.
outcome_counts = st.integers(min_value=2, max_value=8)


def _normalised(a: np.ndarray, axis: int = -1) -> np.ndarray:
    return a / a.sum(axis=axis, keepdims=True)


def distributions(
    shape: int | tuple[int, ...],
    *,
    min_weight: float = 0.0,
    allow_subnormal: bool = True,
) -> st.SearchStrategy[np.ndarray]:
    """Arrays of non-negative floats normalised along the last axis.

    ``min_weight > 0`` gives strictly positive distributions (no zero entry); with
    the default 0 some entries are exactly 0 and, if ``allow_subnormal``, some are
    subnormal, which exercises the ``0 log 0`` and underflow paths.
    """
    elements = st.floats(
        min_value=min_weight,
        max_value=1.0,
        allow_nan=False,
        allow_infinity=False,
        allow_subnormal=allow_subnormal and min_weight == 0.0,
    )
    return (
        hnp.arrays(np.float64, shape, elements=elements)
        .filter(lambda a: bool((a.sum(axis=-1) > 0).all()))
        .map(_normalised)
    )


def distribution_pairs(
    *, p_min_weight: float = 0.0, q_min_weight: float = 0.0, allow_subnormal: bool = True
) -> st.SearchStrategy[tuple[np.ndarray, np.ndarray]]:
    """Two distributions over the same (random) number of outcomes."""
    return outcome_counts.flatmap(
        lambda n: st.tuples(
            distributions(n, min_weight=p_min_weight, allow_subnormal=allow_subnormal),
            distributions(n, min_weight=q_min_weight, allow_subnormal=allow_subnormal),
        )
    )


def joint_tables(*, min_weight: float = 0.0) -> st.SearchStrategy[np.ndarray]:
    """Joint probability tables of shape (2..5, 2..5), summing to 1 overall."""
    shapes = st.tuples(st.integers(2, 5), st.integers(2, 5))
    elements = st.floats(min_value=min_weight, max_value=1.0, allow_subnormal=False)
    return (
        shapes.flatmap(lambda s: hnp.arrays(np.float64, s, elements=elements))
        .filter(lambda a: a.sum() > 0)
        .map(lambda a: a / a.sum())
    )


def stochastic_matrices(n_rows: int, n_cols: int) -> st.SearchStrategy[np.ndarray]:
    """Channel matrices K[y, z] = P(Z = z | Y = y): every row a distribution."""
    return distributions((n_rows, n_cols), allow_subnormal=False)


def joint_tables_3d(*, min_weight: float = 0.0) -> st.SearchStrategy[np.ndarray]:
    """Joint tables p(x, y, z) of shape (2..4, 2..4, 1..4), summing to 1 overall."""
    shapes = st.tuples(st.integers(2, 4), st.integers(2, 4), st.integers(1, 4))
    elements = st.floats(min_value=min_weight, max_value=1.0, allow_subnormal=False)
    return (
        shapes.flatmap(lambda s: hnp.arrays(np.float64, s, elements=elements))
        .filter(lambda a: a.sum() > 0)
        .map(lambda a: a / a.sum())
    )


def markov_chains() -> st.SearchStrategy[np.ndarray]:
    """Joint tables p(x, y, z) = p(x) K1[x, y] K2[y, z] of a Markov chain X -> Y -> Z."""
    sizes = st.tuples(st.integers(2, 4), st.integers(2, 4), st.integers(2, 4))
    return sizes.flatmap(
        lambda s: st.tuples(
            distributions(s[0], allow_subnormal=False),
            stochastic_matrices(s[0], s[1]),
            stochastic_matrices(s[1], s[2]),
        )
    ).map(lambda t: np.einsum("i,ij,jk->ijk", *t))


#: Orders of the Rényi family, special ones included.
renyi_orders = st.one_of(
    st.sampled_from([0.0, 0.5, 1.0, 2.0, math.inf]),
    st.floats(min_value=0.0, max_value=200.0),
)
