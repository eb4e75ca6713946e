"""ref.activations: every table row is the engine's figures; the charts follow the cursor."""

from __future__ import annotations

import numpy as np

from nntui.engine.activations import ACTIVATIONS, max_slope
from nntui.games.ref.activations import ActivationsView, table_cells
from nntui.games.ref.activations_model import curves, rows
from nntui.widgets.chart import Chart
from nntui.widgets.ref_table import FilterTable


def test_each_row_matches_the_engine():
    table = rows()
    assert [r.name for r in table] == list(ACTIVATIONS)
    for row in table:
        act = ACTIVATIONS[row.name]
        assert row.range == act.range and row.zero_centred == act.zero_centred
        assert row.max_slope == max_slope(row.name)
    by_name = {r.name: r for r in table}
    assert np.isclose(by_name["sigmoid"].max_slope, 0.25)
    assert np.isclose(by_name["tanh"].max_slope, 1.0)
    assert table_cells(by_name["sigmoid"])[1:4] == ("(0, 1)", "no", "0.250")


def test_curves_are_f_and_its_derivative():
    x, f, df = curves("tanh")
    assert np.allclose(f, np.tanh(x)) and np.allclose(df, 1 - np.tanh(x) ** 2)


async def test_moving_the_cursor_redraws_the_charts_and_slash_filters(opened):
    async with opened("ref.activations") as (app, pilot, view):
        assert isinstance(view, ActivationsView)
        chart = view.query_one("#ac-df", Chart)
        assert "Step" in chart.options["title"]
        await pilot.press("down", "down")  # step → linear → sigmoid
        await pilot.pause()
        assert "Sigmoid" in chart.options["title"]
        assert max(chart.series["f′"][1]) == float(ACTIVATIONS["sigmoid"].df(0.0))
        await pilot.press("slash", *"trans")  # the row that mentions transformers
        await pilot.pause()
        assert view.query_one(FilterTable).visible_keys == ["gelu"]
        await pilot.press("escape")
        await pilot.pause()
        assert len(view.query_one(FilterTable).visible_keys) == len(ACTIVATIONS)
