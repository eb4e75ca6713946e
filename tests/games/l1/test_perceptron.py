"""Tests for perceptron: model and Pilot."""

from __future__ import annotations

import pytest

from nntui.engine.neuron import neuron
from nntui.widgets.activation_curve import read_off

SIZE = (80, 24)


def test_the_dot_is_read_off_the_engines_sigmoid_and_stays_on_the_plot():
    r = read_off(0.7)
    assert r.output == neuron([1.0], [0.7], 0.0).a and r.dot_z == 0.7 and r.off_scale == 0
    far = read_off(-11.0, zlim=(-8.0, 8.0))
    assert far.dot_z == -8.0 and far.off_scale == -1 and far.output == pytest.approx(1.67e-5, rel=1e-2)
    assert read_off(9.0, zlim=(-8.0, 8.0)).off_scale == 1


def dot_cell(curve) -> tuple[int, int]:
    """Where the ● is drawn on the curve's canvas."""
    for row in range(curve.cell_size.height):
        col = curve.cell_text(row).find("●")
        if col >= 0:
            return col, row
    raise AssertionError("no dot on the curve")


async def test_perceptron_dot_moves_along_the_curve_with_every_key(opened):
    async with opened("l1.perceptron") as (app, pilot, v):
        curve = v.query_one("#pc-curve")
        before = v.values()["a"]
        start = dot_cell(curve)
        assert "l1.perceptron" not in app.store.completed_sections()  # opening is not doing
        await pilot.press("down", "down", "shift+right")  # w₁ 0.5 → 1.5
        await pilot.pause()
        after = neuron([1, 1], [1.5, -1.0], 0.2).a
        assert v.values()["a"] == after != before
        assert f"{after:.3f}" in str(v.query_one("#pc-live").render())
        assert curve.reading.output == after and f"{after:.3f}" in curve.border_title
        moved = dot_cell(curve)
        assert moved[0] > start[0] and moved[1] < start[1]  # right along z, up the curve
        assert "l1.perceptron" in app.store.completed_sections()
        await pilot.press("shift+left")  # and back: the dot follows
        await pilot.pause()
        assert dot_cell(curve)[0] < moved[0]
