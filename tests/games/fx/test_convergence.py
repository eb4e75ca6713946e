"""fx.convergence: GD on a quadratic — the theory's figures, theory against a real run, keys."""

from __future__ import annotations

import pytest

from nntui.engine import theory
from nntui.games.fx.convergence import derivation_lines
from nntui.games.fx.convergence_model import Convergence, predicted_rate
from nntui.widgets.derivation import LINE_WIDTH


@pytest.mark.parametrize("kappa", [2.0, 10.0, 37.0, 100.0])
def test_measured_rate_at_the_optimal_step_is_within_5_percent_of_the_theory(kappa):
    m = Convergence(kappa, fraction=1.0)
    assert m.lr == pytest.approx(2.0 / (1.0 + kappa))  # α* = 2/(λ₁ + λₙ), λ₁ = 1, λₙ = κ
    assert m.optimal_rate == pytest.approx((kappa - 1.0) / (kappa + 1.0))
    assert m.measured() == pytest.approx(m.optimal_rate, rel=0.05)
    assert m.predicted == pytest.approx(m.optimal_rate)  # maxᵢ|1 − α*λᵢ| is the same figure


@pytest.mark.parametrize("fraction", [0.2, 0.6, 1.05])
def test_predicted_and_measured_rates_agree_away_from_the_optimum(fraction):
    m = Convergence(10.0, fraction)
    assert m.measured() == pytest.approx(m.predicted, rel=0.05)
    assert m.predicted > m.optimal_rate  # no other step beats α*


def test_converges_exactly_while_every_alpha_lambda_is_below_2():
    kappa = 20.0
    edge = 1.0 + 1.0 / kappa  # α/α* where αλₙ = 2
    inside, outside = Convergence(kappa, edge - 0.01), Convergence(kappa, edge + 0.01)
    assert inside.converges and inside.lr * kappa < 2
    assert not outside.converges and outside.lr * kappa > 2
    assert outside.measured() > 1.0 and predicted_rate(outside.lr, outside.eigs) > 1.0
    assert theory.gd_converges(0.5, [1.0, 3.9]) and not theory.gd_converges(0.5, [1.0, 4.1])


def test_derivation_lines_carry_the_live_numbers_and_fit_80_columns():
    lines = derivation_lines(Convergence(10.0, 0.5))
    assert any("0.1818" in line for line in lines) and any("0.8182" in line for line in lines)
    assert max(len(line) for line in lines) <= LINE_WIDTH


async def test_keys_move_the_rate_and_step_the_derivation(opened):
    async with opened("fx.convergence") as (app, pilot, view):
        readout = app.screen.query_one("#cv-readout")
        await pilot.press("o")
        assert view.model.fraction == 1.0
        assert "0.8182" in str(readout.render())  # κ = 10: (κ − 1)/(κ + 1) predicted …
        measured = view.model.measured()
        assert f"measured {measured:.4f}" in str(readout.render())
        chart = app.screen.query_one("#cv-chart")
        assert set(chart.series) == {"your α", "theory e₀ρᵗ", "α*"}
        await pilot.press("up", "shift+right")  # κ 10 → 20
        assert view.model.kappa == 20 and f"{theory.gd_rate(20):.4f}" in str(readout.render())
        await pilot.press("s", "s", "enter")
        assert view.derivation.step == 3
        await pilot.press("b")
        assert view.derivation.step == 2
        view.derivation.go_to(len(view.derivation.lines) - 2)
        await pilot.press("s")
        assert view.derivation.at_end
        assert "fx.convergence" in app.store.completed_sections()
