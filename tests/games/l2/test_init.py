"""Tests for init: model and Pilot."""

from __future__ import annotations

import pytest

SIZE = (80, 24)


async def test_init_calculator_recomputes_bounds(make_app):
    app = make_app("l2.init")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = app.screen.view
        await pilot.press("shift+right")                      # n_in 64 → 96
        assert v.n_in == 96
        assert v.values()["xavier_bound"] == pytest.approx((6 / (96 + 32)) ** 0.5)
        await pilot.press("down", "left")                     # n_out 32 → 31
        assert v.n_out == 31
        assert f"{(6 / 127) ** 0.5:.4f}" in str(app.screen.query_one("#init-calc").render())

