"""Batch normalization: the pure model (no Textual).

A batch of activations whose mean drifts and whose spread stretches from one batch to the next
(as a layer's inputs do while the layers below it train). The engine's ``batchnorm_forward``
computes μ_B and σ²_B of the batch, x̂ = (x − μ_B)/√(σ²_B + ε), and y = γ·x̂ + β.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nntui.engine.norm import EPS, batchnorm_forward

__all__ = ["BatchNorm", "BATCH", "histogram"]

BATCH = 64
GAMMA_RANGE = (0.2, 3.0)
BETA_RANGE = (-3.0, 3.0)


def histogram(values: np.ndarray, lo: float, hi: float, bins: int) -> np.ndarray:
    """Counts of the values in ``bins`` equal bins over [lo, hi] (values outside are clipped
    into the end bins, so nothing vanishes off the picture)."""
    clipped = np.clip(values, lo, hi)
    return np.histogram(clipped, bins=bins, range=(lo, hi))[0]


@dataclass
class BatchNorm:
    seed: int = 0
    gamma: float = 1.0
    beta: float = 0.0
    batch_index: int = 0

    def __post_init__(self) -> None:
        self.draw()

    def drift(self) -> tuple[float, float]:
        """The true mean and spread of batch t: the mean wanders, the spread breathes."""
        t = self.batch_index
        return 4.0 + 3.0 * np.sin(0.45 * t), 2.5 + 1.5 * np.sin(0.3 * t + 1.0)

    def draw(self) -> None:
        rng = np.random.default_rng(self.seed + self.batch_index)
        mean, spread = self.drift()
        self.x = mean + spread * rng.standard_normal(BATCH)
        self.normalize()

    def normalize(self) -> None:
        y, cache = batchnorm_forward(self.x[:, None], np.array([self.gamma]),
                                     np.array([self.beta]))
        self.y = y[:, 0]
        self.x_hat = cache.x_hat[:, 0]
        self.mu = float(cache.mean.ravel()[0])
        self.var = float(cache.var.ravel()[0])

    def next_batch(self) -> None:
        self.batch_index += 1
        self.draw()

    def restart(self) -> None:
        self.batch_index = 0
        self.gamma, self.beta = 1.0, 0.0
        self.draw()

    def set_gamma(self, value: float) -> None:
        self.gamma = float(np.clip(round(value, 2), *GAMMA_RANGE))
        self.normalize()

    def set_beta(self, value: float) -> None:
        self.beta = float(np.clip(round(value, 2), *BETA_RANGE))
        self.normalize()

    @property
    def eps(self) -> float:
        return EPS
