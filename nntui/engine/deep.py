"""Signals and gradients through deep stacks: vanishing gradients, skip paths, and
how the initialization sets the size of the activations layer after layer.

A stack is ``depth`` square layers of ``width`` units without biases:
plain h⁽ˡ⁾ = f(h⁽ˡ⁻¹⁾W⁽ˡ⁾), or residual h⁽ˡ⁾ = h⁽ˡ⁻¹⁾ + f(h⁽ˡ⁻¹⁾W⁽ˡ⁾). Layers are numbered
from 1 at the input; every array indexed by layer lists layer 1 first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS
from .init import INITS

__all__ = [
    "SMALL_STD", "BATCH", "SIGMOID_MAX_SLOPE", "DeepStack", "StackTrace", "random_stack",
    "gradient_norms", "vanishing_factor", "ActivationStats", "activation_stats",
]

Array = np.ndarray
SMALL_STD = 0.01  # the "too small" start of the init lesson: every weight ~ N(0, 0.01²)
BATCH = 32  # rows pushed through a stack to measure it
SIGMOID_MAX_SLOPE = 0.25  # σ′(0) = ¼, the largest slope the sigmoid has


@dataclass(frozen=True)
class StackTrace:
    """A forward pass: hs[0] is the input, hs[l] the output of layer l; zs[l − 1] = h⁽ˡ⁻¹⁾W⁽ˡ⁾."""

    hs: list[Array]
    zs: list[Array]


class DeepStack:
    """A plain or residual stack of square layers with one activation."""

    def __init__(self, weights: list[Array], activation: str = "sigmoid", residual: bool = False):
        self.weights = [np.asarray(W, dtype=np.float64) for W in weights]
        self.activation = ACTIVATIONS[activation]
        self.residual = residual

    @property
    def depth(self) -> int:
        return len(self.weights)

    def forward(self, x) -> StackTrace:
        h = np.asarray(x, dtype=np.float64)
        hs, zs = [h], []
        for W in self.weights:
            z = h @ W
            h = h + self.activation.f(z) if self.residual else self.activation.f(z)
            zs.append(z)
            hs.append(h)
        return StackTrace(hs, zs)

    def slopes(self, trace: StackTrace) -> list[Array]:
        """f′(z⁽ˡ⁾) of every layer: the factors backprop multiplies by on the way down."""
        return [self.activation.df(z) for z in trace.zs]

    def backward(self, trace: StackTrace, d_top) -> tuple[list[Array], list[Array]]:
        """Backprop ∂L/∂h⁽ᴸ⁾ = d_top down the stack → (dWs, dhs): dWs[l − 1] = ∂L/∂W⁽ˡ⁾ and
        dhs[l] = ∂L/∂h⁽ˡ⁾ (dhs[0] is the gradient reaching the input)."""
        dh = np.asarray(d_top, dtype=np.float64)
        dWs: list[Array] = [None] * self.depth  # type: ignore[list-item]
        dhs: list[Array] = [None] * (self.depth + 1)  # type: ignore[list-item]
        dhs[-1] = dh
        for l in range(self.depth - 1, -1, -1):
            dz = dh * self.activation.df(trace.zs[l])
            dWs[l] = trace.hs[l].T @ dz
            through = dz @ self.weights[l].T
            # The skip path hands the gradient down unchanged, next to the layer's share.
            dh = dh + through if self.residual else through
            dhs[l] = dh
        return dWs, dhs


def random_stack(depth: int, width: int, activation: str = "sigmoid", weight_scale: float = 1.0,
                 residual: bool = False, seed: int = 0) -> DeepStack:
    """Weights W⁽ˡ⁾ ~ N(0, (weight_scale²)/width): scale 1 keeps a linear signal's size."""
    rng = np.random.default_rng(seed)
    std = weight_scale / math.sqrt(width)
    return DeepStack([rng.standard_normal((width, width)) * std for _ in range(depth)],
                     activation, residual)


def gradient_norms(depth: int, width: int, activation: str = "sigmoid",
                   weight_scale: float = 1.0, residual: bool = False, seed: int = 0) -> Array:
    """‖∂L/∂W⁽ˡ⁾‖ for l = 1 … depth (layer 1 first), by real backprop.

    A batch of BATCH standard-normal inputs goes up the stack; a random gradient of
    norm 1 is sent down from the top (L = Σ G ⊙ h⁽ᴸ⁾ with ‖G‖ = 1), so each value is the
    size of the gradient a layer's weights receive relative to the one at the top.
    """
    stack = random_stack(depth, width, activation, weight_scale, residual, seed)
    rng = np.random.default_rng(seed + 1)
    x = rng.standard_normal((BATCH, width))
    G = rng.standard_normal((BATCH, width))
    dWs, _ = stack.backward(stack.forward(x), G / np.linalg.norm(G))
    return np.array([np.linalg.norm(dW) for dW in dWs])


def vanishing_factor(layers: int = 10, slope: float = SIGMOID_MAX_SLOPE) -> float:
    """The best a gradient can fare through ``layers`` sigmoids: slope^layers
    (0.25¹⁰ ≈ 9.5×10⁻⁷), before the weights shrink or grow it further."""
    return slope ** layers


@dataclass(frozen=True)
class ActivationStats:
    """Per layer (layer 1 first): the std and mean of the activations, the std of the
    pre-activations z, and a histogram of the activations on shared bin edges."""

    std: Array  # (depth,)
    mean: Array  # (depth,)
    pre_std: Array  # (depth,)
    counts: Array  # (depth, bins)
    edges: Array  # (bins + 1,)


def _draw(init: str | float, width: int, rng: np.random.Generator) -> Array:
    if isinstance(init, str) and init in INITS:
        return np.asarray(INITS[init](width, width, rng), dtype=np.float64)
    std = SMALL_STD if init == "small" else init
    if isinstance(std, str):
        raise KeyError(f"unknown init {init!r}")
    return rng.standard_normal((width, width)) * float(std)


def activation_stats(depth: int = 50, width: int = 100, init: str | float = "xavier_normal",
                     activation: str = "tanh", seed: int = 0, n: int = 256,
                     bins: int = 21) -> ActivationStats:
    """Push n standard-normal inputs through ``depth`` plain layers and measure each one.

    ``init`` is a name from INITS, "small" (N(0, SMALL_STD²)) or a number, the weights'
    std. The histogram edges span ±(largest |activation| anywhere), so a signal that
    shrinks layer by layer piles up in the middle bins.
    """
    rng = np.random.default_rng(seed)
    stack = DeepStack([_draw(init, width, rng) for _ in range(depth)], activation)
    trace = stack.forward(rng.standard_normal((n, width)))
    acts = trace.hs[1:]
    top = max(float(np.max(np.abs(a))) for a in acts) or 1.0
    edges = np.linspace(-top, top, bins + 1)
    counts = np.array([np.histogram(a, bins=edges)[0] for a in acts])
    return ActivationStats(np.array([a.std() for a in acts]), np.array([a.mean() for a in acts]),
                           np.array([z.std() for z in trace.zs]), counts, edges)
