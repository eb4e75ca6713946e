"""Overfitting: the pure model of the lesson's demo (no Textual).

Twelve noisy samples of sin(2.5x) and an MLP 1 → 64 → 64 → 1 with 4 353 parameters: far more
knobs than points, so full-batch Adam can thread the curve through every noisy point. The
training loss keeps falling while the loss on 40 fresh samples of the same curve turns back
up — memorizing, not learning. With weight decay, L = L_data + λΣw², the same run stays smooth
and its validation loss ends lower.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nntui.engine.losses import LOSSES
from nntui.engine.mlp import MLP, train_step
from nntui.engine.optim import Adam

__all__ = ["N_TRAIN", "N_VAL", "SIZES", "STEPS", "RECORD_EVERY", "DECAY", "Data", "make_data",
           "OverfitRun"]

N_TRAIN = 12
N_VAL = 40
NOISE = 0.3
DATA_SEED = 1
SIZES = (1, 64, 64, 1)
LR = 0.01
STEPS = 2000
RECORD_EVERY = 10  # steps between two points of the loss curves
DECAY = 1e-3  # λ when weight decay is on


@dataclass(frozen=True)
class Data:
    x_train: np.ndarray  # (n, 1)
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray


def make_data(seed: int = DATA_SEED) -> Data:
    """12 training points at random x in [−1, 1], 40 validation points evenly spread, both
    sin(2.5x) plus Gaussian noise of standard deviation 0.3."""
    rng = np.random.default_rng(seed)
    x_train = np.sort(rng.uniform(-1.0, 1.0, N_TRAIN))
    y_train = np.sin(2.5 * x_train) + NOISE * rng.standard_normal(N_TRAIN)
    x_val = np.linspace(-1.0, 1.0, N_VAL)
    y_val = np.sin(2.5 * x_val) + NOISE * rng.standard_normal(N_VAL)
    return Data(x_train[:, None], y_train[:, None], x_val[:, None], y_val[:, None])


@dataclass
class OverfitRun:
    """One training run of the demo; ``history`` holds (step, train loss, validation loss),
    both the plain mean squared error (without the λΣw² term, so runs compare fairly)."""

    weight_decay: float = 0.0
    steps: int = STEPS
    data: Data = field(default_factory=make_data)

    def __post_init__(self) -> None:
        self.model = MLP(list(SIZES), hidden="tanh", output="linear", seed=0)
        self.optimizer = Adam(LR)
        self.steps_done = 0
        self.history: list[tuple[int, float, float]] = [(0, *self.losses())]

    def losses(self) -> tuple[float, float]:
        d = self.data
        mse = LOSSES["mse"]
        return (mse(self.model.forward(d.x_train), d.y_train)[0],
                mse(self.model.forward(d.x_val), d.y_val)[0])

    @property
    def done(self) -> bool:
        return self.steps_done >= self.steps

    def train(self, n: int = RECORD_EVERY) -> float:
        """Up to n more steps; records the losses after them; returns the training loss."""
        d = self.data
        for _ in range(min(n, self.steps - self.steps_done)):
            train_step(self.model, self.optimizer, d.x_train, d.y_train, loss="mse",
                       l2=self.weight_decay)
            self.steps_done += 1
        self.history.append((self.steps_done, *self.losses()))
        return self.history[-1][1]

    @property
    def best(self) -> tuple[int, float]:
        """Early stopping's choice: the step with the lowest validation loss, and that loss."""
        step, _, val = min(self.history, key=lambda h: h[2])
        return step, val

    @property
    def weight_norm(self) -> float:
        """Σw² over the weights (not the biases): what weight decay charges for."""
        return float(sum(np.sum(w * w) for w in self.model.weights))
