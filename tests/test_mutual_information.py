"""Joint and conditional entropy, mutual information, samples and information gain."""

from __future__ import annotations

import math
import tracemalloc

import numpy as np
import pytest
from _strategies import ref_entropy, ref_kl
from sklearn.metrics import mutual_info_score, normalized_mutual_info_score

from infotheory import (
    _kernels,
    _validation,
    conditional_entropy,
    conditional_mutual_information,
    conditional_mutual_information_from_samples,
    entropy,
    information_gain,
    joint_entropy,
    kl_divergence,
    mutual_information,
    mutual_information_from_samples,
    normalized_mutual_information_from_samples,
    variation_of_information,
)

LN2 = math.log(2.0)

# rows X = weather (sunny, rainy), columns Y = umbrella (no, yes)
WEATHER = [[0.40, 0.10], [0.05, 0.45]]


# --- the weather / umbrella table, by hand ------------------------------------------------


def test_weather_umbrella_table():
    cells = [0.40, 0.10, 0.05, 0.45]
    px = [0.40 + 0.10, 0.05 + 0.45]  # [0.5, 0.5]
    py = [0.40 + 0.05, 0.10 + 0.45]  # [0.45, 0.55]
    t = np.array(WEATHER)
    np.testing.assert_allclose(t.sum(axis=1), px, rtol=1e-15)
    np.testing.assert_allclose(t.sum(axis=0), py, rtol=1e-15)

    hx, hy, hxy = ref_entropy(px, 2), ref_entropy(py, 2), ref_entropy(cells, 2)
    assert hx == pytest.approx(1.0, rel=1e-15)
    assert entropy(t.sum(axis=1), base=2) == pytest.approx(hx, rel=1e-14)
    assert entropy(t.sum(axis=0), base=2) == pytest.approx(hy, rel=1e-14)
    assert joint_entropy(WEATHER, base=2) == pytest.approx(hxy, rel=1e-14)
    # H(Y|X) = H(X,Y) - H(X) and H(X|Y) = H(X,Y) - H(Y) (the transposed table)
    assert conditional_entropy(WEATHER, base=2) == pytest.approx(hxy - hx, rel=1e-13)
    assert conditional_entropy(t.T, base=2) == pytest.approx(hxy - hy, rel=1e-13)

    mi = hx + hy - hxy
    # the same number as the KL divergence of the joint from the product of marginals
    mi_kl = ref_kl(cells, [a * b for a in px for b in py], base=2)
    assert mi == pytest.approx(mi_kl, rel=1e-12)
    assert mutual_information(WEATHER, base=2) == pytest.approx(mi, rel=1e-12)
    assert kl_divergence(t, np.outer(px, py), axis=None, base=2) == pytest.approx(mi, rel=1e-12)
    assert mutual_information(WEATHER) == pytest.approx(mi * LN2, rel=1e-12)


def test_independent_and_deterministic_tables():
    px, py = np.array([0.2, 0.3, 0.5]), np.array([0.6, 0.4])
    indep = np.outer(px, py)
    assert 0.0 <= mutual_information(indep) < 1e-15
    assert conditional_entropy(indep) == pytest.approx(ref_entropy(py), rel=1e-13)
    # Y = X: I(X;Y) = H(X), H(Y|X) = 0
    diag = np.diag(px)
    assert mutual_information(diag) == pytest.approx(ref_entropy(px), rel=1e-14)
    assert conditional_entropy(diag) == 0.0
    assert joint_entropy(diag) == pytest.approx(ref_entropy(px), rel=1e-14)


def test_batched_tables_and_normalize():
    tables = np.stack([np.array(WEATHER), np.full((2, 2), 0.25), np.diag([0.5, 0.5])])
    out = mutual_information(tables, base=2)
    assert out.shape == (3,)
    np.testing.assert_allclose(
        out, [mutual_information(WEATHER, base=2), 0.0, 1.0], rtol=1e-13, atol=1e-15
    )
    np.testing.assert_allclose(joint_entropy(tables, base=2)[1:], [2.0, 1.0], rtol=1e-14)
    np.testing.assert_allclose(conditional_entropy(tables, base=2)[1:], [1.0, 0.0], atol=1e-15)
    counts = [[40, 10], [5, 45]]
    assert mutual_information(counts, normalize=True) == pytest.approx(
        mutual_information(WEATHER), rel=1e-14
    )


