"""Tests for worked neuron: model and Pilot."""

from __future__ import annotations

import pytest

from nntui.engine.neuron import neuron

SIZE = (80, 24)


async def test_worked_neuron_defaults_and_recompute(opened):
    async with opened("l1.worked-neuron") as (app, pilot, v):
        values = v.values()
        assert values["z_value"] == pytest.approx(0.7) and round(values["a"], 3) == 0.668
        text = v.query_one("#lesson-text").source
        assert "w₂·x₂ = (−0.4) × 0.0 = 0.000" in text  # negatives in brackets, no "−0"
        assert "z = 0.600 + 0.000 + 0.1 = **0.700**" in text and "≈ **0.668**" in text
        assert "e^(−0.700)" in text
        closing = text.split("With the starting")[1]
        assert "w = [0.6, −0.4]" in closing and "σ(0.7) ≈ 0.668" in closing
        await pilot.press("down", "right")  # x₂: 0 → 0.1
        await pilot.pause()
        assert v.inputs["x2"] == 0.1
        assert v.values()["z_value"] == pytest.approx(0.7 - 0.04)
        text = v.query_one("#lesson-text").source  # the steps on screen follow the change
        steps = text.split("With the starting")[0]
        assert "(−0.4) × 0.1 = −0.040" in steps and "+ (−0.040) + 0.1 = **0.660**" in steps
        assert "0.700" not in steps
        await pilot.press("down", "shift+left", "shift+left")  # w₁: 0.6 → −1.4
        await pilot.pause()
        assert v.values()["a"] == neuron([1.0, 0.1], [-1.4, -0.4], 0.1).a
        assert "leans towards no" in v.query_one("#lesson-text").source
        await pilot.press("r")
        await pilot.pause()
        assert v.values()["z_value"] == pytest.approx(0.7)

