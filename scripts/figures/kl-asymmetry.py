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

fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), sharey=True)
for ax in axes:
    ax.fill_between(x, p / dx, color="C0", alpha=0.3, linewidth=0)
    ax.plot(x, p / dx, color="C0", label="target $p$: ½N(−3, 1) + ½N(3, 1)")
    ax.set_xlim(-8.5, 8.5)
    ax.set_ylim(0, 0.66)
    ax.set_xlabel("$x$")

ax = axes[0]
ax.plot(
    x,
    q_forward / dx,
    color="C1",
    label=f"best $q$ = N({mu_f:.2f}, {sigma_f:.2f}²)\n"
    f"KL(p‖q) = {kl_divergence(p, q_forward):.3f} nats",
)
ax.set_title("forward KL(p‖q): mode-covering\n(maximum likelihood)")
ax.set_ylabel("density")

ax = axes[1]
for (start, mu, sigma, kl), style in zip(q_reverse, ["-", "--"], strict=True):
    ax.plot(
        x,
        gaussian(mu, sigma) / dx,
        color="C5",
        linestyle=style,
        label=f"start μ = {start:+.0f} → $q$ = N({mu:+.2f}, {sigma:.2f}²)\n"
        f"KL(q‖p) = {kl:.3f} nats".replace("-", "−"),
    )
ax.set_title("reverse KL(q‖p): mode-seeking\n(VI, VAEs)")
for ax in axes:
    ax.legend(loc="upper center", fontsize=9, ncols=1)
fig.tight_layout()
plt.show()
