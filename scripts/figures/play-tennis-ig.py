import os

import matplotlib.pyplot as plt
import numpy as np

from infotheory import conditional_entropy, entropy, information_gain

parent = [9, 5]  # play: yes, no
splits = {  # one row per branch: (yes, no)
    "Outlook": [[2, 3], [4, 0], [3, 2]],
    "Humidity": [[3, 4], [6, 1]],
    "Wind": [[3, 3], [6, 2]],
}
h_parent = entropy(parent, normalize=True, base=2)
gain = np.array([information_gain(parent, c, base=2) for c in splits.values()])
remaining = np.array([conditional_entropy(c, normalize=True, base=2) for c in splits.values()])
rows = np.arange(len(splits))[::-1]

# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: panels stacked, at most 4.5 in wide.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

fig, ax = plt.subplots(figsize=(4.3, 3.6) if narrow else (8, 3.8))
ax.barh(
    rows, remaining, height=0.55, color="C0", alpha=0.45, label="H(Play | split): uncertainty left"
)
bars = ax.barh(rows, gain, left=remaining, height=0.55, color="C1", label="information gain")
ax.bar_label(bars, labels=[f"IG = {g:.3f}" for g in gain], padding=8)
ax.axvline(h_parent, color="C7", linestyle="--", linewidth=1)
ax.text(h_parent, rows[0] + 0.45, f"  H(Play) = {h_parent:.3f}", ha="left", fontsize=9)
ax.set_yticks(rows, list(splits))
ax.set_xlabel("bits")
ax.set_xlim(0, 1.3)
ax.set_ylim(-0.5, rows[0] + 0.7)
ax.grid(axis="y", visible=False)
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncols=1 if narrow else 2, fontsize=9)
ax.set_title(
    "Each split divides H(Play)" + ("\n" if narrow else " ") + "into what is left and what it gains"
)
fig.tight_layout()
plt.show()
