import os

import matplotlib.pyplot as plt

from infotheory import entropy

examples = {
    "nearly certain": [0.99, 0.01],
    "fair coin": [0.5, 0.5],
    "uniform over 4": [0.25, 0.25, 0.25, 0.25],
}

# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: panels stacked, at most 4.5 in wide.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

if narrow:
    fig, axes = plt.subplots(3, 1, figsize=(4.3, 5.6), sharey=True)
else:
    fig, axes = plt.subplots(1, 3, figsize=(10, 3.4), sharey=True)
for ax, (name, p) in zip(axes, examples.items(), strict=True):
    bars = ax.bar(range(len(p)), p, color="C0", width=0.6)
    ax.bar_label(bars, fmt="%.2f", padding=2)
    ax.set_title(f"{name}" + (", " if narrow else "\n") + f"H = {entropy(p, base=2):.3f} bits")
    ax.set_xticks(range(len(p)))
    ax.set_xlabel("outcome")
    if narrow:  # one x scale for the stacked panels
        ax.set_xlim(-0.5, 3.5)
    ax.set_ylim(0, 1.3 if narrow else 1.15)
    ax.grid(axis="x", visible=False)
for ax in axes if narrow else axes[:1]:
    ax.set_ylabel("probability")
fig.tight_layout()
plt.show()
