"""Tests for perceptron rule: model and Pilot."""

from __future__ import annotations

import pytest

from nntui.engine.perceptron import GATES, Perceptron
from nntui.games.l1.perceptron_rule_model import PerceptronRun, boundary

SIZE = (80, 24)


@pytest.mark.parametrize("gate", ["AND", "OR", "NOT"])
def test_rule_converges_on_separable_gates(gate):
    run = PerceptronRun(gate)
    run.run()
    assert run.converged and not run.cycled and run.epoch_mistakes[-1] == 0
    assert run.correct == len(run.y)
    ref = Perceptron(run.n_inputs).train(GATES[gate].inputs, GATES[gate].targets)
    assert ref.converged and ref.epochs == run.epoch and ref.w.tolist() == list(run.state[0])


def test_rule_cycles_on_xor_and_the_cycle_is_named():
    run = PerceptronRun("XOR")
    run.run()
    assert run.cycled and not run.converged and run.correct < 4
    assert all(m > 0 for m in run.epoch_mistakes)
    ref = Perceptron(2).train(GATES["XOR"].inputs, GATES["XOR"].targets)
    assert (run.cycle_start, run.cycle_length) == (ref.cycle_start, ref.cycle_length)
    # the state that came back really is the one seen at the cycle's start
    assert run.history[run.epoch] == run.history[run.cycle_start]
    assert run.step() is None  # nothing more to do once the loop is proven


def test_rule_step_by_step_applies_the_update():
    run = PerceptronRun("AND")
    first = run.step()  # x = (0, 0), target 0, z = 0 → ŷ = 1: error −1
    assert first.error == -1 and run.state == ((0.0, 0.0), -1.0)
    assert run.row == 1 and run.epoch == 0
    run.step_epoch()
    assert run.epoch == 1 and run.row == 0 and len(run.epoch_mistakes) == 1
    run.reset()
    assert run.state == ((0.0, 0.0), 0.0) and run.epoch == 0


def test_boundary_is_the_line_where_w_x_plus_b_is_zero():
    x0, y0, x1, y1 = boundary((1.0, 2.0), -1.0, (-0.5, 1.5))
    assert (x0, x1) == (-0.5, 1.5) and (y0, y1) == (0.75, -0.25)  # x₂ = (1 − x₁)/2
    assert boundary((2.0,), -1.0, (-0.5, 1.5)) == (0.5, -0.5, 0.5, 1.5)  # one input: x₁ = 0.5
    assert boundary((2.0, 0.0), 1.0, (0.0, 1.0)) == (-0.5, 0.0, -0.5, 1.0)  # w₂ = 0: vertical
    assert boundary((0.0, 0.0), 1.0, (0.0, 1.0)) is None


async def test_perceptron_rule_by_keys_steps_converges_names_the_xor_cycle_and_pauses(opened):
    """One learner's session: step, pause, converge on AND, cycle on XOR, play and step on OR,
    then NOT, whose plot has a single input."""
    async with opened("l1.perceptron-rule") as (app, pilot, v):
        plot = v.query_one("#pr-plot")
        assert (plot.border_title, plot.border_subtitle) == ("x₂ ↑", "x₁ →")
        assert f"η (here {v.run.lr:g})" in v.query_one("LessonText").source

        assert "Running" not in str(v.query_one("#pr-verdict").render())
        await pilot.press("p", "p")  # played, then paused before the first beat
        verdict = str(v.query_one("#pr-verdict").render())
        assert verdict.startswith("Paused") or verdict.startswith("Ready")
        await pilot.press("s")
        assert v.run.row == 1 and v.run.state == ((0.0, 0.0), -1.0)
        await pilot.press("s", "s")  # AND: w stays (0, 0) for the first examples
        info = str(v.query_one("#pr-info").render())
        assert "w = (0, 0)" in info and "+0" not in info
        assert "Paused" in str(v.query_one("#pr-verdict").render())

        await pilot.press("e")  # e by key once; the rest of the epochs straight to the view
        for _ in range(5):
            v.action_epoch()
        assert v.run.converged
        assert "Converged" in str(v.query_one("#pr-verdict").render())
        await pilot.press("4", "e")
        for _ in range(7):
            v.action_epoch()
        assert v.run.gate_name == "XOR" and v.run.cycled
        assert "Cycle detected" in str(v.query_one("#pr-verdict").render())
        assert "l1.perceptron-rule" in app.store.completed_sections()
        await pilot.press("r", "p")
        assert v.playing and v.running
        await pilot.press("p")
        assert not v.playing and not v.running

        # a step during play pauses, then steps once
        await pilot.press("2", "p")  # OR, play
        assert v.running and "Playing" in str(v.query_one("#pr-verdict").render())
        row = v.run.row
        await pilot.press("s")
        assert not v.playing and not v.running and v.run.row == row + 1
        await pilot.press("e")
        while not v.run.finished:
            v.action_epoch()
        await pilot.press("p")  # nothing left to play: stays stopped
        assert not v.playing

        await pilot.press("3")  # NOT has one input: no vertical axis to name
        await pilot.pause()
        assert plot.border_title == "" and v.run.n_inputs == 1


async def test_perceptron_rule_play_runs_to_the_end_and_stops(opened, monkeypatch):
    from nntui.games.l1.perceptron_rule import PerceptronRuleView

    monkeypatch.setattr(PerceptronRuleView, "INTERVAL", 0.01)  # quick beats, same lifecycle
    async with opened("l1.perceptron-rule") as (app, pilot, v):
        await pilot.press("2", "p")
        for _ in range(500):
            if not v.playing:
                break
            await pilot.pause(0.01)
        assert v.run.converged and not v.playing and not v.running
        assert "Converged" in str(v.query_one("#pr-verdict").render())


def test_snap_perceptron_rule_xor_cycle(snap_compare, make_app):
    assert snap_compare(make_app("l1.perceptron-rule"), terminal_size=SIZE,
                        press=["4", "e", "e", "e", "e"])

