"""Pilot tests of the frame every section plugs into: home → level → section → back."""

from __future__ import annotations

from textual.widgets import OptionList

from nntui import sections
from nntui.screens.help import HelpScreen
from nntui.screens.home import HomeScreen, continue_target
from nntui.screens.level import LevelScreen
from nntui.widgets.section import PlannedView, SectionView

# The level these tests walk: its first sections are quick to open (Level 3's formulas, flow and
# race), so the frame is what the tests pay for.
LEVEL = sections.in_level("l3")


def rail_lines(screen: LevelScreen) -> list[str]:
    rail = screen.query_one("#rail", OptionList)
    return [str(rail.get_option_at_index(i).prompt) for i in range(rail.option_count)]


async def test_home_lists_every_level_with_its_completion(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)):
        assert isinstance(app.screen, HomeScreen)
        options = app.screen.query_one("#map", OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert ids == (["continue:l1.intro"] + [f"level:{lv.id}" for lv in sections.LEVELS]
                       + ["screen:progress", "screen:review"])
        beginner = str(options.get_option_at_index(1).prompt)
        assert "Beginner" in beginner and f"0/{len(sections.in_level('l1'))}" in beginner


async def test_home_to_level_to_section_and_back(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")  # Level 3
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LevelScreen) and screen.level.id == "l3"
        assert screen.current == LEVEL[0].id
        assert isinstance(screen.view, SectionView)
        assert app.store.last_visited() == LEVEL[0].id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # Home now offers to continue: the first unfinished section from the one visited
        first = app.screen.query_one("#map", OptionList).get_option_at_index(0)
        target = continue_target(set(), LEVEL[0].id)
        assert first.id == f"continue:{target.id}" and target.ready
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, LevelScreen) and app.screen.current == target.id


def test_continue_points_to_the_next_unfinished_section_and_into_level_2():
    level1 = [s.id for s in sections.in_level("l1") if s.ready]
    assert continue_target(set(), None).id == "l1.intro"
    assert continue_target(set(), "l1.perceptron").id == "l1.perceptron"  # not finished yet
    done = {"l1.intro", "l1.light-network", "l1.perceptron"}
    assert continue_target(done, "l1.perceptron").id == "l1.tune-neuron"  # not the one just done
    assert continue_target(set(level1), level1[-1]).id == "l2.layers"  # Level 1 done: Level 2
    assert continue_target(set(level1) - {"l1.intro"}, level1[-1]).id.startswith("l2.")
    everything = {s.id for s in sections.SECTIONS if s.ready}
    assert continue_target(everything, "l1.intro") is None


async def test_next_previous_and_open_section_keep_one_level_screen(make_app):
    app = make_app(LEVEL[0].id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.press("b")  # at the first already: stays, never wraps to the last
        assert screen.current == LEVEL[0].id
        await pilot.press("n")
        assert screen.current == LEVEL[1].id
        await pilot.press("n")
        assert screen.current == LEVEL[2].id
        await pilot.press("b")
        assert screen.current == LEVEL[1].id
        await pilot.press("b", "b")  # stops at the first
        assert screen.current == LEVEL[0].id
        assert app.screen is screen
        app.open_section(LEVEL[2].id)
        await pilot.pause()
        assert app.screen is screen and screen.current == LEVEL[2].id
        app.open_section("ref.glossary")  # another level: a new level screen, not a second one
        await pilot.pause()
        assert app.screen.level.id == "ref"
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["LevelScreen"]


async def test_rail_collapses_at_80_columns_and_f2_brings_it_back(make_app):
    app = make_app(LEVEL[0].id)
    async with app.run_test(size=(80, 24)) as pilot:
        rail = app.screen.query_one("#rail")
        assert app.screen.has_class("-narrow")
        assert rail.region.width == 0
        await pilot.press("f2")
        await pilot.pause()
        assert rail.region.width > 0 and rail.has_focus
        await pilot.press("down", "enter")  # pick the second section from the rail
        await pilot.pause()
        assert app.screen.current == LEVEL[1].id
        assert rail.region.width == 0  # choosing a section folds the rail away again


async def test_open_starts_at_the_section(make_app):
    app = make_app("l1.history")
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LevelScreen)
        assert app.screen.current == "l1.history"
        # home is built only when wanted, and escape from a section opened directly lands there
        assert not any(isinstance(s, HomeScreen) for s in app.screen_stack)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["HomeScreen"]


async def test_planned_section_is_honest(make_app, unbuilt):
    unbuilt("fx.uat")
    planned = next(s for s in sections.SECTIONS if s.status == "planned")
    app = make_app(planned.id)
    async with app.run_test(size=(80, 24)):
        view = app.screen.view
        assert isinstance(view, PlannedView)
        text = str(view.query_one("Static").render())
        assert "Planned" in text and planned.title in text


async def test_help_shows_keys_and_where_progress_lives(make_app, data_dir):
    app = make_app(LEVEL[0].id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        markdown = app.screen.query_one("Markdown")
        source = markdown.source
        assert "ctrl+p" in source and "`n` / `b`" in source
        assert str(data_dir / "progress.sqlite3") in source
        assert LEVEL[0].title in source
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LevelScreen)


async def test_palette_jumps_to_a_section_by_title(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"glossary")
        await app.workers.wait_for_complete()  # the palette searches in a worker
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LevelScreen)
        assert app.screen.current == "ref.glossary"


async def test_corrupt_progress_file_is_moved_aside_and_the_learner_told(make_app, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "progress.sqlite3").write_bytes(b"this is not a database" * 100)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        moved = list(data_dir.glob("progress.sqlite3.corrupt-*"))
        assert len(moved) == 1 and moved[0].read_bytes().startswith(b"this is not")
        toasts = [str(t.render()) for t in app.screen.query("Toast")]
        assert any(moved[0].name in text for text in toasts), toasts
        app.store.record_visit("l1.intro")  # and the fresh store works
        assert app.store.last_visited() == "l1.intro"


async def test_theme_option_sets_the_theme(data_dir):
    from nntui.app import NNTuiApp

    app = NNTuiApp(learner="test", data_dir=data_dir, theme="nord")
    async with app.run_test(size=(80, 24)):
        assert app.theme == "nord"


async def test_a_wide_terminal_shows_the_rail_with_progress_and_it_folds_when_narrowed(make_app):
    from nntui.screens.level import RAIL_BREAKPOINT

    app = make_app(LEVEL[1].id)
    app.store.record_completion(LEVEL[0].id)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = app.screen
        assert screen.has_class("-wide") and not screen.has_class("-narrow")
        assert screen.query_one("#rail").region.width >= 30
        lines = rail_lines(screen)
        assert lines[0].startswith("✓ ")  # completed, not current
        assert lines[1].startswith(" ▸")  # current, not completed
        assert lines[2].startswith("  ")
        assert f"1/{len(LEVEL)} complete" in screen.sub_title
        # A section that records its own completion updates the rail at once.
        screen.view.mark_complete()
        await pilot.pause()
        assert rail_lines(screen)[1].startswith("✓▸")
        assert f"2/{len(LEVEL)} complete" in screen.sub_title
        # The rail folds by Textual's breakpoints as the terminal resizes.
        await pilot.resize_terminal(RAIL_BREAKPOINT - 1, 30)
        await pilot.pause()
        assert screen.has_class("-narrow") and screen.query_one("#rail").region.width == 0
        await pilot.resize_terminal(RAIL_BREAKPOINT, 30)
        await pilot.pause()
        assert screen.has_class("-wide") and screen.query_one("#rail").region.width >= 30
