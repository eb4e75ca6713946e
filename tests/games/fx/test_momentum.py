"""fx.momentum: the damped-system bound and rate against real runs; Adam, AdamW, Lion computed."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nntui.engine import theory
from nntui.games.fx.momentum import derivation_lines
from nntui.games.fx.momentum_model import (MomentumLab, decay_race, lion_first_step,
                                           nesterov_limit)
from nntui.widgets.derivation import LINE_WIDTH


@pytest.mark.parametrize("kappa", [4.0, 10.0, 100.0])
def test_polyak_optimum_rate_is_the_square_root_rate_and_a_real_run_reaches_it(kappa):
    m = MomentumLab(kappa)
    m.set_optimum()
    root = math.sqrt(kappa)
    assert m.optimum.rate == pytest.approx((root - 1) / (root + 1))
    assert m.predicted == pytest.approx(m.optimum.rate, rel=1e-6)
    assert theory.measured_rate(m.heavy_ball()) == pytest.approx(m.optimum.rate, rel=0.05)
    assert m.optimum.rate < theory.gd_rate(kappa)


@pytest.mark.parametrize("beta", [0.0, 0.5, 0.9])
def test_heavy_ball_converges_exactly_below_2_plus_2_beta(beta):
    limit = 2.0 + 2.0 * beta
    inside, outside = MomentumLab(10.0, beta, limit - 0.05), MomentumLab(10.0, beta, limit + 0.05)
    assert inside.converges and inside.predicted < 1
    assert theory.measured_rate(inside.heavy_ball()) < 1
    assert not outside.converges and outside.predicted > 1
    assert theory.measured_rate(outside.heavy_ball()) > 1


@pytest.mark.parametrize("scaled_step, beta", [(0.5, 0.5), (1.0, 0.9), (3.5, 0.8)])
def test_predicted_heavy_ball_and_nesterov_rates_match_the_runs(scaled_step, beta):
    m = MomentumLab(10.0, beta, scaled_step, steps=200)
    assert theory.measured_rate(m.heavy_ball()) == pytest.approx(m.predicted, rel=0.05)
    assert theory.measured_rate(m.nesterov()) == pytest.approx(m.nesterov_predicted, rel=0.05)


def test_nesterov_stable_range_is_narrower():
    beta = 0.5
    assert nesterov_limit(beta) == pytest.approx(1.5)
    assert MomentumLab(10.0, beta, 1.45).nesterov_predicted < 1
    assert MomentumLab(10.0, beta, 1.55).nesterov_predicted > 1


def test_adam_first_step_is_3_2_times_too_large_without_correction():
    demo = theory.adam_bias_demo(1.0, steps=3)
    assert demo.step_raw[0] == pytest.approx(0.1 / math.sqrt(0.001))  # ≈ 3.16
    assert demo.step_corrected[0] == pytest.approx(1.0)


def test_adamw_pulls_every_weight_alike_while_l2_in_adam_does_not():
    race = decay_race()
    np.testing.assert_allclose(race.l2, race.l2_optimum, rtol=1e-4)  # λ inside g: c/(c + λ)
    assert race.l2[0] > 0.99 and race.l2[-1] < 0.1  # weak gradient, strong pull
    assert np.ptp(race.decoupled) < 1e-4  # AdamW: the same pull on every weight
    assert 0.98 < race.decoupled[0] < 1.0
    np.testing.assert_allclose(lion_first_step(), [0.01, 0.01, 0.01])


def test_derivation_fits_80_columns():
    m = MomentumLab(100.0, 0.99, 4.0)
    lines = derivation_lines(m, decay_race(), theory.adam_bias_demo(1.0), lion_first_step())
    assert max(len(line) for line in lines) <= LINE_WIDTH
    assert any("3.16" in line for line in lines)


async def test_optimum_key_and_sliders_move_prediction_and_measurement(opened):
    async with opened("fx.momentum") as (app, pilot, view):
        readout = app.screen.query_one("#mo-readout")
        await pilot.press("o")
        assert view.model.beta == pytest.approx(view.model.optimum.beta)
        assert f"predicted {view.model.optimum.rate:.4f}" in str(readout.render())
        await pilot.press("up", "right")  # β up one notch: prediction and run both move
        text = str(readout.render())
        assert f"predicted {view.model.predicted:.4f}" in text
        assert f"measured {theory.measured_rate(view.model.heavy_ball()):.4f}" in text
        await pilot.press("s", "s", "s", "b")
        assert view.derivation.step == 2
        assert "fx.momentum" not in app.store.completed_sections()
