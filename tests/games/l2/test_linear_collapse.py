"""Tests for linear collapse: model and Pilot."""

from __future__ import annotations

import pytest

from nntui.engine.mlp import grid_predict
from nntui.games.l2.linear_collapse import LIM, MIN_BEND, boundary_bend, shows_the_bend

SIZE = (80, 24)


async def test_linear_collapse_same_output_then_bends(make_app):
    app = make_app("l2.linear-collapse")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = app.screen.view
        x1, x2 = float(v.x[0]), float(v.x[1])
        await pilot.press("h", "k")                            # the inputs take hjkl too
        assert (float(v.x[0]), float(v.x[1])) == (x1 - 0.5, x2 + 0.5)
        values = v.values()
        assert values["two_layer"] == pytest.approx(values["one_layer"], abs=1e-12)
        await pilot.press("right", "up")
        values = v.values()
        assert values["two_layer"] == pytest.approx(values["one_layer"], abs=1e-12)
        assert values["with_sigma"] != pytest.approx(values["two_layer"], abs=1e-3)
        assert not v.sigma
        await pilot.press("space")
        assert v.sigma
        text = str(app.screen.query_one("#lc-maths").render())
        assert "with tanh between" in text and f"{values['one_layer']:+.4f}" in text
        assert "▶ with tanh" in text and "-" not in text       # true minus signs only
        first = v.seed
        assert boundary_bend(grid_predict(v.net, LIM, LIM, 40, 40)) > MIN_BEND
        assert boundary_bend(grid_predict(v.linear_net, LIM, LIM, 40, 40)) < 0.05
        await pilot.press("w")                                 # new weights that bend too
        assert v.seed > first and shows_the_bend(v.seed)
        assert boundary_bend(grid_predict(v.net, LIM, LIM, 40, 40)) > MIN_BEND
