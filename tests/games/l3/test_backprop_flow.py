"""Tests for backprop, step by step: model and Pilot."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.games.l3.backprop_flow_model import (
    STAGES,
    WEIGHTS,
    BackpropFlow,
    agreeing_digits,
    weight_name,
)


@pytest.mark.parametrize("seed", [3, 4, 5])
def test_gradient_check_agrees_to_at_least_five_significant_digits_for_every_weight(seed):
    flow = BackpropFlow(seed)
    for weight in WEIGHTS:
        analytic, numeric = flow.analytic(weight), flow.numeric(weight)
        assert abs(analytic) > 1e-4  # a real gradient, not two zeros agreeing
        assert agreeing_digits(analytic, numeric) >= 5, weight
        assert analytic == pytest.approx(numeric, rel=1e-5)


def test_the_chain_of_factors_multiplies_to_the_engines_gradient():
    flow = BackpropFlow()
    for weight in WEIGHTS:
        assert flow.chain_product(weight) == pytest.approx(flow.analytic(weight), rel=1e-12)
    assert len(flow.chain((0, 1, 0))) == 5 and len(flow.chain((1, 0, 0))) == 3


def test_deltas_follow_the_recursion_and_give_every_gradient():
    flow = BackpropFlow()
    delta_hidden, delta_out = flow.deltas
    zs, acts = flow.trace
    sig = 1.0 / (1.0 + np.exp(-zs[0][0]))
    np.testing.assert_allclose(delta_hidden, (delta_out @ flow.net.weights[1].T) * sig * (1 - sig))
    grads = flow.gradients
    np.testing.assert_allclose(grads[0], np.outer(acts[0][0], delta_hidden))
    np.testing.assert_allclose(grads[2], np.outer(acts[1][0], delta_out))
    np.testing.assert_allclose(grads[1], delta_hidden)


def test_numeric_check_leaves_the_weights_untouched_and_stages_wrap():
    flow = BackpropFlow()
    before = [w.copy() for w in flow.net.weights]
    flow.numeric((0, 0, 1))
    for old, new in zip(before, flow.net.weights):
        np.testing.assert_array_equal(old, new)
    for _ in range(len(STAGES) - 1):
        flow.step()
    assert flow.finished
    flow.step()
    assert flow.stage == 0


def test_weight_names_and_paths():
    flow = BackpropFlow()
    assert weight_name((0, 0, 1)) == "w⁽¹⁾₁₂" and weight_name((1, 1, 0)) == "w⁽²⁾₂₁"
    flow.weight_index = WEIGHTS.index((0, 1, 0))
    assert flow.path() == [(0, 1), (1, 0), (2, 0)]
    assert agreeing_digits(1.0, 1.0 + 1e-7) == 7
    assert agreeing_digits(0.0753869, 0.0753871) == 5


async def test_backprop_flow_keys_step_forward_and_backward_to_the_check(opened):
    async with opened("l3.backprop-flow") as (app, pilot, view):
        chain = view.query_one("#bf-chain")
        assert "? × ? × ? × ? × ?" in str(chain.render())
        await pilot.press("space", "space", "space", "space")  # inputs → … → δ out
        assert view.flow.stage == 4
        assert "(−1.228) × 0.237 × ? × ? × ?" in str(chain.render())
        await pilot.press("right")  # the next weight: w⁽¹⁾₁₂
        assert "w⁽¹⁾₁₂" in str(chain.render())
        assert "l3.backprop-flow" not in app.store.completed_sections()
        await pilot.press("enter")
        check = str(view.query_one("#bf-check").render())
        assert "✓ they agree to" in check
        assert "l3.backprop-flow" in app.store.completed_sections()
        nodes, edges = view.query_one("#bf-net").highlighted
        assert nodes == {(0, 0), (1, 1), (2, 0)} and (0, 0, 1) in edges
