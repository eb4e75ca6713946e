"""Tests for intro: model and Pilot."""

from __future__ import annotations

from nntui.games.l1.intro_model import IntroPulses

SIZE = (80, 24)


def test_intro_pulses_light_layer_by_layer_then_start_again():
    pulses = IntroPulses()
    assert pulses.lit_layers == 0
    for expected in (1, 2, 3):
        pulses.beat()
        assert pulses.lit_layers == expected
    pulses.beat()
    assert pulses.lit_layers == 0 and pulses.waves == 1


async def test_intro_labels_play_pause_when_covered_and_scroll_under_the_diagram(opened):
    async with opened("l1.intro") as (app, pilot, v):
        diagram = v.query_one("#in-net")
        picture = str(diagram.render())
        assert picture.count("weights") >= 3  # both wire bundles and the line under them
        assert "inputs (3)" in picture and "neurons (4)" in picture and "outputs (2)" in picture
        assert "+strong" not in picture  # no legend to decode
        top = diagram.region.y
        assert "l1.intro" not in app.store.completed_sections()  # opening is not reading

        # the pulses play on the shared base and pause when covered
        assert v.playing and v.running  # the pulses flow on their own
        await pilot.press("p")  # pause first, so the timer cannot beat between the lines below
        assert not v.playing and not v.running
        await pilot.press("r")
        assert v.pulses.lit_layers == 0 and v.pulses.waves == 0
        await pilot.press("s")
        assert v.pulses.lit_layers == 1
        await pilot.press("s")
        assert v.pulses.lit_layers == 2
        assert "2/3 layers lit" in str(v.query_one("#in-caption").render())
        await pilot.press("p")
        assert v.running
        await pilot.press("question_mark")  # help covers the section: the pulses stop
        await pilot.pause()
        assert v.playing and not v.running
        await pilot.press("escape")
        await pilot.pause()
        assert v.running

        # the text scrolls under the diagram
        await pilot.press(*["pagedown"] * 10)
        await pilot.pause()
        assert v.query_one("ReadingPane").scroll_y > 0
        assert diagram.region.y == top and v.scroll_y == 0  # the picture stayed where it was
        assert "l1.intro" in app.store.completed_sections()  # the end of the text was reached

        await pilot.press("n")  # leaving the section unmounts it, timer and all
        await pilot.pause()
        assert not v.is_attached and not v.running
        await pilot.press("b")
        await pilot.pause()
        v = app.screen.view
        assert v.running
