import matplotlib.pyplot as plt

from infotheory import entropy

examples = {
    "nearly certain": [0.99, 0.01],
    "fair coin": [0.5, 0.5],
    "uniform over 4": [0.25, 0.25, 0.25, 0.25],
}

fig, axes = plt.subplots(1, 3, figsize=(10, 3.4), sharey=True)
for ax, (name, p) in zip(axes, examples.items(), strict=True):
    bars = ax.bar(range(len(p)), p, color="C0", width=0.6)
    ax.bar_label(bars, fmt="%.2f", padding=2)
    ax.set_title(f"{name}\nH = {entropy(p, base=2):.3f} bits")
    ax.set_xticks(range(len(p)))
    ax.set_xlabel("outcome")
    ax.set_ylim(0, 1.15)
    ax.grid(axis="x", visible=False)
axes[0].set_ylabel("probability")
fig.tight_layout()
plt.show()
