"""Mixture of experts: the picked input's routing, the batch load, and the keys."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.games.l4.moe_model import BATCH, K, N_EXPERTS, MixtureOfExperts


def test_route_lights_the_top2_with_gates_that_sum_to_one():
    model = MixtureOfExperts()
    for i in range(BATCH):
        model.picked = i
        p = model.probs()
        chosen, gates, y = model.route()
        assert p.sum() == pytest.approx(1.0)
        assert set(chosen) == set(np.argsort(p)[-K:])
        assert gates.sum() == pytest.approx(1.0, abs=1e-15)
        assert gates[0] / gates[1] == pytest.approx(p[chosen[0]] / p[chosen[1]])
        assert y == pytest.approx(sum(g * model.expert_output(e) for e, g in zip(chosen, gates)))


def test_load_adds_up_to_two_per_input_and_matches_the_routes():
    model = MixtureOfExperts()
    counts = np.zeros(N_EXPERTS, dtype=int)
    for i in range(BATCH):
        model.picked = i
        for e in model.route()[0]:
            counts[e] += 1
    assert list(model.loads()) == list(counts) and counts.sum() == K * BATCH


def test_a_sharper_router_gives_the_winner_more_gate():
    model = MixtureOfExperts()
    model.picked = 3
    soft = model.route()[1][0]
    model.sharpen(+3)
    assert model.sharpness > 1 and model.route()[1][0] > soft


def test_the_map_shows_each_expert_winning_its_own_quarter():
    grid = MixtureOfExperts().winner_grid(8, 8)
    assert (grid[-1, -1], grid[-1, 0], grid[0, 0], grid[0, -1]) == (0, 1, 2, 3)


async def test_keys_pick_inputs_and_sharpen(opened):
    async with opened("l4.moe") as (app, pilot, view):
        await pilot.press("right", "right", "up", "up")
        m = view.model
        assert m.picked == 2 and m.sharpness == 4.0
        before = m.X.copy()
        await pilot.press("d")
        assert not np.array_equal(before, m.X) and m.picked == 0
        await pilot.press(*["right"] * (BATCH - 1))
        await pilot.pause()
        assert "l4.moe" in app.store.completed_sections()
