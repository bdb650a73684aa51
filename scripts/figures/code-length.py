import matplotlib.pyplot as plt
import numpy as np

from infotheory import cross_entropy, entropy, huffman_code, information_content, kl_divergence

symbols = ["a", "b", "c", "d"]
p = np.array([0.5, 0.25, 0.125, 0.125])
q = np.array([0.25, 0.25, 0.25, 0.25])

fig, ax = plt.subplots(figsize=(4.5, 4.2))
rows = np.arange(len(symbols))
for k, (dist, colour, name) in enumerate([(p, "C0", "P"), (q, "C1", "Q")]):
    y = rows + (k - 0.5) * 0.38
    ideal = information_content(dist, base=2)
    code = huffman_code(dist)
    ax.barh(y, ideal, height=0.34, color=colour, alpha=0.75, label=f"−log₂ {name}(x)")
    ax.barh(
        y,
        [len(c) for c in code],
        height=0.38,
        fill=False,
        edgecolor=colour,
        linestyle="--",
        label=f"Huffman length for {name}",
    )
    for yi, length, word in zip(y, ideal, code, strict=True):
        ax.text(max(length, len(word)) + 0.08, yi, word, va="center", family="monospace")
ax.set_yticks(rows, symbols)
ax.invert_yaxis()
ax.set_xlim(0, 3.6)
ax.set_xlabel("code length (bits)")
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=8)
ax.set_title(
    f"H(P) = {entropy(p, base=2):.3f}, H(P, Q) = {cross_entropy(p, q, base=2):.3f},\n"
    f"KL(P ‖ Q) = {kl_divergence(p, q, base=2):.3f} bits",
    fontsize=10,
)
ax.grid(axis="y", visible=False)
fig.tight_layout()
plt.show()
