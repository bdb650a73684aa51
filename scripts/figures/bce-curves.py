import os

import matplotlib.pyplot as plt
import numpy as np

from infotheory import binary_cross_entropy

y_hat = np.linspace(0.001, 0.999, 999)
y = np.array([1, 1, 0, 0, 1])
p = np.array([9, 7, 3, 1, 8]) / 10  # predicted probability of class 1
losses = binary_cross_entropy(y, p, reduction="none")
mean = binary_cross_entropy(y, p)
colors = ["C0" if label == 1 else "C1" for label in y]

# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: panels stacked, at most 4.5 in wide.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

if narrow:
    fig, (left, right) = plt.subplots(2, 1, figsize=(4.3, 7.8))
else:
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))

left.plot(
    y_hat,
    binary_cross_entropy(np.ones_like(y_hat), y_hat, reduction="none"),
    color="C0",
    label="$y = 1$: $-\\ln \\hat y$",
)
left.plot(
    y_hat,
    binary_cross_entropy(np.zeros_like(y_hat), y_hat, reduction="none"),
    color="C1",
    label="$y = 0$: $-\\ln (1 - \\hat y)$",
)
left.scatter(p, losses, color=colors, edgecolor="C7", zorder=3, label="the five samples (right)")
left.set_xlabel("predicted probability $\\hat y$ of class 1")
left.set_ylabel("binary cross-entropy in nats")
left.set_ylim(0, 5)
left.set_title("Each label punishes the opposite end")
left.legend(loc="upper center")

right.bar(range(len(y)), losses, color=colors, width=0.6)
right.axhline(mean, color="C7", linestyle="--", linewidth=1.5, label=f"mean = {mean:.4f} nats")
right.set_xticks(
    range(len(y)),
    [
        f"y = {a}\nŷ = {b}\n{c:.3f}" + ("" if narrow else " nats")
        for a, b, c in zip(y, p, losses, strict=True)
    ],
    fontsize=8 if narrow else 9,
)
right.set_ylabel("binary cross-entropy in nats")
right.set_ylim(0, 0.45)
right.set_title("Per-sample losses of the batch and their mean")
right.legend(loc="upper right")
right.grid(axis="x", visible=False)

fig.tight_layout()
plt.show()
