"""Tests for worked neuron: model and Pilot."""

from __future__ import annotations

import pytest

from nntui.engine.neuron import neuron

SIZE = (80, 24)


async def test_worked_neuron_coalesces_held_keys_then_recomputes_from_the_defaults(opened):
    async with opened("l1.worked-neuron") as (app, pilot, v):
        assert "l1.worked-neuron" not in app.store.completed_sections()  # opening is not doing
        text = v.query_one("#lesson-text")
        rebuilds = []
        original = text.update
        text.update = lambda markdown: rebuilds.append(markdown) or original(markdown)
        slider = v.query_one("#wn-w1")
        for _ in range(12):  # a held key: 12 repeats arrive faster than the text can rebuild
            slider.action_increase()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert v.inputs["w1"] == pytest.approx(1.8)
        assert len(rebuilds) < 12  # fewer rebuilds than key repeats …
        assert "w₁·x₁ = 1.8 × 1.0 = 1.800" in text.source  # … and the last value is shown
        assert "l1.worked-neuron" in app.store.completed_sections()

        await pilot.press("r")  # back to the defaults
        await app.workers.wait_for_complete()
        await pilot.pause()
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
