import matplotlib.pyplot as plt
import numpy as np

from infotheory import entropy, softmax

teacher_logits = np.array([2, 1, 0.5, 0.1, -0.5])
temperatures = [0.5, 1, 2, 5, 10]
classes = np.arange(len(teacher_logits))
width = 0.16

fig, ax = plt.subplots(figsize=(8, 4.4))
for i, T in enumerate(temperatures):
    probs = softmax(teacher_logits, temperature=T)
    offset = (i - (len(temperatures) - 1) / 2) * width
    ax.bar(
        classes + offset,
        probs,
        width,
        color=f"C{i}",
        label=f"T = {T:g}   (H = {entropy(probs):.3f} nats)",
    )
ax.axhline(1 / len(classes), color="C7", linestyle=":", linewidth=1)
ax.annotate(
    "uniform: 1/5",
    (classes[-1] + 0.45, 1 / len(classes)),
    xytext=(0, 4),
    textcoords="offset points",
    ha="right",
    fontsize=9,
)
ax.set_xticks(classes, [f"class {k}\nz = {z:g}" for k, z in enumerate(teacher_logits)])
ax.set_ylabel("probability softmax(z / T)")
ax.set_ylim(0, 0.9)
ax.grid(axis="x", visible=False)
ax.legend(title="temperature (entropy; max log 5 = 1.609 nats)", loc="upper right")
ax.set_title("Teacher softmax at five temperatures: higher T, flatter distribution")
fig.tight_layout()
plt.show()
