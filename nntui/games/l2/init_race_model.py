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

__all__ = ["Runner", "InitRace", "STARTS", "SIZES", "outcome", "pinned_fraction"]

# Five tanh layers deep: deep enough that a start of N(0, 1)·3 saturates the units and the run
# stalls, while Xavier keeps the signal a healthy size (tanh is the case Xavier was made for).
SIZES = (2, 16, 16, 16, 16, 16, 1)
HIDDEN = "tanh"
LEARNING_RATE = 0.5
DATA = "circle"
N_POINTS = 200
SEED = 5  # any seed shows the same three verdicts (tests check 0–5)
MAX_STEPS = 300

# (init name in engine.init.INITS, label on screen)
STARTS = (("zeros", "zero"), ("large", "too large"), ("xavier_uniform", "Xavier"))


# A verdict needs some history: over the first steps even a healthy run moves so little that
# it would read as flat or stalled.
VERDICT_AFTER = 30
# The recent stretch a verdict looks at: the last third of the run, at least this many steps.
MIN_WINDOW = 10
# "descending" = the loss now is at least this fraction below where the run began, and still
# falling (by FALLING) over the recent stretch. Both compare medians of five steps, so one
# bump of a healthy run, or a rounding difference in a chaotic one, cannot flip the verdict.
DESCENT = 0.15
FALLING = 0.03
SMOOTH = 5
# A hidden unit is pinned when |tanh| > PINNED_AT; when most are, the run is stalled whatever
# its loss does: those units pass almost no gradient, so only the output layer still learns.
PINNED_AT = 0.99
MOSTLY_PINNED = 0.5


def outcome(losses: list[float], verdict_after: int = VERDICT_AFTER,
            pinned: float = 0.0) -> str:
    """Name what a run is doing: flat, descending, thrashing, stalled or diverged (or "too
    early" before ``verdict_after`` steps), from its loss curve and the fraction of its hidden
    units that are ``pinned`` at ±1."""
    if len(losses) < 2:
        return "not started"
    if not all(math.isfinite(v) for v in losses):
        return "diverged"
    if len(losses) < verdict_after:
        return "too early"
    if max(losses) - min(losses) < 0.01:
        return "flat"
    if pinned >= MOSTLY_PINNED:
        return "stalled"
    recent = np.asarray(losses[-max(MIN_WINDOW, len(losses) // 2):])
    k = max(1, min(SMOOTH, len(recent) // 3))  # a short curve is read point by point
    now = np.median(recent[-k:])
    if (now < (1.0 - DESCENT) * np.median(losses[:k])
            and now < (1.0 - FALLING) * np.median(recent[:k])):
        return "descending"
    rises = np.sum(np.diff(recent) > 1e-3)
    return "thrashing" if rises > 0.1 * len(recent) else "stalled"


def pinned_fraction(model: MLP, X: np.ndarray) -> float:
    """The share of hidden activations (over the data) stuck near ±1."""
    _, acts = model.forward_trace(X)
    hidden = np.concatenate([a.ravel() for a in acts[1:-1]])
    return float(np.mean(np.abs(hidden) > PINNED_AT))


@dataclass
class Runner:
    """One training run from one start."""

    init: str
    label: str
    model: MLP
    optimizer: SGD
    verdict_after: int = VERDICT_AFTER
    losses: list[float] = field(default_factory=list)
    #: Share of hidden units pinned at ±1, measured after the last step.
    pinned: float = 0.0

    @property
    def outcome(self) -> str:
        return outcome(self.losses, self.verdict_after, self.pinned)


class InitRace:
    def __init__(self, max_steps: int = MAX_STEPS, seed: int = SEED) -> None:
        self.seed = seed
        X, y = data.make(DATA, n=N_POINTS, seed=seed)
        # Scale the points into [−1, 1] so only the weights decide how big the signals get.
        self.X = X / np.abs(X).max()
        self.y = y
        self.max_steps = max_steps
        self.reset()

    def reset(self) -> None:
        self.runners = [
            Runner(init, label, MLP(SIZES, hidden=HIDDEN, init=init, seed=self.seed),
                   SGD(LEARNING_RATE), min(VERDICT_AFTER, self.max_steps))
            for init, label in STARTS
        ]
        for r in self.runners:
            r.pinned = pinned_fraction(r.model, self.X)

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
        for r in self.runners:
            r.pinned = pinned_fraction(r.model, self.X)

    def accuracy(self, runner: Runner) -> float:
        return accuracy(runner.model, self.X, self.y)

    def hidden_spread(self, runner: Runner) -> float:
        """Largest difference between two units of the first hidden layer, over the data:
        exactly 0 while every unit is still a copy of the others."""
        _, acts = runner.model.forward_trace(self.X)
        h = acts[1]
        return float(np.max(h.max(axis=1) - h.min(axis=1)))