def test_mutual_information_with_tiny_cells_is_finite():
    # p(x) p(y) = 1e-400 underflows to 0 although p(x, y) = 1e-200 > 0; a ratio
    # p(x, y) / (p(x) p(y)) formed that way made I(X;Y) infinite.
    eps = 1e-200
    t = [[eps, 0.0], [0.0, 1.0 - eps]]
    expected = ref_entropy([eps, 1 - eps])  # Y = X, so I = H(X) ~ 4.6e-198
    assert mutual_information(t) == pytest.approx(expected, rel=1e-12, abs=0.0)
    assert conditional_entropy(t) == 0.0


# --- play tennis: information gain of each split, in bits -------------------------------


def _h2(yes, no):
    n = yes + no
    return ref_entropy([yes / n, no / n], base=2)


PARENT = [9, 5]  # yes, no
SPLITS = {
    "outlook": [[2, 3], [4, 0], [3, 2]],  # sunny, overcast, rainy
    "humidity": [[3, 4], [6, 1]],  # high, normal
    "wind": [[3, 3], [6, 2]],  # strong, weak
}


@pytest.mark.parametrize("attribute", sorted(SPLITS))
def test_play_tennis_information_gain(attribute):
    children = SPLITS[attribute]
    n = sum(PARENT)
    expected = _h2(*PARENT) - sum((y + no) / n * _h2(y, no) for y, no in children)
    ig = information_gain(PARENT, children, base=2)
    assert ig == pytest.approx(expected, rel=1e-13)
    # IG is the mutual information between branch and class under the node's counts
    assert ig == pytest.approx(mutual_information(children, normalize=True, base=2), rel=1e-12)
    assert 0.0 <= ig <= _h2(*PARENT)


def test_play_tennis_parent_entropy_and_ranking():
    assert _h2(9, 5) == pytest.approx(-(9 / 14) * math.log2(9 / 14) - (5 / 14) * math.log2(5 / 14))
    gains = {a: information_gain(PARENT, c, base=2) for a, c in SPLITS.items()}
    assert gains["outlook"] > gains["humidity"] > gains["wind"] > 0


def test_information_gain_edge_cases():
    # a perfect split recovers the whole parent entropy; an uninformative one nothing
    assert information_gain([5, 5], [[5, 0], [0, 5]], base=2) == pytest.approx(1.0, rel=1e-15)
    assert information_gain([4, 2], [[2, 1], [2, 1]]) == pytest.approx(0.0, abs=1e-15)
    # an empty child is ignored
    assert information_gain([5, 5], [[5, 0], [0, 0], [0, 5]], base=2) == pytest.approx(1.0)
    ig = information_gain(np.array([9.0, 5.0]), np.array(SPLITS["wind"], dtype=float))
    assert isinstance(ig, np.floating)
    assert not isinstance(ig, np.ndarray)


# --- from samples -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "kx", "ky"),
    [(50, 3, 4), (1000, 10, 7), (2000, 1500, 1500)],  # the last uses the sparse counting path
)
def test_from_samples_matches_sklearn(n, kx, ky):
    rng = np.random.default_rng(n + kx)
    x = rng.integers(0, kx, size=n)
    y = (x + rng.integers(0, 3, size=n)) % ky  # dependent on x
    mi = mutual_information_from_samples(x, y)
    assert mi == pytest.approx(mutual_info_score(x, y), rel=1e-10, abs=1e-14)
    assert mutual_information_from_samples(x, y, base=2) == pytest.approx(mi / LN2, rel=1e-13)


def test_from_samples_is_the_mutual_information_of_the_empirical_table():
    x = np.array([0, 0, 1, 1, 1, 2, 2, 2, 2, 0])
    y = np.array([1, 1, 0, 0, 1, 0, 0, 1, 1, 1])
    table = np.zeros((3, 2))
    np.add.at(table, (x, y), 1.0)
    assert mutual_information_from_samples(x, y) == pytest.approx(
        mutual_information(table / table.sum()), rel=1e-13
    )


