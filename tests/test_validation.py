"""Every bad input raises ValueError naming the problem; normalize=True; return types."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

import infotheory as it
from infotheory import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    binary_entropy,
    chi_squared,
    conditional_entropy,
    conditional_mutual_information,
    conditional_mutual_information_from_samples,
    cross_entropy,
    cross_entropy_with_logits,
    differential_entropy,
    differential_entropy_gaussian,
    entropy,
    entropy_from_counts,
    f_divergence,
    hellinger_squared,
    huffman_code,
    information_content,
    information_gain,
    joint_entropy,
    js_distance,
    js_divergence,
    kl_divergence,
    kl_gaussian,
    kl_multivariate_normal,
    kl_normal,
    log_softmax,
    mutual_information,
    mutual_information_from_samples,
    normalized_mutual_information_from_samples,
    perplexity,
    renyi_divergence,
    renyi_entropy,
    smooth_labels,
    softmax,
    total_variation,
    tsallis_entropy,
    variation_of_information,
    wasserstein_distance,
)

NAN, INF = math.nan, math.inf
P = [0.5, 0.5]
Q = [0.25, 0.75]
P3 = [0.2, 0.3, 0.5]
TABLE = [[0.4, 0.1], [0.05, 0.45]]
LOGITS = [[2.0, 1.0, 0.1], [0.5, 2.5, 0.0]]
TABLE3 = np.full((2, 2, 2), 0.125)
EYE2 = np.eye(2)

PAIR_FUNCS = [
    cross_entropy,
    kl_divergence,
    js_divergence,
    js_distance,
    total_variation,
    chi_squared,
    hellinger_squared,
    lambda p, q, **kw: f_divergence(p, q, lambda t: (t - 1) ** 2, **kw),
]
PAIR_IDS = ["cross_entropy", "kl", "js", "js_distance", "tv", "chi2", "hellinger", "f_div"]
BASE_FUNCS = {
    "entropy": lambda b: entropy(P, base=b),
    "information_content": lambda b: information_content(0.5, base=b),
    "binary_entropy": lambda b: binary_entropy(0.5, base=b),
    "cross_entropy": lambda b: cross_entropy(P, Q, base=b),
    "kl": lambda b: kl_divergence(P, Q, base=b),
    "js": lambda b: js_divergence(P, Q, base=b),
    "js_distance": lambda b: js_distance(P, Q, base=b),
    "f_div": lambda b: f_divergence(P, Q, np.abs, base=b),
    "kl_gaussian": lambda b: kl_gaussian([0.0], [0.0], base=b),
    "kl_normal": lambda b: kl_normal(0.0, 1.0, 0.0, 1.0, base=b),
    "joint_entropy": lambda b: joint_entropy(TABLE, base=b),
    "conditional_entropy": lambda b: conditional_entropy(TABLE, base=b),
    "mutual_information": lambda b: mutual_information(TABLE, base=b),
    "mi_samples": lambda b: mutual_information_from_samples([0, 1], [0, 1], base=b),
    "information_gain": lambda b: information_gain([1, 1], [[1, 0], [0, 1]], base=b),
    "ce_logits": lambda b: cross_entropy_with_logits([0, 1], LOGITS, base=b),
    "bce": lambda b: binary_cross_entropy([1.0], [0.5], base=b),
    "bce_logits": lambda b: binary_cross_entropy_with_logits([1.0], [0.5], base=b),
    "renyi_entropy": lambda b: renyi_entropy(P, 2, base=b),
    "renyi_divergence": lambda b: renyi_divergence(P, Q, 2, base=b),
    "cmi": lambda b: conditional_mutual_information(TABLE3, base=b),
    "cmi_samples": lambda b: conditional_mutual_information_from_samples(
        [0, 1], [0, 1], [0, 0], base=b
    ),
    "vi": lambda b: variation_of_information(TABLE, base=b),
    "entropy_from_counts": lambda b: entropy_from_counts([1, 2], base=b),
    "diff_entropy_gaussian": lambda b: differential_entropy_gaussian(1.0, base=b),
    "diff_entropy": lambda b: differential_entropy([0.0, 1.0, 3.0], k=1, base=b),
    "kl_mvn": lambda b: kl_multivariate_normal([0.0], [[1.0]], [0.0], [[1.0]], base=b),
}
BAD_BASES = [0, -2.0, 0.5, 1, 1.0, NAN, INF, "2", None, True]


def _t_log_t_naive(t):
    with np.errstate(divide="ignore", invalid="ignore"):
        return t * np.log(t)


def _cases():
    """(id, thunk, regex the message must match)."""
    cases = []

    def add(case_id, thunk, match):
        cases.append(pytest.param(thunk, match, id=case_id))

    # --- a single distribution -------------------------------------------------------
    add("entropy-negative", lambda: entropy([0.6, -0.1, 0.5]), r"p has a negative entry")
    add("entropy-nan", lambda: entropy([NAN, 1.0]), r"p must be finite, found nan")
    add("entropy-inf", lambda: entropy([INF, 0.0]), r"p must be finite, found inf")
    add("entropy-neg-inf", lambda: entropy([-INF, 1.0]), r"p must be finite")
    add(
        "entropy-sum",
        lambda: entropy([0.6, 0.6]),
        re.escape(
            "p sums to 1.2, expected 1 (off by +0.2; the tolerance is 1e-06); "
            "pass normalize=True to rescale"
        ),
    )
    add("entropy-sum-low", lambda: entropy([0.3, 0.3]), r"p sums to 0\.6.*normalize=True")
    add(
        "entropy-sum-tiny-excess",  # 1 + 1.1e-6 must not be shown as "1"
        lambda: entropy([0.5, 0.5 + 1.1e-6]),
        re.escape("p sums to 1.0000011, expected 1 (off by +1.1e-06; the tolerance is 1e-06)"),
    )
    add(
        "entropy-sum-float32",
        lambda: entropy(np.array([0.5, 0.5002], dtype=np.float32)),
        re.escape("p sums to 1.0002, expected 1 (off by +0.0002; the tolerance is 0.0001)"),
    )
    add(
        "entropy-sum-batched",  # names the row
        lambda: entropy([[0.5, 0.5], [0.5, 0.5], [0.5, 0.7]]),
        re.escape("p[2, :] sums to 1.2, expected 1"),
    )
    add(
        "entropy-sum-batched-3d",
        lambda: entropy(np.full((2, 3, 2), 0.5) + np.eye(2)[:, None, :] * 0.25),
        re.escape("p[0, 0, :] sums to 1.25"),
    )
    add(
        "entropy-sum-axis0",
        lambda: entropy([[0.5, 0.5], [0.5, 0.7]], axis=0),
        re.escape("p[:, 1] sums to 1.2"),
    )
    add("entropy-sum-axis-none", lambda: entropy([[0.5, 0.5]] * 2, axis=None), r"p sums to 2")
    add("entropy-empty", lambda: entropy([]), r"p is empty")
    add(
        "entropy-empty-2d",
        lambda: entropy(np.zeros((3, 0))),
        re.escape("p is empty: no outcomes along axis 1 (shape (3, 0))"),
    )
    add("entropy-empty-axis-none", lambda: entropy(np.zeros((0, 3)), axis=None), r"p is empty$")
    add("entropy-scalar", lambda: entropy(1.0), r"p is a scalar")
    add(
        "entropy-ragged",
        lambda: entropy([[0.5, 0.5], [1.0]]),
        r"^p must be an array \(numpy could not convert it: .*inhomogeneous",
    )
    add(
        "mi_samples-ragged",
        lambda: mutual_information_from_samples([[0], [1, 2]], [0, 1]),
        r"^x must be an array \(numpy could not convert it",
    )
    add("entropy-strings", lambda: entropy(["a", "b"]), r"p must be an array of numbers")
    add("entropy-object", lambda: entropy([0.5, None]), r"p must be an array of numbers")
    add("entropy-complex", lambda: entropy([0.5 + 0j, 0.5]), r"p must be real")
    add("entropy-axis-range", lambda: entropy(P, axis=1), r"axis 1 is out of range for p")
    add("entropy-axis-neg-range", lambda: entropy(P, axis=-2), r"axis -2 is out of range")
    add("entropy-axis-float", lambda: entropy(P, axis=0.0), r"axis must be an int or None")
    add("entropy-axis-bool", lambda: entropy(P, axis=True), r"axis must be an int or None")
    add(
        "entropy-normalize-zero",
        lambda: entropy([0.0, 0.0], normalize=True),
        r"^p has zero total mass \(all entries are 0\); cannot normalize",
    )
    add(
        "entropy-normalize-zero-row",
        lambda: entropy([[1.0, 2.0], [0.0, 0.0]], normalize=True),
        re.escape("p[1, :] has zero total mass"),
    )
    add("entropy-normalize-not-bool", lambda: entropy(P, normalize="yes"), r"normalize must be")
    add("entropy-normalize-none", lambda: entropy(P, normalize=None), r"normalize must be True")
    add(
        "entropy-normalize-negative",
        lambda: entropy([2.0, -1.0], normalize=True),
        r"p has a negative entry",
    )
    add("information_content-above-1", lambda: information_content(1.5), r"p must lie in \[0, 1\]")
    add("information_content-negative", lambda: information_content([-0.1]), r"\[0, 1\]")
    add("information_content-nan", lambda: information_content(NAN), r"p must be finite")
    add("binary_entropy-above-1", lambda: binary_entropy([0.5, 1.5]), r"p must lie in \[0, 1\]")
    add("binary_entropy-nan", lambda: binary_entropy([NAN]), r"p must be finite")

    # --- pairs of distributions: every pair function, every defect --------------------
    for func, name in zip(PAIR_FUNCS, PAIR_IDS, strict=True):
        add(f"{name}-q-negative", lambda f=func: f(P, [1.5, -0.5]), r"q has a negative entry")
        add(f"{name}-p-nan", lambda f=func: f([NAN, 0.5], Q), r"p must be finite")
        add(f"{name}-q-inf", lambda f=func: f(P, [INF, 0.0]), r"q must be finite")
        add(
            f"{name}-q-sum",
            lambda f=func: f(P, [0.5, 0.7]),
            re.escape("q sums to 1.2, expected 1 (off by +0.2; the tolerance is 1e-06); pass"),
        )
        add(f"{name}-p-empty", lambda f=func: f([], Q), r"p is empty")
        add(
            f"{name}-outcomes",
            lambda f=func: f(P, P3),
            r"p has 2 outcomes along axis -1 but q has 3",
        )
        add(
            f"{name}-no-broadcast",
            lambda f=func: f([P] * 2, [Q] * 3),
            r"shapes of p \(2, 2\) and q \(3, 2\) do not broadcast",
        )
        add(
            f"{name}-axis-none-shapes",
            lambda f=func: f([[0.25, 0.25], [0.25, 0.25]], [0.25] * 4, axis=None),
            r"with axis=None they must match",
        )
        add(
            f"{name}-axis-ndim",
            lambda f=func: f([[0.5, 0.5], [0.5, 0.5]], P, axis=0),
            r"axis 0 names different dimensions",
        )
        add(f"{name}-axis-range", lambda f=func: f(P, Q, axis=3), r"axis 3 is out of range")

    # --- base, for every function that takes one ------------------------------------
    for name, thunk in BASE_FUNCS.items():
        for b in BAD_BASES:
            add(f"{name}-base-{b!r}", lambda t=thunk, b=b: t(b), r"^base must be")

    # --- f_divergence's generator -----------------------------------------------------
    add("f_div-not-callable", lambda: f_divergence(P, Q, "kl"), r"f must be a callable")
    add(
        "f_div-nan-generator",  # t log t at t = 0 is 0 * -inf = NaN
        lambda: f_divergence([1.0, 0.0], Q, _t_log_t_naive),
        r"f returned NaN at t = 0\.0.*xlogy",
    )
    add(
        "f_div-not-elementwise",
        lambda: f_divergence(P, Q, lambda t: np.sum(t)),
        r"f must be elementwise",
    )
    add(
        "f_div-f_inf-missing",
        lambda: f_divergence(P, [1.0, 0.0], lambda t: (t - 1) ** 2),
        r"q has a zero .* pass f_inf",
    )
    for bad in [NAN, -INF, "1", True, [1.0], 1 + 1j]:
        for q in ([1.0, 0.0], Q):  # checked whether or not it is needed
            add(
                f"f_div-f_inf-{bad!r}-{q}",
                lambda b=bad, q=q: f_divergence(P, q, lambda t: (t - 1) ** 2, f_inf=b),
                r"^f_inf must be",
            )

    # --- Gaussians ----------------------------------------------------------------------
    add("kl_gaussian-mu-nan", lambda: kl_gaussian([NAN], [0.0]), r"mu must be finite")
    add("kl_gaussian-lv-inf", lambda: kl_gaussian([0.0], [INF]), r"log_var must be finite")
    add("kl_gaussian-shapes", lambda: kl_gaussian([0.0] * 3, [0.0] * 2), r"must broadcast")
    add("kl_gaussian-empty", lambda: kl_gaussian([], []), r"mu is empty")
    add("kl_gaussian-axis", lambda: kl_gaussian([0.0], [0.0], axis=1), r"axis 1 is out of range")
    for arg, kwargs in [
        ("sigma_p", {"sigma_p": 0.0}),
        ("sigma_p", {"sigma_p": -1.0}),
        ("sigma_q", {"sigma_q": 0.0}),
        ("sigma_q", {"sigma_q": [1.0, -2.0]}),
    ]:
        full = {"mu_p": 0.0, "sigma_p": 1.0, "mu_q": 0.0, "sigma_q": 1.0, **kwargs}
        add(
            f"kl_normal-{arg}-{kwargs[arg]}",
            lambda k=full: kl_normal(**k),
            f"{arg} must be positive",
        )
    add("kl_normal-sigma-nan", lambda: kl_normal(0.0, NAN, 0.0, 1.0), r"sigma_p must be finite")
    add("kl_normal-mu-inf", lambda: kl_normal(0.0, 1.0, INF, 1.0), r"mu_q must be finite")
    add(
        "kl_normal-shapes",
        lambda: kl_normal([0.0, 1.0], 1.0, [0.0, 1.0, 2.0], 1.0),
        r"must broadcast together",
    )

    # --- joint tables ------------------------------------------------------------------
    for name, func in [
        ("joint_entropy", joint_entropy),
        ("conditional_entropy", conditional_entropy),
        ("mutual_information", mutual_information),
    ]:
        add(f"{name}-1d", lambda f=func: f(P), r"pxy must be a 2-D joint table")
        add(f"{name}-sum", lambda f=func: f([[0.5, 0.5], [0.5, 0.5]]), r"pxy sums to 2.*normalize")
        add(f"{name}-negative", lambda f=func: f([[0.6, -0.1], [0.0, 0.5]]), r"pxy has a negative")
        add(f"{name}-nan", lambda f=func: f([[NAN, 0.5], [0.0, 0.5]]), r"pxy must be finite")
        add(f"{name}-empty", lambda f=func: f(np.zeros((0, 2))), r"pxy is empty")

    # --- samples --------------------------------------------------------------------
    mi_s = mutual_information_from_samples
    add("mi_samples-lengths", lambda: mi_s([0, 1, 0], [0, 1]), r"x has 3 samples but y has 2")
    add("mi_samples-estimator", lambda: mi_s([0, 1], [0, 1], estimator="mle"), r"estimator must")
    add("mi_samples-2d", lambda: mi_s([[0, 1]], [[0, 1]]), r"x must be a 1-D array of labels")
    add("mi_samples-empty", lambda: mi_s([], []), r"x is empty")
    add("mi_samples-nan", lambda: mi_s([0.0, NAN], [0, 1]), r"x has NaN or infinite labels")
    add("mi_samples-inf", lambda: mi_s([0, 1], [0.0, INF]), r"y has NaN or infinite labels")
    add("mi_samples-none", lambda: mi_s([0, None], [0, 1]), r"x has a missing label \(None\) at")
    add(
        "mi_samples-obj-nan",
        lambda: mi_s(np.array(["a", NAN], dtype=object), [0, 1]),
        r"x has a missing label \(nan\) at index 1",
    )
    add(
        "mi_samples-mixed",
        lambda: mi_s(np.array(["a", 1], dtype=object), [0, 1]),
        r"x has labels that cannot be sorted together \(mixed types\?\)",
    )
    add("mi_samples-complex", lambda: mi_s([1j, 0], [0, 1]), r"x must hold real labels")
    add("mi_samples-masked", lambda: mi_s(np.ma.masked_array([0, 1], [0, 1]), [0, 1]), r"masked")

    # --- information gain -------------------------------------------------------------
    ig = information_gain
    add(
        "ig-children-sum",
        lambda: ig([9, 5], [[2, 3], [4, 0], [3, 1]]),
        r"children_counts add up to \[9\.0, 4\.0\] per class, but parent_counts is \[9\.0, 5\.0\]",
    )
    add("ig-parent-2d", lambda: ig([[9, 5]], [[9, 5]]), r"parent_counts must be 1-D")
    add("ig-children-shape", lambda: ig([9, 5], [9, 5]), r"children_counts must have shape")
    add("ig-children-cols", lambda: ig([9, 5], [[9, 5, 0]]), r"children_counts must have shape")
    add("ig-negative", lambda: ig([9, 5], [[10, 5], [-1, 0]]), r"children_counts has a negative")
    add("ig-zero", lambda: ig([0, 0], [[0, 0]]), r"parent_counts has no observations")
    add("ig-nan", lambda: ig([NAN, 5], [[9, 5]]), r"parent_counts must be finite")

    # --- softmax / log_softmax ----------------------------------------------------------
    for name, func in [("softmax", softmax), ("log_softmax", log_softmax)]:
        for t in [0, -1.0, NAN, INF, "1", None, True]:
            add(
                f"{name}-temperature-{t!r}",
                lambda f=func, t=t: f([1.0, 2.0], temperature=t),
                r"temperature must be",
            )
        add(f"{name}-nan", lambda f=func: f([1.0, NAN]), r"logits contains NaN")
        add(f"{name}-pos-inf", lambda f=func: f([1.0, INF]), r"logits contains \+inf")
        add(
            f"{name}-all-masked",
            lambda f=func: f([[0.0, 1.0], [-INF, -INF]]),
            re.escape("logits[1, :] has no finite logit (all -inf)"),
        )
        add(
            f"{name}-all-masked-axis-none",
            lambda f=func: f([[-INF, -INF]], axis=None),
            r"^logits has no finite logit",
        )
        add(f"{name}-axis-float", lambda f=func: f([1.0, 2.0], axis=1.0), r"axis must be an int")
        add(f"{name}-axis", lambda f=func: f([1.0, 2.0], axis=1), r"axis 1 is out of range")
        add(f"{name}-scalar", lambda f=func: f(1.0), r"logits is a scalar")
        add(f"{name}-empty", lambda f=func: f([]), r"logits is empty")

    # --- label smoothing and class labels ------------------------------------------------
    for eps in [1.0, -0.1, 1.5, NAN, "0.1", None, True]:
        add(f"smooth-eps-{eps!r}", lambda e=eps: smooth_labels([0], 3, e), r"^smoothing must")
    add("smooth-label-high", lambda: smooth_labels([0, 5], 5, 0.1), r"labels must lie in \[0, 5\)")
    add(
        "smooth-label-negative", lambda: smooth_labels([-1], 5, 0.1), r"labels must lie in \[0, 5\)"
    )
    add("smooth-label-fraction", lambda: smooth_labels([1.5], 5, 0.1), r"integer class indices")
    add("smooth-label-nan", lambda: smooth_labels([NAN], 5, 0.1), r"integer class indices")
    add("smooth-label-string", lambda: smooth_labels(["1"], 5, 0.1), r"integer class indices")
    add("smooth-n-classes-0", lambda: smooth_labels([0], 0, 0.1), r"n_classes must be at least 1")
    add("smooth-n-classes-float", lambda: smooth_labels([0], 3.0, 0.1), r"n_classes must be an int")

    # --- cross-entropy from logits ------------------------------------------------------
    ce = cross_entropy_with_logits
    add("ce-label-range", lambda: ce([0, 3], LOGITS), r"labels must lie in \[0, 3\)")
    add("ce-label-negative", lambda: ce([0, -1], LOGITS), r"labels must lie in \[0, 3\)")
    add("ce-hard-shape", lambda: ce([0, 1, 2], LOGITS), r"integer targets must have shape \(2,\)")
    add("ce-soft-shape", lambda: ce([0.0, 1.0], LOGITS), r"soft targets must have the shape")
    add(
        "ce-soft-sum",
        lambda: ce([[0.5, 0.5, 0.5], [1.0, 0.0, 0.0]], LOGITS),
        # cross_entropy_with_logits has no normalize parameter: no hint to use one
        re.escape("targets[0, :] sums to 1.5, expected 1 (off by +0.5; the tolerance is 1e-06)")
        + "$",
    )
    add("ce-soft-negative", lambda: ce([[1.5, -0.5, 0.0]], [[1.0, 2.0, 3.0]]), r"targets has a neg")
    add("ce-reduction", lambda: ce([0, 1], LOGITS, reduction="avg"), r"reduction must be")
    add("ce-reduction-none-obj", lambda: ce([0, 1], LOGITS, reduction=None), r"reduction must be")
    add("ce-smoothing", lambda: ce([0, 1], LOGITS, label_smoothing=1.0), r"^label_smoothing must")
    add("ce-smoothing-neg", lambda: ce([0, 1], LOGITS, label_smoothing=-0.1), r"^label_smoothing")
    add("ce-logits-scalar", lambda: ce(0, 1.0), r"logits must have a class axis")
    add("ce-logits-nan", lambda: ce([0], [[NAN, 1.0]]), r"logits contains NaN")
    add("ce-logits-empty", lambda: ce([], []), r"logits is empty")

    # --- binary cross-entropy -------------------------------------------------------------
    for name, func, y_bad, z in [
        ("bce", binary_cross_entropy, [1.2], [0.5]),
        ("bce_logits", binary_cross_entropy_with_logits, [1.2], [0.5]),
    ]:
        add(f"{name}-y-range", lambda f=func, y=y_bad, z=z: f(y, z), r"y_true must lie in \[0, 1\]")
        add(f"{name}-y-nan", lambda f=func: f([NAN], [0.5]), r"y_true must be finite")
        add(
            f"{name}-shapes",
            lambda f=func: f([1.0, 0.0, 1.0], [[0.5], [0.5], [0.5]]),
            r"has shape \(3,\) but .* has shape \(3, 1\); they must match",
        )
        add(f"{name}-reduction", lambda f=func: f([1.0], [0.5], reduction="mean "), r"reduction")
        add(f"{name}-empty-mean", lambda f=func: f([], []), r"the batch is empty.*reduction='sum'")
    add("bce-pred-range", lambda: binary_cross_entropy([1.0], [-0.1]), r"y_pred must lie in")
    add("bce-pred-nan", lambda: binary_cross_entropy([1.0], [NAN]), r"y_pred must be finite")
    add(
        "bce_logits-inf",
        lambda: binary_cross_entropy_with_logits([1.0], [INF]),
        r"logits must be finite",
    )
    add(
        "bce_logits-nan",
        lambda: binary_cross_entropy_with_logits([1.0], [NAN]),
        r"logits must be finite",
    )

    # --- orders (alpha): one scalar checker ------------------------------------------------
    for name, func in [
        ("renyi_entropy", lambda a: renyi_entropy(P, a)),
        ("renyi_divergence", lambda a: renyi_divergence(P, Q, a)),
        ("tsallis", lambda a: tsallis_entropy(P, a)),
    ]:
        for a, match in [
            (-0.5, r"alpha must be at least 0, got -0\.5"),
            (NAN, r"alpha must be (a number or \+inf|finite), got nan"),
            ("2", r"alpha must be a real number, got '2'"),
            (None, r"alpha must be a real number"),
            (True, r"alpha must be a real number, got True"),
            (np.array([1.0, 2.0]), r"alpha must be a real number"),
        ]:
            add(f"{name}-alpha-{a!r}", lambda f=func, a=a: f(a), match)
    add("tsallis-alpha-inf", lambda: tsallis_entropy(P, INF), r"alpha must be finite")
    add("renyi_entropy-negative", lambda: renyi_entropy([1.5, -0.5], 2), r"p has a negative entry")
    add("renyi_entropy-sum", lambda: renyi_entropy([0.5, 0.6], 2), r"p sums to 1\.1")
    add("renyi_entropy-axis", lambda: renyi_entropy(P, 2, axis=1), r"axis 1 is out of range")
    add("renyi_entropy-empty", lambda: renyi_entropy([], 2), r"p is empty")
    add("renyi_div-outcomes", lambda: renyi_divergence(P, P3, 2), r"p has 2 outcomes .* q has 3")
    add("renyi_div-q-nan", lambda: renyi_divergence(P, [NAN, 1.0], 0.5), r"q must be finite")
    add("renyi_div-axis-none", lambda: renyi_divergence([P], P, 2, axis=None), r"must match")
    add("tsallis-sum", lambda: tsallis_entropy([0.2, 0.2], 2), r"p sums to 0\.4")
    add("tsallis-scalar", lambda: tsallis_entropy(1.0, 2), r"p is a scalar")
    add("perplexity-sum", lambda: perplexity([0.6, 0.6]), r"p sums to 1\.2")
    add("perplexity-negative", lambda: perplexity([1.1, -0.1]), r"p has a negative entry")
    add("perplexity-axis", lambda: perplexity(P, axis=2), r"axis 2 is out of range")
    add("perplexity-empty", lambda: perplexity([]), r"p is empty")

    # --- conditional MI, VI, NMI ---------------------------------------------------------
    cmi = conditional_mutual_information
    add("cmi-2d", lambda: cmi(TABLE), r"pxyz must be a 3-D joint table \(axes X, Y, Z\)")
    add("cmi-sum", lambda: cmi(np.full((2, 2, 2), 0.25)), r"pxyz sums to 2")
    add("cmi-negative", lambda: cmi(TABLE3 - np.eye(2)[..., None] * 0.2), r"pxyz has a negative")
    add("cmi-nan", lambda: cmi(np.full((2, 2, 2), NAN)), r"pxyz must be finite")
    add("cmi-empty", lambda: cmi(np.zeros((2, 0, 2))), r"pxyz is empty")
    cmi_s = conditional_mutual_information_from_samples
    add("cmi_s-lengths-y", lambda: cmi_s([0, 1, 0], [0, 1], [0, 0, 0]), r"x has 3 .* y has 2")
    add("cmi_s-lengths-z", lambda: cmi_s([0, 1], [0, 1], [0]), r"x has 2 samples but z has 1")
    add(
        "cmi_s-estimator",
        lambda: cmi_s([0, 1], [0, 1], [0, 1], estimator="mle"),
        r"estimator must be one of 'plugin', 'miller-madow', got 'mle'",
    )
    add("cmi_s-estimator-list", lambda: cmi_s([0], [0], [0], estimator=["plugin"]), r"estimator")
    add("cmi_s-2d", lambda: cmi_s([0, 1], [0, 1], [[0, 1]]), r"z must be a 1-D array of labels")
    add("cmi_s-empty", lambda: cmi_s([], [], []), r"x is empty")
    add("cmi_s-nan", lambda: cmi_s([0, 1], [0, 1], [0.0, NAN]), r"z has NaN or infinite labels")
    add(
        "cmi_s-missing-label",
        lambda: cmi_s([0, 1], [0, None], [0, 1]),
        r"y has a missing label \(None\) at index 1",
    )
    add("vi-1d", lambda: variation_of_information(P), r"pxy must be a 2-D joint table")
    add("vi-sum", lambda: variation_of_information([[0.5, 0.5], [0.5, 0.5]]), r"pxy sums to 2")
    add("vi-negative", lambda: variation_of_information([[1.1, -0.1], [0, 0]]), r"pxy has a neg")
    nmi = normalized_mutual_information_from_samples
    add(
        "nmi-average",
        lambda: nmi([0, 1], [0, 1], average="harmonic"),
        r"average must be one of 'arithmetic', 'geometric', 'min', 'max', got 'harmonic'",
    )
    add("nmi-lengths", lambda: nmi([0, 1, 1], [0, 1]), r"x has 3 samples but y has 2")
    add("nmi-empty", lambda: nmi([], []), r"x is empty")
    add("nmi-inf", lambda: nmi([0.0, INF], [0, 1]), r"x has NaN or infinite labels")

    # --- entropy from counts ----------------------------------------------------------------
    efc = entropy_from_counts
    add("efc-negative", lambda: efc([3, -1]), r"counts has a negative count: -1\.0 at index 1")
    add("efc-fraction", lambda: efc([1.5, 2]), r"counts must hold whole-number counts, found 1\.5")
    add("efc-zero", lambda: efc([0, 0]), r"counts has no observations")
    add(
        "efc-zero-row",
        lambda: efc([[1, 2], [0, 0]]),
        r"counts has no observations .*in at least one histogram",
    )
    add("efc-nan", lambda: efc([NAN, 1]), r"counts must be finite")
    add("efc-empty", lambda: efc([]), r"counts is empty")
    add("efc-strings", lambda: efc(["1", "2"]), r"counts must be an array of numbers")
    add("efc-axis", lambda: efc([1, 2], axis=1), r"axis 1 is out of range for counts")
    add("efc-scalar", lambda: efc(3), r"counts is a scalar")
    add(
        "efc-estimator",
        lambda: efc([1, 2], estimator="nsb"),
        r"estimator must be one of 'plugin', 'miller-madow', 'grassberger', 'chao-shen'",
    )

    # --- differential entropy --------------------------------------------------------------
    deg = differential_entropy_gaussian
    add("deg-negative-variance", lambda: deg(-1.0), r"cov is not positive definite")
    add("deg-zero-variance", lambda: deg(0.0), r"cov is not positive definite")
    add("deg-1d", lambda: deg([1.0, 2.0]), r"cov must be a variance \(a scalar\) or a square")
    add("deg-not-square", lambda: deg(np.ones((2, 3))), r"cov must be .* square covariance")
    add("deg-asymmetric", lambda: deg([[1.0, 0.5], [0.0, 1.0]]), r"cov is not symmetric")
    add("deg-singular", lambda: deg([[1.0, 1.0], [1.0, 1.0]]), r"cov is not positive definite")
    add(
        "deg-indefinite-in-batch",
        lambda: deg(np.stack([EYE2, [[1.0, 2.0], [2.0, 1.0]]])),
        r"cov is not positive definite at batch index \(1,\)",
    )
    add("deg-nan", lambda: deg([[NAN, 0.0], [0.0, 1.0]]), r"cov must be finite")
    de = differential_entropy
    add("de-3d", lambda: de(np.zeros((4, 2, 2))), r"samples must have shape \(n_samples,\) or")
    add("de-nan", lambda: de([0.0, NAN, 1.0]), r"samples must be finite")
    add("de-empty", lambda: de([]), r"samples is empty")
    add("de-k-too-large", lambda: de([0.0, 1.0, 2.0], k=3), r"k = 3 neighbours need more than 3")
    add("de-k-zero", lambda: de([0.0, 1.0, 2.0], k=0), r"k must be at least 1")
    add("de-k-float", lambda: de([0.0, 1.0, 2.0], k=1.0), r"k must be an int")
    add("de-duplicates", lambda: de([0.0, 0.0, 1.0, 2.0], k=1), r"samples has repeated points")

    # --- multivariate normal KL --------------------------------------------------------------
    kmv = kl_multivariate_normal
    z2 = [0.0, 0.0]
    add("kl_mvn-cov-1d", lambda: kmv(z2, [1.0, 1.0], z2, EYE2), r"cov_p must be a square")
    add("kl_mvn-cov-scalar", lambda: kmv([0.0], 1.0, [0.0], [[1.0]]), r"cov_p must be a square")
    add("kl_mvn-asym", lambda: kmv(z2, EYE2, z2, [[1.0, 0.1], [0.0, 1.0]]), r"cov_q is not sym")
    add(
        "kl_mvn-not-spd",
        lambda: kmv(z2, [[1.0, 0.0], [0.0, -1.0]], z2, EYE2),
        r"cov_p is not positive definite: a covariance matrix needs positive eigenvalues",
    )
    add("kl_mvn-singular", lambda: kmv(z2, EYE2, z2, np.zeros((2, 2))), r"cov_q is not positive")
    add("kl_mvn-dims", lambda: kmv(z2, EYE2, [0.0] * 3, np.eye(3)), r"cov_p is 2 x 2 but cov_q")
    add(
        "kl_mvn-mu-dims",
        lambda: kmv([0.0] * 3, EYE2, z2, EYE2),
        r"mu_p has shape \(3,\) but cov_p is 2 x 2",
    )
    add("kl_mvn-mu-scalar", lambda: kmv(0.0, [[1.0]], [0.0], [[1.0]]), r"mu_p has shape \(\)")
    add("kl_mvn-mu-nan", lambda: kmv(z2, EYE2, [NAN, 0.0], EYE2), r"mu_q must be finite")
    add(
        "kl_mvn-batch",
        lambda: kmv(np.zeros((3, 2)), EYE2, np.zeros((4, 2)), EYE2),
        r"batch shapes of mu_p, cov_p, mu_q and cov_q .* must broadcast",
    )

    # --- Huffman codes -------------------------------------------------------------------
    add("huffman-sum", lambda: huffman_code([0.5, 0.6]), r"p sums to 1\.1")
    add("huffman-negative", lambda: huffman_code([1.5, -0.5]), r"p has a negative entry")
    add("huffman-2d", lambda: huffman_code([[0.5, 0.5]]), r"p must be a 1-D distribution")
    add("huffman-empty", lambda: huffman_code([]), r"p is empty")
    add("huffman-scalar", lambda: huffman_code(1.0), r"p is a scalar")
    add("huffman-nan", lambda: huffman_code([NAN, 1.0]), r"p must be finite")

    # --- Wasserstein distance ----------------------------------------------------------------
    wd = wasserstein_distance
    add("wasserstein-empty", lambda: wd([], [1.0]), r"u_values is empty")
    add("wasserstein-nan", lambda: wd([0.0], [NAN]), r"v_values must be finite")
    add("wasserstein-2d", lambda: wd([[0.0, 1.0]], [1.0]), r"u_values must be 1-D")
    add("wasserstein-w-shape", lambda: wd([0.0, 1.0], [1.0], [1.0]), r"u_weights must have shape")
    add("wasserstein-w-neg", lambda: wd([0.0], [1.0], None, [-1.0]), r"v_weights must be non-neg")
    add("wasserstein-w-zero", lambda: wd([0.0], [1.0], [0.0]), r"u_weights has no mass")

    # --- weighted losses ---------------------------------------------------------------------
    ce = cross_entropy_with_logits
    add(
        "ce-weight-shape",
        lambda: ce([0, 1], LOGITS, weight=[1.0, 2.0]),
        r"weight must have shape \(3,\)",
    )
    add(
        "ce-weight-negative",
        lambda: ce([0, 1], LOGITS, weight=[1.0, -2.0, 1.0]),
        r"weight must be non-negative",
    )
    add(
        "ce-weight-nan",
        lambda: ce([0, 1], LOGITS, weight=[1.0, NAN, 1.0]),
        r"weight must be finite",
    )
    add(
        "ce-ignore-float",
        lambda: ce([0, 1], LOGITS, ignore_index=-100.0),
        r"ignore_index must be an int",
    )
    add(
        "ce-ignore-bool",
        lambda: ce([0, 1], LOGITS, ignore_index=True),
        r"ignore_index must be an int",
    )
    add(
        "ce-ignore-soft",
        lambda: ce([[1.0, 0.0, 0.0]] * 2, LOGITS, ignore_index=0),
        r"ignore_index applies only to integer class targets",
    )
    add(
        "ce-ignore-other-labels",
        lambda: ce([0, 5], LOGITS, ignore_index=-100),
        r"labels must lie in \[0, 3\)",
    )
    add(
        "ce-all-ignored",
        lambda: ce([-100, -100], LOGITS, ignore_index=-100),
        r"the weighted mean is undefined",
    )
    add(
        "ce-zero-weights",
        lambda: ce([0, 0], LOGITS, weight=[0.0, 1.0, 1.0]),
        r"the weighted mean is undefined",
    )
    bl = binary_cross_entropy_with_logits
    add(
        "bce_logits-pos-weight-shape",
        lambda: bl([[1.0, 0.0]], [[0.5, 0.5]], pos_weight=[1.0, 2.0, 3.0]),
        r"pos_weight has shape \(3,\), which does not broadcast to \(1, 2\)",
    )
    add(
        "bce_logits-pos-weight-grows",
        lambda: bl([1.0, 0.0], [0.5, 0.5], pos_weight=[[1.0], [2.0]]),
        r"pos_weight has shape \(2, 1\)",
    )
    add(
        "bce_logits-pos-weight-negative",
        lambda: bl([1.0], [0.5], pos_weight=-1.0),
        r"pos_weight must be non-negative",
    )
    add("bce_logits-weight-nan", lambda: bl([1.0], [0.5], weight=NAN), r"weight must be finite")
    add(
        "bce_logits-weight-shape",
        lambda: bl([1.0, 0.0], [0.5, 0.5], weight=[1.0, 2.0, 3.0]),
        r"weight has shape \(3,\)",
    )
    return cases


@pytest.mark.parametrize(("thunk", "match"), _cases())
def test_bad_input_raises_value_error(thunk, match):
    with pytest.raises(ValueError, match=match):
        thunk()


def test_every_public_function_is_covered_by_the_bad_input_cases():
    # guards against a new public function without validation tests
    covered = {
        "binary_cross_entropy",
        "binary_cross_entropy_with_logits",
        "binary_entropy",
        "chi_squared",
        "conditional_entropy",
        "conditional_mutual_information",
        "conditional_mutual_information_from_samples",
        "cross_entropy",
        "cross_entropy_with_logits",
        "differential_entropy",
        "differential_entropy_gaussian",
        "entropy",
        "entropy_from_counts",
        "f_divergence",
        "hellinger_squared",
        "huffman_code",
        "information_content",
        "information_gain",
        "joint_entropy",
        "js_distance",
        "js_divergence",
        "kl_divergence",
        "kl_gaussian",
        "kl_multivariate_normal",
        "kl_normal",
        "log_softmax",
        "mutual_information",
        "mutual_information_from_samples",
        "normalized_mutual_information_from_samples",
        "perplexity",
        "renyi_divergence",
        "renyi_entropy",
        "smooth_labels",
        "softmax",
        "total_variation",
        "tsallis_entropy",
        "variation_of_information",
        "wasserstein_distance",
    }
    # the k-NN estimators have their own bad-input test in tests/test_knn.py
    knn = {name for name in it.__all__ if getattr(it, name).__module__ == "infotheory.knn"}
    missing = set(it.__all__) - covered - knn
    assert not missing, f"add bad-input cases for {sorted(missing)}"


# --- normalize=True rescales explicitly ---------------------------------------------------


def test_normalize_rescales_every_distribution_argument():
    counts_p, counts_q = [2.0, 6.0], [1.0, 1.0]
    p, q = [0.25, 0.75], [0.5, 0.5]
    assert entropy(counts_p, normalize=True) == pytest.approx(entropy(p), rel=1e-15)
    for func in PAIR_FUNCS:
        assert func(counts_p, counts_q, normalize=True) == pytest.approx(func(p, q), rel=1e-14)
    # along other axes, batched
    batch = np.array([[1.0, 3.0], [5.0, 5.0]])
    np.testing.assert_allclose(
        kl_divergence(batch.T, [[1.0], [1.0]], axis=0, normalize=True),
        kl_divergence([p, q], [0.5, 0.5]),
        rtol=1e-14,
    )
    for func in (joint_entropy, conditional_entropy, mutual_information):
        assert func([[40, 10], [5, 45]], normalize=True) == pytest.approx(func(TABLE), rel=1e-14)


def test_sum_tolerance_accepts_rounding_but_not_real_errors():
    assert entropy([0.5, 0.5 + 5e-7]) > 0  # within 1e-6
    with pytest.raises(ValueError, match="p sums to"):
        entropy([0.5, 0.5 + 5e-6])


# --- returned types ------------------------------------------------------------------------

SCALAR_CALLS = {
    "entropy": lambda: entropy(P),
    "cross_entropy": lambda: cross_entropy(P, Q),
    "kl": lambda: kl_divergence(P, Q),
    "js": lambda: js_divergence(P, Q),
    "js_distance": lambda: js_distance(P, Q),
    "tv": lambda: total_variation(P, Q),
    "chi2": lambda: chi_squared(P, Q),
    "hellinger": lambda: hellinger_squared(P, Q),
    "f_div": lambda: f_divergence(P, Q, np.abs),
    "kl_axis_none": lambda: kl_divergence([P, Q], [Q, P], normalize=True, axis=None),
    "tv_axis_none": lambda: total_variation([[0.5, 0.0]], [[0.0, 0.5]], normalize=True, axis=None),
    "information_content": lambda: information_content(0.5),
    "binary_entropy": lambda: binary_entropy(0.5),
    "kl_gaussian": lambda: kl_gaussian([0.5, 1.0], [0.0, 0.1]),
    "kl_normal": lambda: kl_normal(0.0, 1.0, 1.0, 2.0),
    "joint_entropy": lambda: joint_entropy(TABLE),
    "conditional_entropy": lambda: conditional_entropy(TABLE),
    "mutual_information": lambda: mutual_information(TABLE),
    "mi_samples": lambda: mutual_information_from_samples([0, 1, 1], [1, 0, 0]),
    "information_gain": lambda: information_gain([2, 2], [[2, 0], [0, 2]]),
    "ce_logits": lambda: cross_entropy_with_logits([0, 1], LOGITS),
    "ce_logits_1d": lambda: cross_entropy_with_logits(0, [1.0, 2.0], reduction="none"),
    "bce": lambda: binary_cross_entropy([1.0, 0.0], [0.5, 0.5]),
    "bce_logits": lambda: binary_cross_entropy_with_logits([1.0, 0.0], [0.5, 0.5]),
    "bce_logits_weighted": lambda: binary_cross_entropy_with_logits(
        [1.0, 0.0], [0.5, 0.5], pos_weight=2.0, weight=[1.0, 0.5]
    ),
    "ce_logits_weighted": lambda: cross_entropy_with_logits(
        [0, 1], LOGITS, weight=[1.0, 2.0, 3.0], ignore_index=2
    ),
    "renyi_entropy": lambda: renyi_entropy(P, 2),
    "renyi_entropy_0": lambda: renyi_entropy(P, 0),
    "renyi_entropy_inf": lambda: renyi_entropy(P, INF),
    "renyi_divergence": lambda: renyi_divergence(P, Q, 0.5),
    "renyi_divergence_0": lambda: renyi_divergence(P, Q, 0),
    "renyi_divergence_inf": lambda: renyi_divergence(P, Q, INF),
    "tsallis": lambda: tsallis_entropy(P, 2),
    "perplexity": lambda: perplexity(P),
    "cmi": lambda: conditional_mutual_information(TABLE3),
    "cmi_samples": lambda: conditional_mutual_information_from_samples([0, 1], [0, 1], [0, 0]),
    "vi": lambda: variation_of_information(TABLE),
    "nmi": lambda: normalized_mutual_information_from_samples([0, 1, 1], [0, 1, 0]),
    "nmi_constant": lambda: normalized_mutual_information_from_samples([0, 0], [1, 1]),
    "entropy_from_counts": lambda: entropy_from_counts([1, 2]),
    "diff_entropy_gaussian": lambda: differential_entropy_gaussian(2.0),
    "diff_entropy_gaussian_matrix": lambda: differential_entropy_gaussian(EYE2),
    "diff_entropy": lambda: differential_entropy([0.0, 1.0, 3.0], k=1),
    "kl_mvn": lambda: kl_multivariate_normal([0.0, 1.0], EYE2, [0.0, 0.0], EYE2),
}


@pytest.mark.parametrize("call", SCALAR_CALLS.values(), ids=SCALAR_CALLS.keys())
def test_single_result_is_a_numpy_float_scalar(call):
    out = call()
    assert isinstance(out, np.float64), type(out)
    assert not isinstance(out, np.ndarray)


P_BATCH = np.full((4, 3, 2), 0.5)
Q_BATCH = np.full((3, 2), 0.5)
BATCH_CALLS = {
    "entropy": (lambda: entropy(P_BATCH), (4, 3)),
    "entropy_axis0": (lambda: entropy(np.full((2, 5), 0.5), axis=0), (5,)),
    "kl": (lambda: kl_divergence(P_BATCH, Q_BATCH), (4, 3)),
    "cross_entropy": (lambda: cross_entropy(P_BATCH, Q_BATCH[0]), (4, 3)),
    "js": (lambda: js_divergence(P_BATCH, Q_BATCH), (4, 3)),
    "js_distance": (lambda: js_distance(P_BATCH, Q_BATCH), (4, 3)),
    "tv": (lambda: total_variation(P_BATCH, Q_BATCH), (4, 3)),
    "chi2": (lambda: chi_squared(P_BATCH, Q_BATCH), (4, 3)),
    "hellinger": (lambda: hellinger_squared(P_BATCH, Q_BATCH), (4, 3)),
    "f_div": (lambda: f_divergence(P_BATCH, Q_BATCH, np.abs), (4, 3)),
    "information_content": (lambda: information_content([0.5, 0.25]), (2,)),
    "binary_entropy": (lambda: binary_entropy([[0.5], [0.25]]), (2, 1)),
    "kl_gaussian": (lambda: kl_gaussian(np.zeros((5, 3)), np.zeros(3)), (5,)),
    "kl_normal": (lambda: kl_normal([0.0, 1.0], 1.0, 0.0, 1.0), (2,)),
    "joint_entropy": (lambda: joint_entropy([TABLE] * 3), (3,)),
    "conditional_entropy": (lambda: conditional_entropy([TABLE] * 3), (3,)),
    "mutual_information": (lambda: mutual_information([TABLE] * 3), (3,)),
    "softmax": (lambda: softmax(LOGITS), (2, 3)),
    "log_softmax": (lambda: log_softmax(LOGITS), (2, 3)),
    "smooth_labels": (lambda: smooth_labels([[0], [2]], 3, 0.1), (2, 1, 3)),
    "ce_logits_none": (lambda: cross_entropy_with_logits([0, 1], LOGITS, reduction="none"), (2,)),
    "bce_none": (lambda: binary_cross_entropy([1.0, 0.0], [0.5, 0.5], reduction="none"), (2,)),
    "bce_logits_none": (
        lambda: binary_cross_entropy_with_logits([[1.0, 0.0]], [[0.5, 0.5]], reduction="none"),
        (1, 2),
    ),
    "renyi_entropy": (lambda: renyi_entropy(P_BATCH, 3), (4, 3)),
    "renyi_divergence": (lambda: renyi_divergence(P_BATCH, Q_BATCH, 3), (4, 3)),
    "tsallis": (lambda: tsallis_entropy(P_BATCH, 3), (4, 3)),
    "perplexity": (lambda: perplexity(P_BATCH), (4, 3)),
    "cmi": (lambda: conditional_mutual_information([TABLE3] * 5), (5,)),
    "vi": (lambda: variation_of_information([TABLE] * 3), (3,)),
    "entropy_from_counts": (lambda: entropy_from_counts(np.ones((4, 3, 2))), (4, 3)),
    "diff_entropy_gaussian": (lambda: differential_entropy_gaussian([EYE2] * 3), (3,)),
    "kl_mvn": (lambda: kl_multivariate_normal(np.zeros((6, 2)), EYE2, [0.0, 0.0], EYE2), (6,)),
    "ce_logits_weighted_none": (
        lambda: cross_entropy_with_logits([0, 1], LOGITS, weight=[1, 2, 3], reduction="none"),
        (2,),
    ),
}


@pytest.mark.parametrize(("call", "shape"), BATCH_CALLS.values(), ids=BATCH_CALLS.keys())
def test_batched_result_is_an_array_of_the_batch_shape(call, shape):
    out = call()
    assert isinstance(out, np.ndarray)
    assert out.dtype == np.float64
    assert out.shape == shape


# --- empty batches: an empty result of the batch shape; no outcomes is still an error --------

E_P = np.zeros((0, 3))  # a batch of no distributions over 3 outcomes
E_TABLES = np.zeros((0, 2, 2))
EMPTY_BATCH_CALLS = {
    "entropy": (lambda: entropy(E_P), (0,)),
    "entropy_axis0": (lambda: entropy(E_P.T, axis=0), (0,)),
    "entropy_3d": (lambda: entropy(np.zeros((2, 0, 3))), (2, 0)),
    "entropy_normalize": (lambda: entropy(E_P, normalize=True), (0,)),
    "cross_entropy": (lambda: cross_entropy(E_P, P3), (0,)),
    "kl": (lambda: kl_divergence(E_P, E_P), (0,)),
    "js": (lambda: js_divergence(P3, E_P), (0,)),
    "js_distance": (lambda: js_distance(E_P, E_P), (0,)),
    "tv": (lambda: total_variation(E_P, E_P), (0,)),
    "chi2": (lambda: chi_squared(E_P, E_P), (0,)),
    "hellinger": (lambda: hellinger_squared(E_P, E_P), (0,)),
    "f_div": (lambda: f_divergence(E_P, E_P, np.abs), (0,)),
    "information_content": (lambda: information_content([]), (0,)),
    "binary_entropy": (lambda: binary_entropy(np.zeros((0, 4))), (0, 4)),
    "kl_gaussian": (lambda: kl_gaussian(E_P, np.zeros(3)), (0,)),
    "kl_normal": (lambda: kl_normal([], 1.0, 0.0, 1.0), (0,)),
    "joint_entropy": (lambda: joint_entropy(E_TABLES), (0,)),
    "conditional_entropy": (lambda: conditional_entropy(E_TABLES), (0,)),
    "mutual_information": (lambda: mutual_information(E_TABLES, normalize=True), (0,)),
    "softmax": (lambda: softmax(E_P), (0, 3)),
    "softmax_axis0": (lambda: softmax(E_P.T, axis=0), (3, 0)),
    "log_softmax": (lambda: log_softmax(E_P), (0, 3)),
    "smooth_labels": (lambda: smooth_labels([], 3, 0.1), (0, 3)),
    "ce_logits_hard": (lambda: cross_entropy_with_logits([], E_P, reduction="none"), (0,)),
    "ce_logits_int": (
        lambda: cross_entropy_with_logits(np.zeros(0, int), E_P, reduction="none"),
        (0,),
    ),
    "ce_logits_soft": (lambda: cross_entropy_with_logits(E_P, E_P, reduction="none"), (0,)),
    "bce": (lambda: binary_cross_entropy([], [], reduction="none"), (0,)),
    "bce_logits": (lambda: binary_cross_entropy_with_logits([], [], reduction="none"), (0,)),
    "renyi_entropy": (lambda: renyi_entropy(E_P, 2.0), (0,)),
    "renyi_divergence": (lambda: renyi_divergence(E_P, E_P, np.inf), (0,)),
    "tsallis_entropy": (lambda: tsallis_entropy(E_P, 0.5), (0,)),
    "perplexity": (lambda: perplexity(E_P), (0,)),
    "entropy_from_counts": (lambda: entropy_from_counts(E_P, estimator="grassberger"), (0,)),
    "conditional_mutual_information": (
        lambda: conditional_mutual_information(np.zeros((0, 2, 2, 2))),
        (0,),
    ),
    "variation_of_information": (lambda: variation_of_information(E_TABLES), (0,)),
    "differential_entropy_gaussian": (
        lambda: differential_entropy_gaussian(np.zeros((0, 2, 2))),
        (0,),
    ),
    "kl_multivariate_normal": (
        lambda: kl_multivariate_normal(
            np.zeros((0, 2)), np.zeros((0, 2, 2)), np.zeros(2), np.eye(2)
        ),
        (0,),
    ),
}


@pytest.mark.parametrize(
    ("call", "shape"), EMPTY_BATCH_CALLS.values(), ids=EMPTY_BATCH_CALLS.keys()
)
def test_an_empty_batch_gives_an_empty_result(call, shape):
    out = call()
    assert isinstance(out, np.ndarray)
    assert out.dtype == np.float64
    assert out.shape == shape


def test_the_sum_of_an_empty_batch_of_losses_is_zero():
    for out in (
        cross_entropy_with_logits([], E_P, reduction="sum"),
        binary_cross_entropy([], [], reduction="sum"),
        binary_cross_entropy_with_logits([], [], reduction="sum"),
    ):
        assert isinstance(out, np.float64)
        assert out == 0.0


NO_OUTCOMES = {
    "renyi_entropy": lambda: renyi_entropy(np.zeros((3, 0)), 2.0),
    "entropy_from_counts": lambda: entropy_from_counts(np.zeros((3, 0))),
    "cmi": lambda: conditional_mutual_information(np.zeros((2, 0, 2))),
    "covariance": lambda: differential_entropy_gaussian(np.zeros((3, 0, 0))),
    "entropy": lambda: entropy(np.zeros((3, 0))),
    "kl": lambda: kl_divergence(np.zeros((0, 0)), np.zeros((0, 0))),
    "tables": lambda: mutual_information(np.zeros((2, 0, 3))),
    "softmax": lambda: softmax(np.zeros((3, 0))),
    "ce_logits": lambda: cross_entropy_with_logits(np.zeros(3, int), np.zeros((3, 0))),
    "kl_gaussian": lambda: kl_gaussian(np.zeros((3, 0)), np.zeros(0)),
}


@pytest.mark.parametrize("call", NO_OUTCOMES.values(), ids=NO_OUTCOMES.keys())
def test_no_outcomes_is_still_an_error(call):
    with pytest.raises(ValueError, match=r"is empty"):
        call()


def test_every_function_with_a_batch_has_an_empty_batch_case():
    # the k-NN estimators and the sample-based functions have no batch axis
    unbatched = {
        "information_gain",
        "mutual_information_from_samples",
        "mutual_information_knn",
        "mutual_information_features",
        "conditional_mutual_information_from_samples",
        "normalized_mutual_information_from_samples",
        "differential_entropy",
        "huffman_code",
        "wasserstein_distance",
    }
    names = {k.split("_axis")[0] for k in EMPTY_BATCH_CALLS}
    aliases = {
        "kl": "kl_divergence",
        "js": "js_divergence",
        "tv": "total_variation",
        "chi2": "chi_squared",
        "hellinger": "hellinger_squared",
        "f_div": "f_divergence",
        "ce_logits_hard": "cross_entropy_with_logits",
        "bce": "binary_cross_entropy",
        "bce_logits": "binary_cross_entropy_with_logits",
    }
    covered = {aliases.get(n, n) for n in names}
    missing = set(it.__all__) - unbatched - covered
    assert not missing, f"add empty-batch cases for {sorted(missing)}"
