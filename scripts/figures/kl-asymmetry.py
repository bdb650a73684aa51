import os

import matplotlib.pyplot as plt
import numpy as np
from scipy.optimize import minimize
from scipy.stats import norm

from infotheory import kl_divergence

# Target: an equal mixture of N(-3, 1) and N(3, 1) on a fine grid (spacing 0.01).
x = np.linspace(-20, 20, 4001)
dx = x[1] - x[0]
p = 0.5 * norm.pdf(x, -3, 1) + 0.5 * norm.pdf(x, 3, 1)
p /= p.sum()


def gaussian(mu, sigma):
    q = norm.pdf(x, mu, sigma)
    return q / q.sum()


def minus(text):
    return text.replace("-", "−")


# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: panels stacked, at most 4.5 in wide.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

# Forward KL(p || q) is minimised by matching the mean and variance of p.
mu_f = np.sum(x * p)
sigma_f = np.sqrt(np.sum((x - mu_f) ** 2 * p))
q_forward = gaussian(mu_f, sigma_f)

# Reverse KL(q || p) has two equally good optima, one per mode: start on each side.
q_reverse = []
for start in (1.0, -1.0):
    fit = minimize(
        lambda t: kl_divergence(gaussian(t[0], np.exp(t[1])), p), [start, 0.0], method="Nelder-Mead"
    )
    q_reverse.append((start, fit.x[0], np.exp(fit.x[1]), fit.fun))

fig, axes = plt.subplots(2, 1, figsize=(4.3, 6.6) if narrow else (8, 6.4), sharex=True)
for ax in axes:
    ax.fill_between(x, p / dx, color="C0", alpha=0.3, linewidth=0)
    ax.plot(x, p / dx, color="C0", label="target $p$ = ½N(−3, 1) + ½N(3, 1)")
    ax.set_xlim(-8.5, 8.5)
    ax.set_ylim(0, 0.6)
    ax.set_ylabel("density")

ax = axes[0]
kl = kl_divergence(p, q_forward)
ax.plot(
    x,
    q_forward / dx,
    color="C1",
    label=f"best $q$ = N({abs(mu_f):.2f}, {sigma_f:.2f}²), KL(p‖q) = {kl:.3f} nats",
)
ax.set_title("forward KL(p‖q): mode-covering" + ("\n" if narrow else " ") + "(maximum likelihood)")

ax = axes[1]
for (start, mu, sigma, kl), style in zip(q_reverse, ["-", "--"], strict=True):
    ax.plot(
        x,
        gaussian(mu, sigma) / dx,
        color="C5",
        linestyle=style,
        label=minus(
            f"start μ = {start:+.0f}: $q$ = N({mu:.2f}, {sigma:.2f}²), KL(q‖p) = {kl:.3f} nats"
        ),
    )
ax.set_title("reverse KL(q‖p): mode-seeking" + ("\n" if narrow else " ") + "(VI, VAEs)")
ax.set_xlabel("$x$")
for ax in axes:
    ax.legend(loc="upper center", fontsize=8 if narrow else 10)
fig.tight_layout()
plt.show()
