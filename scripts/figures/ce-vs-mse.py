import os

import matplotlib.pyplot as plt
import numpy as np
from scipy.special import expit, logit

from infotheory import binary_cross_entropy_with_logits

# One sample of class y = 1; the model outputs a logit z and y_hat = sigmoid(z).
z = np.linspace(-10, 10, 801)
y = np.ones_like(z)
y_hat = expit(z)
ce = binary_cross_entropy_with_logits(y, z, reduction="none")
mse = (y_hat - y) ** 2
grad_ce = y_hat - y  # d/dz of the cross-entropy
grad_mse = 2 * (y_hat - y) * y_hat * (1 - y_hat)  # d/dz of the squared error

marked = np.array([-10.0, -5.0, -2.0, 0.0, 2.0])
m_hat = expit(marked)

# scripts/make_figures.py draws this figure a second time for phones, with
# FIGURE_LAYOUT=narrow: panels stacked, at most 4.5 in wide.
narrow = os.environ.get("FIGURE_LAYOUT") == "narrow"

if narrow:
    fig, (left, right) = plt.subplots(2, 1, figsize=(4.3, 8.2), sharex=True)
else:
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.4), sharex=True)

left.plot(z, ce, color="C0", label="cross-entropy $-\\ln \\hat y$ (nats)")
left.plot(z, mse, color="C1", label="squared error $(\\hat y - 1)^2$")
left.set_ylabel("loss")
left.set_ylim(0, 10.5)
left.set_title("Loss for a sample of class 1")
left.legend(loc="center right", fontsize=9 if narrow else None)

right.plot(z, np.abs(grad_ce), color="C0", label="cross-entropy: $|\\hat y - y|$")
right.plot(
    z,
    np.abs(grad_mse),
    color="C1",
    label="squared error: $|2(\\hat y - y)\\,\\hat y(1 - \\hat y)|$",
)
right.scatter(marked, np.abs(m_hat - 1), color="C0", zorder=3)
right.scatter(marked, np.abs(2 * (m_hat - 1) * m_hat * (1 - m_hat)), color="C1", zorder=3)
right.set_ylabel(
    "|gradient| with respect to $z$" if narrow else "|gradient with respect to the logit $z$|"
)
right.set_ylim(0, 1.1)
right.set_title(
    "Gradient: squared error stalls" + ("\n" if narrow else " ") + "when confidently wrong"
)
right.legend(loc="center right", bbox_to_anchor=(1.0, 0.62), fontsize=8 if narrow else 9)
right.annotate(
    "confidently wrong:\nsquared-error gradient ≈ 0",
    xy=(-8, 0.01),
    xytext=(-9.5, 0.45),
    arrowprops={"arrowstyle": "->", "color": "C7"},
    fontsize=9,
)

for ax in (left, right):
    ax.set_xlabel("logit $z$ (true class $y = 1$)")
    top = ax.secondary_xaxis("top", functions=(expit, logit))
    top.set_xticks([1e-4, 0.01, 0.5, 0.99])
    top.set_xticklabels(["0.0001", "0.01", "0.5", "0.99"])
    top.set_xlabel("predicted probability $\\hat y = \\sigma(z)$")

fig.tight_layout()
plt.show()
