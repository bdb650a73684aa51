import os

import matplotlib.pyplot as plt
import numpy as np

from infotheory import information_content

p = np.logspace(-8, 0, 400)
events = {"sun rises": 0.9999, "fair coin lands heads": 0.5, "win the lottery": 1e-7}

# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: panels stacked, at most 4.5 in wide.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

fig, ax = plt.subplots(figsize=(4.3, 3.6) if narrow else (7, 4))
ax.plot(p, information_content(p, base=2), color="C0")
for i, (name, prob) in enumerate(events.items()):
    bits = information_content(prob, base=2)
    ax.scatter([prob], [bits], color=f"C{i + 1}", zorder=3, label=f"{name}: {bits:.4g} bits")
ax.set_xscale("log")
ax.set_xlabel("probability $p$ of the event (log scale)")
ax.set_ylabel("$-\\log_2 p$ in bits")
ax.set_title(
    "Information content:" + ("\n" if narrow else " ") + "the rarer the event, the more bits"
)
ax.legend(loc="upper right", fontsize=9 if narrow else None)
fig.tight_layout()
plt.show()
