"""Tests for shell game keys: model and Pilot."""

from __future__ import annotations

import pytest

SIZE = (80, 24)


def footer_keys(app, palette: bool = True) -> dict[str, str]:
    """The Footer entries that are fully on screen: description → key shown."""
    from textual.widgets._footer import FooterKey

    right = app.size.width - (12 if palette else 0)  # "^p palette" takes the last 12 columns
    return {k.description: k.key_display for k in app.screen.query(FooterKey)
            if k.description and k.region.width and k.region.right <= right}


@pytest.mark.parametrize("section, wanted", [
    ("l1.intro", {"play", "step", "reset", "more"}),
    ("l1.light-network", {"adjust", "flip x₁", "flip x₂", "check"}),
    ("l1.perceptron", {"adjust", "more"}),
    ("l1.tune-neuron", {"adjust", "gate", "reset"}),
    ("l1.perceptron-rule", {"gate", "step", "epoch", "play", "reset"}),
    ("l1.activation-lab", {"curve", "reset w, b"}),
    ("l1.worked-neuron", {"adjust", "example"}),
    ("l1.numbers-flowing", {"adjust", "play", "step", "reset"}),
    ("l1.history", {"earlier / later"}),
])
async def test_footer_shows_the_game_keys_at_80_columns(make_app, section, wanted):
    app = make_app(section)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down")  # a slider has the focus
        await pilot.pause()
        shown = footer_keys(app, palette=False)
        assert wanted | {"next", "Help"} <= set(shown), shown


async def test_help_lists_the_slider_keys_the_footer_leaves_out(make_app):
    from nntui.screens.help import section_keys_markdown

    app = make_app("l1.light-network")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = section_keys_markdown(app.screen.view)
        for row in ("`←→` / `h/l` | adjust", "`shift+←→` / `H/L` | adjust in big steps",
                    "`home/end` | lowest / highest value", "`enter` | check",
                    "`1` | flip x₁", "`2` | flip x₂"):
            assert row in keys
        assert keys.count("| adjust |") == 1  # keys that do the same share one row

