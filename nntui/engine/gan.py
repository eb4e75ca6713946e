"""A one-dimensional GAN: a generator learns to turn noise into samples of N(μ, σ²).

Generator G: z ~ N(0, 1) ↦ x̃ = G(z), a 1 → h → 1 tanh network. Discriminator D: x ↦ D(x) =
σ(a(x)), a 1 → h → 1 tanh network with logit a. They play the game

    V(D, G) = E_x[log D(x)] + E_z[log(1 − D(G(z)))]

that D maximises and G minimises, in alternating steps: D descends L_D = −V, written with
logits as mean softplus(−a(x)) + mean softplus(a(x̃)); then G descends the non-saturating loss
L_G = −E_z[log D(G(z))] = mean softplus(−a(G(z))), which keeps a useful gradient while D still
wins easily. At the equilibrium G's samples follow the data, D(x) = ½ everywhere and
V = −log 4 ≈ −1.386.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from . import autograd as ag
from .autograd import Tensor
from .dense import DenseNet, softplus
from .optim import Adam

__all__ = ["GAN", "discriminator_loss", "generator_loss", "EQUILIBRIUM_VALUE"]

EQUILIBRIUM_VALUE = -math.log(4.0)
"""V(D, G) when G matches the data and D(x) = ½: log ½ + log ½."""


def discriminator_loss(discriminator: DenseNet, real, fake) -> Tensor:
    """L_D = −mean log D(real) − mean log(1 − D(fake)), from D's logits (fake is a constant
    for D's step; pass a tensor to let the gradient reach the generator)."""
    real_logit = discriminator(np.asarray(real, dtype=np.float64).reshape(-1, 1))
    fake_logit = discriminator(ag.tensor(fake).reshape(-1, 1))
    return softplus(-real_logit).mean() + softplus(fake_logit).mean()


def generator_loss(discriminator: DenseNet, fake: Tensor) -> Tensor:
    """L_G = −mean log D(fake): the non-saturating generator loss."""
    return softplus(-discriminator(fake.reshape(-1, 1))).mean()


@dataclass
class GAN:
    """Both networks, their optimizers and the history of one run; ``step()`` trains."""

    real_mean: float = 3.0
    real_std: float = 0.5
    hidden: int = 16
    batch: int = 64
    lr_d: float = 0.005
    lr_g: float = 0.005
    seed: int = 0
    d_losses: list[float] = field(default_factory=list, init=False)
    g_losses: list[float] = field(default_factory=list, init=False)

    def __post_init__(self):
        self.rng = np.random.default_rng(self.seed)
        self.generator = DenseNet((1, self.hidden, 1), rng=self.rng)
        self.discriminator = DenseNet((1, self.hidden, 1), rng=self.rng)
        # β₁ = 0.5 is the usual choice for GANs: less momentum, less overshooting orbits.
        self.opt_d = Adam(lr=self.lr_d, beta1=0.5)
        self.opt_g = Adam(lr=self.lr_g, beta1=0.5)
        # A fixed noise batch so the drawn histogram moves only because G learns.
        self.shown_noise = np.random.default_rng(self.seed + 1).normal(size=(400, 1))

    @property
    def steps(self) -> int:
        return len(self.d_losses)

    def sample_real(self, n: int) -> np.ndarray:
        return self.rng.normal(self.real_mean, self.real_std, size=(n, 1))

    def generate(self, z) -> np.ndarray:
        """G(z) as plain numbers, shape (n,)."""
        return self.generator.predict(np.asarray(z, dtype=np.float64).reshape(-1, 1)).ravel()

    def d_of(self, x) -> np.ndarray:
        """D(x), the discriminator's probability that x is real, shape (n,)."""
        logits = self.discriminator.predict(np.asarray(x, dtype=np.float64).reshape(-1, 1))
        return 1.0 / (1.0 + np.exp(-logits.ravel()))

    def samples(self) -> np.ndarray:
        """The generator's output on the fixed display noise."""
        return self.generate(self.shown_noise)

    def value(self) -> float:
        """V(D, G) on a fresh batch, with the current networks."""
        x = self.rng.normal(self.real_mean, self.real_std, size=512)
        fake = self.generate(self.rng.normal(size=512))
        eps = 1e-12
        return float(np.mean(np.log(self.d_of(x) + eps))
                     + np.mean(np.log(1.0 - self.d_of(fake) + eps)))

    def step(self) -> tuple[float, float]:
        """One discriminator step, then one generator step; returns (L_D, L_G)."""
        real = self.sample_real(self.batch)
        fake = self.generate(self.rng.normal(size=self.batch))
        d_loss = discriminator_loss(self.discriminator, real, fake)
        d_loss.backward()
        ag.step(self.opt_d, self.discriminator.params)

        z = self.rng.normal(size=(self.batch, 1))
        g_loss = generator_loss(self.discriminator, self.generator(z))
        g_loss.backward()
        ag.step(self.opt_g, self.generator.params)
        ag.zero_grad(self.discriminator.params)  # G's step must not leave gradients in D

        self.d_losses.append(d_loss.item())
        self.g_losses.append(g_loss.item())
        return self.d_losses[-1], self.g_losses[-1]
