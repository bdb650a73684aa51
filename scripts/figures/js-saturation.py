import os

import matplotlib.pyplot as plt
import numpy as np

from infotheory import js_divergence, total_variation

x = np.linspace(-1.5, 4.0, 1101)


def bump(center):
    """A smooth bump that is exactly zero outside [center - 1, center + 1]."""
    d = np.clip(1 - (x - center) ** 2, 0, None) ** 2
    return d / d.sum()


p = bump(0.0)
shifts = np.linspace(0, 3.5, 141)
js_bits = [js_divergence(p, bump(s), base=2) for s in shifts]
tv = [total_variation(p, bump(s)) for s in shifts]

# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: panels stacked, at most 4.5 in wide.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

if narrow:
    fig, (left, right) = plt.subplots(2, 1, figsize=(4.3, 6.6))
else:
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8), width_ratios=[1, 1.3])
left.fill_between(x, p, color="C0", alpha=0.5, label="P")
for i, s in enumerate([1.0, 2.5]):
    left.plot(x, bump(s), color=f"C{i + 1}", label=f"Q shifted by {s:g}")
left.set_xlabel("x")
left.set_ylabel("probability per grid cell")
left.set_yticks([])
left.set_ylim(0, 1.45 * p.max())
left.legend(loc="upper center", ncol=3, fontsize=8 if narrow else 9)
left.set_title("P and two shifted copies Q")

right.axvline(2, color="C7", linestyle=":", linewidth=1)
right.plot(shifts, js_bits, color="C0", label="Jensen–Shannon (bits)")
right.plot(shifts, tv, color="C1", linestyle="--", label="total variation")
right.text(
    2.75,
    0.5,
    "supports disjoint\n(shift ≥ 2):\nJS = 1 bit, TV = 1,\nflat, no gradient",
    ha="center",
    fontsize=9,
)
right.set_xlabel("shift of Q")
right.set_ylabel("divergence")
right.set_xlim(0, shifts[-1])
right.set_ylim(0, 1.1)
if narrow:  # below the panel: the curves fill it
    right.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncols=2, fontsize=9)
else:
    right.legend(loc="lower right")
right.set_title("JS and TV saturate" + ("\n" if narrow else " ") + "(KL(P ‖ Q) = ∞, not drawn)")
fig.tight_layout()
plt.show()
