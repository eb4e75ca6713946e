"""Attention against a plain-Python loop; rows sum to 1; causal masking; gradients."""

import math

import numpy as np
import pytest

from nntui.engine.attention import attention, causal_mask, multi_head
from nntui.engine.autograd import Tensor

rng = np.random.default_rng(3)


def loop_attention(Q, K, V, causal=False):
    """Attention one query at a time, with Python floats and math.exp only."""
    T, d = len(Q), len(Q[0])
    out, weights = [], []
    for i in range(T):
        keys = range(i + 1) if causal else range(len(K))
        scores = {j: sum(Q[i][c] * K[j][c] for c in range(d)) / math.sqrt(d) for j in keys}
        top = max(scores.values())
        e = {j: math.exp(s - top) for j, s in scores.items()}
        total = sum(e.values())
        row = [e.get(j, 0.0) / total for j in range(len(K))]
        weights.append(row)
        out.append([sum(row[j] * V[j][c] for j in range(len(K))) for c in range(len(V[0]))])
    return np.array(out), np.array(weights)


@pytest.mark.parametrize("causal", [False, True])
def test_attention_equals_the_loop_and_rows_sum_to_one(causal):
    Q, K, V = rng.normal(size=(5, 4)), rng.normal(size=(5, 4)), rng.normal(size=(5, 3))
    out, w = attention(Q, K, V, causal=causal)
    ref_out, ref_w = loop_attention(Q, K, V, causal)
    np.testing.assert_allclose(w, ref_w, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(out, ref_out, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(w.sum(axis=-1), 1.0, rtol=1e-14)
    assert isinstance(out, np.ndarray) and isinstance(w, np.ndarray)


def test_causal_weights_are_exactly_zero_above_the_diagonal():
    X = rng.normal(size=(2, 6, 4))  # a batch of two sequences
    _, w = attention(X, X, X, causal=True)
    assert w.shape == (2, 6, 6)
    upper = np.triu(np.ones((6, 6), dtype=bool), k=1)
    assert np.all(w[:, upper] == 0.0) and np.all(w[:, ~upper] > 0.0)
    assert w[0, 0, 0] == 1.0  # the first position can only see itself
    np.testing.assert_array_equal(causal_mask(3),
                                  [[0, -np.inf, -np.inf], [0, 0, -np.inf], [0, 0, 0]])


def test_cross_attention_shapes():
    Q, K, V = rng.normal(size=(3, 4)), rng.normal(size=(7, 4)), rng.normal(size=(7, 2))
    out, w = attention(Q, K, V)
    assert out.shape == (3, 2) and w.shape == (3, 7)
    with pytest.raises(ValueError):
        attention(Q, K, V, causal=True)


@pytest.mark.parametrize("n_heads", [1, 2, 4])
@pytest.mark.parametrize("causal", [False, True])
def test_multi_head_equals_one_loop_per_head(n_heads, causal):
    T, d = 5, 8
    X = rng.normal(size=(T, d))
    Wq, Wk, Wv = (rng.normal(size=(d, d)) * 0.5 for _ in range(3))
    Wo = rng.normal(size=(d, 3))
    out, w = multi_head(X, Wq, Wk, Wv, Wo, n_heads, causal=causal)
    assert out.shape == (T, 3) and w.shape == (n_heads, T, T)
    dh = d // n_heads
    heads = []
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        o, wh = loop_attention(X @ Wq[:, cols], X @ Wk[:, cols], X @ Wv[:, cols], causal)
        np.testing.assert_allclose(w[h], wh, rtol=1e-11, atol=1e-14)
        heads.append(o)
    np.testing.assert_allclose(out, np.hstack(heads) @ Wo, rtol=1e-11, atol=1e-13)
    # a batch axis in front changes nothing per sequence
    batch_out, batch_w = multi_head(np.stack([X, X]), Wq, Wk, Wv, Wo, n_heads, causal=causal)
    np.testing.assert_allclose(batch_out[1], out, rtol=1e-13)
    np.testing.assert_allclose(batch_w[0], w, rtol=1e-13)


def test_multi_head_rejects_a_width_the_heads_do_not_divide():
    W = np.eye(6)
    with pytest.raises(ValueError):
        multi_head(np.ones((2, 6)), W, W, W, W, n_heads=4)


@pytest.mark.parametrize("causal", [False, True])
def test_tensor_inputs_train_through_multi_head(causal, gradcheck):
    shapes = [(2, 4, 6), (6, 6), (6, 6), (6, 6), (6, 3)]
    arrays = [rng.normal(size=s) * 0.7 for s in shapes]
    gradcheck(lambda X, Wq, Wk, Wv, Wo: multi_head(X, Wq, Wk, Wv, Wo, 2, causal=causal)[0], *arrays)
    weights = multi_head(*[Tensor(a) for a in arrays], 2, causal=causal)[1]
    assert isinstance(weights, Tensor) and weights.shape == (2, 2, 4, 4)
