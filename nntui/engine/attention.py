"""Scaled dot-product attention and multi-head attention.

``attention(Q, K, V)`` = softmax(QKᵀ/√d)·V, returned with the weights
softmax(QKᵀ/√d) so a lesson can draw them. Rows are positions: Q has shape
(…, T, d), K (…, S, d), V (…, S, d_v); any leading axes are batch (or head) axes.

Both functions take NumPy arrays or autograd :class:`Tensor`s. Given arrays they
return arrays; given any Tensor they return Tensors that are part of the graph,
which is how a transformer built from them is trained (one definition for both).
"""

from __future__ import annotations

import math

import numpy as np

from .autograd import Tensor, tensor

__all__ = ["attention", "multi_head", "causal_mask"]


def causal_mask(n: int) -> np.ndarray:
    """(n, n) additive mask: 0 where position i may look at j (j ≤ i), −∞ above the diagonal."""
    return np.triu(np.full((n, n), -np.inf), k=1)


def _as_arrays_unless_tensors(inputs, outputs):
    if any(isinstance(t, Tensor) for t in inputs):
        return outputs
    return tuple(t.data for t in outputs)


def _attend(q: Tensor, k: Tensor, v: Tensor, causal: bool) -> tuple[Tensor, Tensor]:
    scores = (q @ k.swapaxes(-1, -2)) * (1.0 / math.sqrt(q.shape[-1]))
    if causal:
        if q.shape[-2] != k.shape[-2]:
            raise ValueError("a causal mask needs as many queries as keys")
        # exp(−∞) = 0: the future gets exactly zero weight, and no gradient.
        scores = scores + causal_mask(q.shape[-2])
    weights = scores.softmax(axis=-1)
    return weights @ v, weights


def attention(Q, K, V, causal: bool = False):
    """Scaled dot-product attention → (output (…, T, d_v), weights (…, T, S)).

    Each row of the weights sums to 1. With ``causal=True`` position i attends
    only to positions j ≤ i (the weights above the diagonal are exactly 0).
    """
    out, weights = _attend(tensor(Q), tensor(K), tensor(V), causal)
    return _as_arrays_unless_tensors((Q, K, V), (out, weights))


def _split_heads(x: Tensor, n_heads: int) -> Tensor:
    """(…, T, d) → (…, heads, T, d/heads): head h gets columns h·d/heads … (h+1)·d/heads − 1."""
    *lead, steps, d = x.shape
    return x.reshape(*lead, steps, n_heads, d // n_heads).swapaxes(-2, -3)


def _merge_heads(x: Tensor) -> Tensor:
    """(…, heads, T, d_h) → (…, T, heads·d_h), the inverse of ``_split_heads``."""
    x = x.swapaxes(-2, -3)
    *lead, steps, heads, d_head = x.shape
    return x.reshape(*lead, steps, heads * d_head)


def multi_head(X, Wq, Wk, Wv, Wo, n_heads: int, causal: bool = False):
    """Multi-head self-attention of the rows of X (…, T, d) → (output (…, T, d_out), weights).

    Q = X·W_q, K = X·W_k, V = X·W_v (each d × d_model); their columns are cut
    into ``n_heads`` equal slices, each slice attends on its own, the results
    are put side by side again and mixed by W_o (d_model × d_out). The weights
    have shape (…, heads, T, T).
    """
    x, wq, wk, wv, wo = (tensor(a) for a in (X, Wq, Wk, Wv, Wo))
    d_model = wq.shape[-1]
    if d_model % n_heads:
        raise ValueError(f"{n_heads} heads do not divide the model width {d_model}")
    q, k, v = (_split_heads(x @ w, n_heads) for w in (wq, wk, wv))
    heads, weights = _attend(q, k, v, causal)
    out = _merge_heads(heads) @ wo
    return _as_arrays_unless_tensors((X, Wq, Wk, Wv, Wo), (out, weights))
