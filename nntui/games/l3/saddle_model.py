"""Escaping a saddle: the pure model (no Textual).

The surface is the engine's saddle f(a, b) = a² − b²: up along a, down along b. The run starts
just off the ridge b = 0, where the gradient along b is tiny (∂f/∂b = −2b). Each ``step()`` is
one real step of the engine's Momentum optimizer (β = 0 is plain gradient descent), so a run
with no momentum crawls towards the flat centre and stalls there, while momentum piles up the
small downhill pushes along b and rolls off the saddle.
"""

from __future__ import annotations

import numpy as np

from nntui.engine.optim import Momentum
from nntui.engine.surfaces import SURFACES

__all__ = ["SURFACE", "LEARNING_RATE", "MAX_STEPS", "ESCAPE_B", "START", "Saddle"]

SURFACE = SURFACES["saddle"]
LEARNING_RATE = 0.01
# Enough steps for β = 0.5 to escape, too few for plain descent (b grows only ×1.02 a step).
MAX_STEPS = 150
# |b| past this is well down the slope (f ≤ −6.25 near a = 0) and off the picture's edge.
ESCAPE_B = 2.5
START = SURFACE.start  # (−2.5, 0.01): far out along a, a hair off the ridge


class Saddle:
    """One run of Momentum(lr, β) on the saddle from ``START``."""

    def __init__(self, beta: float = 0.0) -> None:
        self.beta = float(beta)
        self.restart()

    def restart(self) -> None:
        self.optimizer = Momentum(LEARNING_RATE, beta=self.beta)
        self.point = np.array(START, dtype=np.float64)  # updated in place by the optimizer
        self.trail: list[tuple[float, float]] = [tuple(self.point)]

    def set_beta(self, beta: float) -> None:
        """A new momentum starts a new run from the start."""
        self.beta = float(beta)
        self.restart()

    @property
    def steps(self) -> int:
        return len(self.trail) - 1

    @property
    def escaped(self) -> bool:
        return abs(self.point[1]) > ESCAPE_B

    @property
    def done(self) -> bool:
        return self.escaped or self.steps >= MAX_STEPS

    @property
    def stalled(self) -> bool:
        """The step budget is spent and the run is still on the saddle."""
        return self.steps >= MAX_STEPS and not self.escaped

    @property
    def value(self) -> float:
        return float(SURFACE.f(self.point))

    @property
    def gradient(self) -> np.ndarray:
        return SURFACE.grad(self.point)

    @property
    def velocity(self) -> np.ndarray:
        """The optimizer's running sum v (zero before the first step)."""
        v = self.optimizer.v
        return np.zeros(2) if v is None else v[0].copy()

    def step(self) -> bool:
        """One optimizer step; False when the run was already over."""
        if self.done:
            return False
        self.optimizer.step([self.point], [self.gradient])
        self.trail.append(tuple(self.point))
        return True

    def run(self, steps: int = MAX_STEPS) -> "Saddle":
        for _ in range(steps):
            if not self.step():
                break
        return self
