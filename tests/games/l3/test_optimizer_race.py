"""Tests for the optimizer race: model, Pilot and an 80×24 snapshot."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.engine.optim import SGD
from nntui.engine.surfaces import SURFACES
from nntui.games.l3.optimizer_race import STEPS_PER_BEAT
from nntui.games.l3.optimizer_race_model import (
    LR_LADDER,
    OptimizerRace,
    sgd_regime,
    sign_flips,
)

SIZE = (80, 24)
BOWL = SURFACES["bowl"]


def test_sgd_diverges_above_two_over_lambda_max_on_the_bowl_and_not_below():
    limit = 2.0 / max(BOWL.hessian_eigs)
    assert limit == pytest.approx(0.2)
    for lr in (0.21, 0.25, 0.3):
        race = OptimizerRace("bowl", racers=("sgd",), lr=lr)
        race.advance(race.steps)
        assert race.lanes["sgd"].diverged(race.k), lr
        assert sgd_regime(lr, BOWL)[1] == "diverge"
    for lr in (0.1, 0.15, 0.19):
        race = OptimizerRace("bowl", racers=("sgd",), lr=lr)
        race.advance(race.steps)
        lane = race.lanes["sgd"]
        assert not lane.diverged(race.k), lr
        assert lane.loss(race.k) < 0.05 * lane.loss(0)


def test_sgd_zig_zags_on_the_bowl_between_one_and_two_and_not_below_one():
    race = OptimizerRace("bowl", racers=("sgd",), lr=0.19)
    race.advance(30)
    assert race.zigzags() == 30  # y changes sign on every step: (1 − 1.9) < 0
    assert sgd_regime(0.19, BOWL)[1] == "zigzag"
    calm = OptimizerRace("bowl", racers=("sgd",), lr=0.05)
    calm.advance(30)
    assert calm.zigzags() == 0 and sgd_regime(0.05, BOWL)[1] == "smooth"


def test_lanes_are_real_optimizer_steps_revealed_one_at_a_time():
    race = OptimizerRace("bowl", racers=("sgd", "adam"), lr=0.1)
    p = np.array(BOWL.start, dtype=float)
    sgd = SGD(0.1)
    for k in range(1, 6):
        sgd.step([p], [BOWL.grad(p)])
        race.advance()
        np.testing.assert_allclose(race.lanes["sgd"].position(race.k), p)
        assert len(race.lanes["sgd"].points(race.k)) == k + 1
    assert race.lanes["adam"].loss(race.k) == pytest.approx(
        float(BOWL.f(race.lanes["adam"].position(race.k))))


def test_a_diverged_runner_is_marked_and_stops_at_its_last_finite_point():
    race = OptimizerRace("bowl", racers=("sgd", "momentum"), lr=0.3)
    assert race.advance(race.steps) is False and race.finished
    lane, loss, gone = race.standings()[0]
    assert gone and np.all(np.isfinite(lane.points(race.k))) and np.isfinite(loss)
    assert race.leader().racer.name == "momentum"  # stable up to lr·λ < 2(1 + β)


def test_settings_keep_the_step_recompute_the_paths_and_toggle_runners():
    race = OptimizerRace("bowl")
    race.advance(10)
    before = race.lanes["sgd"].position(race.k).copy()
    race.change_lr(1)
    assert race.k == 10 and race.lr == LR_LADDER[LR_LADDER.index(0.19) + 1]
    assert not np.allclose(race.lanes["sgd"].position(race.k), before)
    race.toggle("lion")
    assert race.racers == ("sgd", "momentum", "adam", "lion")
    for name in ("sgd", "momentum", "adam", "lion"):
        race.toggle(name)
    assert race.racers == ("lion",)  # the last runner stays
    race.next_surface()
    assert race.surface.name == "rosenbrock" and race.k == 0


def test_height_map_is_banded_and_lowest_at_the_minimum():
    race = OptimizerRace("bowl")
    bands = race.height_map(41, 21, levels=8)
    assert bands.shape == (21, 41) and len(np.unique(bands)) == 8
    assert bands[10, 20] == 0.0 and bands.max() == 1.0


def test_sign_flips_counts_changes_of_sign():
    assert sign_flips(np.array([1.0, -1.0, 0.0, -2.0, 3.0])) == 2


async def test_optimizer_race_keys_play_steps_and_diverge(opened):
    async with opened("l3.optimizer-race") as (app, pilot, view):
        await pilot.press("s", "s")
        assert view.race.k == 2 * STEPS_PER_BEAT
        await pilot.press("right", "right")  # 0.19 → 0.2 → 0.21: past 2/λ_max
        assert view.race.lr == 0.21
        verdict = str(view.query_one("#or-verdict").render())
        assert "diverges" in verdict and "0.2" in verdict
        await pilot.press("e")
        assert view.race.finished
        assert "✗ diverged" in str(view.query_one("#or-table").render())
        chart = view.query_one("#or-chart")
        assert any("✗" in chart.cell_text(row) for row in range(chart.cell_size.height))
        assert "l3.optimizer-race" in app.store.completed_sections()
        await pilot.press("r")
        assert view.race.k == 0 and not view.playing
        await pilot.press("p")
        assert view.playing
        await pilot.press("p")
        assert not view.playing
        await pilot.press("7")
        assert view.race.racers[-1] == "nesterov"


def test_snap_optimizer_race(snap_compare, make_app):
    # Twelve steps of SGD zig-zagging across the bowl, Momentum and Adam beside it.
    assert snap_compare(make_app("l3.optimizer-race"), terminal_size=SIZE,
                        press=["s"] * 3)
