"""Batch size: the pure model (no Textual).

A real regression: points (x, y) with y = TRUE_W·x + TRUE_B + noise, fitted by ŷ = w·x + b (the
engine's ``MLP([1, 1], output="linear")`` and its MSE backprop). The loss over all the data,
L(w, b) = (1/N) Σ (w·xᵢ + b − yᵢ)², is a bowl in the (w, b) plane. Three copies start from one
point and take SGD steps with the same learning rate; they differ only in how many examples
each step's gradient averages: all of them, a mini-batch, or one. The full-batch path slides
smoothly down the bowl; the smaller the batch, the noisier the gradient and the path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nntui.engine.mlp import MLP, train_step
from nntui.engine.optim import SGD

__all__ = ["N_POINTS", "BATCHES", "START", "LEARNING_RATE", "MAX_STEPS", "make_data",
           "Runner", "BatchRace"]

N_POINTS = 64
TRUE_W, TRUE_B, NOISE = 2.0, -1.0, 0.5
# x on [0, 2], not centred: w and b then trade off against each other, and the bowl is a
# tilted, stretched ellipse rather than a round dish.
X_RANGE = (0.0, 2.0)
START = (-1.5, 3.0)  # (w, b)
LEARNING_RATE = 0.1
MAX_STEPS = 150
SEED = 3
# (label, examples per step); None is the whole data set.
BATCHES = (("full batch", None), ("mini-batch", 8), ("one example", 1))


def make_data(seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """N_POINTS rows x (n, 1) and targets y (n,) on a noisy line."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(*X_RANGE, N_POINTS)
    y = TRUE_W * x + TRUE_B + rng.normal(0.0, NOISE, N_POINTS)
    return x[:, None], y


@dataclass
class Runner:
    """One descent: its batch size, its own model and optimizer, and where it has been."""

    label: str
    batch: int  # examples per step
    model: MLP
    optimizer: SGD
    rng: np.random.Generator
    trail: list[tuple[float, float]] = field(default_factory=list)  # (w, b) after each step
    losses: list[float] = field(default_factory=list)  # full-data loss at each trail point
    _order: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=int))

    @property
    def point(self) -> tuple[float, float]:
        return self.trail[-1]

    @property
    def uphill(self) -> int:
        """Steps after which the loss over all the data was higher than before."""
        return int(np.sum(np.diff(self.losses) > 0))

    def next_batch(self, n: int) -> np.ndarray:
        """The next examples of a shuffled pass; a new shuffle when a pass is used up."""
        if len(self._order) < self.batch:
            self._order = self.rng.permutation(n)
        idx, self._order = self._order[:self.batch], self._order[self.batch:]
        return idx


class BatchRace:
    """Three SGD runs on one regression, from one start, one step each per ``step()``."""

    def __init__(self, seed: int = SEED, max_steps: int = MAX_STEPS) -> None:
        self.X, self.y = make_data(seed)
        self.max_steps = max_steps
        self.runners: list[Runner] = []
        for k, (label, batch) in enumerate(BATCHES):
            model = MLP([1, 1], output="linear")
            model.set_params([np.array([[START[0]]]), np.array([START[1]])])
            runner = Runner(label, batch or N_POINTS, model, SGD(LEARNING_RATE),
                            np.random.default_rng(seed + 1 + k))
            runner.trail.append(START)
            runner.losses.append(self.loss(*START))
            self.runners.append(runner)
        self.steps = 0

    @property
    def done(self) -> bool:
        return self.steps >= self.max_steps

    def step(self) -> bool:
        """One SGD step for every runner; False when the race was already over."""
        if self.done:
            return False
        for r in self.runners:
            idx = r.next_batch(len(self.X))
            train_step(r.model, r.optimizer, self.X[idx], self.y[idx], loss="mse")
            w, b = float(r.model.params[0][0, 0]), float(r.model.params[1][0])
            r.trail.append((w, b))
            r.losses.append(self.loss(w, b))
        self.steps += 1
        return True

    # --- the bowl ------------------------------------------------------------------

    def loss(self, w, b) -> np.ndarray | float:
        """L(w, b) over all the data; w and b may be arrays of the same shape (a grid)."""
        w, b = np.asarray(w, dtype=np.float64), np.asarray(b, dtype=np.float64)
        residual = w[..., None] * self.X[:, 0] + b[..., None] - self.y
        value = np.mean(residual ** 2, axis=-1)
        return float(value) if value.ndim == 0 else value

    @property
    def best_fit(self) -> tuple[float, float]:
        """The bottom of the bowl: the least-squares (w, b)."""
        A = np.column_stack([self.X[:, 0], np.ones(len(self.X))])
        (w, b), *_ = np.linalg.lstsq(A, self.y, rcond=None)
        return float(w), float(b)
