"""ref.architectures: every data row is in the table, the cursor shows its detail, / filters."""

from __future__ import annotations

from textual.widgets import Static

from nntui import content
from nntui.games.ref.architectures import ArchitecturesView
from nntui.widgets.ref_table import FilterTable


async def test_rows_detail_and_search(opened):
    data = content.reference("architectures")
    async with opened("ref.architectures") as (app, pilot, view):
        assert isinstance(view, ArchitecturesView)
        table = view.query_one(FilterTable)
        assert table.visible_keys == [row["key"] for row in data["row"]]
        assert all(len(row["cells"]) == len(data["columns"]) for row in data["row"])
        table.move_to("transformer")
        await pilot.pause()
        assert "Vaswani" in str(view.query_one("#ref-detail", Static).render())
        await pilot.press("slash", *"Vaswani".split()[0])
        await pilot.pause()
        assert "transformer" in table.visible_keys and "moe" not in table.visible_keys
