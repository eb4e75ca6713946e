"""ref.regularization: every data row is in the table, the cursor shows its detail, / filters."""

from __future__ import annotations

from textual.widgets import Static

from nntui import content
from nntui.games.ref.regularization import RegularizationView
from nntui.widgets.ref_table import FilterTable


async def test_rows_detail_and_search(opened):
    data = content.reference("regularization")
    async with opened("ref.regularization") as (app, pilot, view):
        assert isinstance(view, RegularizationView)
        table = view.query_one(FilterTable)
        assert table.visible_keys == [row["key"] for row in data["row"]]
        assert all(len(row["cells"]) == len(data["columns"]) for row in data["row"])
        table.move_to("dropout")
        await pilot.pause()
        assert "1/(1 − p)" in str(view.query_one("#ref-detail", Static).render())
        await pilot.press("slash", *"1/(1 − p)".split()[0])
        await pilot.pause()
        assert "dropout" in table.visible_keys and "augment" not in table.visible_keys
