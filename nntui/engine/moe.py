"""A mixture-of-experts layer with a top-k softmax router (no training).

For an input row x the router scores every expert, p = softmax(x·W_r + b_r); the k experts with
the highest scores are chosen and their scores renormalised to gates that sum to 1,
gᵢ = pᵢ / Σ_{j ∈ top-k} pⱼ; the layer's output is the gated sum of the chosen experts' outputs,
y = Σ_{i ∈ top-k} gᵢ·Eᵢ(x). The other experts are not run at all — the point of the design.
``load`` counts how many inputs of a batch each expert received.
"""

from __future__ import annotations

import numpy as np

from .activations import softmax

__all__ = ["router_probs", "top_k", "load", "moe_forward"]

Array = np.ndarray


def router_probs(X: Array, W_r: Array, b_r: Array | None = None) -> Array:
    """softmax(X·W_r + b_r) over the experts: (n, n_experts), each row sums to 1."""
    logits = np.asarray(X, dtype=np.float64) @ np.asarray(W_r, dtype=np.float64)
    if b_r is not None:
        logits = logits + b_r
    return softmax(logits, axis=-1)


def top_k(probs: Array, k: int = 2) -> tuple[Array, Array]:
    """(indices, gates), both (n, k): the k best experts per row, best first (ties go to the
    lower index), and their probabilities renormalised to sum to 1."""
    probs = np.asarray(probs, dtype=np.float64)
    order = np.argsort(-probs, axis=-1, kind="stable")[:, :k]
    chosen = np.take_along_axis(probs, order, axis=-1)
    return order, chosen / chosen.sum(axis=-1, keepdims=True)


def load(indices: Array, n_experts: int) -> Array:
    """Inputs routed to each expert: (n_experts,) counts, summing to n·k."""
    return np.bincount(np.asarray(indices).ravel(), minlength=n_experts)


def moe_forward(X: Array, W_r: Array, b_r: Array | None, experts, k: int = 2
                ) -> tuple[Array, Array, Array]:
    """(y, indices, gates): y (n, n_out) is the gated sum of the chosen experts.

    ``experts`` is a list of (W, b) linear maps, Eᵢ(x) = x·Wᵢ + bᵢ; only the chosen ones are
    evaluated for each row.
    """
    X = np.asarray(X, dtype=np.float64)
    indices, gates = top_k(router_probs(X, W_r, b_r), k)
    n_out = np.asarray(experts[0][0]).shape[1]
    y = np.zeros((len(X), n_out))
    for row, x in enumerate(X):
        for expert, gate in zip(indices[row], gates[row]):
            W, b = experts[expert]
            y[row] += gate * (x @ W + b)
    return y, indices, gates
