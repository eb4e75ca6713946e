"""Tests for light network: model and Pilot."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.engine.neuron import neuron
from nntui.games.l1.light_network_model import (ROUND_POINTS, ROUND_TARGETS, TOLERANCE,
                                                LightNetwork, round_score)
from nntui.widgets.result import ResultModal

SIZE = (80, 24)


def best_weight(target: float) -> float:
    """The weight on one switched-on input that makes σ(w) = target, on the 0.1 grid."""
    return round(float(np.log(target / (1 - target))), 1)


def test_light_network_round_is_won_within_tolerance_only():
    game = LightNetwork()
    target = game.target
    assert target == ROUND_TARGETS[0] and abs(target - 0.5) > TOLERANCE  # 0.5 never wins
    assert not game.check() and game.round_checks == 1 and game.rounds_won == 0
    game.toggle(0)
    game.set_weight(0, best_weight(target))
    assert game.gap <= TOLERANCE and game.check() and game.rounds_won == 1
    assert game.scores == {0: 2}  # won on the second check: one point lost
    game.next_round()
    assert game.round == 2 and game.target == ROUND_TARGETS[1] and game.last_check is None


def test_a_fixed_set_of_rounds_ends_with_a_final_score():
    game = LightNetwork()
    game.toggle(0)
    for target in ROUND_TARGETS:
        assert game.target == target and not game.finished
        game.set_weight(0, best_weight(target))
        assert game.check()
        game.next_round()
    assert game.finished and game.target is None and not game.check()
    assert game.score == game.max_score == 3 * len(ROUND_TARGETS)  # every round first time
    assert [round_score(n) for n in (1, 2, 3, 9)] == [3, 2, 1, 1]
    game.replay()
    assert not game.finished and game.round == 1 and game.score == 0


def test_rounds_already_won_are_not_served_again():
    game = LightNetwork(scores={0: 3, 2: 1})
    assert game.round == 2 and game.score == 4
    game.toggle(0)
    game.set_weight(0, best_weight(game.target))
    game.check()
    game.next_round()
    assert game.round == 4  # round 3 was won before: skipped
    assert LightNetwork(scores={i: 3 for i in range(len(ROUND_TARGETS))}).finished


def test_light_network_weights_are_clamped_and_output_is_the_neuron():
    game = LightNetwork()
    game.toggle(0), game.toggle(1)
    game.set_weight(0, 99)
    game.set_weight(1, -1.5)
    assert game.weights == [5.0, -1.5]
    assert game.output == pytest.approx(1 / (1 + np.exp(-3.5)))


async def win_round(pilot, v) -> None:
    """Turn w₁ (x₁ on) to the grid weight nearest the target and check."""
    w = best_weight(v.game.target)
    steps = int(round((w - v.game.weights[0]) * 10))
    await pilot.press(*(["right"] * steps if steps > 0 else ["left"] * -steps), "enter")
    await pilot.pause()


async def test_light_network_a_round_is_one_attempt_and_the_curve_dot_moves(opened):
    async with opened("l1.light-network") as (app, pilot, v):
        curve = v.query_one("#ln-curve")
        start = curve.reading
        await pilot.press("enter")  # both switches off: 0.5, a miss, but not an attempt
        await pilot.pause()
        assert v.game.last_check is False and app.store.attempts("l1.light-network") == []
        await pilot.press("1", "right")
        await pilot.pause()
        assert curve.reading.z == 0.1 and curve.reading.output == v.game.output != start.output
        await win_round(pilot, v)
        assert v.game.output == neuron([1, 0], [best_weight(ROUND_TARGETS[0]), 0.0], 0.0).a
        assert isinstance(app.screen, ResultModal)
        await pilot.press("enter")
        await pilot.pause()
        assert v.game.round == 2 and v.game.target == ROUND_TARGETS[1]
        attempts = app.store.attempts("l1.light-network")
        assert [(a.won, a.score, a.details["round"], a.details["checks"]) for a in attempts] \
            == [(True, 2, 1, 2)]
        assert attempts[0].details["target"] == ROUND_TARGETS[0]  # what a return visit reads
        assert "l1.light-network" in app.store.completed_sections()
        assert "σ(0) = 0.5: a half-lit bulb" in v.query_one("LessonText").source


async def test_light_network_restores_won_rounds_on_a_return_visit(make_app, data_dir):
    from nntui.store import Store

    w = best_weight(ROUND_TARGETS[0])
    with Store.open(data_dir, "test") as store:  # round 1 won at the first check, as recorded
        store.record_attempt("l1.light-network", 3, ROUND_POINTS, True, {
            "round": 1, "target": ROUND_TARGETS[0], "checks": 1,
            "output": round(neuron([1, 0], [w, 0.0], 0.0).a, 4), "switches": [1, 0],
            "weights": [w, 0.0]})
    app = make_app("l1.light-network")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = app.screen.view
        assert v.game.round == 2 and v.game.scores == {0: 3}  # round 1 is not served again
        assert "score 3/15" in str(v.query_one("#ln-status").render())


def test_snap_light_network(snap_compare, make_app):
    assert snap_compare(make_app("l1.light-network"), terminal_size=SIZE,
                        press=["1", "right", "right", "right", "right", "right"])
