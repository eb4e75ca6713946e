"""Tests for tune neuron: model and Pilot."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.engine.activations import ACTIVATIONS
from nntui.engine.perceptron import GATES
from nntui.games.l1.tune_neuron_model import (
    FALSE_AT_MOST,
    TRUE_AT_LEAST,
    WEIGHT_RANGE,
    WEIGHT_STEP,
    TuneNeuron,
)
from nntui.widgets.result import ResultModal
from nntui.widgets.slider import Slider

SIZE = (80, 24)


@pytest.mark.parametrize("gate, w1, w2, b", [
    ("AND", 4, 4, -6), ("OR", 4, 4, -2), ("NAND", -4, -4, 6), ("NOR", -4, -4, 2)])
def test_each_separable_gate_can_be_won_on_the_slider_grid(gate, w1, w2, b):
    game = TuneNeuron(gate, w1, w2, b)
    assert game.score == 4 and game.won
    assert game.claim() and not game.claim()  # a gate counts once


def test_score_counts_rows_with_the_thresholds():
    game = TuneNeuron("AND")  # all zero: every output is σ(0) = 0.5, no row counts
    assert [r.output for r in game.rows] == [0.5] * 4 and game.score == 0
    game.set_params(w1=4, w2=4, b=-2)  # that is OR: right on 00, wrong on 01 and 10, right on 11
    assert [r.ok for r in game.rows] == [True, False, False, True]
    assert game.score == 2 and not game.won and not game.claim()
    row = game.rows[3]
    assert row.output == pytest.approx(1 / (1 + np.exp(-6))) and row.output >= TRUE_AT_LEAST


def test_xor_never_reaches_four_on_any_slider_setting():
    lo, hi = WEIGHT_RANGE
    grid = np.arange(lo, hi + WEIGHT_STEP / 2, WEIGHT_STEP)
    w1, w2, b = np.meshgrid(grid, grid, grid, indexing="ij")
    table = GATES["XOR"]
    ok = np.zeros(w1.shape, dtype=int)
    for (x1, x2), y in zip(table.inputs, table.targets):
        out = ACTIVATIONS["sigmoid"].f(w1 * x1 + w2 * x2 + b)
        ok += (out >= TRUE_AT_LEAST) if y else (out <= FALSE_AT_MOST)
    assert ok.max() == 3  # three rows can be right, never four
    i = np.unravel_index(np.argmax(ok), ok.shape)
    game = TuneNeuron("XOR", grid[i[0]], grid[i[1]], grid[i[2]])
    assert game.score == 3 and not game.won and not game.possible


def test_decision_line_intercepts_and_ends_on_the_square():
    game = TuneNeuron("AND", 4, 4, -6)  # 4x₁ + 4x₂ − 6 = 0: x₁ + x₂ = 1.5
    assert game.intercepts == (1.5, 1.5)
    assert game.decision_line() == (-0.5, 2.0, 1.5, 0.0)  # through (−0.5, 2) and (1.5, 0)
    assert game.z(1, 1) > 0 > game.z(1, 0)  # only 11 lies on the firing side
    game.set_params(w1=2, w2=0, b=-1)  # x₁ = 0.5: a vertical line
    assert game.intercepts == (0.5, None) and game.decision_line() == (0.5, -0.5, 0.5, 1.5)
    game.set_params(w1=0, w2=0)
    assert game.intercepts == (None, None) and game.decision_line() is None


def test_no_decision_line_separates_xor_on_the_slider_grid():
    lo, hi = WEIGHT_RANGE
    grid = np.arange(lo, hi + WEIGHT_STEP / 2, WEIGHT_STEP)
    corners = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    want = GATES["XOR"].targets.astype(bool)
    for w1 in grid:
        for w2 in grid:
            z = w1 * corners[:, 0] + w2 * corners[:, 1]
            # a bias separating them would put 01, 10 on one side and 00, 11 on the other
            fires = z[:, None] + grid[None, :] >= 0
            assert not (fires == want[:, None]).all(axis=0).any()


def square_picture(view) -> str:
    canvas = view.query_one("#tn-square")
    return "\n".join(canvas.cell_text(r) for r in range(canvas.cell_size.height))


# w₁ = w₂ = +4, b = −2 (OR's weights) by coarse steps of 2 from all zero
OR_WEIGHTS_BY_KEYS = ("down", "shift+right", "shift+right", "down", "shift+right",
                      "shift+right", "down", "shift+left")


async def test_a_return_visit_keeps_won_gates_and_the_square_follows_the_keys(
        make_app, data_dir, monkeypatch):
    from nntui.store import Store

    with Store.open(data_dir, "test") as store:  # AND won on an earlier visit, as recorded
        store.record_attempt("l1.tune-neuron", 4, 4, True,
                             {"gate": "AND", "w1": 4.0, "w2": 4.0, "b": -6.0})
    monkeypatch.setenv("NO_COLOR", "1")  # shade characters: the picture is in the text
    app = make_app("l1.tune-neuron")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = app.screen.view
        assert v.game.won_gates == {"AND"}
        assert "won: AND" in str(v.query_one("#tn-status").render())

        blank = square_picture(v)
        assert blank.count("●") == 1 and blank.count("○") == 3  # AND: only 11 says 1
        await pilot.press("down", "shift+right")  # w₁ = 2: the line x₁ = 0 appears
        await pilot.pause()
        first = square_picture(v)
        assert first != blank and "•" in first and "·" in first  # the line and the firing side
        await pilot.press("down", "down", "shift+left")  # b = −2: the line moves to x₁ = 1
        await pilot.pause()
        assert square_picture(v) != first and v.game.intercepts == (1.0, None)

        # Guard for the Slider API the games depend on: value changes post Changed.
        v.query_one("#tn-b", Slider).value = 2.0
        await pilot.pause()
        assert v.game.b == 2.0


async def test_tune_neuron_wins_gates_once_each_and_gives_xor_three(opened):
    async with opened("l1.tune-neuron") as (app, pilot, v):
        # OR's weights while AND is picked: 2/4, nothing recorded
        await pilot.press(*OR_WEIGHTS_BY_KEYS)
        await pilot.pause()
        assert v.game.gate == "AND" and v.game.score == 2
        assert app.store.attempts("l1.tune-neuron") == []
        # picking a gate the sliders already solve wins it
        await pilot.press("2")  # OR
        await pilot.pause()
        assert v.game.gate == "OR" and v.game.won
        assert isinstance(app.screen, ResultModal)
        await pilot.press("enter")
        assert [a.details["gate"] for a in app.store.attempts("l1.tune-neuron")] == ["OR"]
        await pilot.press("1", "2")  # back to OR again: a gate is recorded once a visit
        await pilot.pause()
        assert not isinstance(app.screen, ResultModal)
        assert len(app.store.attempts("l1.tune-neuron")) == 1
        table = str(v.query_one("#tn-table").render())
        assert table.count("✓") == 4 and "−2.00" in table
        # AND: b from −2 to −6 wins it
        await pilot.press("1", "shift+left", "shift+left")
        await pilot.pause()
        assert (v.game.gate, v.game.w1, v.game.w2, v.game.b) == ("AND", 4.0, 4.0, -6.0)
        assert v.game.score == 4
        assert isinstance(app.screen, ResultModal)
        await pilot.press("enter")
        attempts = app.store.attempts("l1.tune-neuron")
        assert [(a.won, a.details["gate"]) for a in attempts] == [(True, "OR"), (True, "AND")]
        await pilot.press("5")  # XOR: the AND weights only get the 00 row right
        await pilot.pause()
        assert v.game.gate == "XOR" and v.game.score == 1 and not v.game.won
        assert "cannot reach 4/4" in str(v.query_one("#tn-status").render())
        assert len(app.store.attempts("l1.tune-neuron")) == 2


def test_snap_tune_neuron(snap_compare, make_app):
    # OR's weights on the AND gate: three rows of four, so the table shows ✓ and ✗
    assert snap_compare(make_app("l1.tune-neuron"), terminal_size=SIZE,
                        press=["down", "shift+right", "shift+right", "down", "shift+right",
                               "shift+right", "down", "shift+left"])

