"""Mixture of experts: the pure model (no Textual).

Four experts, each a small linear map ℝ² → ℝ, and a softmax router whose weight columns point
each expert at one direction of the plane (so each expert "owns" a quarter, and inputs near a
border share two). A batch of ``BATCH`` points; the learner picks one; the engine gives the
router's probabilities, the top-2 experts with renormalised gates, the gated output, and the
load per expert over the whole batch. ``sharpness`` scales the router's scores: a sharp router
puts almost all weight on one expert, a soft one splits it.
"""

from __future__ import annotations

import numpy as np

from nntui.engine.moe import load, moe_forward, router_probs, top_k

N_EXPERTS = 4
K = 2
BATCH = 16
SHARPNESS = (0.5, 1.0, 2.0, 4.0, 8.0)
LIMIT = 3.0  # inputs are drawn in [−LIMIT, LIMIT]²


def _experts(seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(seed)
    return [(rng.normal(0.0, 1.0, (2, 1)), rng.normal(0.0, 0.5, 1)) for _ in range(N_EXPERTS)]


class MixtureOfExperts:
    """Router, experts, the batch, the picked input and the router's sharpness."""

    def __init__(self, seed: int = 0) -> None:
        angles = np.arange(N_EXPERTS) * 2.0 * np.pi / N_EXPERTS + np.pi / 4
        self.directions = np.vstack([np.cos(angles), np.sin(angles)])  # (2, experts)
        self.experts = _experts(seed)
        self.sharp_index = 1
        self.batch_seed = seed
        self.new_batch()

    def new_batch(self) -> None:
        rng = np.random.default_rng(self.batch_seed)
        self.X = np.clip(rng.normal(0.0, 1.3, (BATCH, 2)), -LIMIT + 0.1, LIMIT - 0.1)
        self.batch_seed += 1
        self.picked = 0

    @property
    def sharpness(self) -> float:
        return SHARPNESS[self.sharp_index]

    @property
    def W_r(self) -> np.ndarray:
        return self.sharpness * self.directions

    def sharpen(self, delta: int) -> None:
        self.sharp_index = min(len(SHARPNESS) - 1, max(0, self.sharp_index + delta))

    def pick(self, delta: int) -> None:
        self.picked = (self.picked + delta) % BATCH

    @property
    def x(self) -> np.ndarray:
        return self.X[self.picked]

    def probs(self) -> np.ndarray:
        """The router's softmax over the experts for the picked input."""
        return router_probs(self.x[None, :], self.W_r)[0]

    def route(self) -> tuple[np.ndarray, np.ndarray, float]:
        """(top-2 experts, their renormalised gates, the layer's output) for the picked input."""
        y, indices, gates = moe_forward(self.x[None, :], self.W_r, None, self.experts, K)
        return indices[0], gates[0], float(y[0, 0])

    def expert_output(self, expert: int) -> float:
        W, b = self.experts[expert]
        return float((self.x @ W + b)[0])

    def loads(self) -> np.ndarray:
        """Inputs of the batch sent to each expert (each input goes to two)."""
        indices, _ = top_k(router_probs(self.X, self.W_r), K)
        return load(indices, N_EXPERTS)

    def winner_grid(self, nx: int, ny: int) -> np.ndarray:
        """The top-1 expert over the input square, (ny, nx), row 0 at the bottom."""
        xs, ys = np.linspace(-LIMIT, LIMIT, nx), np.linspace(-LIMIT, LIMIT, ny)
        gx, gy = np.meshgrid(xs, ys)
        points = np.column_stack([gx.ravel(), gy.ravel()])
        return router_probs(points, self.W_r).argmax(axis=1).reshape(ny, nx)
