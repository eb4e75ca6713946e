"""Message passing: one round against the adjacency-matrix formula and a loop over neighbours."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.engine.gnn import adjacency, message_round, rounds

EDGES = [(0, 1), (1, 2), (2, 3), (3, 0), (2, 4), (4, 5), (5, 6), (6, 7), (7, 4), (1, 1), (0, 1)]
N = 8


@pytest.fixture
def H():
    return np.random.default_rng(0).standard_normal((N, 3))


def test_one_round_equals_the_adjacency_matrix_formula(H):
    A = adjacency(N, EDGES)
    A_hat = A + np.eye(N)
    assert np.allclose(message_round(H, EDGES, "sum"), A_hat @ H, atol=1e-14)
    D_hat = np.diag(A_hat.sum(axis=1))
    assert np.allclose(message_round(H, EDGES, "mean"), np.linalg.inv(D_hat) @ A_hat @ H,
                       atol=1e-14)
    W = np.random.default_rng(1).standard_normal((3, 2))
    assert np.allclose(message_round(H, EDGES, "mean", W), np.linalg.inv(D_hat) @ A_hat @ H @ W)


def test_one_round_equals_a_loop_over_neighbours(H):
    A = adjacency(N, EDGES)
    out = message_round(H, EDGES, "mean")
    for i in range(N):
        group = [i] + [j for j in range(N) if A[i, j]]
        assert np.allclose(out[i], H[group].mean(axis=0))


def test_adjacency_is_symmetric_without_self_loops_or_duplicates():
    A = adjacency(N, EDGES)
    assert np.array_equal(A, A.T) and np.all(np.diag(A) == 0)
    assert A.sum() == 2 * 9  # 9 distinct edges, the self loop and the repeat dropped


def test_a_lit_node_reaches_its_k_hop_neighbours_after_k_rounds():
    signal = np.zeros((N, 1))
    signal[0] = 1.0
    history = rounds(signal, EDGES, 4, "sum")
    A = adjacency(N, EDGES)
    hops = np.full(N, np.inf)
    hops[0] = 0
    frontier = {0}
    for k in range(1, 5):
        frontier = {j for i in frontier for j in range(N) if A[i, j] and hops[j] == np.inf}
        hops[list(frontier)] = k
    for k, H in enumerate(history):
        assert np.array_equal(H[:, 0] > 0, hops <= k)


def test_mean_keeps_a_constant_signal_constant_and_sum_grows_it():
    ones = np.ones((N, 1))
    assert np.allclose(message_round(ones, EDGES, "mean"), 1.0)
    assert np.allclose(message_round(ones, EDGES, "sum")[:, 0], 1 + adjacency(N, EDGES).sum(1))


def test_unknown_aggregate_is_refused(H):
    with pytest.raises(ValueError):
        message_round(H, EDGES, "max")
