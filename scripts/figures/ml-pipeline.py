import itertools

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

box_w, box_h, gap = 1.9, 1.1, 0.45
centres = [i * (box_w + gap) + box_w / 2 for i in range(len(stages))]

fig, ax = plt.subplots(figsize=(10, 4.6))
for x, (name, detail) in zip(centres, stages, strict=True):
    box = FancyBboxPatch(
        (x - box_w / 2, -box_h / 2),
        box_w,
        box_h,
        boxstyle="round,pad=0.02,rounding_size=0.12",
        facecolor="none",
        edgecolor="C7",
        linewidth=1.5,
    )
    ax.add_patch(box)
    ax.text(x, 0.2, name, ha="center", va="center", fontsize=14, fontweight="bold")
    ax.text(x, -0.22, detail, ha="center", va="center", fontsize=11, linespacing=1.1)
for left, right in itertools.pairwise(centres):
    ax.annotate(
        "",
        xy=(right - box_w / 2 - 0.03, 0),
        xytext=(left + box_w / 2 + 0.03, 0),
        arrowprops={"arrowstyle": "-|>", "color": "C7", "linewidth": 1.5},
    )
for x, (measure, role), colour, side in zip(centres, measures, colours, sides, strict=True):
    y_text = side * 1.75
    ax.annotate(
        "",
        xy=(x, side * (box_h / 2 + 0.05)),
        xytext=(x, y_text - side * 0.6),
        arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 2},
    )
    frame = {"boxstyle": "round,pad=0.4", "facecolor": "none", "edgecolor": colour}
    ax.text(x, y_text, f"{measure}\n{role}", ha="center", va="center", fontsize=12, bbox=frame)

ax.set_xlim(centres[0] - box_w / 2 - 0.4, centres[-1] + box_w / 2 + 0.4)
ax.set_ylim(-2.6, 2.6)
ax.set_aspect("equal")
ax.axis("off")
fig.tight_layout()
plt.show()
