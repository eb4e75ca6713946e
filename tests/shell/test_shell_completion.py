"""Opening a section is not doing it: walking through a level with n completes nothing."""

from __future__ import annotations

import pytest

from nntui import sections


@pytest.mark.parametrize("level", ["l1", "l2"])
async def test_pressing_n_through_a_level_fills_no_progress(make_app, level):
    ids = [s.id for s in sections.in_level(level)]
    app = make_app(ids[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in ids[1:]:
            await pilot.press("n")
            await pilot.pause()
        assert app.screen.current == ids[-1]
        assert app.store.completed_sections() & set(ids) == set()


@pytest.mark.parametrize("section_id, keys", [
    ("l2.layers", ["up"]),             # resize the picked layer
    ("l2.linear-collapse", ["space"]),  # slip σ (tanh) between the layers
])
async def test_a_level_2_lesson_completes_when_its_control_is_used(opened, section_id, keys):
    async with opened(section_id) as (app, pilot, view):
        assert section_id not in app.store.completed_sections()
        await pilot.press(*keys)
        await pilot.pause()
        assert section_id in app.store.completed_sections()
