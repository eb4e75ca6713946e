"""Model capacity: the U-shaped validation error on the default data, and the section's keys."""

from __future__ import annotations

import numpy as np

from nntui.games.l4.capacity_model import Capacity


def test_validation_error_is_u_shaped_over_capacity():
    curve = Capacity().curve
    val = curve.val_error
    best = int(np.argmin(val))
    assert 0 < best < len(val) - 1
    # falls (on the whole) into the best degree, climbs (on the whole) after it
    assert val[0] > 5 * val[best] and val[-1] > 5 * val[best]
    assert np.all(np.diff(val[:best + 1]) < 0.01) and val[-1] > val[best + 3] > val[best]
    # the training error only falls
    assert np.all(np.diff(curve.train_error) <= 1e-12)


def test_verdicts_name_both_ends_and_the_best():
    model = Capacity(degree=0)
    assert model.verdict == "underfit"
    model.turn(model.curve.best)
    assert model.verdict == "best" and model.val_error == model.curve.val_error.min()
    model.turn(100)
    assert model.degree == 15 and model.verdict == "overfit"
    assert model.explored


def test_the_fitted_curve_goes_through_the_training_points_at_high_degree():
    model = Capacity(degree=15)
    assert model.train_error < 0.01 < model.val_error


async def test_keys_change_degree_and_complete(opened):
    async with opened("l4.capacity") as (app, pilot, view):
        assert view.model.degree == 1
        await pilot.press("left")  # degree 0: underfit
        best = view.model.curve.best
        await pilot.press(*["right"] * best, "shift+right", "shift+right")
        assert view.model.degree == 15  # capped at the top
        await pilot.pause()
        assert "l4.capacity" in app.store.completed_sections()
