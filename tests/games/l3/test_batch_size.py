"""Batch size: model and Pilot."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.engine.mlp import MLP
from nntui.games.l3.batch_size import BatchSizeView
from nntui.games.l3.batch_size_model import N_POINTS, START, BatchRace


def test_the_bowl_is_the_engine_mse_and_its_bottom_is_least_squares():
    race = BatchRace()
    model = MLP([1, 1], output="linear")
    for w, b in [(0.5, 0.5), (-1.0, 2.0), race.best_fit]:
        model.set_params([np.array([[w]]), np.array([b])])
        assert race.loss(w, b) == pytest.approx(model.loss(race.X, race.y, loss="mse"))
    w0, b0 = race.best_fit
    grid = race.loss(*np.meshgrid(w0 + np.linspace(-0.1, 0.1, 5), b0 + np.linspace(-0.1, 0.1, 5)))
    assert grid.min() == pytest.approx(race.loss(w0, b0))


def test_smaller_batches_take_noisier_paths_to_the_same_bowl_bottom():
    race = BatchRace()
    while race.step():
        pass
    full, mini, single = race.runners
    assert (full.batch, mini.batch, single.batch) == (N_POINTS, 8, 1)
    assert full.uphill == 0 < mini.uphill < single.uphill  # only noisy steps go uphill
    best = race.loss(*race.best_fit)
    assert full.losses[-1] < 1.01 * best
    assert single.losses[-1] > full.losses[-1]
    for r in race.runners:
        assert r.trail[0] == START and len(r.trail) == race.max_steps + 1
        assert r.losses[-1] < 0.1 * r.losses[0]


def test_each_pass_uses_every_example_once():
    race = BatchRace()
    single = race.runners[2]
    seen = [int(single.next_batch(N_POINTS)[0]) for _ in range(N_POINTS)]
    assert sorted(seen) == list(range(N_POINTS))


async def test_batch_size_by_keys(opened, monkeypatch):
    monkeypatch.setattr(BatchSizeView, "INTERVAL", 0.002)
    async with opened("l3.batch-size") as (app, pilot, view):
        await pilot.press("s", "s", "s")
        assert view.race.steps == 3
        assert "step 3/150" in str(app.screen.query_one("#bs-table").render())
        while view.race.steps < view.race.max_steps - 3:  # most of the way without drawing …
            view.race.step()
        await pilot.press("p")  # … and the last beats played by the timer
        for _ in range(500):
            if not view.playing:
                break
            await pilot.pause(0.01)
        assert view.race.done and "l3.batch-size" in app.store.completed_sections()
        await pilot.press("r")
        assert view.race.steps == 0
