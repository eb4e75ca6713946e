"""Small fully connected networks on :mod:`nntui.engine.autograd` tensors.

The hand-written :class:`nntui.engine.mlp.MLP` keeps its own backprop for the early levels; the
Level 4 zoo (GAN, VAE) composes losses that MLP cannot express, so it builds its networks here
and lets autograd find every gradient.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .autograd import Tensor, tensor
from .init import INITS

__all__ = ["DenseNet", "softplus"]

HIDDEN = ("tanh", "relu", "sigmoid")


class DenseNet:
    """``sizes = (n_in, h₁, …, n_out)``: x ↦ Wₖ·act(… act(x W₁ + b₁) …) + bₖ, a linear output.

    ``params`` is ``[W1, b1, W2, b2, …]`` as tensors; W has shape (n_in, n_out).
    """

    def __init__(self, sizes: Sequence[int], hidden: str = "tanh",
                 rng: np.random.Generator | None = None, init: str = "xavier_uniform"):
        if hidden not in HIDDEN:
            raise ValueError(f"hidden activation must be one of {HIDDEN}")
        rng = np.random.default_rng(0) if rng is None else rng
        self.sizes, self.hidden = tuple(sizes), hidden
        self.params: list[Tensor] = []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            self.params += [Tensor(INITS[init](n_in, n_out, rng)), Tensor(np.zeros(n_out))]

    def __call__(self, x) -> Tensor:
        h = tensor(x)
        last = len(self.params) // 2 - 1
        for layer in range(last + 1):
            W, b = self.params[2 * layer], self.params[2 * layer + 1]
            h = h @ W + b
            if layer < last:
                h = getattr(h, self.hidden)()
        return h

    def predict(self, x) -> np.ndarray:
        """The output as a plain array, without recording a graph."""
        frozen = DenseNet.__new__(DenseNet)
        frozen.sizes, frozen.hidden = self.sizes, self.hidden
        frozen.params = [p.detach() for p in self.params]
        return frozen(np.asarray(x, dtype=np.float64)).data


def softplus(a: Tensor) -> Tensor:
    """log(1 + eᵃ), written as max(a, 0) + log(1 + e^−|a|) so large |a| cannot overflow."""
    sign = np.where(a.data >= 0, 1.0, -1.0)  # |a| = a·sign(a); the sign is a constant
    return a.relu() + (1.0 + (-(a * sign)).exp()).log()
