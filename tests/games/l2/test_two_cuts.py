"""Tests for two cuts: model and Pilot."""

from __future__ import annotations

SIZE = (80, 24)


async def test_two_cuts_table_follows_sharpness(make_app):
    app = make_app("l2.two-cuts")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = app.screen.view
        sharp = v.values()["worst"]
        await pilot.press("shift+left")                      # k 10 → 5
        assert v.k == 5
        assert v.values()["worst"] > sharp
        _, out = v.trace()
        assert list(out >= 0.5) == [False, True, True, False]
        table = str(app.screen.query_one("#tc-table").render())
        assert "H1 = σ(5·x₁ + 5·x₂ − 2.5)" in table and "ŷ = σ(5·H1 − 5·H2 − 2.5)" in table
        assert "-" not in table                               # true minus signs only
        assert v.values()["min_k"] == 3                        # k = 2 loses rows 01 and 10
        await pilot.press("shift+left", "right")               # k 5 → 1 → 2
        assert v.k == 2 and str(app.screen.query_one("#tc-table").render()).count("✗") == 2
        lesson = app.screen.query_one("#lesson-text")._markdown
        assert "below k = 3" in lesson and "σ(2·x₁ + 2·x₂ − 1)" in lesson

