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


async def test_intro_pulses_flow_and_pause(opened):
    async with opened("l1.intro") as (app, pilot, v):
        assert v.timer is not None  # the pulses flow on their own
        await pilot.press("p")  # pause first, so the timer cannot beat between the lines below
        assert v.paused and v.timer is None
        v.pulses.lighting.reset()
        v.beat()
        assert v.pulses.lit_layers == 1
        v.beat()
        assert v.pulses.lit_layers == 2
        await pilot.press("p")
        assert not v.paused and v.timer is not None
        await pilot.press("question_mark")  # help covers the section: the pulses stop
        await pilot.pause()
        assert v.timer is None
        await pilot.press("escape")
        await pilot.pause()
        assert v.timer is not None
        await pilot.press("n")  # leaving the section unmounts it, timer and all
        await pilot.pause()
        assert not v.is_attached  # its timers die with it
        await pilot.press("b")
        await pilot.pause()
        v = app.screen.view
        assert v.timer is not None
        await pilot.press("p")
        assert v.paused and v.timer is None

