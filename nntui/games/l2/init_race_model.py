"""Initialization race: the pure model (no Textual).

One network shape, one data set, one optimizer; three copies that differ only in their starting
weights (all zeros, too large, Xavier). ``step(n)`` trains each copy n more full-batch steps with
the engine and appends the losses, so whatever the curves do is what real training did.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from nntui.engine import data
from nntui.engine.mlp import MLP, accuracy, train_step
from nntui.engine.optim import SGD

__all__ = ["Runner", "InitRace", "STARTS", "SIZES", "outcome"]

# Five tanh layers deep: deep enough that a start of N(0, 1)·3 saturates the units and the run
# stalls, while Xavier keeps the signal a healthy size (tanh is the case Xavier was made for).
SIZES = (2, 16, 16, 16, 16, 16, 1)
HIDDEN = "tanh"
LEARNING_RATE = 0.5
DATA = "circle"
N_POINTS = 200
SEED = 5  # a start whose too-large run stalls at the first verdict and at the end
MAX_STEPS = 300

# (init name in engine.init.INITS, label on screen)
STARTS = (("zeros", "zero"), ("large", "too large"), ("xavier_uniform", "Xavier"))


# A verdict needs some history: over the first steps even a healthy run moves so little that
# it would read as flat or stalled.
VERDICT_AFTER = 30
# The recent stretch a verdict looks at: the last third of the run, at least this many steps.
MIN_WINDOW = 10
# "descending" = the loss fell by at least this fraction over the recent stretch.
DESCENT = 0.15


def outcome(losses: list[float], verdict_after: int = VERDICT_AFTER) -> str:
    """Name what a loss curve is doing: flat, descending, thrashing, stalled or diverged
    (or "too early" before ``verdict_after`` steps), judged on its recent stretch."""
    if len(losses) < 2:
        return "not started"
    if not all(math.isfinite(v) for v in losses):
        return "diverged"
    if len(losses) < verdict_after:
        return "too early"
    if max(losses) - min(losses) < 0.01:
        return "flat"
    recent = np.asarray(losses[-max(MIN_WINDOW, len(losses) // 3):])
    if recent[-1] < (1.0 - DESCENT) * recent[0]:
        return "descending"
    rises = np.sum(np.diff(recent) > 1e-3)
    return "thrashing" if rises > 0.1 * len(recent) else "stalled"


@dataclass
class Runner:
    """One training run from one start."""

    init: str
    label: str
    model: MLP
    optimizer: SGD
    verdict_after: int = VERDICT_AFTER
    losses: list[float] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        return outcome(self.losses, self.verdict_after)


class InitRace:
    def __init__(self, max_steps: int = MAX_STEPS) -> None:
        X, y = data.make(DATA, n=N_POINTS, seed=SEED)
        # Scale the points into [−1, 1] so only the weights decide how big the signals get.
        self.X = X / np.abs(X).max()
        self.y = y
        self.max_steps = max_steps
        self.reset()

    def reset(self) -> None:
        self.runners = [
            Runner(init, label, MLP(SIZES, hidden=HIDDEN, init=init, seed=SEED),
                   SGD(LEARNING_RATE), min(VERDICT_AFTER, self.max_steps))
            for init, label in STARTS
        ]

    @property
    def steps_done(self) -> int:
        return len(self.runners[0].losses)

    @property
    def done(self) -> bool:
        return self.steps_done >= self.max_steps

    def step(self, n: int = 1) -> None:
        """Train every runner ``n`` more steps (never past ``max_steps``)."""
        for _ in range(min(n, self.max_steps - self.steps_done)):
            for r in self.runners:
                r.losses.append(train_step(r.model, r.optimizer, self.X, self.y))

    def accuracy(self, runner: Runner) -> float:
        return accuracy(runner.model, self.X, self.y)

    def hidden_spread(self, runner: Runner) -> float:
        """Largest difference between two units of the first hidden layer, over the data:
        exactly 0 while every unit is still a copy of the others."""
        _, acts = runner.model.forward_trace(self.X)
        h = acts[1]
        return float(np.max(h.max(axis=1) - h.min(axis=1)))
