import os

import matplotlib.pyplot as plt
import numpy as np

from infotheory import cross_entropy, entropy, smooth_labels

n_classes, true_class, eps = 5, 2, 0.1
targets = {
    "hard target (one-hot)": smooth_labels(true_class, n_classes, smoothing=0.0),
    f"smoothed target (ε = {eps})": smooth_labels(true_class, n_classes, smoothing=eps),
}

p_true = np.linspace(0.3, 0.9995, 2000)
# Predictions: p_true on the true class, the rest spread evenly over the others.
preds = np.tile((1 - p_true)[:, None] / (n_classes - 1), (1, n_classes))
preds[:, true_class] = p_true

# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: panels stacked, at most 4.5 in wide.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

fig, ax = plt.subplots(figsize=(4.3, 3.8) if narrow else (7, 4.2))
for i, (name, y) in enumerate(targets.items()):
    ax.plot(p_true, cross_entropy(y, preds), color=f"C{i}", label=name)

smooth = targets[f"smoothed target (ε = {eps})"]
best = smooth[true_class]
ax.scatter([best], [entropy(smooth)], color="C1", zorder=3)
ax.annotate(
    f"minimum at p = {best:.2f}\nloss = H(target) = {entropy(smooth):.3f} nats",
    (best, entropy(smooth)),
    xytext=(-55, -25) if narrow else (-20, 40),
    textcoords="offset points",
    ha="right",
    va="top" if narrow else "baseline",
    fontsize=9,
    arrowprops={"arrowstyle": "->", "color": "C7"},
)
ax.axvline(best, color="C7", linestyle=":", linewidth=1)
ax.set_xlabel(
    "predicted probability of the true class" + ("\n" if narrow else " ") + "(rest spread evenly)"
)
ax.set_ylabel("cross-entropy loss in nats")
ax.set_xlim(0.3, 1.0)
ax.set_ylim(0, 1.4)
ax.legend(loc="upper center")
ax.set_title(
    "Label smoothing moves the best prediction" + ("\n" if narrow else " ") + "away from certainty"
)
fig.tight_layout()
plt.show()
