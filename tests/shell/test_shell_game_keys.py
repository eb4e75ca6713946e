"""Each Level 1 game names its keys in the Footer at 80 columns, and the help lists the rest."""

from __future__ import annotations

SIZE = (80, 24)


def footer_keys(app, palette: bool = True) -> dict[str, str]:
    """The Footer entries that are fully on screen: description → key shown."""
    from textual.widgets._footer import FooterKey

    right = app.size.width - (12 if palette else 0)  # "^p palette" takes the last 12 columns
    return {k.description: k.key_display for k in app.screen.query(FooterKey)
            if k.description and k.region.width and k.region.right <= right}


# Level 1's games, in course order, and the keys each must show in the Footer
GAME_KEYS = {
    "l1.intro": {"play", "step", "reset", "more"},
    "l1.light-network": {"adjust", "flip x₁", "flip x₂", "check"},
    "l1.perceptron": {"adjust", "more"},
    "l1.tune-neuron": {"adjust", "gate", "reset"},
    "l1.perceptron-rule": {"gate", "step", "epoch", "play", "reset"},
    "l1.activation-lab": {"curve", "reset w, b"},
    "l1.worked-neuron": {"adjust", "example"},
    "l1.numbers-flowing": {"adjust", "play", "step", "reset"},
    "l1.history": {"earlier / later"},
}
# The slider keys the Footer has no room for, which the help must list (on l1.light-network)
HELP_ROWS = ("`←→` / `h/l` | adjust", "`shift+←→` / `H/L` | adjust in big steps",
             "`home/end` | lowest / highest value", "`enter` | check",
             "`1` | flip x₁", "`2` | flip x₂")


async def test_footer_shows_the_game_keys_at_80_columns_and_help_lists_the_rest(make_app):
    """One learner goes through Level 1's games; in each, with a slider focused, the Footer
    shows the game's keys; the help lists the slider keys the Footer leaves out."""
    from nntui.screens.help import section_keys_markdown

    ids = list(GAME_KEYS)
    app = make_app(ids[0])
    async with app.run_test(size=SIZE) as pilot:
        for index, section in enumerate(ids):
            if index:  # the first one is open since the launch
                app.open_section(section)
            for _ in range(50):  # mounting, layout and focus take a few message rounds
                await pilot.pause()
                view, focused = app.screen.view, app.focused
                if view is not None and focused is not None and view in focused.ancestors_with_self:
                    break
            assert app.screen.current == section
            await pilot.press("down")  # a slider has the focus
            await pilot.pause()
            shown = footer_keys(app, palette=False)
            assert GAME_KEYS[section] | {"next", "Help"} <= set(shown), (section, shown)
            if section == "l1.light-network":
                keys = section_keys_markdown(app.screen.view)
                for row in HELP_ROWS:
                    assert row in keys
                assert keys.count("| adjust |") == 1  # keys that do the same share one row
