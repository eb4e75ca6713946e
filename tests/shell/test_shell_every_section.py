"""Every ready section opens at 80×24, shows its own view, and its help names it and its keys.

One app per level visits each of the level's sections in turn (booting an app per section would
cost the suite a second each). The help text is checked as the help screen builds it, without
pushing the screen each time; `?` itself is tested in tests/shell/test_shell_navigation.py.
Rendering without colour is checked on the renderers themselves (tests/widgets).
"""

from __future__ import annotations

import pytest

from nntui import sections
from nntui.screens.help import section_keys_markdown

READY = [s for s in sections.SECTIONS if s.ready]
LEVELS_WITH_READY = sorted({s.level for s in READY}, key=list(sections.LEVEL_BY_ID).index)


@pytest.mark.parametrize("level", LEVELS_WITH_READY)
async def test_every_ready_section_of_the_level_opens_at_design_size(level, make_app):
    ready = [s for s in READY if s.level == level]
    app = make_app(ready[0].id)
    async with app.run_test(size=(80, 24)) as pilot:
        for section in ready:
            app.open_section(section.id)
            view = app.screen.view
            for _ in range(50):  # mounting and layout take a few message rounds, more under load
                await pilot.pause()
                if view.is_mounted and view.region.width:
                    break
            assert type(view) is sections.load_view(section), section.id
            assert view.is_mounted and view.region.width >= 70  # the rail folded away at 80 columns
            assert app.store.last_visited() == section.id
            help_text = section_keys_markdown(view)
            assert f"This section: {section.title}" in help_text, section.id
            assert view.HELP.strip() and "| key | does |" in help_text, section.id


def test_there_are_ready_sections():
    assert len(READY) == len(sections.SECTIONS) == 70  # the whole course is built
