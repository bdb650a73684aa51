import matplotlib.pyplot as plt
import numpy as np

from infotheory import entropy, entropy_from_counts

# A Zipf distribution over K = 100 outcomes: a few common ones, many rare ones.
k = 100
p = 1 / np.arange(1, k + 1)
p /= p.sum()
true_h = entropy(p)

sizes = np.unique(np.geomspace(10, 3000, 15).astype(int))
repeats = 500
estimators = {
    "plugin": ("plug-in", "C0", "o"),
    "miller-madow": ("Miller-Madow", "C1", "s"),
    "grassberger": ("Grassberger", "C2", "^"),
    "chao-shen": ("Chao-Shen", "C4", "D"),
}

rng = np.random.default_rng(0)
bias = {name: [] for name in estimators}
for n in sizes:
    counts = rng.multinomial(n, p, size=repeats)  # the same samples for every estimator
    for name in estimators:
        bias[name].append(entropy_from_counts(counts, estimator=name).mean() - true_h)

fig, ax = plt.subplots(figsize=(4.5, 3.4))
ax.axhline(0, color="C7", linewidth=1)
ax.plot(
    sizes, -(k - 1) / (2 * sizes), color="C7", linestyle=":", linewidth=1.2, label="$-(K-1)/2N$"
)
for name, (label, colour, marker) in estimators.items():
    ax.plot(sizes, bias[name], color=colour, marker=marker, markersize=4, label=label)
ax.set_xscale("log")
ax.set_ylim(-1.8, 0.2)
ax.set_xlabel("sample size $N$")
ax.set_ylabel("mean estimate $-$ true $H$ (nats)")
ax.set_title(f"Zipf over K = {k} outcomes, H = {true_h:.2f} nats", fontsize=10)
ax.legend(fontsize=8, loc="lower right")
fig.tight_layout()
plt.show()
