"""Tests for perceptron: model and Pilot."""

from __future__ import annotations

from nntui.engine.neuron import neuron

SIZE = (80, 24)


async def test_perceptron_lesson_live_line_follows_sliders(opened):
    async with opened("l1.perceptron") as (app, pilot, v):
        before = v.values()["a"]
        await pilot.press("down", "down", "shift+right")  # w₁ 0.5 → 1.5
        await pilot.pause()
        after = neuron([1, 1], [1.5, -1.0], 0.2).a
        assert v.values()["a"] == after != before
        assert f"{after:.3f}" in v.query_one("#pc-card").live_text

