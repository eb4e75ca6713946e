"""Variational autoencoder: the section's model (no UI). The VAE trains on points of a ring; a
fixed set of shown points is encoded, sampled with z = μ + k·σ⊙ε (k the σ control) and
decoded, so the learner sees codes and outputs move as the noise is scaled or re-drawn."""

from __future__ import annotations

import numpy as np

from nntui.engine.vae import VAE, kl_divergence, reconstruction, ring

MAX_STEPS = 1500
SHOWN = 40
SIGMA_SCALES = tuple(np.round(np.arange(0.0, 3.01, 0.25), 2))


class VaeLab:
    def __init__(self, max_steps: int = MAX_STEPS, seed: int = 0):
        self.max_steps = max_steps
        self.vae = VAE(seed=seed)
        rng = np.random.default_rng(seed + 1)
        self.shown = ring(SHOWN, rng)
        self._eps_rng = np.random.default_rng(seed + 2)
        self.eps = self._eps_rng.normal(size=(SHOWN, self.vae.latent))
        self.resamples = 0
        self.scale_index = SIGMA_SCALES.index(1.0)

    @property
    def steps(self) -> int:
        return self.vae.steps

    @property
    def done(self) -> bool:
        return self.steps >= self.max_steps

    def train(self, steps: int) -> float | None:
        for _ in range(min(steps, self.max_steps - self.steps)):
            self.vae.step()
        return sum(self.vae.losses[-1]) if self.steps else None

    # --- the learner's controls ----------------------------------------------------------

    @property
    def sigma_scale(self) -> float:
        return float(SIGMA_SCALES[self.scale_index])

    def turn_sigma(self, step: int) -> None:
        self.scale_index = min(max(self.scale_index + step, 0), len(SIGMA_SCALES) - 1)

    def resample(self) -> None:
        """New noise ε for the shown points."""
        self.eps = self._eps_rng.normal(size=self.eps.shape)
        self.resamples += 1

    # --- what is drawn ---------------------------------------------------------------------

    def codes(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(μ, σ, z) of the shown points, z = μ + k·σ⊙ε."""
        mu, logvar = self.vae.encode(self.shown)
        sigma = np.exp(0.5 * logvar)
        return mu, sigma, mu + self.sigma_scale * sigma * self.eps

    def decoded(self) -> np.ndarray:
        return self.vae.decode(self.codes()[2])

    def terms(self) -> tuple[float, float]:
        """(reconstruction, KL) of the shown points, with the current (scaled) noise."""
        mu, logvar = self.vae.encode(self.shown)
        recon = reconstruction(self.shown, self.decoded(), self.vae.noise_std)
        return recon.item(), kl_divergence(mu, logvar).item()
