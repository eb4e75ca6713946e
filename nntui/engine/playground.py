"""The two regression data sets of TensorFlow Playground, beside ``data``'s classification sets.

``make(name, n, noise, seed) -> (X, y)`` takes every name of ``data.DATASETS`` (labels 0/1) and
the two regression names below (real-valued targets in [−1, 1]):

* ``plane``: points uniform in [−6, 6]²; the target rises linearly with x₁ + x₂, scaled so that
  x₁ + x₂ = ±10 gives ±1 (values past that are not clipped, as in the Playground).
* ``multi-gauss``: six bumps at (−4, ±2.5), (0, ±2.5), (4, ±2.5) with alternating signs; a
  point's target is the strongest bump's value, 1 − d/2 at distance d (0 from d = 2 on), signed.

Noise (a fraction, the Playground's slider / 100) moves the point where the label is read, so a
noisy point carries the label of a nearby point — the Playground's rule for these two sets.
"""

from __future__ import annotations

import numpy as np

from . import data

__all__ = ["REGRESSION_SETS", "CLASSIFICATION_SETS", "make", "plane_target", "multi_gauss_target"]

Array = np.ndarray

RADIUS = 6.0
BUMPS = np.array([[-4.0, 2.5, 1.0], [0.0, 2.5, -1.0], [4.0, 2.5, 1.0],
                  [-4.0, -2.5, -1.0], [0.0, -2.5, 1.0], [4.0, -2.5, -1.0]])


def plane_target(X: Array) -> Array:
    """(x₁ + x₂)/10 for the rows of X."""
    X = np.asarray(X, dtype=np.float64)
    return (X[:, 0] + X[:, 1]) / 10.0


def multi_gauss_target(X: Array) -> Array:
    """The signed value of the strongest of the six bumps at each row of X."""
    X = np.asarray(X, dtype=np.float64)
    dist = np.hypot(X[:, None, 0] - BUMPS[None, :, 0], X[:, None, 1] - BUMPS[None, :, 1])
    values = BUMPS[None, :, 2] * np.clip(1.0 - dist / 2.0, 0.0, 1.0)
    strongest = np.argmax(np.abs(values), axis=1)
    return values[np.arange(len(X)), strongest]


REGRESSION_SETS = {"plane": plane_target, "multi-gauss": multi_gauss_target}
CLASSIFICATION_SETS = tuple(data.DATASETS)


def make(name: str, n: int = 500, noise: float = 0.0, seed: int = 0) -> tuple[Array, Array]:
    """Points X (n, 2) and targets y (n,) for any Playground set; same seed → same data."""
    if name in data.DATASETS:
        return data.make(name, n, noise, seed)
    if name not in REGRESSION_SETS:
        raise KeyError(f"unknown dataset {name!r}; choose from "
                       f"{sorted([*data.DATASETS, *REGRESSION_SETS])}")
    if not 0.0 <= noise <= 1.0:
        raise ValueError("noise is a fraction in [0, 1] (the Playground's slider / 100)")
    rng = np.random.default_rng(seed)
    X = rng.uniform(-RADIUS, RADIUS, (int(n), 2))
    jitter = rng.uniform(-RADIUS, RADIUS, (int(n), 2)) * noise
    return X, REGRESSION_SETS[name](X + jitter)
