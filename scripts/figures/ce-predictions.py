import os

import matplotlib.pyplot as plt
import numpy as np

from infotheory import cross_entropy

target = [1, 0, 0, 0]  # class 0 is the true class
names = ["Perfect", "Good", "Uncertain", "Wrong", "Very wrong"]
predictions = np.array(
    [  # one row per prediction, one column per class
        [1.0, 0.0, 0.0, 0.0],
        [0.8, 0.1, 0.05, 0.05],
        [0.4, 0.3, 0.2, 0.1],
        [0.1, 0.6, 0.2, 0.1],
        [0.01, 0.01, 0.01, 0.97],
    ]
)
losses = cross_entropy(target, predictions)  # one loss per prediction
colors = [f"C{i}" for i in range(len(names))]

# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: panels stacked, at most 4.5 in wide.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

if narrow:
    fig, (left, right) = plt.subplots(2, 1, figsize=(4.3, 7.6), height_ratios=[1.2, 1])
else:
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), width_ratios=[1.35, 1])

width = 0.16
classes = np.arange(len(target))
for i, (name, q) in enumerate(zip(names, predictions, strict=True)):
    offset = (i - (len(names) - 1) / 2) * width
    left.bar(classes + offset, q, width, color=colors[i], label=name)
left.set_xticks(classes, ["class 0\n(true)", "class 1", "class 2", "class 3"])
left.set_ylabel("predicted probability")
left.set_ylim(0, 1.05)
left.set_title("Five predictions for a sample of class 0")
left.legend(loc="upper center", ncols=3, bbox_to_anchor=(0.5, -0.2), fontsize=9 if narrow else None)
left.grid(axis="x", visible=False)

bars = right.bar(range(len(losses)), losses, color=colors, width=0.6)
right.bar_label(bars, labels=[f"{x:.3f}" for x in losses], padding=2)
right.set_xticks(range(len(losses)), names, rotation=25, ha="right")
right.set_ylabel("cross-entropy in nats")
right.set_ylim(0, 5.2)
right.set_title("Loss = −ln(probability of class 0)")
right.grid(axis="x", visible=False)

fig.tight_layout()
plt.show()
