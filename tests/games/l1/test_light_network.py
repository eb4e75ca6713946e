"""Tests for light network: model and Pilot."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.engine.neuron import neuron
from nntui.games.l1.light_network_model import TOLERANCE, LightNetwork
from nntui.widgets.result import ResultModal

SIZE = (80, 24)


def test_light_network_round_is_won_within_tolerance_only():
    game = LightNetwork(seed=0)
    target = game.target
    assert abs(target - 0.5) > TOLERANCE  # both switches off (0.5) never wins
    assert not game.check() and game.checks == 1 and game.rounds_won == 0
    game.toggle(0)
    z = np.log(target / (1 - target))  # the weight that makes σ(w) = target exactly
    game.set_weight(0, round(z, 1))
    assert game.gap <= TOLERANCE and game.check() and game.rounds_won == 1
    game.set_weight(0, z + 3)
    assert not game.close_enough
    game.next_round()
    assert game.round == 2 and game.target != target and game.last_check is None


def test_light_network_weights_are_clamped_and_output_is_the_neuron():
    game = LightNetwork(seed=1)
    game.toggle(0), game.toggle(1)
    game.set_weight(0, 99)
    game.set_weight(1, -1.5)
    assert game.weights == [5.0, -1.5]
    assert game.output == pytest.approx(1 / (1 + np.exp(-3.5)))


async def test_light_network_check_loses_then_wins_a_round(opened):
    async with opened("l1.light-network") as (app, pilot, v):
        target = v.game.target
        await pilot.press("enter")  # both switches off: 0.5, never within 0.1
        await pilot.pause()
        assert v.game.last_check is False
        first = app.store.attempts("l1.light-network")
        assert len(first) == 1 and not first[0].won
        # switch x₁ on and turn w₁ until σ(w₁) is as close to the target as 0.1 steps allow
        await pilot.press("1")
        best_w = round(float(np.log(target / (1 - target))), 1)
        key = "right" if best_w > 0 else "left"
        await pilot.press(*[key] * int(round(abs(best_w) * 10)))
        await pilot.press("enter")
        await pilot.pause()
        assert v.game.weights[0] == pytest.approx(best_w)
        assert v.game.output == neuron([1, 0], [best_w, 0.0], 0.0).a
        assert isinstance(app.screen, ResultModal)
        await pilot.press("enter")
        await pilot.pause()
        assert v.game.round == 2 and v.game.target != target
        attempts = app.store.attempts("l1.light-network")
        assert [a.won for a in attempts] == [False, True]
        assert "l1.light-network" in app.store.completed_sections()


async def test_light_network_brings_new_targets_on_a_return_visit(make_app):
    from nntui.games.l1.light_network_model import LightNetwork

    app = make_app("l1.light-network")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # one (lost) check
        await pilot.pause()
        first = app.screen.view.game.target
        assert "σ(0) = 0.5: a half-lit bulb" in app.screen.view.query_one("LessonText").source
    assert first == LightNetwork(seed=0).target
    app = make_app("l1.light-network")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.view.game.target == LightNetwork(seed=1).target


def test_snap_light_network(snap_compare, make_app):
    assert snap_compare(make_app("l1.light-network"), terminal_size=SIZE,
                        press=["1", "right", "right", "right", "right", "right"])

