import os

import matplotlib.pyplot as plt
import numpy as np

from infotheory import kl_divergence

p = np.array([4, 3, 2, 1]) / 10  # the loaded die
q = np.full(4, 0.25)
outcomes = np.arange(len(p))
forward, reverse = kl_divergence(p, q), kl_divergence(q, p)

# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: panels stacked, at most 4.5 in wide.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

if narrow:
    fig, (ax, ax_terms) = plt.subplots(2, 1, figsize=(4.3, 6.8))
else:
    fig, (ax, ax_terms) = plt.subplots(1, 2, figsize=(8.4, 3.7), width_ratios=[3, 2])
width = 0.38
bars_p = ax.bar(outcomes - width / 2, p, width, color="C0", label="$P$ = [0.4, 0.3, 0.2, 0.1]")
bars_q = ax.bar(outcomes + width / 2, q, width, color="C1", label="$Q$ = uniform over 4")
ax.bar_label(bars_p, fmt="%.2f", padding=2, fontsize=9)
ax.bar_label(bars_q, fmt="%.2f", padding=2, fontsize=9)
ax.set_xticks(outcomes)
ax.set_xlabel("outcome $x$")
ax.set_ylabel("probability")
ax.set_ylim(0, 0.55)
ax.grid(axis="x", visible=False)
ax.legend(loc="upper right", fontsize=10)
ax.set_title(
    f"$D_{{KL}}(P\\,\\|\\,Q)$ = {forward:.4f} nats\n$D_{{KL}}(Q\\,\\|\\,P)$ = {reverse:.4f} nats"
)

# The terms p(x) ln(p(x)/q(x)) of KL(P || Q): some are negative, their sum is not.
terms = p * np.log(p / q)
colors = ["C2" if t >= 0 else "C5" for t in terms]
bars_t = ax_terms.bar(outcomes, terms, 0.6, color=colors)
ax_terms.bar_label(bars_t, labels=[f"{t:+.3f}".replace("-", "−") for t in terms], padding=2)
ax_terms.axhline(0, color="C7", linewidth=0.8)
ax_terms.set_xticks(outcomes)
ax_terms.set_xlabel("outcome $x$")
ax_terms.set_ylabel("$p(x)\\,\\ln\\,(p(x)/q(x))$ in nats")
ax_terms.set_ylim(-0.135, 0.235)
ax_terms.grid(axis="x", visible=False)
ax_terms.set_title(f"terms of $D_{{KL}}(P\\,\\|\\,Q)$\nsum = {terms.sum():.4f} nats")
fig.tight_layout()
plt.show()
