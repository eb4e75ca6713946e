"""ref.normalization: the axes and group means come from the engine's NORM_AXES and stat_groups."""

from __future__ import annotations

import numpy as np
from textual.widgets import Static

from nntui.engine.norm import NORM_AXES, normalize, stat_groups
from nntui.games.ref.normalization import NormalizationView
from nntui.games.ref.normalization_model import GROUPS, SHAPE, group_count, group_means, sample
from nntui.widgets.ref_table import FilterTable


def test_group_counts_and_means_match_the_engine():
    x = sample()
    n, c, h, w = SHAPE
    assert {k: group_count(k) for k in NORM_AXES} == {
        "batch": c, "layer": n, "instance": n * c, "group": n * GROUPS, "rms": n}
    # batch norm's groups are the channels: means over N, H, W
    for g, mean, size, after in group_means("batch", x):
        assert np.isclose(mean, x[:, g].mean()) and size == n * h * w and abs(after) < 1e-9
    for g, mean, size, after in group_means("rms", x):
        assert np.isclose(mean, x[g].mean())
        assert np.isclose(after, np.sqrt(np.mean(normalize("rms", x)[g] ** 2)))
    labels = stat_groups("group", SHAPE, GROUPS)
    assert group_means("group", x)[0][1] == x[labels == 0].mean()


async def test_table_rows_are_the_engines_and_the_tensor_follows_the_cursor(opened):
    async with opened("ref.normalization") as (app, pilot, view):
        assert isinstance(view, NormalizationView)
        table = view.query_one(FilterTable).table
        for kind in NORM_AXES.values():
            display, axes, groups = table.get_row(kind.name)
            assert (display, axes, int(groups)) == (kind.display, kind.axes,
                                                    group_count(kind.name))
        await pilot.press("down", "down")  # instance norm: letters A–H
        await pilot.pause()
        shown = str(view.query_one("#ref-detail", Static).render())
        assert "over H, W" in shown and "H " in shown.split("channel 4")[1]
