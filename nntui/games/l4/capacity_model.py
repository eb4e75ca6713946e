"""Model capacity: the pure model (no Textual).

Noisy samples of one smooth curve, split into training and validation points; a polynomial of
the chosen degree is fitted to the training points by least squares (the engine's
``fit_polynomial``). The train and validation errors of every degree come from the engine's
``capacity_curve`` on the same data, so the marked best degree is the measured one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nntui.engine.fit import CAP_DEGREES, CapacityCurve, capacity_curve, capacity_data, \
    fit_polynomial

__all__ = ["Capacity", "verdict"]

UNDERFIT_FACTOR = 1.5  # a degree is called under/overfit when its validation error is this
                       # many times the best one's, on the side of the best it lies


def verdict(degree: int, curve: CapacityCurve) -> str:
    best = curve.best
    val = curve.val_error[list(curve.degrees).index(degree)]
    close = val <= UNDERFIT_FACTOR * curve.val_error.min()
    if degree == best:
        return "best"
    if close:
        return "good"
    return "underfit" if degree < best else "overfit"


@dataclass
class Capacity:
    degree: int = 1
    seed: int = 0
    visited: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.data = capacity_data(self.seed)
        self.curve = capacity_curve(CAP_DEGREES, self.seed)
        self.visited.add(self.verdict)

    @property
    def degrees(self) -> tuple[int, ...]:
        return tuple(int(d) for d in self.curve.degrees)

    def turn(self, steps: int) -> None:
        self.degree = min(max(self.degree + steps, self.degrees[0]), self.degrees[-1])
        self.visited.add(self.verdict)

    @property
    def index(self) -> int:
        return self.degrees.index(self.degree)

    @property
    def train_error(self) -> float:
        return float(self.curve.train_error[self.index])

    @property
    def val_error(self) -> float:
        return float(self.curve.val_error[self.index])

    @property
    def verdict(self) -> str:
        return verdict(self.degree, self.curve)

    @property
    def explored(self) -> bool:
        """Seen all three: an underfit, the best and an overfit degree."""
        return {"underfit", "best", "overfit"} <= self.visited

    def fitted(self, n: int = 120) -> tuple[np.ndarray, np.ndarray]:
        """The fitted polynomial sampled over the data's x range."""
        xs = np.linspace(-1.0, 1.0, n)
        return xs, fit_polynomial(self.data.x_train, self.data.y_train, self.degree)(xs)
