"""Tiny terminals: paging an option list that has no room must not crash (issue 11, item 0)."""

from __future__ import annotations

import pytest

from nntui.screens.home import HomeScreen
from nntui.screens.level import LevelScreen
from nntui.widgets.option_menu import OptionMenu


@pytest.mark.parametrize("size", [(40, 12), (20, 6)], ids=["40x12", "20x6"])
async def test_page_keys_on_every_option_list_in_a_tiny_terminal(make_app, size):
    app = make_app("l1.match-shape")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LevelScreen)
        await pilot.press("f2")  # the rail: the level screen's option list, focused
        await pilot.pause()
        assert isinstance(app.focused, OptionMenu)
        await pilot.press("pagedown", "pageup", "pagedown", "escape")
        await pilot.pause()
        await pilot.press("escape")  # home, whose map is the other option list
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert isinstance(app.focused, OptionMenu)
        await pilot.press("pagedown", "pageup", "pagedown", "pageup")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # still running, nothing opened


async def test_a_squeezed_reading_pane_settles_instead_of_redrawing_forever(make_app,
                                                                           monkeypatch):
    """With the rail open at 40 columns a reading pane is a few columns wide; its scrollbar
    used to switch on and off every frame (the text rewrapping each time), redrawing the screen
    60 times a second on an idle section."""
    from textual.screen import Screen

    layouts = []
    app = make_app("l1.history")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        refresh_layout = Screen._refresh_layout
        monkeypatch.setattr(Screen, "_refresh_layout",
                            lambda self, *a, **k: (layouts.append(1),
                                                   refresh_layout(self, *a, **k))[1])
        for _ in range(3):
            await pilot.pause(0.05)
        assert len(layouts) <= 1, f"{len(layouts)} layouts while the learner did nothing"


def test_every_option_list_in_the_app_is_a_guarded_option_menu():
    import ast
    from pathlib import Path

    import nntui

    root = Path(nntui.__file__).parent
    bare = []
    for path in root.rglob("*.py"):
        source = path.read_text()
        if "OptionList" not in source:  # no such call can be in it; parse only the rest
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "OptionList":
                bare.append(str(path.relative_to(root)))
    assert not bare, f"use OptionMenu (nntui/widgets/option_menu.py) in {bare}"


@pytest.mark.parametrize("size", [(60, 20), (80, 24)], ids=["60x20", "80x24"])
async def test_home_rows_never_wrap(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        rows = app.screen.query_one("#map", OptionMenu)
        assert rows.virtual_size.height == rows.option_count  # one line per row
        assert not rows.show_vertical_scrollbar
