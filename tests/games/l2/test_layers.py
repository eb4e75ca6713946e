"""Tests for layers: model and Pilot."""

from __future__ import annotations

SIZE = (80, 24)


async def test_layers_counter_edits_sizes(make_app):
    app = make_app("l2.layers")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = app.screen.view
        assert v.sizes == [4, 8, 6, 1] and v.total == 101
        await pilot.press("up", "up")                       # hidden layer 1: 8 → 10
        assert v.total == 4 * 10 + 10 + 10 * 6 + 6 + 7
        await pilot.press("a")                               # another hidden layer of 10
        assert v.sizes == [4, 10, 10, 6, 1]
        await pilot.press("x", "r")
        assert v.sizes == [4, 8, 6, 1]
        assert "101 parameters" in str(app.screen.query_one("#layers-counter").render())
        await pilot.press("pagedown", "pagedown")
        assert v.scroll_y > 0
        await pilot.press(*["shift+up"] * 30)                # hidden 8 → 308, counter in view
        assert v.scroll_y == 0
        counter = str(app.screen.query_one("#layers-counter").render())
        assert "hidden layer picked" in counter and "[308]" in counter
        assert f"= 1,540 + 1,854 + 7 = {4 * 308 + 308 + 308 * 6 + 6 + 7:,} parameters" in counter
        assert "l2.layers" in app.store.completed_sections()


async def test_every_arrow_game_takes_hjkl_too(make_app):
    """The shared axis keys: h/l and j/k do what ←/→ and ↓/↑ do, in every game that moves."""
    app = make_app("l2.layers")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = app.screen.view
        before = list(v.sizes)
        await pilot.press("k")  # ↑: the picked hidden layer grows by one
        assert v.sizes[v.picked] == before[v.picked] + 1
        await pilot.press("shift+up")  # grows by ten
        assert v.sizes[v.picked] == before[v.picked] + 11
        await pilot.press("j")
        assert v.sizes[v.picked] == before[v.picked] + 10
        picked = v.picked
        await pilot.press("l")
        assert v.picked == picked + 1

