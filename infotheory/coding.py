r"""Optimal prefix codes: Huffman coding, the operational meaning of entropy in bits."""

from __future__ import annotations

import heapq

from numpy.typing import ArrayLike

from . import _validation as _v

__all__ = ["huffman_code"]


def huffman_code(p: ArrayLike) -> list[str]:
    r"""Build an optimal binary prefix code for a distribution: Huffman's algorithm.

    Returns one codeword (a string of ``'0'`` and ``'1'``) per outcome, in the
    order of ``p``.  No codeword is a prefix of another, so a concatenation of
    codewords decodes unambiguously, and the expected length
    $L = \sum_i p_i \ell_i$ is the smallest any such code achieves.  Its
    lengths satisfy Kraft's inequality (with equality: the code is complete)
    and $L$ is within one bit of the entropy:

    $$
    \sum_i 2^{-\ell_i} \le 1, \qquad H_2(P) \le L < H_2(P) + 1
    $$

    The algorithm repeatedly merges the two least probable nodes (a heap);
    the first one popped gets ``'0'``, the second ``'1'``.  Ties between equal
    probabilities are broken by insertion order (the outcomes in the order of
    ``p``, then the merged nodes in the order they are created), so the code
    is deterministic.

    Conventions for the edge cases: a single outcome gets the codeword
    ``'0'`` (a codeword cannot be empty).  Outcomes with probability 0 still
    get codewords, so that every outcome of the alphabet can be encoded:
    they are merged first, into one subtree that hangs next to the least
    likely positive outcome, which therefore gets one bit more, so $L$ is
    that of the Huffman code of the positive entries plus the smallest
    positive probability.  The bounds above are the guarantee for positive
    ``p``; a certain outcome ($p_i = 1$, $H_2 = 0$) costs one bit, $L = H_2 + 1$.

    Parameters
    ----------
    p : array_like, shape (n,)
        One probability distribution (summing to 1).

    Returns
    -------
    list of str
        The codeword of each outcome, in the order of ``p``.

    Examples
    --------
    >>> from infotheory import huffman_code
    >>> p = [0.5, 0.25, 0.125, 0.125]
    >>> code = huffman_code(p)
    >>> print(code)
    ['0', '10', '110', '111']
    >>> print(sum(pi * len(c) for pi, c in zip(p, code)), "bits per symbol")
    1.75 bits per symbol
    """
    probs = _v.distribution_1d(p, "p")
    n = probs.size
    if n == 1:
        return ["0"]
    # Heap entries (probability, node).  Node ids are unique and increase in
    # insertion order (0..n-1 the outcomes, then each merged node), so a tie in
    # probability goes to the earlier entry.  children[node - n] holds the
    # merged node's ('0' child, '1' child).
    heap = [(float(w), i) for i, w in enumerate(probs)]
    heapq.heapify(heap)
    children: list[tuple[int, int]] = []
    while len(heap) > 1:
        w0, a = heapq.heappop(heap)
        w1, b = heapq.heappop(heap)
        children.append((a, b))
        heapq.heappush(heap, (w0 + w1, n + len(children) - 1))
    codes = [""] * n
    stack = [(heap[0][1], "")]
    while stack:
        node, prefix = stack.pop()
        if node < n:
            codes[node] = prefix
        else:
            a, b = children[node - n]
            stack.append((a, prefix + "0"))
            stack.append((b, prefix + "1"))
    return codes
