"""A tiny GAN: the generator's samples move to the real data; the section's keys train it."""

import numpy as np
import pytest

from nntui.games.l4.gan import STEPS_PER_CHUNK, GanView
from nntui.games.l4.gan_model import X_RANGE, TinyGan


def test_the_generator_mean_moves_toward_the_real_mean():
    model = TinyGan(max_steps=300)
    before = abs(model.gen_mean - model.gan.real_mean)
    model.train(1000)  # capped at the budget
    assert model.steps == 300 and model.done
    after = abs(model.gen_mean - model.gan.real_mean)
    assert before > 2.5 and after < 0.5 and model.close


def test_histogram_and_real_density_share_units():
    model = TinyGan()
    centres, density = model.histogram(40)
    width = (X_RANGE[1] - X_RANGE[0]) / 40
    inside = np.mean((model.samples() >= X_RANGE[0]) & (model.samples() <= X_RANGE[1]))
    assert np.sum(density) * width == pytest.approx(inside)
    xs = np.linspace(-20, 26, 20001)
    assert np.trapezoid(model.real_density(xs), xs) == pytest.approx(1.0)
    assert np.all((model.d_curve(centres) > 0) & (model.d_curve(centres) < 1))


async def test_step_trains_in_the_worker_and_reset_starts_again(opened, monkeypatch):
    monkeypatch.setattr(GanView, "max_steps", 2 * STEPS_PER_CHUNK)
    async with opened("l4.gan") as (app, pilot, view):
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.model.steps == STEPS_PER_CHUNK
        assert f"step {STEPS_PER_CHUNK}/" in str(view.status())
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.model.done and not view.playing
        await pilot.press("r")
        assert view.model.steps == 0
