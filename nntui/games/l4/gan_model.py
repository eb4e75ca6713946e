"""A tiny GAN: the section's model (no UI). It wraps :class:`nntui.engine.gan.GAN` with a step
budget and the numbers the view draws: a histogram of G's samples, the real density and D(x)."""

from __future__ import annotations

import math

import numpy as np

from nntui.engine.gan import EQUILIBRIUM_VALUE, GAN

X_RANGE = (-2.0, 6.0)
MAX_STEPS = 1500
#: G's samples count as "there" when their mean is this close to the real mean.
CLOSE = 0.3


class TinyGan:
    """One run of the 1-D GAN, ``max_steps`` alternating steps long."""

    def __init__(self, max_steps: int = MAX_STEPS, seed: int = 0):
        self.max_steps = max_steps
        self.gan = GAN(seed=seed)

    @property
    def steps(self) -> int:
        return self.gan.steps

    @property
    def done(self) -> bool:
        return self.steps >= self.max_steps

    def train(self, steps: int) -> float | None:
        """Up to ``steps`` alternating D/G steps (never past the budget); the last D loss."""
        for _ in range(min(steps, self.max_steps - self.steps)):
            self.gan.step()
        return self.gan.d_losses[-1] if self.gan.d_losses else None

    # --- what is drawn -----------------------------------------------------------------

    def samples(self) -> np.ndarray:
        return self.gan.samples()

    @property
    def gen_mean(self) -> float:
        return float(self.samples().mean())

    @property
    def gen_std(self) -> float:
        return float(self.samples().std())

    @property
    def close(self) -> bool:
        return abs(self.gen_mean - self.gan.real_mean) < CLOSE

    def histogram(self, bins: int) -> tuple[np.ndarray, np.ndarray]:
        """(bin centres, density of G's samples) over ``X_RANGE``; density integrates to the
        share of samples inside the range, in the same units as the real density."""
        samples = self.samples()
        counts, edges = np.histogram(samples, bins=bins, range=X_RANGE)
        width = edges[1] - edges[0]
        return (edges[:-1] + edges[1:]) / 2, counts / (len(samples) * width)

    def real_density(self, xs: np.ndarray) -> np.ndarray:
        mu, sigma = self.gan.real_mean, self.gan.real_std
        return np.exp(-0.5 * ((xs - mu) / sigma) ** 2) / (sigma * math.sqrt(2 * math.pi))

    def d_curve(self, xs: np.ndarray) -> np.ndarray:
        return self.gan.d_of(xs)

    def value(self) -> float:
        return self.gan.value()

    equilibrium = EQUILIBRIUM_VALUE
