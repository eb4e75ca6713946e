"""ref.pipeline: every data row is in the table, the cursor shows its detail, / filters."""

from __future__ import annotations

from textual.widgets import Static

from nntui import content
from nntui.games.ref.pipeline import PipelineView
from nntui.widgets.ref_table import FilterTable


async def test_rows_detail_and_search(opened):
    data = content.reference("pipeline")
    async with opened("ref.pipeline") as (app, pilot, view):
        assert isinstance(view, PipelineView)
        table = view.query_one(FilterTable)
        assert table.visible_keys == [row["key"] for row in data["row"]]
        assert all(len(row["cells"]) == len(data["columns"]) for row in data["row"])
        table.move_to("nan")
        await pilot.pause()
        assert "clip the gradient norm" in str(view.query_one("#ref-detail", Static).render())
        await pilot.press("slash", *"clip the gradient norm".split()[0])
        await pilot.pause()
        assert "nan" in table.visible_keys and "oom" not in table.visible_keys
