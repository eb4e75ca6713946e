"""ref.strengths: every data row is in the table, the cursor shows its detail, / filters."""

from __future__ import annotations

from textual.widgets import Static

from nntui import content
from nntui.games.ref.strengths import StrengthsView
from nntui.widgets.ref_table import FilterTable


async def test_rows_detail_and_search(opened):
    data = content.reference("strengths")
    async with opened("ref.strengths") as (app, pilot, view):
        assert isinstance(view, StrengthsView)
        table = view.query_one(FilterTable)
        assert table.visible_keys == [row["key"] for row in data["row"]]
        assert all(len(row["cells"]) == len(data["columns"]) for row in data["row"])
        table.move_to("small")
        await pilot.pause()
        assert "logistic regression" in str(view.query_one("#ref-detail", Static).render())
        await pilot.press("slash", *"logistic regression".split()[0])
        await pilot.pause()
        assert "small" in table.visible_keys and "explain" not in table.visible_keys
