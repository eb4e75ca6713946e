"""Universal approximation: one hidden layer fitted to a 1-D function with n units, the error
against n, and the sawtooth that depth represents with far fewer units (no UI here)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from nntui.engine import theory

TARGETS = tuple(theory.UAT_TARGETS)
UNITS_RANGE = (1.0, 64.0)
DEPTH_RANGE = (1.0, 6.0)
CURVE_UNITS = (1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64)


@lru_cache(maxsize=128)
def fit(target: str, units: int) -> theory.UATFit:
    return theory.uat_fit(target, units)


@lru_cache(maxsize=16)
def error_curve(target: str) -> tuple[np.ndarray, np.ndarray]:
    """(units, RMS error) over CURVE_UNITS: the same seed, so each net contains the smaller."""
    return np.array(CURVE_UNITS), np.array([fit(target, n).error for n in CURVE_UNITS])


@lru_cache(maxsize=8)
def depth(k: int) -> theory.DepthWidth:
    return theory.depth_vs_width(k)


@dataclass(frozen=True)
class UATState:
    target: str
    units: int
    k: int
    fit: theory.UATFit
    curve: tuple[np.ndarray, np.ndarray]
    depth: theory.DepthWidth


def compute(target: str, units: int, k: int) -> UATState:
    """Everything the lesson shows for one setting (cached piece by piece)."""
    return UATState(target, units, k, fit(target, units), error_curve(target), depth(k))
