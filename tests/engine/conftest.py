"""Finite-difference helpers shared by the engine tests."""

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


def tensor_gradcheck(fn, *arrays, h=1e-6, rtol=1e-6, atol=1e-9, seed=0):
    """Compare backward with central differences for L = Σ fn(*tensors) ⊙ w, w random.

    A random upstream weight w makes every output element matter with its own
    factor, so a gradient sent to the wrong place cannot cancel out.
    """
    from nntui.engine.autograd import Tensor

    inputs = [Tensor(np.array(a, dtype=np.float64)) for a in arrays]
    out = fn(*inputs)
    w = np.random.default_rng(seed).normal(size=out.shape)
    (out * w).sum().backward()
    for t in inputs:
        assert t.grad is not None and t.grad.shape == t.shape

        def loss():
            constants = [Tensor(i.data, requires_grad=False) for i in inputs]
            return float(np.sum(fn(*constants).data * w))

        numeric = central_diff(loss, t.data, h)
        np.testing.assert_allclose(t.grad, numeric, rtol=rtol, atol=atol)


@pytest.fixture
def gradcheck():
    """gradcheck(fn, *arrays): autograd gradients of fn's Tensors against central differences."""
    return tensor_gradcheck
