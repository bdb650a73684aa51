import os

import matplotlib.pyplot as plt
import numpy as np
from scipy.stats import norm

from infotheory import kl_gaussian

examples = [  # (mu, sigma^2) of an encoder output q(z|x) = N(mu, sigma^2)
    (0.0, 1.0),
    (1.0, 1.0),
    (0.0, 2.0),
    (2.0, 0.5),
]
z = np.linspace(-4.5, 5, 500)

# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: panels stacked, at most 4.5 in wide.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

fig, (ax, ax_surf) = plt.subplots(
    2, 1, figsize=(4.3, 7.8) if narrow else (8, 8.4), height_ratios=[1, 1.15]
)
ax.plot(z, norm.pdf(z), color="C7", linestyle=":", linewidth=3, label="prior $p(z)$ = N(0, 1)")
for i, (mu, var) in enumerate(examples):
    kl = kl_gaussian([mu], [np.log(var)])
    ax.plot(
        z,
        norm.pdf(z, mu, np.sqrt(var)),
        color=f"C{i}",
        linewidth=1.8,
        label=f"$q$ = N({mu:g}, {var:g}): KL = {kl:.4f} nats",
    )
ax.set_xlabel("latent $z$")
ax.set_ylabel("density")
ax.set_ylim(0, 0.95 if narrow else 0.72)
ax.set_title(
    "encoder outputs $q(z\\,|\\,x) = N(\\mu, \\sigma^2)$"
    + ("\n" if narrow else " ")
    + "and the prior"
)
ax.legend(loc="upper left", fontsize=8 if narrow else 10)

mu_grid = np.linspace(-2.5, 2.5, 201)
sigma_grid = np.linspace(0.1, 3, 200)
MU, SIGMA = np.meshgrid(mu_grid, sigma_grid)
# One latent dimension per point: kl_gaussian sums over the last axis.
KL = kl_gaussian(MU[..., None], np.log(SIGMA**2)[..., None])
levels = np.linspace(0, 6.5, 27)
surf = ax_surf.contourf(MU, SIGMA, KL, levels=levels, cmap="viridis")
fig.colorbar(surf, ax=ax_surf, label="KL(q ‖ N(0, 1)) in nats")
# Contour labels: the bright end of the colormap on dark cells, the dark end on bright ones.
cmap = plt.get_cmap("viridis")
line_levels = [0.5, 1, 2, 4]
text_colors = [cmap(1.0) if v < levels[-1] / 2 else cmap(0.0) for v in line_levels]
lines = ax_surf.contour(MU, SIGMA, KL, levels=line_levels, colors=text_colors, linewidths=0.7)
ax_surf.clabel(lines, fmt=lambda v: f"{v:g} nat" + ("" if v == 1 else "s"), fontsize=9)
ax_surf.scatter([0], [1], marker="*", s=260, color="C6", zorder=3, label="minimum: μ = 0, σ = 1")
for i, (mu, var) in enumerate(examples[1:], start=1):
    ax_surf.scatter(
        [mu],
        [np.sqrt(var)],
        s=55,
        color=f"C{i}",
        edgecolors="C6",
        zorder=3,
        label="the other examples" if i == 1 else None,
    )
ax_surf.set_xlabel("μ")
ax_surf.set_ylabel("σ")
ax_surf.grid(False)
ax_surf.set_title("KL to the prior over (μ, σ)")
ax_surf.legend(
    loc="upper center",
    bbox_to_anchor=(0.5, -0.13),
    ncols=1 if narrow else 2,
    fontsize=9 if narrow else None,
)
fig.tight_layout()
plt.show()
