"""Opening a section is not doing it: walking through Level 1 with n completes nothing."""

from __future__ import annotations

from nntui import sections


async def test_pressing_n_through_level_1_fills_no_progress(make_app):
    level1 = [s.id for s in sections.in_level("l1")]
    app = make_app(level1[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in level1[1:]:
            await pilot.press("n")
            await pilot.pause()
        assert app.screen.current == level1[-1]
        assert app.store.completed_sections() & set(level1) == set()
