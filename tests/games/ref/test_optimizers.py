"""ref.optimizers: the memory column is measured on the engine; cards follow the cursor."""

from __future__ import annotations

from textual.widgets import Static

from nntui.engine.optim import OPTIMIZERS
from nntui.games.ref.optimizers import OptimizersView
from nntui.games.ref.optimizers_model import memory_label, state_per_parameter
from nntui.widgets.ref_table import FilterTable


def test_state_per_parameter_matches_each_rule():
    expected = {"sgd": 0, "momentum": 1, "nesterov": 1, "rmsprop": 1, "adam": 2, "adamw": 2,
                "lion": 1}
    assert {name: state_per_parameter(name) for name in OPTIMIZERS} == expected
    assert memory_label("adam") == "2 buffers" and memory_label("sgd") == "none"


async def test_every_engine_optimizer_has_a_row_and_its_card_shows(opened):
    async with opened("ref.optimizers") as (app, pilot, view):
        assert isinstance(view, OptimizersView)
        table = view.query_one(FilterTable)
        assert set(table.visible_keys) == set(OPTIMIZERS)
        for key in OPTIMIZERS:
            assert table.table.get_row(key)[2] == memory_label(key)
        await pilot.press("down", "down", "down", "down")
        await pilot.pause()
        assert "Adam (Kingma" in str(view.query_one("#ref-detail", Static).render())
        await pilot.press("slash", *"trans")  # the row that mentions transformers
        await pilot.pause()
        assert table.visible_keys == ["adamw"]
