"""Dial the dropout: the model (masks, runs, sweep, green zone) and the section's wiring."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from nntui.engine.activations import sigmoid
from nntui.games.l4.dropout_model import (
    DialGame, DropoutRun, RecordingRng, Setup, Sweep, make_data, sweep,
)

SIZE = (80, 24)
# A few steps at four rates: enough to exercise everything in well under a second.
TINY = Setup(steps=30, rates=(0.0, 0.3, 0.6, 0.9), tolerance=0.0)


def test_recorded_masks_are_the_ones_backprop_used():
    setup = Setup()
    d = make_data(setup)
    run = DropoutRun(0.5, setup, d)
    model = run.model.copy()
    rng = RecordingRng(7)
    loss, _ = model.backward(d.X_train, d.y_train, dropout=0.5, rng=rng)
    (W1, b1, W2, b2, W3, b3) = model.params
    m1, m2 = ((draw < 0.5) / 0.5 for draw in rng.draws)
    h2 = np.tanh((np.tanh(d.X_train @ W1 + b1) * m1) @ W2 + b2) * m2
    p = sigmoid(h2 @ W3 + b3)[:, 0]
    y = d.y_train
    bce = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert loss == pytest.approx(bce, rel=1e-9)


def test_dropped_units_pass_nothing_and_kept_ones_are_scaled():
    run = DropoutRun(0.5, TINY)
    run.step(1)
    plain = run.model.forward_trace(run.data.X_train[:1])[1][1][0]
    shown = run.hidden_values(0)[0]
    off = run.dropped(0)[0]
    assert off.any() and not off.all()
    assert np.all(shown[off] == 0)
    assert np.allclose(shown[~off], plain[~off] * 2.0)


def test_the_default_setup_overfits_without_dropout():
    # The point of the game, measured: p = 0 learns the flipped labels by heart and does
    # worse on fresh points than a moderate rate.
    setup = Setup()
    d = make_data(setup)
    none, some = DropoutRun(0.0, setup, d), DropoutRun(0.2, setup, d)
    none.run()
    some.run()
    assert none.train_accuracy - none.val_accuracy > 0.1
    assert some.val_accuracy - none.val_accuracy > 0.1


def test_a_run_ends_where_the_sweep_ended_at_its_rate():
    s = sweep(TINY)
    for rate in TINY.rates:
        run = DropoutRun(rate, TINY)
        while not run.done:
            run.step(7)  # chunked as the view trains it
        assert run.val_accuracy == s.val_at(rate)


def test_the_green_zone_comes_from_the_sweep():
    s = Sweep((0.0, 0.1, 0.2, 0.3), (1.0, 0.9, 0.9, 0.7), (0.80, 0.90, 0.88, 0.70), 0.03)
    assert s.best == 0.90 and s.best_rate == 0.1
    assert s.zone == (0.1, 0.2)
    assert s.in_zone(0.2) and not s.in_zone(0.0) and not s.in_zone(0.3)
    assert Sweep.from_json(s.to_json()) == s


def test_a_rate_in_the_zone_wins_and_one_outside_loses():
    game = DialGame(TINY)
    game.sweep = sweep(TINY)
    zone = game.sweep.zone
    outside = [i for i, r in enumerate(TINY.rates) if r not in zone]
    inside = [i for i, r in enumerate(TINY.rates) if r in zone]
    assert inside and outside
    for index, expected in ((inside[0], True), (outside[0], False)):
        game.turn(index - game.index)
        assert game.verdict() is None  # nothing to judge before the run ends
        game.run.run()
        assert game.verdict().won is expected


def test_turning_the_dial_starts_a_fresh_run():
    game = DialGame(TINY)
    game.run.step(5)
    assert game.turn(1) and game.rate == 0.3 and game.run.steps_done == 0
    assert not game.turn(-5) or game.rate == 0.0
    assert not game.turn(-1)  # already at the bottom


@pytest.fixture
def tiny(monkeypatch):
    from nntui.games.l4.dropout import DropoutView

    monkeypatch.setattr(DropoutView, "SETUP", TINY)


async def test_play_a_run_and_get_judged(tiny, opened):
    async with opened("l4.dropout") as (app, pilot, view):
        await app.workers.wait_for_complete()  # the sweep
        await pilot.pause()
        assert view.game.sweep is not None
        cached = app.store.get_setting("l4.dropout.sweep")
        assert cached["setup"] == TINY.key
        await pilot.press("right")
        assert view.game.rate == 0.3
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.game.run.done
        (attempt,) = app.store.attempts("l4.dropout")
        assert attempt.details["rate"] == 0.3
        assert attempt.won is view.game.sweep.in_zone(0.3)
        assert attempt.score == pytest.approx(round(100 * view.game.sweep.val_at(0.3), 1))


async def test_a_cached_sweep_is_reused(tiny, opened, data_dir, monkeypatch):
    from nntui.games.l4 import dropout
    from nntui.store import Store

    known = Sweep(TINY.rates, (1.0,) * 4, (0.5, 0.9, 0.7, 0.5), 0.0)
    with Store.open(data_dir, "test") as store:
        store.set_setting("l4.dropout.sweep", {"setup": TINY.key, "sweep": known.to_json()})
    monkeypatch.setattr(dropout, "sweep", lambda *a, **k: pytest.fail("swept again"))
    async with opened("l4.dropout") as (app, pilot, view):
        await app.workers.wait_for_complete()
        assert view.game.sweep == known


def test_snap_dropout(tiny, snap_compare, make_app):
    async def train_a_little(pilot):
        await pilot.app.workers.wait_for_complete()
        for key in ("right", "s", "s"):
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app("l4.dropout"), terminal_size=SIZE, run_before=train_a_little)
