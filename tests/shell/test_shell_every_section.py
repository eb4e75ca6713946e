"""Every ready section opens at 80×24, shows its own view, and its help lists its keys.

One app per level visits each of the level's sections in turn (booting an app per section would
cost the suite a second each). Rendering without colour is checked on the renderers themselves
(tests/widgets), not by booting every section twice.
"""

from __future__ import annotations

import pytest

from nntui import sections
from nntui.screens.help import HelpScreen

READY = [s for s in sections.SECTIONS if s.ready]
LEVELS_WITH_READY = sorted({s.level for s in READY}, key=list(sections.LEVEL_BY_ID).index)


@pytest.mark.parametrize("level", LEVELS_WITH_READY)
async def test_every_ready_section_of_the_level_opens_at_design_size(level, make_app):
    ready = [s for s in READY if s.level == level]
    app = make_app(ready[0].id)
    async with app.run_test(size=(80, 24)) as pilot:
        for section in ready:
            app.open_section(section.id)
            await pilot.pause()
            view = app.screen.view
            assert type(view) is sections.load_view(section), section.id
            assert view.is_mounted and view.region.width >= 70  # the rail folded away at 80 columns
            assert app.store.last_visited() == section.id
            # f1: "?" would be typed where a section opens with a text box (lock-it-in, the
            # glossary's search); "?" itself is tested in tests/shell/test_shell_navigation.py.
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen), section.id
            assert f"This section: {section.title}" in app.screen.query_one("Markdown").source
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen.view is view, section.id


def test_there_are_ready_sections():
    assert len(READY) >= 23  # levels 1 and 2 complete, plus the quizzes
