"""Momentum as a damped system, and what Adam, AdamW and Lion change (no UI here).

Heavy ball and Nesterov run on the same quadratic as fx.convergence (six curvatures from 1 to κ);
the theory's rate is the largest root of each coordinate's characteristic polynomial.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nntui.engine import theory
from nntui.engine.optim import Adam, AdamW, Lion, Momentum

from .convergence_model import eigenvalues

STEPS = 100
KAPPA_RANGE = (2.0, 100.0)
BETA_RANGE = (0.0, 0.99)
SCALED_STEP_RANGE = (0.05, 4.0)  # αλₙ


def heavy_ball_poly(a: float, beta: float) -> list[float]:
    """z² − (1 + β − αλ)z + β for a = αλ: xₜ₊₁ = (1 + β − αλ)xₜ − βxₜ₋₁."""
    return [1.0, -(1.0 + beta - a), beta]


def nesterov_poly(a: float, beta: float) -> list[float]:
    """z² − (1 − αλ)(1 + β)z + (1 − αλ)β: Nesterov looks ahead before taking the gradient."""
    return [1.0, -(1.0 - a) * (1.0 + beta), (1.0 - a) * beta]


def spectral_rate(poly, lr: float, beta: float, eigs) -> float:
    """The theory's shrink factor per step: the largest |root| over all curvatures λᵢ."""
    return max(float(np.max(np.abs(np.roots(poly(lr * lam, beta))))) for lam in eigs)


def nesterov_limit(beta: float) -> float:
    """Nesterov converges for 0 < αλ < (2 + 2β)/(1 + 2β)."""
    return (2.0 + 2.0 * beta) / (1.0 + 2.0 * beta)


class MomentumLab:
    """κ, β and αλₙ; the runs and the rates follow."""

    def __init__(self, kappa: float = 10.0, beta: float = 0.5, scaled_step: float = 1.2,
                 steps: int = STEPS) -> None:
        self.kappa, self.beta, self.scaled_step, self.steps = kappa, beta, scaled_step, steps

    @property
    def eigs(self) -> np.ndarray:
        return eigenvalues(self.kappa)

    @property
    def lr(self) -> float:
        return self.scaled_step / self.kappa

    @property
    def optimum(self) -> theory.MomentumOptimum:
        return theory.momentum_optimal(1.0, self.kappa)

    def set_optimum(self) -> None:
        o = self.optimum
        self.beta, self.scaled_step = o.beta, o.lr * self.kappa

    @property
    def converges(self) -> bool:
        return theory.momentum_converges(self.lr, self.beta, self.eigs)

    @property
    def predicted(self) -> float:
        return spectral_rate(heavy_ball_poly, self.lr, self.beta, self.eigs)

    @property
    def nesterov_predicted(self) -> float:
        return spectral_rate(nesterov_poly, self.lr, self.beta, self.eigs)

    def heavy_ball(self) -> np.ndarray:
        return theory.heavy_ball_quadratic(self.eigs, self.lr, self.beta, steps=self.steps)

    def nesterov(self) -> np.ndarray:
        # theory runs any engine optimizer on the quadratic; Nesterov is Momentum with the flag.
        return theory._run_quadratic(Momentum(self.lr, beta=self.beta, nesterov=True),
                                     self.eigs, None, self.steps)

    def gd_optimal(self) -> np.ndarray:
        return theory.gd_quadratic(self.eigs, theory.optimal_step(1.0, self.kappa),
                                   steps=self.steps)


# --- beyond momentum: Adam's bias correction, AdamW's decay, Lion's sign ------------------

CURVATURES = (100.0, 1.0, 0.01)  # three weights whose gradients differ in scale 10⁴-fold
DECAY = 0.1
DECAY_LR = 0.01
DECAY_STEPS = 3000


@dataclass(frozen=True)
class DecayRace:
    curvatures: tuple[float, ...]
    l2: np.ndarray  # Adam with λw added to the gradient, after DECAY_STEPS
    decoupled: np.ndarray  # AdamW with the same λ as weight decay
    l2_optimum: np.ndarray  # the minimiser of ½Σcᵢ(wᵢ − 1)² + ½λ‖w‖²: cᵢ/(cᵢ + λ)


def decay_race(curvatures=CURVATURES, decay: float = DECAY, lr: float = DECAY_LR,
               steps: int = DECAY_STEPS) -> DecayRace:
    """Minimise ½Σcᵢ(wᵢ − 1)² from w = 0 with Adam + L2 and with AdamW, same λ, same lr."""
    c = np.array(curvatures, dtype=np.float64)
    runs = []
    for opt, l2 in ((Adam(lr), decay), (AdamW(lr, weight_decay=decay), 0.0)):
        w = np.zeros_like(c)
        for _ in range(steps):
            opt.step([w], [c * (w - 1.0) + l2 * w])
        runs.append(w)
    return DecayRace(tuple(curvatures), runs[0], runs[1], c / (c + decay))


def lion_first_step(grad=CURVATURES, lr: float = DECAY_LR) -> np.ndarray:
    """|Δw| of Lion's first step from w = 0 on the gradient ``grad``: lr for every weight."""
    w = np.zeros(len(grad))
    Lion(lr).step([w], [np.array(grad, dtype=np.float64)])
    return np.abs(w)
