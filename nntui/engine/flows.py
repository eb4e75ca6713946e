"""A normalizing flow in 2-D: a stack of affine coupling layers (RealNVP's idea).

Layer k keeps one coordinate, ``c = k mod 2``, and moves the other, ``m = 1 − c``, by a scale and
a shift that a small network computes from the kept one::

    forward  y_c = x_c,   y_m = x_m · exp(s(x_c)) + t(x_c)
    inverse  x_c = y_c,   x_m = (y_m − t(y_c)) · exp(−s(y_c))

``(s, t) = head(tanh(x_c·W₁ + b₁)·W₂ + b₂)`` with ``s`` squashed to ``S·tanh(·)`` so a step can
never blow a point up. The Jacobian of a step is triangular, so its log-determinant is just
``s(x_c)`` (forward) and ``−s(y_c)`` (inverse), per point — no matrix needed. The last layer of
every conditioner starts at zero: an untrained flow is the identity.

Sampling runs ``forward`` from a standard Gaussian z. Training maximises the likelihood of
target points y by the change of variables, running the flow backwards:
``log p(y) = log N(f⁻¹(y); 0, I) + Σₖ log|det ∂f⁻¹ₖ|``. The layers are written once over
:class:`nntui.engine.autograd.Tensor`, so the same code gives the NumPy passes (constant
tensors record no graph) and the gradients for training.
"""

from __future__ import annotations

import math

import numpy as np

from .autograd import Tensor, concat
from .optim import Adam

__all__ = ["CouplingFlow", "TARGETS", "sample_target", "train"]

Array = np.ndarray
#: Largest |log-scale| one step can apply: a factor of e^±2 ≈ 7.4 per layer at most.
SCALE_LIMIT = 2.0
LOG_2PI = math.log(2.0 * math.pi)


def _ring(n: int, rng: np.random.Generator) -> Array:
    angle = rng.uniform(0.0, 2.0 * np.pi, n)
    radius = 2.0 + 0.2 * rng.standard_normal(n)
    return np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])


def _moons(n: int, rng: np.random.Generator) -> Array:
    """Two interleaved half circles, centred on the origin, with a little noise."""
    upper = rng.random(n) < 0.5
    angle = rng.uniform(0.0, np.pi, n)
    x = np.where(upper, np.cos(angle), 1.0 - np.cos(angle)) - 0.5
    y = np.where(upper, np.sin(angle), 0.5 - np.sin(angle)) - 0.25
    return 1.6 * np.column_stack([x, y]) + 0.08 * rng.standard_normal((n, 2))


TARGETS = {"ring": _ring, "moons": _moons}


def sample_target(name: str, n: int, rng: np.random.Generator) -> Array:
    """``n`` points (n, 2) of a target shape: ``ring`` (radius 2) or two ``moons``."""
    return TARGETS[name](n, rng)


