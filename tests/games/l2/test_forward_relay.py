"""Tests for forward relay: model and Pilot."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.games.l2.forward_relay import ForwardRelayView
from nntui.games.l2.forward_relay_model import THRESHOLD, WIDTHS, ForwardRelay
from nntui.widgets.result import ResultModal

SIZE = (80, 24)


def test_relay_starts_below_the_line_and_wins_above_it():
    game = ForwardRelay(seed=0)
    game.fire()
    game.finish()
    assert game.landed and game.output < THRESHOLD and not game.won
    # Search the key grid for a winning input, then fire it through the real lighting.
    for a in range(-10, 11):
        for b in range(-10, 11):
            out = game.model.forward([[a / 10, b / 10]])[0, 0]
            if out > THRESHOLD:
                break
        else:
            continue
        break
    game.nudge_input(0, a)
    game.nudge_input(1, b)
    assert not game.won                       # not until it is fired
    game.fire()
    while game.advance():
        pass
    assert game.won and game.output == pytest.approx(out)
    assert [s.layer for s in game.lighting.steps] == [0, 0] + [1] * game.width + [2]


def test_relay_new_round_new_weights_every_width_fair():
    game = ForwardRelay(seed=0)
    first = [w.copy() for w in game.model.weights]
    game.new_round()
    assert game.round == 2 and game.x == [0.0, 0.0]
    assert not np.allclose(first[0], game.model.weights[0])
    for width in WIDTHS:
        game.set_width(width)
        assert game.model.sizes == [2, width, 1]


async def test_forward_relay_fires_and_wins(make_app):
    app = make_app("l2.forward-relay")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v: ForwardRelayView = app.screen.view
        await pilot.press("space", "enter")
        assert v.game.landed and not v.game.won
        net = v.game.model
        target = max(((a, b) for a in range(-10, 11) for b in range(-10, 11)),
                     key=lambda ab: net.forward([[ab[0] / 10, ab[1] / 10]])[0, 0])
        keys = (["right"] * target[0] if target[0] > 0 else ["left"] * -target[0])
        keys += (["up"] * target[1] if target[1] > 0 else ["down"] * -target[1])
        await pilot.press(*keys)
        assert v.game.x == [target[0] / 10, target[1] / 10]
        await pilot.press("space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultModal)
        assert app.store.best("l2.forward-relay").won
        await pilot.press("enter")                              # next round, new weights
        await pilot.pause()
        assert v.game.round == 2 and v.game.x == [0.0, 0.0]
        # the next fair seed after the one won (a return visit goes on there too: below)
        won_seed = app.store.best("l2.forward-relay").details["seed"]
        assert v.game.seed == ForwardRelay(won_seed + 1).seed
        await pilot.press("right_square_bracket")
        assert v.game.model.sizes == [2, 4, 1]


def test_relay_advance_fires_once_and_finish_keeps_a_landed_signal():
    game = ForwardRelay(seed=0)
    assert game.advance() and game.fires == 1            # the first beat fires by itself
    game.finish()
    assert game.landed and game.fires == 1
    game.finish()                                        # already landed: nothing is re-fired
    assert game.fires == 1
    game.nudge_input(0, 1)                               # new inputs: the old signal is gone
    assert not game.landed and not game.in_flight
    game.finish()
    assert game.landed and game.fires == 2


async def test_a_return_visit_goes_on_after_the_rounds_won_and_the_relay_plays_by_keys(
        make_app, data_dir):
    from nntui.store import Store
    from nntui.widgets.playing import AnimatedSection

    first = ForwardRelay()
    with Store.open(data_dir, "test") as store:  # round 1 won on an earlier visit
        store.record_attempt("l2.forward-relay", 1, 1, True,
                             {"round": 1, "fires": 1, "seed": first.seed, "width": 3,
                              "x": [1.0, 1.0]})
    app = make_app("l2.forward-relay")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v: ForwardRelayView = app.screen.view
        assert v.game.wins == 1 and v.game.round == 2
        assert v.game.seed == ForwardRelay(first.seed + 1).seed
        assert "wins 1" in str(app.screen.query_one("#relay-controls").render())

        # it plays on the shared animation base
        assert isinstance(v, AnimatedSection)
        await pilot.press("space")                       # fire: plays the lighting
        assert v.playing and v.game.in_flight
        await pilot.press("p")                           # the base's pause
        assert not v.playing
        lit = v.game.lighting.position
        await pilot.press("s")                           # one neuron more
        assert v.game.lighting.position == lit + 1 and not v.playing
        await pilot.press("r")
        assert v.game.fires == 0 and v.game.lighting.position == 0

        # the status shows the engine's sum for the lit neuron
        await pilot.press("left", "left", "space")              # x₁ = −0.2
        await pilot.press("p")                                   # pause, then light by hand
        v.game.lighting.reset()
        await pilot.press("s", "s", "s")                         # x₁, x₂, then hidden 1 light
        assert v.game.fires == 1                                 # stepping did not fire again
        step = v.game.lighting.current
        assert step.layer == 1 and step.neuron == 0
        z = float(v.game.model.forward_trace([v.game.x])[0][0][0, 0])  # zs of hidden layer
        status = str(app.screen.query_one("#relay-status").render())
        assert f"= {z:+.3f}".replace("-", "−") in status and "-" not in status
        assert "(−0.20)" in status
        controls = str(app.screen.query_one("#relay-controls").render())
        assert "x₁ = −0.2" in controls and len(controls) <= 78


def test_snap_forward_relay_fired(snap_compare, make_app):
    assert snap_compare(make_app("l2.forward-relay"), terminal_size=SIZE,
                        press=["right", "space", "enter"])

