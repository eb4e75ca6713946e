"""Tests for init race: model and Pilot."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.games.l2.init_race import LOSS_TOP, InitRaceView
from nntui.games.l2.init_race_model import VERDICT_AFTER, InitRace, outcome

SIZE = (80, 24)


def test_init_race_zero_stays_flat_and_xavier_descends():
    race = InitRace(max_steps=150)
    race.step(150)
    zero, large, xavier = race.runners
    assert max(zero.losses) - min(zero.losses) < 1e-6
    assert race.hidden_spread(zero) == 0.0           # every hidden unit identical
    W1 = zero.model.weights[0]
    assert np.all(W1 == W1[:, :1])                    # symmetry never broke
    assert zero.outcome == "flat"
    assert xavier.outcome == "descending" and xavier.losses[-1] < 0.1
    assert large.outcome in ("stalled", "thrashing") and large.losses[-1] > 0.2
    assert race.done and race.steps_done == 150
    race.step(5)
    assert race.steps_done == 150


def test_outcome_names():
    assert outcome([0.7, 0.7, 0.7], verdict_after=0) == "flat"
    assert outcome([0.7, 0.3, 0.05], verdict_after=0) == "descending"
    assert outcome([0.7, float("nan")]) == "diverged"
    assert outcome([0.5, 0.8] * 10, verdict_after=0) == "thrashing"


def test_outcome_waits_for_history_and_judges_the_recent_stretch():
    healthy_start = [0.693 - 0.001 * k for k in range(10)]
    assert outcome(healthy_start) == "too early"          # would read as flat otherwise
    # A big early drop followed by a long plateau is stalled, not descending.
    assert outcome([8.0, 4.0, 1.0] + [0.5] * 60) == "stalled"


def test_init_race_verdicts_at_the_first_verdict_step():
    race = InitRace()
    race.step(VERDICT_AFTER - 1)
    assert {r.outcome for r in race.runners} == {"too early"}
    race.step(1)
    assert [r.outcome for r in race.runners] == ["flat", "stalled", "descending"]


@pytest.mark.parametrize("seed", range(6))
def test_the_lesson_holds_for_every_seed_at_the_first_verdict_and_the_end(seed):
    """Zero stays flat, too large stalls or thrashes, Xavier descends: not a lucky seed."""
    race = InitRace(max_steps=120, seed=seed)
    for steps in (VERDICT_AFTER, race.max_steps - VERDICT_AFTER):
        race.step(steps)
        zero, large, xavier = (r.outcome for r in race.runners)
        assert zero == "flat" and large in ("stalled", "thrashing") and xavier == "descending"
    assert race.runners[1].pinned > 0.5 and race.runners[2].pinned < 0.05


def test_a_pinned_network_is_stalled_even_while_its_loss_falls():
    falling = [0.9 * 0.98 ** k for k in range(60)]
    assert outcome(falling) == "descending"
    assert outcome(falling, pinned=0.8) == "stalled"
    # One bump in a healthy descent does not turn it into thrashing.
    bumpy = [0.7 - 0.01 * k for k in range(40)]
    bumpy[-3] = 0.9
    assert outcome(bumpy) == "descending"


async def test_init_race_steps_and_plays_in_the_worker_never_two_steps_at_once(
        make_app, monkeypatch):
    """``s`` pressed while the worker is inside a training step must not train on a second
    thread at the same moment: both would write the same weight arrays."""
    import threading

    from nntui.games.l2.init_race_model import InitRace

    inside, most = [0], [0]
    guard = threading.Lock()
    in_worker_step, let_go = threading.Event(), threading.Event()
    real_step = InitRace.step

    def watched_step(self, n=1):
        with guard:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        try:
            if threading.current_thread() is not threading.main_thread():
                in_worker_step.set()
                let_go.wait(5)  # hold the worker inside the step until the test has pressed s
            real_step(self, n)
        finally:
            with guard:
                inside[0] -= 1

    monkeypatch.setattr(InitRace, "step", watched_step)
    monkeypatch.setattr(InitRaceView, "max_steps", 40)
    app = make_app("l2.init-race")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = app.screen.view
        await pilot.press("p")
        assert in_worker_step.wait(5)  # the worker is now inside a step
        await pilot.press("s")
        let_go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert most[0] == 1
        # the chunk the worker was in finishes (5 steps), then s trains its 10
        assert v.race.steps_done == 15 and not v.playing

        # from the start again: steps and plays in the worker, never on the UI thread
        await pilot.press("r")
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert v.race.steps_done == 10
        assert most[0] == 1
        chart = app.screen.query_one("#race-chart")
        assert chart.options["ylim"] == (0.0, LOSS_TOP)
        large = v.race.runners[1]
        assert max(large.losses) > LOSS_TOP           # its start is off the chart, so it is named
        table = str(app.screen.query_one("#race-table").render())
        assert f"too large {max(large.losses):.2f}" in table and "too early to tell" in table
        # The key is in the table (marker + name), not drawn over the curves' first steps;
        # the units are described in words a learner can read.
        assert "Xavier" not in chart.render().plain
        assert "• too large" in table and "hidden units: all identical" in table
        assert f"pinned at ±1: {large.pinned:.0%}" in table and "differ" not in table
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert v.race.done and not v.playing and most[0] == 1
        zero, _, xavier = v.race.runners
        assert zero.outcome == "flat" and xavier.losses[-1] < xavier.losses[0]
        await pilot.press("r")
        assert v.race.steps_done == 0


def test_snap_init_race_stepped(snap_compare, make_app):
    async def two_steps(pilot):
        for _ in range(2):
            await pilot.press("s")
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app("l2.init-race"), terminal_size=SIZE, run_before=two_steps)

