"""Tests for activation lab: model and Pilot."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.games.l1.activation_lab_model import LAB_ACTIVATIONS, ActivationLab

SIZE = (80, 24)


def test_activation_facts_hold_the_curriculum_figures():
    lab = ActivationLab("sigmoid")
    assert lab.facts().max_slope == pytest.approx(0.25)
    assert not lab.facts().zero_centred and lab.facts().range == "(0, 1)"
    lab.name = "tanh"
    assert lab.facts().max_slope == pytest.approx(1.0) and lab.facts().zero_centred
    for name in LAB_ACTIVATIONS:  # every activation on offer has its facts and a note
        lab.name = name
        facts = lab.facts()
        assert facts.range and facts.note and facts.formula and facts.derivative
        _, slope = lab.slope()
        assert facts.max_slope >= np.max(np.abs(slope)) - 1e-9


def test_neuron_curve_moves_with_weight_and_bias():
    lab = ActivationLab("relu", w=2.0, b=-1.0)
    xs, ys = lab.neuron_curve()
    assert np.allclose(ys, np.maximum(2 * xs - 1, 0))
    _, d = lab.slope()
    assert set(np.unique(d)) == {0.0, 1.0}


def test_axis_ticks_use_true_minus_signs():
    from nntui.games.l1.activation_lab import ticks

    assert ticks(-5.0, 5.0) == ([-5.0, -2.5, 0.0, 2.5, 5.0], ["−5", "−2.5", "0", "2.5", "5"])
    assert ticks(0.0067, 0.9933)[1] == ["0.01", "0.25", "0.5", "0.75", "0.99"]


async def test_activation_lab_picks_and_bends(opened):
    async with opened("l1.activation-lab") as (app, pilot, v):
        assert "l1.activation-lab" not in app.store.completed_sections()  # not yet compared
        # w = 1, b = 0: the neuron's curve is f(x) itself, drawn once so it cannot hide f(x)
        assert list(v.query_one("#al-f").series) == ["f(x) = neuron"]
        await pilot.press("4")  # tanh
        await pilot.pause()
        assert v.lab.name == "tanh" and "l1.activation-lab" in app.store.completed_sections()
        chart = v.query_one("#al-f")
        assert "−5" in chart.plt.build() and "-5" not in chart.plt.build()  # true minus signs
        assert "max slope 1" in str(v.query_one("#al-facts").render())
        await pilot.press("down", "shift+right")  # w: 1 → 2
        await pilot.pause()
        assert v.lab.w == 2.0
        xs, ys = v.query_one("#al-f").series["f(2.0x + 0.0)"]
        assert np.allclose(ys, np.tanh(2 * np.array(xs)))
        await pilot.press("3")
        await pilot.pause()
        assert "max slope 0.25" in str(v.query_one("#al-facts").render())

