"""Weight initializers: ``INITS[name](n_in, n_out, rng) -> W`` of shape (n_in, n_out).

Each draws from the ``numpy.random.Generator`` passed in, so the same seed gives
the same weights. The bound/std formulas are separate functions so a lesson can
show the numbers without drawing anything.
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np

__all__ = [
    "INITS", "INIT_FORMULAS", "LARGE_STD",
    "xavier_uniform_bound", "xavier_normal_std", "he_normal_std", "he_uniform_bound",
    "lecun_normal_std",
    "zeros", "large", "xavier_uniform", "xavier_normal", "he_normal", "he_uniform", "lecun_normal",
]

# "large" is the deliberately bad start of the init lesson: N(0, 1)·3, i.e. std 3,
# big enough to saturate tanh/sigmoid units and make training thrash or stall.
LARGE_STD = 3.0


def xavier_uniform_bound(n_in: int, n_out: int) -> float:
    """Glorot/Xavier uniform: W ~ U(−a, a) with a = √(6/(n_in + n_out))."""
    return math.sqrt(6.0 / (n_in + n_out))


def xavier_normal_std(n_in: int, n_out: int) -> float:
    """Glorot/Xavier normal: std = √(2/(n_in + n_out))."""
    return math.sqrt(2.0 / (n_in + n_out))


def he_normal_std(n_in: int, n_out: int | None = None) -> float:
    """He (Kaiming) normal: std = √(2/n_in); for ReLU layers."""
    return math.sqrt(2.0 / n_in)


def he_uniform_bound(n_in: int, n_out: int | None = None) -> float:
    """He (Kaiming) uniform: a = √(6/n_in)."""
    return math.sqrt(6.0 / n_in)


def lecun_normal_std(n_in: int, n_out: int | None = None) -> float:
    """LeCun normal: std = √(1/n_in)."""
    return math.sqrt(1.0 / n_in)


def zeros(n_in: int, n_out: int, rng: np.random.Generator | None = None) -> np.ndarray:
    """All zeros: every unit in a layer stays identical (symmetry never breaks)."""
    return np.zeros((n_in, n_out))


def large(n_in: int, n_out: int, rng: np.random.Generator) -> np.ndarray:
    """N(0, 1)·3 regardless of layer size: a start that is too large on purpose."""
    return rng.standard_normal((n_in, n_out)) * LARGE_STD


def xavier_uniform(n_in: int, n_out: int, rng: np.random.Generator) -> np.ndarray:
    a = xavier_uniform_bound(n_in, n_out)
    return rng.uniform(-a, a, (n_in, n_out))


def xavier_normal(n_in: int, n_out: int, rng: np.random.Generator) -> np.ndarray:
    return rng.standard_normal((n_in, n_out)) * xavier_normal_std(n_in, n_out)


def he_normal(n_in: int, n_out: int, rng: np.random.Generator) -> np.ndarray:
    return rng.standard_normal((n_in, n_out)) * he_normal_std(n_in)


def he_uniform(n_in: int, n_out: int, rng: np.random.Generator) -> np.ndarray:
    a = he_uniform_bound(n_in)
    return rng.uniform(-a, a, (n_in, n_out))


def lecun_normal(n_in: int, n_out: int, rng: np.random.Generator) -> np.ndarray:
    return rng.standard_normal((n_in, n_out)) * lecun_normal_std(n_in)


INITS: dict[str, Callable[[int, int, np.random.Generator], np.ndarray]] = {
    "zeros": zeros,
    "large": large,
    "xavier_uniform": xavier_uniform,
    "xavier_normal": xavier_normal,
    "he_normal": he_normal,
    "he_uniform": he_uniform,
    "lecun_normal": lecun_normal,
}

# Unicode formulas for display, keyed like INITS.
INIT_FORMULAS: dict[str, str] = {
    "zeros": "W = 0",
    "large": "W ~ N(0, 1)·3",
    "xavier_uniform": "W ~ U(−a, a),  a = √(6/(n_in + n_out))",
    "xavier_normal": "W ~ N(0, σ²),  σ = √(2/(n_in + n_out))",
    "he_normal": "W ~ N(0, σ²),  σ = √(2/n_in)",
    "he_uniform": "W ~ U(−a, a),  a = √(6/n_in)",
    "lecun_normal": "W ~ N(0, σ²),  σ = √(1/n_in)",
}
