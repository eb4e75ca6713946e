"""Every ready section opens at 80×24, shows its own view, and its help names it and its keys.

One app per level visits each of the level's sections in turn (booting an app per section would
cost the suite a second each). Levels 1 and 2 are walked the learner's way, with `n`, and that
walk must complete nothing: opening a section is not doing it. (Other levels are opened
directly: `n` would be typed into a section whose focus is a text field, e.g. the glossary's
search.) The help text is checked as the help screen builds it, without pushing the screen each
time; `?` itself is tested in tests/shell/test_shell_navigation.py. Rendering without colour is
checked on the renderers themselves (tests/widgets).
"""

from __future__ import annotations

import pytest

from nntui import sections
from nntui.screens.help import section_keys_markdown

READY = [s for s in sections.SECTIONS if s.ready]
LEVELS_WITH_READY = sorted({s.level for s in READY}, key=list(sections.LEVEL_BY_ID).index)
WALKED_WITH_N = {"l1", "l2"}


@pytest.mark.parametrize("level", LEVELS_WITH_READY)
async def test_every_ready_section_of_the_level_opens_at_design_size(
        level, make_app, small_background_training):
    ready = [s for s in READY if s.level == level]
    app = make_app(ready[0].id)
    async with app.run_test(size=(80, 24)) as pilot:
        for index, section in enumerate(ready):
            if index:  # the first one is open already, since the launch
                if level in WALKED_WITH_N:
                    await pilot.press("n")
                else:
                    app.open_section(section.id)
            for _ in range(50):  # mounting and layout take a few message rounds, more under load
                await pilot.pause()
                view = app.screen.view
                if view is not None and view.is_mounted and view.region.width:
                    break
            assert app.screen.current == section.id
            assert type(view) is sections.load_view(section), section.id
            assert view.is_mounted and view.region.width >= 70  # the rail folded away at 80 columns
            assert app.store.last_visited() == section.id
            help_text = section_keys_markdown(view)
            assert f"This section: {section.title}" in help_text, section.id
            assert view.HELP.strip() and "| key | does |" in help_text, section.id
        if level in WALKED_WITH_N:
            assert app.store.completed_sections() & {s.id for s in ready} == set()


def test_there_are_ready_sections():
    assert len(READY) == len(sections.SECTIONS) == 70  # the whole course is built
