"""Vanishing gradients: model and Pilot."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.engine.deep import gradient_norms
from nntui.games.l3.vanishing import VanishingView, bar_chart, decade_range
from nntui.games.l3.vanishing_model import WIDTH, Vanishing


def test_sigmoid_norms_fall_layer_by_layer_towards_the_input():
    stack = Vanishing(depth=11, activation="sigmoid")
    norms = stack.norms
    assert np.all(np.diff(norms) > 0)  # layer 1 (first) gets the smallest gradient
    assert norms[0] < 1e-5 * norms[-1]


def test_sigmoid_norms_fall_further_the_deeper_the_stack():
    firsts = [Vanishing(depth=d).norms[0] for d in (5, 10, 15, 20)]
    assert all(a > 100 * b for a, b in zip(firsts, firsts[1:]))


def test_ten_sigmoid_layers_shrink_the_gradient_about_as_far_as_quarter_to_the_tenth():
    stack = Vanishing(depth=11)
    assert stack.slope_bound == pytest.approx(9.5367e-7, rel=1e-4)  # 0.25¹⁰
    # The weights are sized to keep a signal's scale, so the slopes do most of the shrinking.
    assert 0.1 * stack.slope_bound < stack.measured_ratio < stack.slope_bound


def test_tanh_at_scale_one_keeps_the_gradient_alive():
    stack = Vanishing(depth=20, activation="tanh", weight_scale=1.0)
    assert 0.1 < stack.measured_ratio < 10


def test_norms_are_the_engine_backprop_and_the_trip_runs_top_down():
    stack = Vanishing(depth=6, activation="relu", weight_scale=1.5)
    np.testing.assert_array_equal(stack.norms, gradient_norms(6, WIDTH, "relu", 1.5))
    assert stack.current_layer is None
    assert stack.advance() and stack.current_layer == 6 and stack.is_reached(6)
    assert not stack.is_reached(5)
    while stack.advance():
        pass
    assert stack.done and stack.current_layer == 1 and stack.is_reached(1)
    stack.configure(depth=8)
    assert stack.reached == 0 and len(stack.norms) == 8


def test_chart_draws_reached_layers_only_with_layer_one_on_the_left():
    stack = Vanishing(depth=4)
    stack.advance()
    lines = bar_chart(stack).plain.split("\n")
    assert lines[-1].split()[1:] == ["1", "2", "3", "4"]
    assert "██" in lines[-3] and lines[-3].rstrip().endswith("██")
    assert lines[-3].count("██") == 1  # only the top layer has been reached
    lo, hi = decade_range(stack.norms)
    assert 10.0**lo <= stack.norms.min() and stack.norms.max() <= 10.0**hi


async def test_vanishing_by_keys(opened, monkeypatch):
    monkeypatch.setattr(VanishingView, "INTERVAL", 0.002)
    async with opened("l3.vanishing") as (app, pilot, view):
        await pilot.press("s", "s")
        assert view.stack.current_layer == view.stack.depth - 1
        await pilot.press("shift+right")  # depth 11 → 16, and the gradient sets off again
        assert view.stack.depth == 16
        for _ in range(300):
            if not view.playing:
                break
            await pilot.pause(0.01)
        assert view.stack.done
        compare = str(app.screen.query_one("#vg-compare").render())
        assert "Measured: layer 1 ÷ layer 16" in compare and "0.25¹⁵" in compare
        assert "l3.vanishing" in app.store.completed_sections()
        await pilot.press("down", "right")  # activation: sigmoid → tanh
        assert view.stack.activation == "tanh"
        await pilot.press("r")
        assert view.stack.reached == 0 and not view.playing
