"""ref.schedules: every table rate is the engine's; ←/→ change the parameter."""

from __future__ import annotations

import numpy as np

from nntui.engine import schedules
from nntui.games.ref.schedules import SchedulesView
from nntui.games.ref.schedules_model import KNOBS, PLATEAU_AT, PROBES, SchedulePlot
from nntui.widgets.chart import Chart
from nntui.widgets.ref_table import FilterTable


def test_rates_are_the_engines():
    plot = SchedulePlot()
    assert np.allclose(plot.rates("step"), schedules.StepDecay(0.1, 30, 0.5).lrs(100))
    assert np.allclose(plot.rates("cosine"), schedules.Cosine(0.1, 100).lrs(100))
    assert np.allclose(plot.rates("one_cycle"), schedules.OneCycle(0.1, 100, 0.3).lrs(100))
    plateau = plot.rates("plateau")
    assert np.all(plateau[: PLATEAU_AT + 1] == 0.1)  # no cut while the loss still improves
    assert plateau[-1] < 0.1


async def test_table_rows_match_the_engine_and_the_knob_moves(opened):
    async with opened("ref.schedules") as (app, pilot, view):
        assert isinstance(view, SchedulesView)
        table = view.query_one(FilterTable).table
        for name in KNOBS:
            rates = view.plot.rates(name)
            assert list(table.get_row(name)[2:]) == [f"{rates[t]:.4f}" for t in PROBES]
        await pilot.press("right")  # step size 30 → 50
        await pilot.pause()
        assert view.plot.values["step"] == 50
        assert table.get_row("step")[4] == f"{0.1 * 0.5 ** 1:.4f}"  # t = 50: one halving
        chart = view.query_one(Chart)
        assert np.allclose(chart.series["η"][1], schedules.StepDecay(0.1, 50, 0.5).lrs(100))
