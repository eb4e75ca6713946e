"""Opening a section is not doing it; using its control is. (That walking through Levels 1 and 2
with n completes nothing is checked by the sweep, tests/shell/test_shell_every_section.py.)"""

from __future__ import annotations

LESSON_CONTROLS = [
    ("l2.layers", ["up"]),             # resize the picked layer
    ("l2.linear-collapse", ["space"]),  # slip σ (tanh) between the layers
]


async def test_a_level_2_lesson_completes_when_its_control_is_used(make_app):
    app = make_app(LESSON_CONTROLS[0][0])
    async with app.run_test(size=(80, 24)) as pilot:
        for index, (section_id, keys) in enumerate(LESSON_CONTROLS):
            if index:  # the first one is open since the launch
                app.open_section(section_id)
            for _ in range(50):  # mounting, layout and focus take a few message rounds
                await pilot.pause()
                view, focused = app.screen.view, app.focused
                if view is not None and focused is not None and view in focused.ancestors_with_self:
                    break
            assert section_id not in app.store.completed_sections()
            await pilot.press(*keys)
            await pilot.pause()
            assert section_id in app.store.completed_sections(), section_id
