"""Graph networks: the rounds on screen are the adjacency-matrix formula, the keys drive them."""

from __future__ import annotations

import numpy as np

from nntui.games.l4.gnn_model import MAX_ROUNDS, NODES, GraphSignal


def test_each_round_is_the_matrix_formula():
    for aggregate in ("mean", "sum"):
        model = GraphSignal(lit=3, aggregate=aggregate)
        A_hat = model.A + np.eye(len(NODES))
        step = A_hat / A_hat.sum(axis=1, keepdims=True) if aggregate == "mean" else A_hat
        while model.advance():
            assert np.allclose(model.H, step @ model.history[model.round - 1], atol=1e-14)
        assert model.round == MAX_ROUNDS


def test_the_signal_spreads_one_hop_per_round():
    model = GraphSignal(lit=0)
    hops = model.hops()
    assert len(NODES) >= 8 and hops[0] == 0 and (hops >= 0).all()  # the graph is connected
    for k in range(MAX_ROUNDS + 1):
        model.round = k
        assert np.array_equal(model.reached(), hops <= k)


def test_mean_keeps_the_degree_channel_in_range_sum_grows_it():
    mean, total = GraphSignal(aggregate="mean"), GraphSignal(aggregate="sum")
    for _ in range(MAX_ROUNDS):
        mean.advance()
        total.advance()
    assert mean.H[:, 1].max() <= 1.0 and mean.H[:, 0].sum() < 1.5
    assert total.H[:, 1].min() > 10


def test_worked_example_is_the_mean_of_the_gathered_vectors():
    model = GraphSignal(lit=5)
    model.advance()
    group, result = model.worked(5)
    assert group[0] == 5 and set(group[1:]) == set(model.neighbours(5))
    assert np.allclose(result, model.history[0][group].mean(axis=0))


async def test_keys_light_a_node_switch_sum_and_play_rounds(opened):
    async with opened("l4.gnn") as (app, pilot, view):
        await pilot.press("right", "m", "s", "s")
        m = view.model
        assert (m.lit, m.aggregate, m.round) == (1, "sum", 2)
        assert m.H[1, 0] == np.linalg.matrix_power(m.A + np.eye(len(NODES)), 2)[1, 1]
        await pilot.press(*["s"] * MAX_ROUNDS)
        await pilot.pause()
        assert m.done and "l4.gnn" in app.store.completed_sections()
