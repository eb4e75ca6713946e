"""Tests for widget lighting: model and Pilot."""

from __future__ import annotations

import numpy as np

from nntui.engine.mlp import MLP
from nntui.widgets.lighting import Lighting, lighting_steps


def make():
    return MLP([2, 3, 1], hidden="sigmoid", output="sigmoid", seed=3)


def test_steps_follow_the_forward_trace():
    model = make()
    x = [0.5, -1.0]
    steps = lighting_steps(model, x)
    assert [(s.layer, s.neuron) for s in steps] == [(0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 0)]
    zs, acts = model.forward_trace(np.array([x]))
    assert [s.value for s in steps[2:5]] == list(acts[1][0])
    assert steps[-1].value == model.forward(np.array([x]))[0, 0]
    hidden = steps[3]
    assert hidden.z == zs[0][0, 1]
    assert np.isclose(sum(hidden.terms) + hidden.bias, hidden.z)
    assert hidden.weights == tuple(model.weights[0][:, 1])


def test_step_play_tick_and_reset():
    light = Lighting(make(), [1.0, 0.0], include_inputs=False)
    assert light.position == 0 and light.current is None and not light.is_lit(1, 0)
    first = light.step()
    assert (first.layer, first.neuron) == (1, 0) and light.value_of(1, 0) == first.value
    assert light.value_of(1, 1) is None
    assert [s.neuron for s in light.step_layer()] == [1, 2]
    assert light.layer_values(1) == [s.value for s in light.steps[:3]]
    light.play()
    assert light.tick().layer == 2
    assert light.done and not light.playing and light.tick() is None
    light.play()  # from the end, play starts over
    assert light.position == 0 and light.playing
    light.reset()
    assert light.position == 0 and not light.playing


def test_new_input_recomputes_and_turns_lights_off():
    model = make()
    light = Lighting(model, [0.0, 0.0])
    light.step()
    light.set_input([1.0, 1.0])
    assert light.position == 0
    assert np.allclose(light.output, model.forward(np.array([[1.0, 1.0]]))[0])
    model.params[0][:] = 0.0
    light.refresh()
    assert light.steps[2].value == 0.5  # σ(0) with zero weights and bias

