"""Variational autoencoder: codes follow z = μ + k·σ⊙ε; keys scale and re-draw the noise."""

import numpy as np

from nntui.games.l4.vae import VaeView
from nntui.games.l4.vae_model import VaeLab


def test_codes_are_mean_plus_scaled_sigma_times_eps():
    model = VaeLab(max_steps=100)
    model.train(100)
    mu, sigma, z = model.codes()
    assert np.allclose(z, mu + sigma * model.eps)
    model.turn_sigma(-10)  # down to k = 0: every code is its mean
    assert model.sigma_scale == 0.0 and np.allclose(model.codes()[2], mu)
    model.turn_sigma(100)
    assert model.sigma_scale == 3.0


def test_resampling_moves_the_codes_but_not_their_mean_and_sigma():
    model = VaeLab()
    mu, sigma, z = model.codes()
    model.resample()
    mu2, sigma2, z2 = model.codes()
    assert np.array_equal(mu, mu2) and np.array_equal(sigma, sigma2)
    assert not np.allclose(z, z2) and model.resamples == 1


def test_training_lowers_reconstruction_and_more_noise_costs_reconstruction():
    model = VaeLab(max_steps=300)
    recon0, _ = model.terms()
    model.train(300)
    recon, kl = model.terms()
    assert recon < recon0 / 10 and kl > 0
    model.turn_sigma(6)  # k = 2.5: codes sampled wider than the training noise
    assert model.terms()[0] > recon


async def test_keys_scale_sigma_resample_and_train(opened, monkeypatch):
    monkeypatch.setattr(VaeView, "max_steps", 10)
    async with opened("l4.vae") as (app, pilot, view):
        await pilot.press("left")
        assert view.model.sigma_scale == 0.75
        assert "k = 0.75" in str(view.status())
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.model.steps == 5
        before = view.model.codes()[2]
        await pilot.press("e")
        assert not np.allclose(before, view.model.codes()[2])
        assert "l4.vae" in app.store.completed_sections()
