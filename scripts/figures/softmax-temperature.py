import os

import matplotlib.pyplot as plt
import numpy as np

from infotheory import entropy, softmax

teacher_logits = np.array([2, 1, 0.5, 0.1, -0.5])
temperatures = [0.5, 1, 2, 5, 10]
classes = np.arange(len(teacher_logits))
width = 0.16

# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: panels stacked, at most 4.5 in wide.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

# T is ordinal: one sequential colormap, dark (cold, T = 0.5) to light (hot, T = 10).
# plt.get_cmap() is the default colormap, viridis; scripts/make_figures.py cuts it
# to the colours with at least 3:1 contrast against each palette's page.
cmap = plt.get_cmap()
colours = cmap(np.linspace(0, 1, len(temperatures)))

fig, ax = plt.subplots(figsize=(4.3, 4.4) if narrow else (8, 4.4))
for i, T in enumerate(temperatures):
    probs = softmax(teacher_logits, temperature=T)
    offset = (i - (len(temperatures) - 1) / 2) * width
    ax.bar(
        classes + offset,
        probs,
        width,
        color=colours[i],
        label=f"T = {T:g}" + ("  " if narrow else "   ") + f"(H = {entropy(probs):.3f} nats)",
    )
ax.axhline(1 / len(classes), color="C7", linestyle=":", linewidth=1)
ax.annotate(
    "uniform: 1/5",
    (classes[-1] + 0.45, 1 / len(classes)),
    xytext=(0, 4),
    textcoords="offset points",
    ha="right",
    fontsize=9,
)
ax.set_xticks(
    classes, [f"{'' if narrow else 'class '}{k}\nz = {z:g}" for k, z in enumerate(teacher_logits)]
)
if narrow:
    ax.set_xlabel("class")
ax.set_ylabel("probability softmax(z / T)")
ax.set_ylim(0, 0.9)
ax.grid(axis="x", visible=False)
ax.legend(
    title="temperature (entropy;" + ("\n" if narrow else " ") + "max log 5 = 1.609 nats)",
    loc="upper right",
    fontsize=9 if narrow else None,
    title_fontsize=9 if narrow else None,
)
ax.set_title(
    "Teacher softmax at five temperatures:"
    + ("\n" if narrow else " ")
    + "higher T, flatter distribution"
)
fig.tight_layout()
plt.show()
