import matplotlib.pyplot as plt
import numpy as np

from infotheory import entropy, huffman_code

symbols = ["a", "b", "c", "d", "e"]
p = np.array([0.4, 0.2, 0.2, 0.1, 0.1])
code = huffman_code(p)
lengths = np.array([len(word) for word in code])
ideal = -np.log2(p)  # the lengths that would reach the entropy

fig, ax = plt.subplots(figsize=(4.5, 3.6))
gap = 0.006  # a thin gap between the rows
top = 1.0
for i, (symbol, word) in enumerate(zip(symbols, code, strict=True)):
    bottom, height = top - p[i] + gap, p[i] - 2 * gap
    # Width: the codeword's length; height: its probability; area: its share of L.
    box = plt.Rectangle((0, bottom), lengths[i], height, facecolor=f"C{i}", alpha=0.45)
    ax.add_patch(box)
    ax.add_patch(plt.Rectangle((0, bottom), lengths[i], height, fill=False, edgecolor=f"C{i}"))
    # The ideal length -log2 p as a dashed outline over the same row.
    ax.add_patch(
        plt.Rectangle(
            (0, bottom), ideal[i], height, fill=False, edgecolor="C7", linestyle="--", linewidth=1
        )
    )
    ax.text(0.1, top - p[i] / 2, f"{symbol}: {word}", va="center", ha="left", fontsize=10)
    right = max(lengths[i], ideal[i]) + 0.1
    ax.text(right, top - p[i] / 2, f"{ideal[i]:.2f}", va="center", fontsize=9)
    top -= p[i]
ax.set_xlim(0, 4.2)
ax.set_ylim(0, 1)
ax.set_xticks(range(5))
ax.set_yticks(np.cumsum([0, *p[::-1]]))
ax.set_yticklabels([f"{y:.1f}" for y in np.cumsum([0, *p[::-1]])], fontsize=9)
ax.grid(axis="y", visible=False)
ax.set_xlabel("codeword length in bits")
ax.set_ylabel("probability (stacked)")
expected = float(np.dot(p, lengths))
ax.set_title(
    f"Huffman code (filled): area L = {expected:.2f} bits\n"
    f"ideal $-\\log_2 p$ (dashed): area H = {entropy(p, base=2):.2f} bits",
    fontsize=10,
)
fig.tight_layout()
plt.show()
