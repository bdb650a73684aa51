import os

import matplotlib.pyplot as plt
import numpy as np

from infotheory import binary_entropy

p = np.linspace(0, 1, 501)
marked = np.arange(1, 10, 2) / 10  # 0.1, 0.3, ..., 0.9

# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: panels stacked, at most 4.5 in wide.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

fig, ax = plt.subplots(figsize=(4.3, 3.4) if narrow else (7, 4))
ax.plot(p, binary_entropy(p, base=2), color="C0", label="$H_b(p)$")
ax.scatter(marked, binary_entropy(marked, base=2), color="C1", zorder=3)
for x, h in zip(marked, binary_entropy(marked, base=2), strict=True):
    ax.annotate(
        f"{h:.3f}" if narrow else f"({x:.1f}, {h:.3f})",
        (x, h),
        textcoords="offset points",
        xytext=(0, -18 if x == 0.5 else 8),
        ha="center",
        fontsize=8 if narrow else 9,
    )
ax.axvline(0.5, color="C7", linestyle=":", linewidth=1)
ax.set_xlabel("success probability $p$")
ax.set_ylabel("$H_b(p)$ in bits")
ax.set_ylim(0, 1.1)
ax.set_title(
    "Binary entropy: 0 at the certain ends,\n1 bit at p = 0.5"
    if narrow
    else "Binary entropy: 0 at the certain ends, 1 bit at p = 0.5"
)
fig.tight_layout()
plt.show()
