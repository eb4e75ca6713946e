"""Finite-difference helper shared by the engine tests."""

from __future__ import annotations

import numpy as np
import pytest


def central_diff(fn, x: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """∂fn/∂x by central differences, one element at a time; fn returns a float."""
    x = np.asarray(x, dtype=np.float64)
    g = np.zeros_like(x)
    flat, gflat = x.reshape(-1), g.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        up = fn()
        flat[i] = old - h
        down = fn()
        flat[i] = old
        gflat[i] = (up - down) / (2.0 * h)
    return g


@pytest.fixture
def numgrad():
    """numgrad(fn, x, h=1e-5): central differences, perturbing x in place (restored)."""
    return central_diff
