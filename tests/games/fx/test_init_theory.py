"""fx.init-theory: activation std across 50 layers per init, theory against a real stack."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nntui.games.fx.init_theory import derivation_lines
from nntui.games.fx.init_theory_model import DEPTH, layer_factor, measure, theory_std
from nntui.widgets.derivation import LINE_WIDTH


def test_relu_stack_of_50_layers_collapses_with_xavier_and_holds_with_he():
    xavier, he = measure("relu", "xavier_normal"), measure("relu", "he_normal")
    assert len(he.std) == DEPTH == 50
    assert xavier.std[-1] < 1e-6 < 0.2 < he.std[-1] < 2.0  # the figure: std at layer 50
    # the theory's factor per layer: ½ for Xavier (g = 1), 1 for He (g = √2)
    assert layer_factor(1.0, "relu") == 0.5 and layer_factor(math.sqrt(2), "relu") == pytest.approx(1)
    predicted, measured = theory_std(1.0, "relu")[-1], xavier.pre_std[-1]
    assert abs(math.log10(measured / predicted)) < 1.0  # within a decade after 2⁻²⁴·⁵


def test_linear_stack_grows_as_the_theory_says():
    gain = 1.2
    measured = measure("linear", gain).pre_std
    predicted = theory_std(gain, "linear")
    assert predicted[-1] == pytest.approx(gain ** DEPTH)
    np.testing.assert_allclose(np.log10(measured), np.log10(predicted), atol=0.5)


def test_derivation_lines_fit_and_report_the_measurement():
    stats = {"Xavier": measure("relu", "xavier_normal"), "He": measure("relu", "he_normal")}
    lines = derivation_lines("relu", 1.0, stats)
    assert max(len(line) for line in lines) <= LINE_WIDTH
    assert "g²c = 0.500" in lines[4] and f"He std {stats['He'].std[-1]:.3g}" in lines[-1]


async def test_gain_key_moves_theory_and_measurement(opened):
    async with opened("fx.init-theory") as (app, pilot, view):
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.measured is not None
        await pilot.press("shift+right", "shift+right")  # g 1.0 → 1.5 (coarse 0.25)
        assert view.gain == 1.5
        await app.workers.wait_for_complete()
        await pilot.pause()
        readout = str(app.screen.query_one("#it-readout").render())
        assert f"= {theory_std(1.5, 'relu')[-1]:.3g}" in readout
        assert f"measured {view.measured['your g'].pre_std[-1]:.3g}" in readout
        chart = app.screen.query_one("#it-chart")
        assert set(chart.series) == {"theory (your g)", "Xavier", "He", "your g"}
        await pilot.press("s", "enter", "b")
        assert view.derivation.step == 1
