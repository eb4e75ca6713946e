"""Message passing on a graph: one round of a graph neural network, without learned weights.

A graph of n nodes is an undirected edge list; node i holds a feature vector hᵢ (row i of H).
One round sends every node's vector along each of its edges and lets every node combine what it
receives with its own vector::

    sum:   hᵢ' = hᵢ + Σ_{j ∈ N(i)} hⱼ            (matrix form: H' = (A + I) H)
    mean:  hᵢ' = (hᵢ + Σ_{j ∈ N(i)} hⱼ) / (1 + deg i)   (H' = D̃⁻¹ (A + I) H, D̃ = diag(1 + deg))

then optionally multiplies by a weight matrix W (n_features, n_out), as a GCN layer would before
its nonlinearity. ``message_round`` computes this edge by edge (messages scattered with
``np.add.at``), the way message passing is described; ``adjacency`` gives A for the matrix form.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

__all__ = ["AGGREGATES", "adjacency", "degrees", "message_round", "rounds"]

Array = np.ndarray
AGGREGATES = ("mean", "sum")


def adjacency(n_nodes: int, edges: Iterable[tuple[int, int]]) -> Array:
    """The symmetric 0/1 adjacency matrix A (n, n) of an undirected graph."""
    A = np.zeros((n_nodes, n_nodes))
    for i, j in edges:
        if i != j:
            A[i, j] = A[j, i] = 1.0
    return A


def degrees(n_nodes: int, edges: Sequence[tuple[int, int]]) -> Array:
    return adjacency(n_nodes, edges).sum(axis=1)


def message_round(H: Array, edges: Sequence[tuple[int, int]], aggregate: str = "mean",
                  W: Array | None = None) -> Array:
    """One round: every node gathers its own vector and its neighbours', then sums or
    averages them (see the module docstring); ``W`` multiplies the result."""
    if aggregate not in AGGREGATES:
        raise ValueError(f"aggregate must be one of {AGGREGATES}, not {aggregate!r}")
    H = np.asarray(H, dtype=np.float64)
    pairs = {(min(i, j), max(i, j)) for i, j in edges if i != j}
    senders = np.array([i for i, j in pairs] + [j for i, j in pairs], dtype=int)
    receivers = np.array([j for i, j in pairs] + [i for i, j in pairs], dtype=int)
    gathered = H.copy()  # each node's own message (the self loop)
    np.add.at(gathered, receivers, H[senders])
    if aggregate == "mean":
        counts = 1.0 + np.bincount(receivers, minlength=len(H))
        gathered = gathered / counts[:, None]
    return gathered if W is None else gathered @ np.asarray(W, dtype=np.float64)


def rounds(H: Array, edges: Sequence[tuple[int, int]], n_rounds: int,
           aggregate: str = "mean", W: Array | None = None) -> list[Array]:
    """[H⁽⁰⁾, H⁽¹⁾, …, H⁽ⁿ⁾]: the vectors after 0 … n rounds."""
    out = [np.asarray(H, dtype=np.float64)]
    for _ in range(n_rounds):
        out.append(message_round(out[-1], edges, aggregate, W))
    return out
