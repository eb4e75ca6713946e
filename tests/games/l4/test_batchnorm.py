"""Batch normalization: the normalized batch has mean 0 and variance 1, then β and γ²."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.games.l4.batchnorm_model import BATCH, BatchNorm, histogram


def test_every_batch_normalizes_to_mean_0_variance_1():
    model = BatchNorm()
    means = []
    for _ in range(12):
        assert model.mu == pytest.approx(model.x.mean())
        assert model.var == pytest.approx(model.x.var())
        assert model.y.mean() == pytest.approx(0.0, abs=1e-12)
        assert model.y.var() == pytest.approx(model.var / (model.var + model.eps))
        assert model.y.var() == pytest.approx(1.0, abs=1e-4)  # 1 − ε/(σ²_B + ε)
        means.append(model.mu)
        model.next_batch()
    assert max(means) - min(means) > 3.0  # the raw batches really drift


def test_gamma_and_beta_set_the_spread_and_the_centre():
    model = BatchNorm()
    model.set_gamma(2.0)
    model.set_beta(-1.5)
    assert model.y.mean() == pytest.approx(-1.5)
    assert model.y.var() == pytest.approx(4.0, abs=1e-4)
    assert np.allclose(model.y, 2.0 * model.x_hat - 1.5)


def test_histogram_keeps_every_value():
    assert histogram(np.array([-100.0, 0.0, 100.0]), -1, 1, 4).sum() == 3
    assert histogram(BatchNorm().x, -6, 14, 30).sum() == BATCH


async def test_keys_change_gamma_beta_and_batches(opened):
    async with opened("l4.batchnorm") as (app, pilot, view):
        await pilot.press("right", "right", "up", "s")
        m = view.model
        assert (m.gamma, m.beta, m.batch_index) == (1.2, 0.25, 1)
        assert m.y.mean() == pytest.approx(0.25)
        await pilot.pause()
        assert "l4.batchnorm" in app.store.completed_sections()
        await pilot.press("r")
        assert (m.gamma, m.beta, m.batch_index) == (1.0, 0.0, 0)
