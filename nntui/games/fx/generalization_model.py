"""Over-parameterization: the double-descent curve of random-features regression, and the
implicit regularization of gradient descent (no UI here)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from nntui.engine import theory
from nntui.engine.optim import SGD

N_TRAIN_RANGE = (10.0, 60.0)
NOISE_RANGE = (0.2, 1.0)  # with no label noise there is little to blow up at p = n
# Feature counts as multiples of n, dense around the threshold p = n; up to 4n so the peak sits
# a quarter of the way across a linear axis.
RATIOS = (0.1, 0.25, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0, 1.05, 1.1, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0)


def feature_counts(n_train: int) -> list[int]:
    return sorted({max(1, round(n_train * r)) for r in RATIOS})


@lru_cache(maxsize=32)
def curve(n_train: int, noise: float) -> theory.DoubleDescent:
    """The engine's random-features curve (cached: it costs a few hundred least squares)."""
    return theory.random_features_curve(n_train, feature_counts(n_train), noise=noise)


@dataclass(frozen=True)
class ImplicitBias:
    """A linear model with more weights than equations, fitted three ways."""

    n: int
    p: int
    min_norm: float  # ‖w‖ of the least-norm interpolant
    from_zero: float  # ‖w‖ where gradient descent from w = 0 ends
    from_zero_gap: float  # its distance to the least-norm interpolant
    from_random: float  # ‖w‖ where gradient descent from a random start ends
    from_random_fit: float  # its training error: it interpolates too


def implicit_bias(n: int = 20, p: int = 60, steps: int = 2000, seed: int = 0) -> ImplicitBias:
    """Gradient descent on ½‖Aw − y‖²/n never leaves the row space of A it starts in: from 0 it
    ends at the least-norm solution, from a random w₀ at that plus w₀'s null-space part."""
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((n, p)) / math.sqrt(p)
    y = rng.standard_normal(n)
    best = theory.min_norm_solution(A, y)
    lr = n / np.linalg.norm(A, 2) ** 2  # 1/L for the mean loss: safely stable

    def descend(w: np.ndarray) -> np.ndarray:
        opt = SGD(lr)
        for _ in range(steps):
            opt.step([w], [A.T @ (A @ w - y) / n])
        return w

    w0 = descend(np.zeros(p))
    w1 = descend(rng.standard_normal(p))
    return ImplicitBias(n, p, float(np.linalg.norm(best)), float(np.linalg.norm(w0)),
                        float(np.linalg.norm(w0 - best)), float(np.linalg.norm(w1)),
                        float(np.mean((A @ w1 - y) ** 2)))
