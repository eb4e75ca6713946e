"""ref.losses: the table's L and slope are the engine's at the probe; keys move it."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.engine import losses
from nntui.games.ref.losses import LossesView
from nntui.games.ref.losses_model import LossExplorer
from nntui.widgets.chart import Chart
from nntui.widgets.ref_table import FilterTable


@pytest.mark.parametrize("name", list(losses.LOSSES))
def test_each_row_is_the_engine_at_the_probe(name):
    ex = LossExplorer()
    x, value, slope = ex.probe(name)
    y = ex.target
    if name == "ce":
        # logits (z, 0) with class index 1 − y: index 0 (the logit z) is the target when y = 1
        expected, grad = losses.ce(np.array([[x, 0.0]]), np.array([1 - y]))
        assert np.isclose(value, expected) and np.isclose(slope, grad[0, 0])
        assert np.isclose(slope, losses.sigmoid(x) - y)  # softmax + CE: p − y
    else:
        expected, grad = losses.LOSSES[name](np.array([x]), np.array([float(y)]))
        assert np.isclose(value, expected) and np.isclose(slope, grad[0])


def test_slopes_match_central_differences_and_parameters_change_the_curve():
    ex = LossExplorer()
    for name in losses.LOSSES:
        x = ex.x_at(name, 0.37)
        h = 1e-6
        numeric = (ex.value_and_slope(name, x + h)[0] - ex.value_and_slope(name, x - h)[0]) / 2 / h
        assert np.isclose(ex.value_and_slope(name, x)[1], numeric, rtol=1e-5, atol=1e-7), name
    before = ex.curve("huber")[1]
    assert ex.change("huber", 1) and ex.delta == 1.5
    assert not np.allclose(before, ex.curve("huber")[1])
    assert not ex.change("mse", 1)


async def test_probe_and_target_keys_update_the_live_table(opened):
    async with opened("ref.losses") as (app, pilot, view):
        assert isinstance(view, LossesView)
        table = view.query_one(FilterTable).table
        before = table.get_row("mse")
        await pilot.press("right")
        await pilot.pause()
        after = table.get_row("mse")
        x, value, _ = view.explorer.probe("mse")
        assert after != before and after[2] == f"{value:.3f}"
        await pilot.press("t")
        await pilot.pause()
        assert view.explorer.target == 0
        assert "y = 0" in view.query_one(Chart).options["title"]
