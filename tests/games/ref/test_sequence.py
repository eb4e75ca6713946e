"""ref.sequence: the positional-encoding table is the sinusoidal formula; rows and detail."""

from __future__ import annotations

import numpy as np
from textual.widgets import Static

from nntui.games.ref.sequence import SequenceView, pe_text
from nntui.games.ref.sequence_model import PE_DIM, PE_POSITIONS, pe_table
from nntui.widgets.ref_table import FilterTable


def test_pe_table_is_the_sinusoidal_formula():
    pe = pe_table()
    assert pe.shape == (PE_POSITIONS, PE_DIM)
    for p in range(PE_POSITIONS):
        for i in range(PE_DIM // 2):
            angle = p / 10000 ** (2 * i / PE_DIM)
            assert np.isclose(pe[p, 2 * i], np.sin(angle))
            assert np.isclose(pe[p, 2 * i + 1], np.cos(angle))
    lines = str(pe_text()).splitlines()
    assert lines[2].split()[-4] == "+0.841"  # sin(1) at position 1


async def test_the_positional_encoding_row_shows_the_computed_table(opened):
    async with opened("ref.sequence") as (app, pilot, view):
        assert isinstance(view, SequenceView)
        table = view.query_one(FilterTable)
        assert "pe" in table.visible_keys and "pointer" in table.visible_keys
        table.move_to("pe")
        await pilot.pause()
        assert "+0.841" in str(view.query_one("#ref-detail", Static).render())
        await pilot.press("slash", *"gate")
        await pilot.pause()
        assert set(table.visible_keys) == {"lstm", "gru"}
