"""Optimizers, with PyTorch's update rules; ``.step(params, grads)`` updates in place.

State (velocities, moments) is kept per position in the ``params`` list and is
created on the first step; ``reset()`` forgets it. ``lr`` is a plain attribute,
so a schedule may change it between steps.
"""

from __future__ import annotations

import numpy as np

__all__ = ["Optimizer", "SGD", "Momentum", "RMSprop", "Adam", "AdamW", "Lion", "OPTIMIZERS"]


class Optimizer:
    """Base class: holds ``lr`` and the step counter ``t``."""

    name = "optimizer"

    def __init__(self, lr: float):
        self.lr = float(lr)
        self.t = 0

    def reset(self) -> None:
        """Forget all state (moments, step count)."""
        self.t = 0

    def step(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        raise NotImplementedError

    def _zeros_like(self, params) -> list[np.ndarray]:
        return [np.zeros_like(p) for p in params]


class SGD(Optimizer):
    """p ← p − lr·g"""

    name = "sgd"

    def __init__(self, lr: float = 0.01):
        super().__init__(lr)

    def step(self, params, grads):
        self.t += 1
        lr = self.lr
        for p, g in zip(params, grads):
            p -= lr * g


class Momentum(Optimizer):
    """v ← βv + g;  p ← p − lr·v   (Nesterov: p ← p − lr·(g + βv), with the new v)."""

    name = "momentum"

    def __init__(self, lr: float = 0.01, beta: float = 0.9, nesterov: bool = False):
        super().__init__(lr)
        self.beta = float(beta)
        self.nesterov = bool(nesterov)
        self.v: list[np.ndarray] | None = None

    def reset(self):
        super().reset()
        self.v = None

    def step(self, params, grads):
        if self.v is None:
            self.v = self._zeros_like(params)
        self.t += 1
        lr, beta = self.lr, self.beta
        for p, g, v in zip(params, grads, self.v):
            v *= beta
            v += g
            p -= lr * (g + beta * v) if self.nesterov else lr * v


class RMSprop(Optimizer):
    """s ← αs + (1−α)g²;  p ← p − lr·g/(√s + ε)"""

    name = "rmsprop"

    def __init__(self, lr: float = 1e-2, alpha: float = 0.99, eps: float = 1e-8):
        super().__init__(lr)
        self.alpha = float(alpha)
        self.eps = float(eps)
        self.s: list[np.ndarray] | None = None

    def reset(self):
        super().reset()
        self.s = None

    def step(self, params, grads):
        if self.s is None:
            self.s = self._zeros_like(params)
        self.t += 1
        a = self.alpha
        for p, g, s in zip(params, grads, self.s):
            s *= a
            s += (1.0 - a) * g * g
            p -= self.lr * g / (np.sqrt(s) + self.eps)


class Adam(Optimizer):
    """m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  p ← p − lr·m̂/(√v̂ + ε),
    with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)."""

    name = "adam"

    def __init__(self, lr: float = 1e-3, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8):
        super().__init__(lr)
        self.beta1, self.beta2, self.eps = float(beta1), float(beta2), float(eps)
        self.m: list[np.ndarray] | None = None
        self.v: list[np.ndarray] | None = None

    def reset(self):
        super().reset()
        self.m = self.v = None

    def _decay(self, params):
        pass  # AdamW shrinks the weights here

    def step(self, params, grads):
        if self.m is None:
            self.m, self.v = self._zeros_like(params), self._zeros_like(params)
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        c1 = 1.0 - b1**self.t
        c2 = 1.0 - b2**self.t
        self._decay(params)
        for p, g, m, v in zip(params, grads, self.m, self.v):
            m *= b1
            m += (1.0 - b1) * g
            v *= b2
            v += (1.0 - b2) * g * g
            p -= self.lr * (m / c1) / (np.sqrt(v / c2) + self.eps)


class AdamW(Adam):
    """Decoupled weight decay: p ← p·(1 − lr·wd), then the Adam step."""

    name = "adamw"

    def __init__(self, lr: float = 1e-3, beta1: float = 0.9, beta2: float = 0.999,
                 eps: float = 1e-8, weight_decay: float = 1e-2):
        super().__init__(lr, beta1, beta2, eps)
        self.weight_decay = float(weight_decay)

    def _decay(self, params):
        shrink = 1.0 - self.lr * self.weight_decay
        for p in params:
            p *= shrink


class Lion(Optimizer):
    """c ← β₁m + (1−β₁)g;  p ← p − lr·(sign(c) + wd·p);  m ← β₂m + (1−β₂)g"""

    name = "lion"

    def __init__(self, lr: float = 1e-4, beta1: float = 0.9, beta2: float = 0.99,
                 weight_decay: float = 0.0):
        super().__init__(lr)
        self.beta1, self.beta2 = float(beta1), float(beta2)
        self.weight_decay = float(weight_decay)
        self.m: list[np.ndarray] | None = None

    def reset(self):
        super().reset()
        self.m = None

    def step(self, params, grads):
        if self.m is None:
            self.m = self._zeros_like(params)
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for p, g, m in zip(params, grads, self.m):
            c = b1 * m + (1.0 - b1) * g
            p -= self.lr * (np.sign(c) + self.weight_decay * p)
            m *= b2
            m += (1.0 - b2) * g


def _nesterov(lr: float = 0.01, beta: float = 0.9) -> Momentum:
    return Momentum(lr, beta=beta, nesterov=True)


# Constructors by name; "nesterov" is Momentum with the flag set.
OPTIMIZERS = {
    "sgd": SGD,
    "momentum": Momentum,
    "nesterov": _nesterov,
    "rmsprop": RMSprop,
    "adam": Adam,
    "adamw": AdamW,
    "lion": Lion,
}
