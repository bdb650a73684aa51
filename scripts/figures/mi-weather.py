import os

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle
from scipy.optimize import brentq

from infotheory import conditional_entropy, entropy, joint_entropy, mutual_information

# Rows: weather (sunny, rainy); columns: umbrella (no, yes).
pxy = np.array([[0.40, 0.10], [0.05, 0.45]])
product = np.outer(pxy.sum(axis=1), pxy.sum(axis=0))
h_x = entropy(pxy.sum(axis=1), base=2)
h_y = entropy(pxy.sum(axis=0), base=2)
mi = mutual_information(pxy, base=2)
h_x_given_y = conditional_entropy(pxy.T, base=2)
h_y_given_x = conditional_entropy(pxy, base=2)

# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: panels stacked, at most 4.5 in wide.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

if narrow:  # the two tables side by side, the diagram below them
    fig, by_name = plt.subplot_mosaic(
        [["joint", "product"], ["diagram", "diagram"]],
        figsize=(4.1, 6.4),
        height_ratios=[1.25, 1],
        layout="constrained",
    )
    axes = [by_name["joint"], by_name["product"], by_name["diagram"]]
else:
    fig, axes = plt.subplots(1, 3, figsize=(11, 4), width_ratios=[1, 1, 1.35], layout="constrained")

# Panels 1 and 2: the joint table and the product of its marginals, on one colour scale.
cmap = plt.get_cmap("viridis")
for ax, table, title in [
    (axes[0], pxy, "joint $P_{XY}$"),
    (axes[1], product, "product of marginals" + ("\n" if narrow else " ") + "$P_X P_Y$"),
]:
    image = ax.imshow(table, cmap=cmap, vmin=0, vmax=0.5)
    for (i, j), value in np.ndenumerate(table):
        # Dark text on the bright end of viridis, light text on the dark end.
        text_colour = "black" if value > 0.25 else "white"
        size = 10 if narrow else 12
        ax.text(j, i, f"{value:.3f}", ha="center", va="center", color=text_colour, fontsize=size)
    ax.set_xticks([0, 1], ["no", "yes"])
    ax.set_yticks([0, 1], ["sunny", "rainy"])
    ax.set_xlabel("umbrella $Y$")
    ax.set_title(title)
    ax.grid(False)
axes[0].set_ylabel("weather $X$")
fig.colorbar(
    image, ax=axes[:2], shrink=0.8, label="probability", location="bottom" if narrow else "right"
)

# Panel 3: circle areas are H(X) and H(Y), the overlap (lens) area is I(X;Y).
r1, r2 = np.sqrt(h_x / np.pi), np.sqrt(h_y / np.pi)


def lens_area(d):
    a1 = r1**2 * np.arccos((d**2 + r1**2 - r2**2) / (2 * d * r1))
    a2 = r2**2 * np.arccos((d**2 + r2**2 - r1**2) / (2 * d * r2))
    kite = 0.5 * np.sqrt((-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2))
    return a1 + a2 - kite


# The overlap shrinks from the smaller circle's area to 0 as the centres move apart.
d = brentq(lambda d: lens_area(d) - mi, abs(r1 - r2) + 1e-12, r1 + r2)
ax = axes[2]
for x, r, colour in [(0.0, r1, "C0"), (d, r2, "C1")]:
    ax.add_patch(Circle((x, 0), r, facecolor=colour, alpha=0.35, edgecolor=colour, linewidth=2))
lens_mid = (d - r2 + r1) / 2
ax.text((-r1 + d - r2) / 2, 0, f"$H(X|Y)$\n{h_x_given_y:.3f}", ha="center", va="center")
ax.text(lens_mid, 0, f"$I(X;Y)$\n{mi:.3f}", ha="center", va="center")
ax.text((r1 + d + r2) / 2, 0, f"$H(Y|X)$\n{h_y_given_x:.3f}", ha="center", va="center")
ax.text(-0.35 * r1, -r1 - 0.05, f"$H(X)$ = {h_x:.3f}\nweather", ha="center", va="top", color="C0")
ax.text(
    d + 0.35 * r2, -r2 - 0.05, f"$H(Y)$ = {h_y:.3f}\numbrella", ha="center", va="top", color="C1"
)
ax.set_xlim(-r1 - 0.05, d + r2 + 0.05)
ax.set_ylim(-r1 - 0.3, r1 + 0.05)
ax.set_aspect("equal")
ax.axis("off")
ax.set_title(
    "information diagram, areas in bits\n"
    f"both circles together: $H(X,Y)$ = {joint_entropy(pxy, base=2):.3f}"
)
plt.show()
