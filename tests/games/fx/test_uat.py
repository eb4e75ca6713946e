"""fx.uat: one hidden layer fits a 1-D function better with more units; depth beats width."""

from __future__ import annotations

import numpy as np

from nntui.games.fx.uat import derivation_lines
from nntui.games.fx.uat_model import compute, depth, error_curve, fit
from nntui.widgets.derivation import LINE_WIDTH


def test_error_falls_with_units_and_a_continuous_target_is_fitted_closely():
    units, errors = error_curve("wave")
    assert np.all(np.diff(errors) <= 1e-12)  # a wider net contains the narrower one
    assert errors[0] > 0.5 and fit("wave", 64).error < 1e-3
    assert fit("sin", 32).error < 0.001
    assert fit("step", 64).error > 0.05  # not continuous: the theorem does not cover it


def test_k_layers_of_two_relus_draw_the_sawtooth_that_one_layer_cannot():
    for k in (2, 4):
        d = depth(k)
        assert d.deep_units == 2 * k and d.deep_error < 1e-9
        assert d.shallow_units_needed == 2 ** k >= 2 ** k - 1
    assert depth(4).shallow_error > 0.2  # 8 units in one layer: far off


def test_derivation_fits_80_columns_and_quotes_the_fit():
    state = compute("step", 64, 5)
    lines = derivation_lines(state)
    assert max(len(line) for line in lines) <= LINE_WIDTH
    assert any(f"RMS {state.fit.error:.3g}" in line for line in lines)


async def test_units_key_refits_and_redraws(opened):
    async with opened("fx.uat") as (app, pilot, view):
        await app.workers.wait_for_complete()
        await pilot.pause()
        before = view.state.fit.error
        await pilot.press("shift+right")  # 8 → 16 units
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.units == 16 and view.state.fit.error < before
        chart = app.screen.query_one("#ua-fit")
        assert chart.series["fit"][1] == view.state.fit.fit.tolist()
        readout = str(app.screen.query_one("#ua-readout").render())
        assert f"16 tanh units: RMS error {view.state.fit.error:.3g}" in readout
        assert "needs 16" in readout
        await pilot.press("s", "s", "s", "b")
        assert view.derivation.step == 2
