"""Home's periodic refresh redraws only when something it shows has changed."""

from __future__ import annotations

from textual.widgets import OptionList

from nntui.screens.home import HomeScreen


async def test_the_periodic_refresh_leaves_an_unchanged_map_alone_and_shows_a_change(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        rows = home.query_one("#map", OptionList)
        before = [rows.get_option_at_index(i) for i in range(rows.option_count)]

        home.refresh_due()  # what the 30-second timer calls
        await pilot.pause()
        assert [rows.get_option_at_index(i) for i in range(rows.option_count)] == before
        assert all(a is b for a, b in zip(before, (rows.get_option_at_index(i)
                                                   for i in range(rows.option_count))))

        app.store.record_completion("l1.intro")
        home.refresh_due()
        await pilot.pause()
        level_1 = str(rows.get_option("level:l1").prompt)
        assert " 1/" in level_1, level_1