class CouplingFlow:
    """``n_layers`` affine coupling steps, each with a conditioner 1 → hidden → 2."""

    def __init__(self, n_layers: int = 8, hidden: int = 16, seed: int = 0) -> None:
        rng = np.random.default_rng(seed)
        self.n_layers = n_layers
        #: Per layer: W₁ (1, hidden), b₁ (hidden,), W₂ (hidden, 2), b₂ (2,) — as Tensors.
        self.params: list[Tensor] = []
        for _ in range(n_layers):
            self.params += [Tensor(rng.standard_normal((1, hidden))), Tensor(np.zeros(hidden)),
                            Tensor(np.zeros((hidden, 2))), Tensor(np.zeros(2))]

    # --- one layer, on tensors ---------------------------------------------------------------

    def _scale_shift(self, k: int, kept: Tensor) -> tuple[Tensor, Tensor]:
        W1, b1, W2, b2 = self.params[4 * k:4 * k + 4]
        out = (kept @ W1 + b1).tanh() @ W2 + b2
        return out[:, 0:1].tanh() * SCALE_LIMIT, out[:, 1:2]

    @staticmethod
    def _columns(k: int) -> tuple[int, int]:
        """(kept, moved) coordinate of layer k."""
        return k % 2, 1 - k % 2

    def _join(self, k: int, kept: Tensor, moved: Tensor) -> Tensor:
        c, _ = self._columns(k)
        return concat([kept, moved] if c == 0 else [moved, kept], axis=1)

    def _step(self, k: int, x: Tensor, inverse: bool) -> tuple[Tensor, Tensor]:
        c, m = self._columns(k)
        kept, other = x[:, c:c + 1], x[:, m:m + 1]
        s, t = self._scale_shift(k, kept)
        if inverse:
            return self._join(k, kept, (other - t) * (-s).exp()), -s[:, 0]
        return self._join(k, kept, other * s.exp() + t), s[:, 0]

    # --- NumPy passes -----------------------------------------------------------------------

    def _constant(self) -> "CouplingFlow":
        """The same flow over constant tensors (no graph is recorded)."""
        frozen = CouplingFlow.__new__(CouplingFlow)
        frozen.n_layers = self.n_layers
        frozen.params = [Tensor(p.data, requires_grad=False) for p in self.params]
        return frozen

    def layer_forward(self, k: int, x: Array) -> tuple[Array, Array]:
        """Step k forward: (y, log|det ∂y/∂x| per point)."""
        y, logdet = self._constant()._step(k, Tensor(x, requires_grad=False), inverse=False)
        return y.data, logdet.data

    def layer_inverse(self, k: int, y: Array) -> tuple[Array, Array]:
        """Step k undone: (x, log|det ∂x/∂y| per point) — exactly minus the forward one."""
        x, logdet = self._constant()._step(k, Tensor(y, requires_grad=False), inverse=True)
        return x.data, logdet.data

    def forward(self, z: Array) -> tuple[Array, Array]:
        """All steps: (f(z), total log-determinant per point)."""
        total = np.zeros(len(z))
        for k in range(self.n_layers):
            z, logdet = self.layer_forward(k, z)
            total += logdet
        return z, total

    def inverse(self, y: Array) -> tuple[Array, Array]:
        total = np.zeros(len(y))
        for k in reversed(range(self.n_layers)):
            y, logdet = self.layer_inverse(k, y)
            total += logdet
        return y, total

    def stages(self, z: Array) -> tuple[list[Array], list[Array]]:
        """The cloud after 0, 1, …, n_layers steps, and each step's log-det per point."""
        clouds, logdets = [np.asarray(z, dtype=np.float64)], []
        for k in range(self.n_layers):
            y, logdet = self.layer_forward(k, clouds[-1])
            clouds.append(y)
            logdets.append(logdet)
        return clouds, logdets

    # --- likelihood and training ------------------------------------------------------------

    def _nll(self, y: Tensor) -> Tensor:
        total = None
        for k in reversed(range(self.n_layers)):
            y, logdet = self._step(k, y, inverse=True)
            total = logdet if total is None else total + logdet
        base = (y * y).sum(axis=1) * 0.5 + LOG_2PI
        return (base - total).mean()

    def nll(self, y: Array) -> float:
        """Mean negative log-likelihood of points y under the flow (nats per point)."""
        return float(self._constant()._nll(Tensor(y, requires_grad=False)).data)

    def loss_and_grads(self, y: Array) -> tuple[float, list[Array]]:
        """The mean NLL of y and its gradient for every parameter (autograd)."""
        for p in self.params:
            p.grad = None
        loss = self._nll(Tensor(y, requires_grad=False))
        loss.backward()
        grads = [np.zeros_like(p.data) if p.grad is None else p.grad for p in self.params]
        for p in self.params:
            p.grad = None
        return float(loss.data), grads

    def get_params(self) -> list[Array]:
        return [p.data.copy() for p in self.params]

    def set_params(self, arrays) -> None:
        for p, a in zip(self.params, arrays):
            p.data = np.array(a, dtype=np.float64).reshape(p.data.shape)


def train(flow: CouplingFlow, target: str, steps: int, batch: int = 256,
          optimizer=None, rng: np.random.Generator | None = None) -> float:
    """``steps`` Adam steps on fresh batches of the target; returns the last batch's NLL."""
    optimizer = optimizer if optimizer is not None else Adam(lr=0.01)
    rng = rng if rng is not None else np.random.default_rng(0)
    loss = math.nan
    for _ in range(steps):
        loss, grads = flow.loss_and_grads(sample_target(target, batch, rng))
        optimizer.step([p.data for p in flow.params], grads)
    return loss
