"""Variance through depth: the theory's prediction and a real 50-layer stack (no UI here).

Square layers of WIDTH units, weights ~ N(0, g²/WIDTH) — Xavier normal is g = 1 for a square
layer, He normal g = √2. The engine's ``activation_stats`` pushes SAMPLES inputs through.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from nntui.engine import theory
from nntui.engine.deep import ActivationStats, activation_stats

DEPTH = 50
WIDTH = 64
SAMPLES = 128
ACTIVATIONS = ("linear", "tanh", "relu")
GAIN_RANGE = (0.5, 2.0)
#: The named inits, with their gain for a square layer: √(2/(n+n))·√n = 1 and √(2/n)·√n = √2.
NAMED_INITS = (("Xavier", "xavier_normal", 1.0), ("He", "he_normal", math.sqrt(2.0)))
CHECK_LAYERS = (1, 10, 25, 50)


@lru_cache(maxsize=64)
def measure(activation: str, init: str | float) -> ActivationStats:
    """A real forward pass (cached: the sliders return to the same values often).

    ``init`` is an engine init name, or a gain g (weights' std g/√WIDTH).
    """
    weights = init if isinstance(init, str) else init / math.sqrt(WIDTH)
    return activation_stats(DEPTH, WIDTH, weights, activation, seed=0, n=SAMPLES)


def theory_std(gain: float, activation: str) -> np.ndarray:
    """√Var(z⁽ˡ⁾) for l = 1 … DEPTH as the variance argument predicts."""
    return np.sqrt(theory.variance_propagation(DEPTH, gain, activation))


def layer_factor(gain: float, activation: str) -> float:
    """g²c: what one layer multiplies the variance by."""
    return gain * gain * theory.SECOND_MOMENT[activation]


def curves(activation: str, gain: float) -> dict[str, ActivationStats]:
    """Measured stacks for every named init and for the learner's gain."""
    out = {label: measure(activation, name) for label, name, _ in NAMED_INITS}
    out["your g"] = measure(activation, round(gain, 4))
    return out
