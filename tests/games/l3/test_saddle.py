"""Escaping a saddle: model and Pilot."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.engine.optim import Momentum
from nntui.engine.surfaces import path
from nntui.games.l3.saddle import SaddleView
from nntui.games.l3.saddle_model import ESCAPE_B, MAX_STEPS, START, Saddle


def test_plain_descent_stalls_and_momentum_escapes_within_the_same_steps():
    still = Saddle(beta=0.0).run(MAX_STEPS)
    rolled = Saddle(beta=0.9).run(MAX_STEPS)
    assert still.stalled and not still.escaped and still.steps == MAX_STEPS
    assert np.hypot(*still.point) < 0.5  # still beside the centre, where the slope is flat
    assert np.linalg.norm(still.gradient) < 1.0
    assert rolled.escaped and abs(rolled.point[1]) > ESCAPE_B
    assert rolled.steps < MAX_STEPS // 2


@pytest.mark.parametrize("beta", [0.0, 0.5, 0.9])
def test_every_step_is_the_engine_momentum_step(beta):
    run = Saddle(beta).run(40)
    reference = path("saddle", Momentum(0.01, beta), START, 40)
    np.testing.assert_allclose(np.array(run.trail), reference.points[: run.steps + 1])


def test_a_new_beta_starts_again_and_a_finished_run_stays_put():
    run = Saddle(0.9).run()
    assert run.done and not run.step()
    run.set_beta(0.2)
    assert run.steps == 0 and tuple(run.point) == START and run.beta == 0.2


async def test_saddle_by_keys(opened, monkeypatch):
    monkeypatch.setattr(SaddleView, "INTERVAL", 0.002)  # play fast: the steps are the same
    async with opened("l3.saddle") as (app, pilot, view):
        await pilot.press("s", "s")
        assert view.run.steps == 2 and view.run.beta == 0.0
        await pilot.press("shift+right")  # β 0.1 by key …
        view.query_one("#sd-beta").value = 0.9  # … then 0.9; a new β starts a new run
        await pilot.pause()
        assert view.run.beta == 0.9 and view.run.steps == 0
        probe = Saddle()
        probe.set_beta(0.9)
        while not probe.escaped:
            probe.step()
        while view.run.steps < probe.steps - 3:  # most of the way without drawing …
            view.run.step()
        await pilot.press("p")  # … and the last beats played by the timer
        for _ in range(500):
            if not view.playing:
                break
            await pilot.pause(0.01)
        assert view.run.escaped and view.run.steps < MAX_STEPS
        assert "Escaped" in str(app.screen.query_one("#sd-verdict").render())
        assert "l3.saddle" in app.store.completed_sections()
        await pilot.press("r")
        assert view.run.steps == 0
