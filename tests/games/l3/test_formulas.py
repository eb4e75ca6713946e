"""Tests for the formulas: the calculators and Pilot."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nntui.engine.mlp import MLP
from nntui.games.l3.formulas_model import CARDS, Formulas, chain_factors, recursion, updated


def card_values(key: str) -> dict[str, float]:
    formulas = Formulas()
    formulas.open([c.key for c in CARDS].index(key))
    return formulas.current


def test_forward_card_is_sigmoid_of_the_weighted_sum():
    f = Formulas()
    f.nudge(1)  # x₁ 0.5 → 0.75
    v = f.current
    z = 0.75 * 0.8 + (-1.0) * 0.3 + 0.1
    assert f.live() == f"z = 0.75·0.80 + (−1.00)·0.30 + 0.10 = {z:.3f}   a = σ(z) = " \
        f"{1 / (1 + math.exp(-z)):.3f}"
    assert v["x₁"] == 0.75


def test_loss_cards_compute_mse_and_bce():
    f = Formulas()
    f.open(1)
    assert f.live().endswith(f"= {((0.8 - 1) ** 2 + 0.4 ** 2) / 2:.4f}")
    f.open(2)
    assert f.live().endswith(f"L = {-math.log(0.7):.4f}")
    f.select(1)
    f.nudge(-1)  # y = 0: the other log counts
    assert "−log(1 − ŷ)" in f.live() and f.live().endswith(f"{-math.log(0.3):.4f}")


def test_chain_card_equals_a_finite_difference_of_the_loss():
    v = card_values("chain")
    a, b, c = chain_factors(v)

    def loss(w: float) -> float:
        return (1 / (1 + math.exp(-w * v["x"])) - v["y"]) ** 2

    h = 1e-6
    assert a * b * c == pytest.approx((loss(v["w"] + h) - loss(v["w"] - h)) / (2 * h), rel=1e-6)


def test_recursion_card_matches_the_engines_backprop():
    """The card's δ⁽ˡ⁾ equals the hidden δ (= ∂L/∂b⁽¹⁾) of the engine's MLP backward pass on a
    net built to have the card's numbers: z⁽¹⁾ = (0, 3), W⁽²⁾ = (1, −0.5)ᵀ."""
    net = MLP((1, 2, 1), hidden="sigmoid", output="linear", seed=0)
    net.params[0][:] = [[1.0, 1.0]]
    net.params[1][:] = [0.0, 3.0]  # hidden pre-activations z₁ = 0, z₂ = 3 for x = 0
    net.params[2][:] = [[1.0], [-0.5]]
    X, y = np.array([[0.0]]), np.array([[0.0]])
    _, grads = net.backward(X, y, loss="mse")
    delta_out = 2 * (net.forward(X)[0, 0] - 0.0)
    v = {"δ⁽ˡ⁺¹⁾": delta_out, "w₁": 1.0, "w₂": -0.5, "z₁": 0.0, "z₂": 3.0}
    np.testing.assert_allclose(recursion(v), grads[1])  # ∂L/∂b⁽¹⁾ = δ⁽¹⁾


def test_update_card_is_one_sgd_step_and_inputs_stay_in_range():
    v = card_values("update")
    assert updated(v) == pytest.approx(v["w"] - v["η"] * v["∂L/∂w"])
    f = Formulas()
    f.open(5)
    f.select(1)
    f.nudge(-100)
    assert f.current["η"] == 0.0 and f.live().endswith("= 0.800")


async def test_formulas_keys_open_cards_and_change_inputs(opened):
    async with opened("l3.formulas") as (app, pilot, view):
        await pilot.press("4")
        card = view.query_one("#fm-card-chain")
        assert card.display and not view.query_one("#fm-card-forward").display
        before = card.live_text
        await pilot.press("down", "right")  # x 1.5 → 1.75
        assert view.formulas.current["x"] == 1.75 and card.live_text != before
        assert "l3.formulas" not in app.store.completed_sections()
        await pilot.press("1", "2", "3", "5", "6")
        assert "l3.formulas" in app.store.completed_sections()
        assert "w ← 0.80 − 0.10 × 0.40 = 0.760" in view.query_one("#fm-card-update").live_text
