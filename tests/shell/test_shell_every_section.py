"""Every ready section opens at 80×24, in colour and with NO_COLOR, and its help lists its keys."""

from __future__ import annotations

import pytest

from nntui import sections
from nntui.screens.help import HelpScreen

READY = [s for s in sections.SECTIONS if s.status == "ready"]


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "no-color"])
@pytest.mark.parametrize("section", READY, ids=[s.id for s in READY])
async def test_section_opens_at_design_size(section, no_color, make_app, monkeypatch):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(section.id)
    assert app.no_color is no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.screen.view
        assert type(view) is sections.load_view(section)
        assert view.is_mounted and view.region.width >= 70  # the rail folded away at 80 columns
        assert app.store.last_visited() == section.id
        typing_free_text = section.id == "l4.lock-it-in"  # "?" is a character there
        await pilot.press("f1" if typing_free_text else "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert f"This section: {section.title}" in app.screen.query_one("Markdown").source
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.view is view


def test_there_are_ready_sections():
    assert len(READY) >= 23  # levels 1 and 2 complete, plus the quizzes
