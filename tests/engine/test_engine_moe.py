"""Mixture of experts: softmax router, top-2 gates that renormalise, loads that add up."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.engine.moe import load, moe_forward, router_probs, top_k


@pytest.fixture
def setup():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((40, 3))
    W_r, b_r = rng.standard_normal((3, 5)), rng.standard_normal(5)
    experts = [(rng.standard_normal((3, 2)), rng.standard_normal(2)) for _ in range(5)]
    return X, W_r, b_r, experts


def test_router_is_a_softmax_of_the_scores(setup):
    X, W_r, b_r, _ = setup
    p = router_probs(X, W_r, b_r)
    logits = X @ W_r + b_r
    assert np.allclose(p, np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True))


def test_top2_gates_renormalise_to_one_and_keep_the_ratio(setup):
    X, W_r, b_r, _ = setup
    p = router_probs(X, W_r, b_r)
    indices, gates = top_k(p, 2)
    assert indices.shape == gates.shape == (40, 2)
    assert np.allclose(gates.sum(axis=1), 1.0, atol=1e-15)
    for row in range(40):
        best = np.argsort(p[row])[::-1][:2]
        assert list(indices[row]) == list(best)
        assert gates[row, 0] / gates[row, 1] == pytest.approx(p[row, best[0]] / p[row, best[1]])
        assert gates[row, 0] >= gates[row, 1]


def test_load_counts_add_up(setup):
    X, W_r, b_r, _ = setup
    indices, _ = top_k(router_probs(X, W_r, b_r), 2)
    counts = load(indices, 5)
    assert counts.sum() == 2 * len(X)
    assert list(counts) == [int((indices == e).sum()) for e in range(5)]


def test_output_is_the_gated_sum_of_the_chosen_experts(setup):
    X, W_r, b_r, experts = setup
    y, indices, gates = moe_forward(X, W_r, b_r, experts, k=2)
    for row in (0, 7, 39):
        i, j = indices[row]
        expected = sum(g * (X[row] @ experts[e][0] + experts[e][1])
                       for e, g in ((i, gates[row, 0]), (j, gates[row, 1])))
        assert np.allclose(y[row], expected)
    dense, _, _ = moe_forward(X, W_r, b_r, experts, k=5)  # all experts: the softmax mixture
    p = router_probs(X, W_r, b_r)
    assert np.allclose(dense, sum(p[:, [e]] * (X @ W + b) for e, (W, b) in enumerate(experts)))
