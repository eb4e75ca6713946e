"""The VAE: reparameterised samples, the KL term, gradients against central differences."""

import numpy as np
import pytest

from nntui.engine.vae import VAE, kl_divergence, reconstruction, reparameterise, ring


def test_reparameterised_samples_have_the_stated_mean_and_std():
    rng = np.random.default_rng(0)
    mu, logvar = np.array([1.5, -2.0]), np.log(np.array([0.3, 2.0]) ** 2)
    eps = rng.normal(size=(200_000, 2))
    z = reparameterise(mu, logvar, eps).data
    assert np.allclose(z.mean(axis=0), mu, atol=0.01)
    assert np.allclose(z.std(axis=0), [0.3, 2.0], rtol=0.01)


def test_kl_is_zero_at_the_prior_and_matches_a_monte_carlo_estimate():
    assert kl_divergence(np.zeros((3, 2)), np.zeros((3, 2))).item() == pytest.approx(0.0)
    mu, logvar = np.array([[0.7, -0.4]]), np.array([[-1.0, 0.5]])
    rng = np.random.default_rng(1)
    sigma = np.exp(logvar / 2)
    z = mu + sigma * rng.normal(size=(400_000, 2))
    log_q = -0.5 * (((z - mu) / sigma) ** 2 + logvar + np.log(2 * np.pi)).sum(axis=1)
    log_p = -0.5 * (z**2 + np.log(2 * np.pi)).sum(axis=1)
    assert kl_divergence(mu, logvar).item() == pytest.approx(np.mean(log_q - log_p), abs=0.01)


def test_reconstruction_term():
    x, x_hat = np.array([[0.0, 0.0], [1.0, 1.0]]), np.array([[0.3, 0.4], [1.0, 1.0]])
    assert reconstruction(x, x_hat, 0.5).item() == pytest.approx(0.25 / (2 * 0.25) / 2)


def test_the_loss_gradient_through_the_sample_matches_finite_differences():
    vae = VAE(hidden=4, seed=3)
    rng = np.random.default_rng(2)
    x, eps = ring(5, rng), rng.normal(size=(5, 2))
    vae.loss(x, eps).backward()
    for p in vae.params:
        numeric = np.zeros_like(p.data)
        for idx in np.ndindex(p.data.shape):
            keep = p.data[idx]
            p.data[idx] = keep + 1e-6
            up = vae.loss(x, eps).item()
            p.data[idx] = keep - 1e-6
            down = vae.loss(x, eps).item()
            p.data[idx] = keep
            numeric[idx] = (up - down) / 2e-6
        assert np.allclose(p.grad, numeric, rtol=1e-5, atol=1e-6)


def test_training_rebuilds_the_ring():
    vae = VAE(seed=0)
    for _ in range(300):
        vae.step()
    recon = np.mean([r for r, _ in vae.losses[-50:]])
    assert vae.losses[0][0] > 20 and recon < 2.0
    x = ring(200, np.random.default_rng(9))
    mu, _ = vae.encode(x)
    radius = np.linalg.norm(vae.decode(mu), axis=1)
    assert abs(np.median(radius) - 1.0) < 0.15
