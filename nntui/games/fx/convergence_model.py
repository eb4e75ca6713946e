"""Gradient descent on a quadratic: the theory's rate next to a real run's (no UI here).

The quadratic has n eigenvalues spread geometrically from λ₁ = 1 to λₙ = κ; the learner sets κ
and the step α as a fraction of the optimal step α* = 2/(λ₁ + λₙ).
"""

from __future__ import annotations

import math

import numpy as np

from nntui.engine import theory

N_EIGS = 6
STEPS = 60
KAPPA_RANGE = (2.0, 100.0)
FRACTION_RANGE = (0.05, 1.3)  # α/α*


def eigenvalues(kappa: float) -> np.ndarray:
    """λ₁ = 1 … λₙ = κ, spread geometrically."""
    return np.geomspace(1.0, kappa, N_EIGS)


def predicted_rate(lr: float, eigs) -> float:
    """The theory's shrink factor per step at any α: the slowest coordinate, maxᵢ |1 − αλᵢ|."""
    return float(np.max(np.abs(1.0 - lr * np.asarray(eigs, dtype=np.float64))))


def steps_to_shrink(rate: float, factor: float = 1000.0) -> float:
    """Steps until the error is ``factor`` times smaller at this rate (inf if it never is)."""
    if rate <= 0.0:
        return 1.0
    if rate >= 1.0:
        return math.inf
    return math.log(factor) / -math.log(rate)


class Convergence:
    """κ and α/α*; every figure is recomputed from them."""

    def __init__(self, kappa: float = 10.0, fraction: float = 0.6, steps: int = STEPS) -> None:
        self.kappa = kappa
        self.fraction = fraction
        self.steps = steps

    @property
    def eigs(self) -> np.ndarray:
        return eigenvalues(self.kappa)

    @property
    def optimal_lr(self) -> float:
        return theory.optimal_step(1.0, self.kappa)

    @property
    def lr(self) -> float:
        return self.fraction * self.optimal_lr

    @property
    def optimal_rate(self) -> float:
        return theory.gd_rate(self.kappa)

    @property
    def predicted(self) -> float:
        return predicted_rate(self.lr, self.eigs)

    @property
    def converges(self) -> bool:
        return theory.gd_converges(self.lr, self.eigs)

    def errors(self) -> np.ndarray:
        """‖xₜ‖ of a real run with the engine's SGD, t = 0 … steps."""
        return theory.gd_quadratic(self.eigs, self.lr, steps=self.steps)

    def optimal_errors(self) -> np.ndarray:
        return theory.gd_quadratic(self.eigs, self.optimal_lr, steps=self.steps)

    def measured(self) -> float:
        return theory.measured_rate(self.errors())


# A log chart a few rows high shows about a dozen decades: a diverging run is drawn up to
# SHOW_ABOVE and a converged one down to SHOW_BELOW; beyond, the axis would squash the rest.
SHOW_ABOVE = 1e4
SHOW_BELOW = 1e-10


def for_log_chart(errors) -> list[float]:
    """The errors between SHOW_BELOW and SHOW_ABOVE; the rest (and inf) left out of the chart."""
    e = np.asarray(errors, dtype=np.float64)
    return np.where((e <= SHOW_ABOVE) & (e >= SHOW_BELOW), e, np.nan).tolist()


def theory_curve(start: float, rate: float, steps: int) -> np.ndarray:
    """e₀·ρᵗ for t = 0 … steps: what the theory predicts the error does."""
    with np.errstate(over="ignore"):
        return start * rate ** np.arange(steps + 1, dtype=np.float64)
