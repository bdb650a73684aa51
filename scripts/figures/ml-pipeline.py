import itertools
import os

import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

# The stages of a supervised pipeline, left to right: (name, what flows there).
stages = [
    ("Data", "samples x"),
    ("Features", "columns $X_j$"),
    ("Model", "parameters $\\theta$,\nVAE latent z"),
    ("Predictions", "probabilities $\\hat{y}$"),
    ("Loss", "one number\nto minimise"),
]
# One measure per stage: its symbol and what it does there, then the colour
# of its annotation and whether that sits above (+1) or below (-1) the row.
measures = [
    ("Entropy $H(X)$", "the fewest bits per symbol,\non average, of any\nlossless code"),
    ("Mutual information $I(X_j;Y)$", "ranks features; information\ngain splits a tree"),
    (r"$D_{\mathrm{KL}}(q(z|x)\,\|\,p(z))$", "keeps a VAE's latent\ncode near its prior"),
    (r"$D_{\mathrm{KL}}(p_T\,\|\,q_T)$", "fits a student to the\nteacher's softened outputs"),
    (r"Cross-entropy $H(y,\hat{y})$", "compares predictions\nwith the true label"),
]
colours = ["C1", "C2", "C3", "C0", "C5"]
sides = [-1, +1, -1, +1, -1]

# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: the stages top to bottom, each measure to its right.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

box_w, box_h, gap = 1.9, 1.1, 0.45
if narrow:
    box_w, gap = 1.8, 0.55
    centres = [(0.0, -i * (box_h + gap)) for i in range(len(stages))]
else:
    centres = [(i * (box_w + gap) + box_w / 2, 0.0) for i in range(len(stages))]
name_size, detail_size, measure_size = (11, 9, 9) if narrow else (14, 11, 12)

fig, ax = plt.subplots(figsize=(4.4, 6.4) if narrow else (10, 4.6))
for (x, y), (name, detail) in zip(centres, stages, strict=True):
    box = FancyBboxPatch(
        (x - box_w / 2, y - box_h / 2),
        box_w,
        box_h,
        boxstyle="round,pad=0.02,rounding_size=0.12",
        facecolor="none",
        edgecolor="C7",
        linewidth=1.5,
    )
    ax.add_patch(box)
    ax.text(x, y + 0.2, name, ha="center", va="center", fontsize=name_size, fontweight="bold")
    ax.text(x, y - 0.22, detail, ha="center", va="center", fontsize=detail_size, linespacing=1.1)
for (x0, y0), (x1, y1) in itertools.pairwise(centres):
    if narrow:  # downwards, bottom edge to top edge
        start, end = (x0, y0 - box_h / 2 - 0.03), (x1, y1 + box_h / 2 + 0.03)
    else:  # rightwards, right edge to left edge
        start, end = (x0 + box_w / 2 + 0.03, y0), (x1 - box_w / 2 - 0.03, y1)
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops={"arrowstyle": "-|>", "color": "C7", "linewidth": 1.5},
    )
for (x, y), (measure, role), colour, side in zip(centres, measures, colours, sides, strict=True):
    frame = {"boxstyle": "round,pad=0.4", "facecolor": "none", "edgecolor": colour}
    arrow = {"arrowstyle": "-|>", "color": colour, "linewidth": 2}
    if narrow:  # to the right of its stage, pointing left
        x_text = box_w / 2 + 0.7
        ax.annotate("", xy=(box_w / 2 + 0.05, y), xytext=(x_text - 0.12, y), arrowprops=arrow)
        label = f"{measure}\n{role}"
        ax.text(x_text, y, label, ha="left", va="center", fontsize=measure_size, bbox=frame)
        continue
    y_text = side * 1.75
    ax.annotate(
        "",
        xy=(x, side * (box_h / 2 + 0.05)),
        xytext=(x, y_text - side * 0.6),
        arrowprops=arrow,
    )
    ax.text(x, y_text, f"{measure}\n{role}", ha="center", va="center", fontsize=12, bbox=frame)

if narrow:
    ax.set_xlim(-box_w / 2 - 0.1, box_w / 2 + 4.4)
    ax.set_ylim(centres[-1][1] - box_h / 2 - 0.1, box_h / 2 + 0.1)
else:
    ax.set_xlim(centres[0][0] - box_w / 2 - 0.4, centres[-1][0] + box_w / 2 + 0.4)
    ax.set_ylim(-2.6, 2.6)
ax.set_aspect("equal")
ax.axis("off")
fig.tight_layout()
plt.show()