def test_from_samples_label_types_give_the_same_answer():
    rng = np.random.default_rng(3)
    x = rng.integers(0, 4, size=300)
    y = (x * 2 + rng.integers(0, 2, size=300)) % 5
    expected = mutual_info_score(x, y)
    names = np.array(["red", "green", "blue", "cyan"])
    variants = {
        "strings": (names[x], y.astype(str)),
        "huge ints": (x * 10**12, y + 10**12),
        "negative ints": (x - 2, -y),
        "floats": (x * 0.5, y.astype(float) - 0.25),
        "non-contiguous": (x * 1000 + 7, y * 31),
        "uint64": (x.astype(np.uint64) * np.uint64(2**62 // 4), y),
        "lists": (x.tolist(), y.tolist()),
    }
    for name, (a, b) in variants.items():
        assert mutual_information_from_samples(a, b) == pytest.approx(expected, rel=1e-12), name


def test_from_samples_bool_labels():
    x = np.array([True, True, False, False, True, False, True, True])
    assert mutual_information_from_samples(x, x, base=2) == pytest.approx(
        ref_entropy([5 / 8, 3 / 8], base=2), rel=1e-13
    )
    assert mutual_information_from_samples(x, ~x, base=2) == pytest.approx(
        ref_entropy([5 / 8, 3 / 8], base=2), rel=1e-13
    )
    assert mutual_information_from_samples(x, np.ones(8, dtype=bool)) == 0.0


def test_from_samples_returns_numpy_scalar():
    out = mutual_information_from_samples([0, 1, 0, 1], [0, 1, 1, 0])
    assert isinstance(out, np.floating)
    assert not isinstance(out, np.ndarray)
    assert out == 0.0


def _miller_madow_by_hand(x, y):
    """Plug-in MI + (m_x + m_y - m_xy - 1) / (2 n), clipped at 0, from explicit counts."""
    n = len(x)
    cx, cy, cxy = {}, {}, {}
    for a, b in zip(x, y, strict=True):
        cx[a] = cx.get(a, 0) + 1
        cy[b] = cy.get(b, 0) + 1
        cxy[a, b] = cxy.get((a, b), 0) + 1
    plugin = math.fsum(c / n * math.log(c * n / (cx[a] * cy[b])) for (a, b), c in cxy.items())
    return max(plugin + (len(cx) + len(cy) - len(cxy) - 1) / (2 * n), 0.0), plugin


@pytest.mark.parametrize("seed", range(4))
def test_miller_madow_formula(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(20, 200))
    x = rng.integers(0, 5, size=n)
    y = np.where(rng.random(n) < 0.5, x, rng.integers(0, 6, size=n))
    mm, plugin = _miller_madow_by_hand(x.tolist(), y.tolist())
    assert mutual_information_from_samples(x, y) == pytest.approx(plugin, rel=1e-12)
    got = mutual_information_from_samples(x, y, estimator="miller-madow")
    assert got == pytest.approx(mm, rel=1e-12, abs=1e-15)


def test_miller_madow_correction_can_be_positive():
    # Y = X with two values: m_x = m_y = m_xy = 2, correction (2 + 2 - 2 - 1) / (2 * 4)
    x = [0, 1, 0, 1]
    assert mutual_information_from_samples(x, x, estimator="miller-madow") == pytest.approx(
        math.log(2) + 1 / 8, rel=1e-14
    )


def test_miller_madow_is_clipped_at_zero():
    # independent labels: the plug-in estimate is small, the correction negative
    x = [0, 0, 1, 1, 2, 2, 3, 3]
    y = [0, 1, 0, 1, 0, 1, 0, 1]
    assert mutual_information_from_samples(x, y) == 0.0
    # m_x = 4, m_y = 2, m_xy = 8: correction (4 + 2 - 8 - 1) / 16 < 0
    assert mutual_information_from_samples(x, y, estimator="miller-madow") == 0.0
    # a tiny dependence: plug-in > 0 but below the bias correction
    x = [0, 0, 0, 1, 1, 1, 2, 2, 2]
    y = [0, 1, 1, 0, 1, 1, 0, 0, 1]
    mm, plugin = _miller_madow_by_hand(x, y)
    assert plugin > 0
    assert mm == 0.0
    assert mutual_information_from_samples(x, y, estimator="miller-madow") == 0.0


# --- scale: O(n) memory for any number of labels ------------------------------------------------


def _peak_bytes(call) -> int:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


LABEL_KINDS = {
    "small ints": lambda codes: codes,
    "huge ints": lambda codes: codes * 10**9 + 7,
    "negative ints": lambda codes: codes - 10**6,
    "floats": lambda codes: codes * 0.5,
    "strings": lambda codes: codes.astype(str),
}


@pytest.mark.parametrize("kind", LABEL_KINDS.values(), ids=LABEL_KINDS.keys())
@pytest.mark.parametrize("n_labels", [10, 3_000, 60_000])
def test_from_samples_with_many_labels_matches_sklearn(n_labels, kind):
    rng = np.random.default_rng(n_labels)
    n = 100_000
    cx = rng.integers(0, n_labels, n)
    cy = (cx + rng.integers(0, 5, n)) % n_labels
    x, y = kind(cx), kind(cy)
    expected = mutual_info_score(cx, cy)
    assert mutual_information_from_samples(x, y) == pytest.approx(expected, rel=1e-10)
    mm, _ = _miller_madow_by_hand(cx.tolist(), cy.tolist())
    got = mutual_information_from_samples(x, y, estimator="miller-madow")
    assert got == pytest.approx(mm, rel=1e-10, abs=1e-15)


@pytest.mark.parametrize("n_labels", [10, 1_000, 100_000, 1_000_000])
def test_from_samples_memory_is_linear_in_the_samples(n_labels):
    # The dense table of 10**5 x 10**5 labels took 74.5 GiB; counting the
    # occupied cells takes a few times the input, for every cardinality.
    rng = np.random.default_rng(1)
    n = 1_000_000
    x = rng.integers(0, n_labels, n)
    y = (x + rng.integers(0, 30, n)) % n_labels
    for estimator in ("plugin", "miller-madow"):
        peak = _peak_bytes(lambda e=estimator: mutual_information_from_samples(x, y, estimator=e))
        assert peak <= 10 * (x.nbytes + y.nbytes), (n_labels, estimator, peak)


def test_label_codes_are_at_most_linear_in_the_samples():
    n = 5000
    rng = np.random.default_rng(2)
    ints = rng.integers(0, 50, n)
    for labels in (
        ints,
        ints * 10**12,
        ints - 2**40,
        (ints * 2**58).astype(np.uint64) + np.uint64(2**63),
        ints.astype(np.int8),
        ints * 0.1,
        ints.astype(str),
        ints.astype(str).astype(object),
        ints > 20,
    ):
        codes, k = _validation.label_codes(labels, "x")
        assert k <= max(4 * n, 1 << 16)
        assert codes.min() >= 0 and codes.max() < k
        # the same partition as the labels
        assert mutual_information_from_samples(labels, ints) == pytest.approx(
            mutual_information_from_samples(codes, ints), rel=1e-14
        )


@pytest.mark.parametrize("path", ["dense", "sparse", "renumbered"])
def test_joint_counts_every_path_gives_the_same_cells(path, monkeypatch):
    rng = np.random.default_rng(3)
    cx = rng.integers(0, 300, 5000)
    cy = rng.integers(0, 40, 5000) * 7
    expected = np.zeros((300, 280), dtype=np.int64)
    np.add.at(expected, (cx, cy), 1)
    if path != "dense":
        monkeypatch.setattr(_kernels, "DENSE_MIN_CELLS", 0)
        monkeypatch.setattr(_kernels, "DENSE_CELLS_PER_SAMPLE", 0)
    if path == "renumbered":  # as if the pair codes could overflow int64
        monkeypatch.setattr(_kernels, "PAIR_CODE_LIMIT", 1000)
    jc = _kernels.joint_counts(cx, 300, cy, 280)
    table = np.zeros_like(expected)
    table[jc.x, jc.y] = jc.n_xy
    np.testing.assert_array_equal(table, expected)
    assert (jc.n_xy > 0).all()
    np.testing.assert_array_equal(jc.n_x, expected.sum(axis=1))
    np.testing.assert_array_equal(jc.n_y, expected.sum(axis=0))


def test_ross_estimator_with_many_classes():
    # 5 000 classes of 5 samples: the class grouping is O(n), and the result
    # is scikit-learn's wherever every class has at least 2k + 2 samples (here
    # k = 1: classes of 4 or more; smaller ones are left out or brute-forced
    # by scikit-learn, see test_knn.py)
    from sklearn.feature_selection import mutual_info_classif

    from infotheory import mutual_information_knn

    rng = np.random.default_rng(4)
    n = 25_000
    labels = np.repeat(np.arange(n // 5) * 1000, 5)  # large, sparse label values
    x = labels / 1000 + rng.standard_normal(n) * 3
    ours = mutual_information_knn(x, labels, discrete_y=True, k=1)
    ref = mutual_info_classif(x[:, None], labels, n_neighbors=1, random_state=0)[0]
    assert ours == pytest.approx(ref, rel=1e-10)
    peak = _peak_bytes(lambda: mutual_information_knn(x, labels, discrete_y=True, k=1))
    assert peak <= 40 * (x.nbytes + labels.nbytes)


# --- conditional mutual information --------------------------------------------------------


def _cmi_by_hand(t):
    """sum p(x,y,z) log[p(z) p(x,y,z) / (p(x,z) p(y,z))], term by term."""
    nx, ny, nz = t.shape
    pz = [math.fsum(t[i, j, k] for i in range(nx) for j in range(ny)) for k in range(nz)]
    pxz = [[math.fsum(t[i, j, k] for j in range(ny)) for k in range(nz)] for i in range(nx)]
    pyz = [[math.fsum(t[i, j, k] for i in range(nx)) for k in range(nz)] for j in range(ny)]
    terms = [
        t[i, j, k] * math.log(pz[k] * t[i, j, k] / (pxz[i][k] * pyz[j][k]))
        for i in range(nx)
        for j in range(ny)
        for k in range(nz)
        if t[i, j, k] > 0
    ]
    return math.fsum(terms)


def _xor_table():
    t = np.zeros((2, 2, 2))
    for x in (0, 1):
        for y in (0, 1):
            t[x, y, x ^ y] = 0.25
    return t


def test_cmi_xor_and_common_cause():
    # Z = X xor Y: X and Y independent, but given Z each determines the other
    t = _xor_table()
    assert mutual_information(t.sum(axis=2)) == 0.0
    assert conditional_mutual_information(t, base=2) == 1.0
    # common cause: X and Y are noisy copies of Z, independent given Z
    pz = np.array([0.3, 0.7])
    channel = np.array([[0.9, 0.1], [0.2, 0.8]])  # P(x | z) = P(y | z)
    t = np.einsum("k,ki,kj->ijk", pz, channel, channel)
    assert mutual_information(t.sum(axis=2)) > 0.05
    assert conditional_mutual_information(t) == pytest.approx(0.0, abs=1e-15)


def test_cmi_matches_hand_formula_and_chain_rule():
    rng = np.random.default_rng(11)
    for shape in [(2, 3, 4), (3, 3, 2), (4, 2, 5)]:
        t = rng.dirichlet(np.ones(np.prod(shape))).reshape(shape)
        t[0, 0, 0] = 0.0  # an empty cell
        t /= t.sum()
        cmi = conditional_mutual_information(t)
        assert cmi == pytest.approx(_cmi_by_hand(t), rel=1e-12)
        assert conditional_mutual_information(t, base=2) == pytest.approx(cmi / LN2, rel=1e-13)
        # chain rule: I(X; Y, Z) = I(X; Z) + I(X; Y | Z)
        i_x_yz = mutual_information(t.reshape(shape[0], -1))
        i_x_z = mutual_information(t.sum(axis=1))
        assert i_x_yz == pytest.approx(i_x_z + cmi, rel=1e-12)
        # H(X|Z) - H(X|Y,Z)
        h_x_given_z = conditional_entropy(t.sum(axis=1).T)
        h_x_given_yz = conditional_entropy(t.reshape(shape[0], -1).T)
        assert cmi == pytest.approx(h_x_given_z - h_x_given_yz, rel=1e-10, abs=1e-15)


def test_cmi_with_a_single_z_is_mutual_information_and_empty_z_slices_drop():
    t = np.array(WEATHER)[..., None]
    assert conditional_mutual_information(t) == pytest.approx(mutual_information(WEATHER))
    t = np.concatenate([t, np.zeros((2, 2, 3))], axis=2)  # z values that never occur
    assert conditional_mutual_information(t) == pytest.approx(mutual_information(WEATHER))


def test_cmi_batched():
    tables = np.stack([_xor_table(), np.full((2, 2, 2), 0.125)])
    out = conditional_mutual_information(tables, base=2)
    assert out.shape == (2,)
    np.testing.assert_allclose(out, [1.0, 0.0], atol=1e-15)


def _cmi_from_samples_by_hand(x, y, z, miller_madow=False):
    n = len(x)
    c = {}
    for key in zip(x, y, z, strict=True):
        c[key] = c.get(key, 0) + 1

    def marginal(f):
        m = {}
        for key, v in c.items():
            m[f(key)] = m.get(f(key), 0) + v
        return m

    cz, cxz, cyz = (
        marginal(lambda k: k[2]),
        marginal(lambda k: (k[0], k[2])),
        marginal(lambda k: (k[1], k[2])),
    )
    plugin = math.fsum(
        v / n * math.log(v * cz[k[2]] / (cxz[k[0], k[2]] * cyz[k[1], k[2]])) for k, v in c.items()
    )
    if miller_madow:
        plugin += (len(cxz) + len(cyz) - len(c) - len(cz)) / (2 * n)
    return max(plugin, 0.0)


@pytest.mark.parametrize("seed", range(5))
def test_cmi_from_samples_by_hand(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(10, 300))
    z = rng.integers(0, 3, size=n)
    x = (z + rng.integers(0, 2, size=n)) % 4
    y = np.where(rng.random(n) < 0.6, x, rng.integers(0, 5, size=n))
    for mm in (False, True):
        est = "miller-madow" if mm else "plugin"
        got = conditional_mutual_information_from_samples(x, y, z, estimator=est)
        expected = _cmi_from_samples_by_hand(x.tolist(), y.tolist(), z.tolist(), mm)
        assert got == pytest.approx(expected, rel=1e-12, abs=1e-15), est
    # the plug-in estimate is the CMI of the empirical table
    t = np.zeros((4, 5, 3))
    np.add.at(t, (x, y, z), 1.0)
    assert conditional_mutual_information_from_samples(x, y, z) == pytest.approx(
        conditional_mutual_information(t / n), rel=1e-12, abs=1e-15
    )


def test_cmi_from_samples_label_types_and_sparse_labels():
    rng = np.random.default_rng(5)
    n = 3000
    z = rng.integers(0, 1000, size=n)  # many z values: the sparse contingency path
    x = (z + rng.integers(0, 2, size=n)) % 1000
    y = (x + rng.integers(0, 2, size=n)) % 1000
    expected = _cmi_from_samples_by_hand(x.tolist(), y.tolist(), z.tolist())
    assert conditional_mutual_information_from_samples(x, y, z) == pytest.approx(
        expected, rel=1e-11
    )
    names = np.array([f"z{i}" for i in range(1000)])
    assert conditional_mutual_information_from_samples(
        x * 10**12, y.astype(float) / 3, names[z]
    ) == pytest.approx(expected, rel=1e-11)


def test_cmi_from_samples_xor_and_constant_z():
    x, y = [0, 0, 1, 1], [0, 1, 0, 1]
    assert conditional_mutual_information_from_samples(x, y, [0, 1, 1, 0], base=2) == 1.0
    # a constant Z conditions on nothing: I(X; Y | Z) = I(X; Y)
    x = [0, 0, 1, 1, 2, 0]
    y = [1, 1, 0, 0, 1, 0]
    assert conditional_mutual_information_from_samples(x, y, [7] * 6) == pytest.approx(
        mutual_information_from_samples(x, y), rel=1e-13
    )
    # Z = X: nothing left to learn
    assert conditional_mutual_information_from_samples(x, y, x) == 0.0


# --- variation of information and normalised mutual information ----------------------------


def test_variation_of_information_by_hand():
    t = np.array(WEATHER)
    hxy = ref_entropy(t.ravel())
    hx, hy = ref_entropy(t.sum(axis=1)), ref_entropy(t.sum(axis=0))
    vi = 2 * hxy - hx - hy
    assert variation_of_information(WEATHER) == pytest.approx(vi, rel=1e-13)
    assert variation_of_information(WEATHER, base=2) == pytest.approx(vi / LN2, rel=1e-13)
    assert variation_of_information(WEATHER) == pytest.approx(
        conditional_entropy(t) + conditional_entropy(t.T), rel=1e-14
    )
    assert variation_of_information(WEATHER) == pytest.approx(
        joint_entropy(t) - mutual_information(t), rel=1e-13
    )
    # a relabelling (permuted columns) is distance 0; independence gives H(X) + H(Y)
    assert variation_of_information([[0.0, 0.3], [0.7, 0.0]]) == 0.0
    assert variation_of_information(np.outer([0.5, 0.5], [0.25, 0.75])) == pytest.approx(
        math.log(2) + ref_entropy([0.25, 0.75]), rel=1e-14
    )
    out = variation_of_information(np.stack([t, np.eye(2) / 2]))
    assert out.shape == (2,)
    np.testing.assert_allclose(out, [vi, 0.0], rtol=1e-13)


AVERAGES = ["arithmetic", "geometric", "min", "max"]


@pytest.mark.parametrize("average", AVERAGES)
@pytest.mark.parametrize("seed", range(5))
def test_nmi_equals_sklearn_for_every_average(average, seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 400))
    x = rng.integers(0, int(rng.integers(1, 8)), size=n)
    y = np.where(rng.random(n) < 0.5, x, rng.integers(0, int(rng.integers(1, 8)), size=n))
    ours = normalized_mutual_information_from_samples(x, y, average=average)
    assert ours == pytest.approx(
        normalized_mutual_info_score(x, y, average_method=average), rel=1e-12, abs=1e-15
    )
    assert 0.0 <= ours <= 1.0


# sklearn warns about the float labels of the last case; they are categories here
@pytest.mark.filterwarnings("ignore:Clustering metrics expects discrete values")
@pytest.mark.parametrize("average", AVERAGES)
def test_nmi_degenerate_cases_match_sklearn(average):
    cases = [
        ([0, 0, 0], [1, 1, 1]),  # both constant: 1
        ([0, 0, 0, 0], [0, 1, 0, 1]),  # one constant: 0
        ([0, 1, 2, 3], [3, 2, 1, 0]),  # a relabelling: 1
        ([0, 0, 1, 1], [0, 1, 0, 1]),  # independent: 0
        (["a", "b", "b"], [1.5, 2.5, 2.5]),
    ]
    for x, y in cases:
        ours = normalized_mutual_information_from_samples(x, y, average=average)
        assert isinstance(ours, np.float64)
        assert ours == pytest.approx(
            normalized_mutual_info_score(x, y, average_method=average), abs=1e-15
        ), (x, y)


def test_nmi_by_hand():
    # y splits one class of x: I = H(X) = log 2, H(Y) = 1.5 log 2
    x, y = [0, 0, 1, 1], [0, 0, 1, 2]
    assert normalized_mutual_information_from_samples(x, y) == pytest.approx(1 / 1.25, rel=1e-14)
    assert normalized_mutual_information_from_samples(x, y, average="geometric") == pytest.approx(
        1 / math.sqrt(1.5), rel=1e-14
    )
    assert normalized_mutual_information_from_samples(x, y, average="min") == 1.0
    assert normalized_mutual_information_from_samples(x, y, average="max") == pytest.approx(
        1 / 1.5, rel=1e-14
    )
