import os

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris

from infotheory import entropy, mutual_information_features, mutual_information_from_samples

iris = load_iris()
X, y = iris.data, iris.target
names = [name.removesuffix(" (cm)") for name in iris.feature_names]

# k-NN estimate (the same as sklearn's mutual_info_classif) for seeds 0..19, in nats.
scores = np.array([mutual_information_features(X, y, random_state=s) for s in range(20)])
low, mean, high = scores.min(axis=0), scores.mean(axis=0), scores.max(axis=0)

# Plug-in estimate on 10 equal-width bins per feature, with the Miller-Madow correction.
binned = []
for column in X.T:
    edges = np.linspace(column.min(), column.max(), 11)[1:-1]
    codes = np.digitize(column, edges)
    binned.append(mutual_information_from_samples(codes, y, estimator="miller-madow"))

h_y = entropy(np.bincount(y), normalize=True)  # I(X;Y) <= H(Y) = ln 3
order = np.argsort(mean)
rows = np.arange(len(order))

# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: panels stacked, at most 4.5 in wide.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

fig, ax = plt.subplots(figsize=(4.3, 4.6) if narrow else (8, 4.6))
ax.barh(rows, mean[order], height=0.6, color="C0", alpha=0.45, label="k-NN, mean of seeds 0-19")
ax.errorbar(
    mean[order],
    rows,
    xerr=[mean[order] - low[order], high[order] - mean[order]],
    fmt="none",
    ecolor="C7",
    capsize=5,
    linewidth=1.5,
    label="k-NN, min-max over the seeds",
)
ax.scatter(scores[0, order], rows + 0.15, color="C0", zorder=3, label="k-NN, random_state=0")
ax.scatter(
    np.array(binned)[order],
    rows - 0.15,
    marker="D",
    color="C1",
    zorder=3,
    label="plug-in on 10 bins (Miller-Madow)",
)
ax.axvline(h_y, color="C7", linestyle="--", linewidth=1)
ax.text(h_y, len(order) - 0.45, "  $H(Y)$ = ln 3", va="center", fontsize=9)
ax.set_yticks(rows, [names[i] for i in order])
ax.set_xlabel("estimated $I(X_j; Y)$ in nats")
ax.set_xlim(0, 1.25)
ax.set_ylim(-0.6, len(order) - 0.2)
ax.grid(axis="y", visible=False)
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=1 if narrow else 2, fontsize=9)
ax.set_title(
    "Mutual information between each iris feature" + ("\n" if narrow else " ") + "and the species"
)
fig.tight_layout()
plt.show()
