"""Overfitting: the demo memorizes (train falls, validation turns up) and weight decay helps."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.games.l4.overfitting import OverfittingView
from nntui.games.l4.overfitting_model import DECAY, N_TRAIN, N_VAL, OverfitRun, make_data


def trained(weight_decay: float) -> OverfitRun:
    run = OverfitRun(weight_decay)
    while not run.done:
        run.train()
    return run


@pytest.fixture(scope="module")
def plain():
    return trained(0.0)


def test_data_sizes_and_noise_are_fixed():
    d = make_data()
    assert d.x_train.shape == (N_TRAIN, 1) and d.x_val.shape == (N_VAL, 1)
    assert np.array_equal(d.y_train, make_data().y_train)


def test_train_loss_falls_while_validation_turns_up(plain):
    train = [h[1] for h in plain.history]
    val = [h[2] for h in plain.history]
    assert train[-1] < 0.01 * train[0] and train[-1] < 0.002  # it threads every point
    best_step, best_val = plain.best
    assert best_step < plain.steps / 4  # early stopping would stop early
    assert val[-1] > 1.4 * best_val  # and the validation loss climbed after it


def test_weight_decay_lowers_the_final_validation_loss(plain):
    decayed = trained(DECAY)
    assert decayed.history[-1][2] < 0.75 * plain.history[-1][2]
    assert decayed.history[-1][1] > plain.history[-1][1]  # it fits the training noise less
    assert decayed.weight_norm < 0.1 * plain.weight_norm  # with much smaller weights


def test_run_stops_at_its_step_count():
    run = OverfitRun(steps=25)
    run.train(10), run.train(10), run.train(10)
    assert run.done and run.steps_done == 25 and [h[0] for h in run.history] == [0, 10, 20, 25]


async def test_running_the_demo_completes_the_lesson(opened, monkeypatch):
    monkeypatch.setattr(OverfittingView, "STEPS", 40)
    async with opened("l4.overfitting") as (app, pilot, view):
        assert "step 0/40" in str(view.query_one("#of-status").render())
        await pilot.press("w")
        assert view.run.weight_decay == DECAY and "l4.overfitting" not in \
            app.store.completed_sections()
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.run.done and not view.playing
        assert "step 40/40" in str(view.query_one("#of-status").render())
        assert len(view.query_one("#of-loss").series["validation"][0]) == 5
        assert "l4.overfitting" in app.store.completed_sections()
