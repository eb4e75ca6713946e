"""A variational autoencoder on 2-D points, trained with :mod:`nntui.engine.autograd`.

The encoder maps a point x to the mean μ and the log-variance log σ² of a Gaussian over the
latent code z. Sampling is written as z = μ + σ⊙ε with ε ~ N(0, I) (the reparameterisation),
so the sample is a smooth function of μ and σ and gradients flow through it. The decoder maps
z back to x̂. Training minimises, averaged over a batch, the negative evidence lower bound

    L = ‖x − x̂‖² / (2s²)  +  β · KL(N(μ, σ²) ‖ N(0, I)),
    KL = −½ Σⱼ (1 + log σⱼ² − μⱼ² − σⱼ²),

the first term the reconstruction error under a decoder noise of std s, the second pulling
every code toward the prior N(0, I).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from . import autograd as ag
from .autograd import Tensor, tensor
from .dense import DenseNet
from .optim import Adam

__all__ = ["ring", "reparameterise", "kl_divergence", "reconstruction", "VAE"]


def ring(n: int, rng: np.random.Generator, radius: float = 1.0,
         noise: float = 0.05) -> np.ndarray:
    """n points on a circle of ``radius`` with Gaussian noise, shape (n, 2)."""
    angle = rng.uniform(0.0, 2 * math.pi, n)
    points = radius * np.column_stack([np.cos(angle), np.sin(angle)])
    return points + rng.normal(0.0, noise, points.shape)


def reparameterise(mu, logvar, eps) -> Tensor:
    """z = μ + σ⊙ε with σ = exp(½ log σ²)."""
    return tensor(mu) + (tensor(logvar) * 0.5).exp() * eps


def kl_divergence(mu, logvar) -> Tensor:
    """KL(N(μ, σ²) ‖ N(0, I)) = −½ Σ (1 + log σ² − μ² − σ²), averaged over the batch rows."""
    mu, logvar = tensor(mu), tensor(logvar)
    per_row = ((mu * mu + logvar.exp() - logvar - 1.0) * 0.5).sum(axis=-1)
    return per_row.mean()


def reconstruction(x, x_hat, noise_std: float) -> Tensor:
    """‖x − x̂‖² / (2s²), averaged over the batch rows."""
    gap = tensor(x_hat) - x
    return (gap * gap).sum(axis=-1).mean() * (0.5 / noise_std**2)


@dataclass
class VAE:
    """Encoder 2 → h → (μ, log σ²), decoder latent → h → 2; ``step()`` trains on a ring."""

    latent: int = 2
    hidden: int = 24
    batch: int = 64
    noise_std: float = 0.1
    beta: float = 1.0
    lr: float = 0.01
    seed: int = 0
    losses: list[tuple[float, float]] = field(default_factory=list, init=False)

    def __post_init__(self):
        self.rng = np.random.default_rng(self.seed)
        self.encoder = DenseNet((2, self.hidden, 2 * self.latent), rng=self.rng)
        self.decoder = DenseNet((self.latent, self.hidden, 2), rng=self.rng)
        self.optimizer = Adam(lr=self.lr)

    @property
    def params(self) -> list[Tensor]:
        return self.encoder.params + self.decoder.params

    @property
    def steps(self) -> int:
        return len(self.losses)

    def _split(self, out) -> tuple:
        return out[:, :self.latent], out[:, self.latent:]

    def encode(self, x) -> tuple[np.ndarray, np.ndarray]:
        """(μ, log σ²) for each row of x, as plain arrays."""
        return self._split(self.encoder.predict(x))

    def decode(self, z) -> np.ndarray:
        return self.decoder.predict(z)

    def terms(self, x, eps) -> tuple[Tensor, Tensor]:
        """(reconstruction, KL) for the batch x with the noise ε, as graph tensors."""
        mu, logvar = self._split(self.encoder(x))
        x_hat = self.decoder(reparameterise(mu, logvar, eps))
        return reconstruction(x, x_hat, self.noise_std), kl_divergence(mu, logvar)

    def loss(self, x, eps) -> Tensor:
        recon, kl = self.terms(x, eps)
        return recon + kl * self.beta

    def step(self) -> tuple[float, float]:
        """One Adam step on a fresh batch; returns (reconstruction, KL) before the step."""
        x = ring(self.batch, self.rng)
        eps = self.rng.normal(size=(self.batch, self.latent))
        recon, kl = self.terms(x, eps)
        (recon + kl * self.beta).backward()
        ag.step(self.optimizer, self.params)
        self.losses.append((recon.item(), kl.item()))
        return self.losses[-1]
