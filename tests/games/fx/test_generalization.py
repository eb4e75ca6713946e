"""fx.generalization: double descent peaks at p = n; GD from zero finds the least-norm fit."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.games.fx.generalization import derivation_lines
from nntui.games.fx.generalization_model import curve, implicit_bias
from nntui.widgets.derivation import LINE_WIDTH


@pytest.mark.parametrize("n_train, noise", [(10, 1.0), (30, 0.2), (40, 0.5)])
def test_test_error_peaks_at_the_interpolation_threshold_and_descends_again(n_train, noise):
    dd = curve(n_train, noise)
    assert dd.peak == n_train  # p = n
    at_peak = dd.test_error.max()
    assert at_peak > 10 * dd.test_error[0]  # first descent, then the spike …
    assert dd.test_error[-1] < at_peak / 10  # … and the second descent
    # Clearly past the threshold every fit interpolates (right at it a ReLU feature that is zero
    # on every training point can leave one draw a little short).
    beyond = dd.feature_counts > 1.1 * n_train
    assert np.all(dd.train_error[beyond] < 1e-12)


def test_gradient_descent_from_zero_lands_on_the_least_norm_interpolant():
    b = implicit_bias()
    assert b.p > b.n
    assert b.from_zero == pytest.approx(b.min_norm) and b.from_zero_gap < 1e-8
    assert b.from_random > 1.3 * b.min_norm and b.from_random_fit < 1e-12


def test_derivation_fits_80_columns():
    lines = derivation_lines(curve(40, 0.5), implicit_bias())
    assert max(len(line) for line in lines) <= LINE_WIDTH
    assert any("peak at p = 40" in line for line in lines)


async def test_moving_n_moves_the_threshold_and_the_measured_peak(opened):
    async with opened("fx.generalization") as (app, pilot, view):
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.dd.peak == 40
        await pilot.press("left")  # n 40 → 30
        await app.workers.wait_for_complete()
        await pilot.pause()
        readout = str(app.screen.query_one("#ge-readout").render())
        assert "threshold p = n = 30" in readout and "peak at p = 30" in readout
        chart = app.screen.query_one("#ge-chart")
        assert chart.series["p = n"][0] == [1.0, 1.0] and chart.options["ylog"]
        await pilot.press("s", "s")
        assert view.derivation.step == 2
