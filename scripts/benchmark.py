"""Time infotheory against scipy, scikit-learn and bare numpy on the same work.

Usage::

    python scripts/benchmark.py            # the sizes quoted in docs/performance.md
    python scripts/benchmark.py --quick    # 10x smaller, a few seconds

For every comparison it prints the median time over repeats (the candidates of
a group are run round-robin, so a slow spell of the machine hits all of them),
the ratio to the baseline, the target (issues 7 and 10), the largest relative
difference between the two results, the size of the input, and the peak memory
each call allocates, also as a multiple of the input (tracemalloc, to which
numpy reports its array buffers; memory allocated inside C++ code such as
scipy's cKDTree is not seen).

This is a measurement, not a test: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import platform
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy
import scipy.special
import scipy.stats
import sklearn
from sklearn.feature_selection import mutual_info_classif, mutual_info_regression
from sklearn.metrics import mutual_info_score

import infotheory as it

SEED = 20261125


@dataclass
class Run:
    """One candidate: its label, the call, and what was measured."""

    label: str
    call: Callable[[], Any]
    times: list[float]
    result: Any = None
    peak: int = 0


def measure(candidates: dict[str, Callable[[], Any]], repeats: int) -> dict[str, Run]:
    """Median time (round-robin over the candidates), result and peak memory of each."""
    runs = {name: Run(name, f, []) for name, f in candidates.items()}
    for run in runs.values():  # warm-up, and the result to compare
        run.result = run.call()
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeats):
            for run in runs.values():
                t0 = time.perf_counter()
                run.call()
                run.times.append(time.perf_counter() - t0)
    finally:
        gc.enable()
    for run in runs.values():
        tracemalloc.start()
        run.call()
        run.peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return runs


def median_ms(run: Run) -> float:
    return statistics.median(run.times) * 1e3


def max_rel_diff(a: Any, b: Any) -> float:
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    scale = np.maximum(np.abs(a), np.abs(b))
    diff = np.abs(a - b)
    rel = np.divide(diff, scale, out=np.zeros_like(diff), where=scale > 0)
    return float(rel.max())


ROWS: list[tuple[str, ...]] = []


def compare(
    group: str,
    ours: Run,
    base: Run,
    target: float | None,
    *,
    input_bytes: int,
    memory_target: float | None = None,
) -> None:
    """One row: times, ratio against the target, results, and peak memory against the input."""
    ratio = median_ms(ours) / median_ms(base)
    memory = ours.peak / input_bytes
    if target is None:
        verdict = "-"
    else:
        met = ratio <= target and (memory_target is None or memory <= memory_target)
        verdict = "yes" if met else "NO"
    wanted = "-" if target is None else f"<= {target:g}"
    if memory_target is not None:
        wanted += f", mem <= {memory_target:g}x"
    ROWS.append(
        (
            group,
            ours.label,
            f"{median_ms(ours):.1f}",
            base.label,
            f"{median_ms(base):.1f}",
            f"{ratio:.2f}",
            wanted,
            verdict,
            f"{max_rel_diff(ours.result, base.result):.1e}",
            f"{input_bytes / 2**20:.2f}",
            f"{ours.peak / 2**20:.2f}",
            f"{memory:.2f}x",
            f"{base.peak / 2**20:.2f}",
        )
    )


HEADER = (
    "benchmark",
    "ours",
    "ms",
    "baseline",
    "ms",
    "ratio",
    "target",
    "met",
    "max rel diff",
    "input MiB",
    "peak MiB",
    "peak/input",
    "base MiB",
)


def print_table() -> None:
    widths = [max(len(r[i]) for r in [HEADER, *ROWS]) for i in range(len(HEADER))]
    right = {2, 4, 5, 8, 9, 10, 11, 12}

    def fmt(row: tuple[str, ...]) -> str:
        cells = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    print(fmt(HEADER))
    print("  ".join("-" * w for w in widths))
    previous = None
    for row in ROWS:
        shown = row if row[0] != previous else ("", *row[1:])
        previous = row[0]
        print(fmt(shown))


def machine_line() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (
        f"python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
        f"scikit-learn {sklearn.__version__}, {os.cpu_count()} CPUs ({cpu}), {platform.system()}"
    )


def bench_distributions(rng: np.random.Generator, n: int, repeats: int) -> None:
    """Entropy, KL and cross-entropy of one large distribution."""
    p = rng.random(n)
    p /= p.sum()
    q = rng.random(n)
    q /= q.sum()
    size = f"n=10^{round(math.log10(n))}"

    r = measure(
        {
            "entropy": lambda: it.entropy(p),
            "scipy.stats.entropy": lambda: scipy.stats.entropy(p),
            "-np.sum(p*np.log(p))": lambda: -np.sum(p * np.log(p)),
        },
        repeats,
    )
    group = f"entropy, {size}"
    compare(group, r["entropy"], r["scipy.stats.entropy"], 0.7, input_bytes=p.nbytes)
    compare(group, r["entropy"], r["-np.sum(p*np.log(p))"], 1.0, input_bytes=p.nbytes)

    r = measure(
        {
            "kl_divergence": lambda: it.kl_divergence(p, q),
            "rel_entr(p,q).sum()": lambda: scipy.special.rel_entr(p, q).sum(),
            "np.sum(p*np.log(p/q))": lambda: np.sum(p * np.log(p / q)),
        },
        repeats,
    )
    group = f"KL divergence, {size}"
    pq = p.nbytes + q.nbytes
    compare(group, r["kl_divergence"], r["rel_entr(p,q).sum()"], 0.7, input_bytes=pq)
    compare(group, r["kl_divergence"], r["np.sum(p*np.log(p/q))"], 1.0, input_bytes=pq)

    r = measure(
        {
            "cross_entropy": lambda: it.cross_entropy(p, q),
            "-xlogy(p,q).sum()": lambda: -scipy.special.xlogy(p, q).sum(),
            "-np.sum(p*np.log(q))": lambda: -np.sum(p * np.log(q)),
        },
        repeats,
    )
    group = f"cross-entropy, {size}"
    compare(group, r["cross_entropy"], r["-xlogy(p,q).sum()"], None, input_bytes=pq)
    compare(group, r["cross_entropy"], r["-np.sum(p*np.log(q))"], None, input_bytes=pq)


def bench_labels(rng: np.random.Generator, m: int, repeats: int) -> None:
    """Plug-in MI of two label arrays with 100 categories."""
    x = rng.integers(0, 100, m)
    y = (x + rng.integers(0, 30, m)) % 100
    r = measure(
        {
            "mutual_information_from_samples": lambda: it.mutual_information_from_samples(x, y),
            "mutual_info_score": lambda: mutual_info_score(x, y),
        },
        repeats,
    )
    compare(
        f"MI from samples, n={m:,}, 100 labels",
        r["mutual_information_from_samples"],
        r["mutual_info_score"],
        0.05,
        input_bytes=x.nbytes + y.nbytes,
    )


def bench_label_cardinality(rng: np.random.Generator, m: int, repeats: int) -> None:
    """Plug-in MI of m labels with 10 to m distinct values each (issue 10's scale cases)."""
    for n_labels in (10, 1_000, m // 10, m):
        x = rng.integers(0, n_labels, m)
        y = (x + rng.integers(0, 30, m)) % n_labels
        r = measure(
            {
                "mutual_information_from_samples": lambda x=x, y=y: (
                    it.mutual_information_from_samples(x, y)
                ),
                "mutual_info_score": lambda x=x, y=y: mutual_info_score(x, y),
            },
            repeats,
        )
        compare(
            f"MI from samples, n={m:,}, {n_labels:,} labels",
            r["mutual_information_from_samples"],
            r["mutual_info_score"],
            0.5,
            input_bytes=x.nbytes + y.nbytes,
            memory_target=10,
        )


def bench_knn(rng: np.random.Generator, k: int, repeats: int) -> None:
    """k-NN MI of continuous features, against scikit-learn with the same seed."""
    z = rng.standard_normal(k)
    target = 0.6 * z + 0.8 * rng.standard_normal(k)
    r = measure(
        {
            "mutual_information_knn": lambda: it.mutual_information_knn(z, target, random_state=0),
            "mutual_info_regression": lambda: mutual_info_regression(
                z[:, None], target, random_state=0
            )[0],
        },
        repeats,
    )
    compare(
        f"k-NN MI (KSG), n={k:,}",
        r["mutual_information_knn"],
        r["mutual_info_regression"],
        1.0,
        input_bytes=z.nbytes + target.nbytes,
    )

    labels = rng.integers(0, 3, k)
    features = np.column_stack(
        [labels + rng.standard_normal(k), rng.standard_normal(k), z, labels * z]
    )
    r = measure(
        {
            "mutual_information_features": lambda: it.mutual_information_features(
                features, labels, random_state=0
            ),
            "mutual_info_classif": lambda: mutual_info_classif(features, labels, random_state=0),
        },
        repeats,
    )
    compare(
        f"k-NN MI (Ross), n={k:,} x 4 features",
        r["mutual_information_features"],
        r["mutual_info_classif"],
        1.0,
        input_bytes=features.nbytes + labels.nbytes,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10x smaller inputs, fewer repeats")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    repeats = 5 if args.quick else 11
    slow_repeats = 3 if args.quick else 5  # scikit-learn's MI takes ~0.3 s a call
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    started = time.perf_counter()
    rng = np.random.default_rng(SEED)

    bench_distributions(rng, 10**7 // scale, repeats)
    bench_labels(rng, 2 * 10**6 // scale, slow_repeats)
    bench_label_cardinality(rng, 10**6 // scale, slow_repeats)
    bench_knn(rng, 20_000 // scale, slow_repeats)

    print(machine_line())
    print(
        f"{'--quick sizes' if args.quick else 'full sizes'}; median of {repeats} runs "
        f"({slow_repeats} for the label and k-NN MI); load average at start {load:.2f}"
    )
    print(
        "ours = infotheory's function; ratio = ours / baseline time; "
        "peak = tracemalloc peak of one call; input = bytes of the arrays passed"
    )
    print()
    print_table()
    print()
    print(f"total {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
