"""Tests for numbers flowing: model and Pilot."""

from __future__ import annotations

import numpy as np

from nntui.games.l1.numbers_flowing_model import NumbersFlowing
from nntui.widgets.slider import Slider

SIZE = (80, 24)


def test_numbers_flowing_values_equal_the_engine_forward_pass():
    flow = NumbersFlowing(1.0, 0.5)
    flow.set_input(1, -7)  # clamped, and the whole network lights at once
    assert flow.inputs == (1.0, -2.0) and flow.lighting.done
    expected = flow.model.forward(np.array([[1.0, -2.0]]))[0, 0]
    assert flow.lighting.value_of(2, 0) == expected == flow.output
    first = flow.step()  # after a full wave, a step starts the next one from dark
    assert flow.lighting.position == 1 and first.is_input


async def test_numbers_flowing_by_keys_relights_steps_and_matches_the_engine(opened):
    """One learner's session: read the weights, change an input, step a wave, play, pause."""
    async with opened("l1.numbers-flowing") as (app, pilot, v):
        # the text quotes the real first weight
        w = v.flow.model.weights[0][0, 0]
        shown = f"{w:+.2f}".replace("-", "−")
        assert f'"x₁→{shown}" in the first row' in v.query_one("LessonText").source
        assert f"x₁→{shown}" in str(v.query_one("#nf-weights").render()).splitlines()[0]

        # changing an input relights the network at once
        net = v.query_one("#nf-net")
        before = str(net.render())
        await pilot.press("r")  # lights off …
        assert v.flow.lighting.position == 0
        await pilot.press("right")  # … then x₁: 1.0 → 1.1 lights everything with new values
        await pilot.pause()
        light = v.flow.lighting
        assert light.done and v.flow.inputs == (1.1, 0.5)
        out = v.flow.model.forward(np.array([[1.1, 0.5]]))[0, 0]
        assert light.value_of(2, 0) == out and v.flow.output == out
        assert f"{out:.3f}" in str(v.query_one("#nf-now").render())
        after = str(net.render())
        assert after != before and f"{out:.2f}" in after
        assert "l1.numbers-flowing" not in app.store.completed_sections()  # not watched yet

        # the steps match the engine
        await pilot.press("left", "down", "shift+left")  # x₁ back to 1.0; x₂: 0.5 → −0.5
        await pilot.pause()
        assert v.flow.inputs == (1.0, -0.5)
        await pilot.press(*["s"] * 6)  # a step after a full wave starts a new one from dark
        assert light.done and light.position == 6
        out = v.flow.model.forward(np.array([[1.0, -0.5]]))[0, 0]
        assert light.value_of(2, 0) == out
        assert f"{out:.3f}" in str(v.query_one("#nf-now").render())
        diagram = str(v.query_one("#nf-net").render())  # one name per neuron: ŷ, not out[1]
        assert "◉" in diagram and "out[1]" not in diagram and "▲ +large" in diagram
        assert "l1.numbers-flowing" in app.store.completed_sections()
        await pilot.press("r")
        assert light.position == 0
        await pilot.press("p")
        assert v.playing and v.running
        v.section_hidden()
        assert v.playing and not v.running
        await pilot.press("s")  # stepping during play pauses, then steps once
        assert not v.playing and light.position == 1

        # a step right after an input change is kept
        v.query_one("#nf-x1", Slider).value = 0.5  # its Changed message is still queued…
        v.action_step()  # …when a quick s arrives: a new wave, first neuron lit
        assert v.flow.inputs == (1.0, 0.5) and v.flow.lighting.position == 1
        await pilot.pause()  # the late message must not switch the light off again
        assert v.flow.lighting.position == 1


def test_snap_numbers_flowing(snap_compare, make_app):
    assert snap_compare(make_app("l1.numbers-flowing"), terminal_size=SIZE,
                        press=["s", "s", "s", "s"])

