"""Tests for softmax meets cross-entropy: model and Pilot."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.engine.activations import softmax
from nntui.engine.losses import ce
from nntui.games.l3.softmax_grad_model import SoftmaxGrad


@pytest.mark.parametrize("true_class", range(4))
def test_p_minus_y_is_the_engines_cross_entropy_gradient(true_class):
    model = SoftmaxGrad()
    model.choose_true(true_class)
    p = softmax(model.logits)
    y = np.eye(4)[true_class]
    np.testing.assert_allclose(model.gradient, p - y, atol=1e-15)
    np.testing.assert_allclose(model.gradient, ce(model.logits[None, :], [true_class])[1][0])


def test_p_minus_y_matches_central_differences_of_the_loss():
    model = SoftmaxGrad()
    h = 1e-6
    numeric = []
    for i in range(4):
        dz = np.zeros(4)
        dz[i] = h
        numeric.append((ce(model.logits + dz, model.true_class)[0]
                        - ce(model.logits - dz, model.true_class)[0]) / (2 * h))
    np.testing.assert_allclose(model.gradient, numeric, rtol=1e-6)


def test_gradient_signs_sum_and_one_step_lowers_the_loss():
    model = SoftmaxGrad()
    g = model.gradient
    assert g[model.true_class] < 0 and np.all(np.delete(g, model.true_class) > 0)
    assert g.sum() == pytest.approx(0.0, abs=1e-15)
    p_true, loss = model.probabilities[model.true_class], model.loss
    after = model.probabilities_after
    model.take_step()
    np.testing.assert_allclose(model.probabilities, after)
    assert model.probabilities[model.true_class] > p_true and model.loss < loss
    assert model.steps_taken == 1


def test_a_sure_right_head_gets_almost_no_gradient_and_a_sure_wrong_one_a_large_one():
    model = SoftmaxGrad()
    model.logits = np.array([8.0, -8.0, -8.0, -8.0])
    model.choose_true(0)
    assert np.abs(model.gradient).max() < 1e-3
    model.choose_true(1)
    assert model.gradient[0] > 0.99 and model.gradient[1] < -0.99


async def test_softmax_grad_keys_choose_the_class_and_take_a_step(opened):
    async with opened("l3.softmax-grad") as (app, pilot, view):
        await pilot.press("1")
        assert view.model.true_class == 0
        table = str(view.query_one("#sg-table").render())
        assert "cat★" in table and "−0.391" in table
        assert "l3.softmax-grad" not in app.store.completed_sections()
        before = view.model.loss
        await pilot.press("enter")
        assert view.model.steps_taken == 1 and view.model.loss < before
        assert "l3.softmax-grad" in app.store.completed_sections()
        assert "steps 1" in str(view.query_one("#sg-status").render())
