"""Learning-rate schedules: objects with ``lr_at(step)`` (step counts from 0).

``ReduceOnPlateau`` is the exception that depends on training, not on the step:
call ``observe(loss)`` once per epoch (or evaluation) and read ``lr_at(step)``
or ``.lr``; it returns the current rate whatever the step.

``SCHEDULES[name](**kwargs)`` builds one by name.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = [
    "Schedule", "Constant", "StepDecay", "Exponential", "Cosine", "WarmupCosine",
    "ReduceOnPlateau", "OneCycle", "SCHEDULES",
]


class Schedule:
    """Base class. ``lrs(n)`` gives the first n rates as an array (for plots)."""

    name = "schedule"
    formula = ""

    def lr_at(self, step: int) -> float:
        raise NotImplementedError

    def lrs(self, n: int) -> np.ndarray:
        return np.array([self.lr_at(i) for i in range(n)], dtype=np.float64)


class Constant(Schedule):
    name, formula = "constant", "ηₜ = η₀"

    def __init__(self, base_lr: float = 0.1):
        self.base_lr = float(base_lr)

    def lr_at(self, step):
        return self.base_lr


class StepDecay(Schedule):
    """Multiply by gamma every ``step_size`` steps."""

    name, formula = "step", "ηₜ = η₀·γ^⌊t/s⌋"

    def __init__(self, base_lr: float = 0.1, step_size: int = 30, gamma: float = 0.5):
        self.base_lr, self.step_size, self.gamma = float(base_lr), int(step_size), float(gamma)

    def lr_at(self, step):
        return self.base_lr * self.gamma ** (int(step) // self.step_size)


class Exponential(Schedule):
    """Multiply by gamma every step."""

    name, formula = "exponential", "ηₜ = η₀·γᵗ"

    def __init__(self, base_lr: float = 0.1, gamma: float = 0.99):
        self.base_lr, self.gamma = float(base_lr), float(gamma)

    def lr_at(self, step):
        return self.base_lr * self.gamma ** int(step)


def _cos_anneal(start: float, end: float, frac: float) -> float:
    # Half a cosine wave from start (frac = 0) to end (frac = 1).
    frac = min(max(frac, 0.0), 1.0)
    return end + (start - end) * 0.5 * (1.0 + math.cos(math.pi * frac))


class Cosine(Schedule):
    """Cosine annealing from base_lr to min_lr over total_steps, then flat."""

    name, formula = "cosine", "ηₜ = η_min + ½(η₀ − η_min)(1 + cos(πt/T))"

    def __init__(self, base_lr: float = 0.1, total_steps: int = 100, min_lr: float = 0.0):
        self.base_lr, self.total_steps, self.min_lr = float(base_lr), int(total_steps), float(min_lr)

    def lr_at(self, step):
        return _cos_anneal(self.base_lr, self.min_lr, step / self.total_steps)


class WarmupCosine(Schedule):
    """Linear warm-up to base_lr over warmup_steps, then cosine to min_lr at total_steps.

    During warm-up lr = base_lr·(t + 1)/warmup_steps, so step 0 already moves.
    """

    name, formula = "warmup_cosine", "ηₜ = η₀(t+1)/W for t < W, then cosine to η_min at T"

    def __init__(self, base_lr: float = 0.1, warmup_steps: int = 10, total_steps: int = 100,
                 min_lr: float = 0.0):
        self.base_lr, self.min_lr = float(base_lr), float(min_lr)
        self.warmup_steps, self.total_steps = int(warmup_steps), int(total_steps)

    def lr_at(self, step):
        w = self.warmup_steps
        if step < w:
            return self.base_lr * (step + 1) / w
        span = max(self.total_steps - w, 1)
        return _cos_anneal(self.base_lr, self.min_lr, (step - w) / span)


class ReduceOnPlateau(Schedule):
    """Cut the rate by ``factor`` when the observed loss has not improved for ``patience`` calls.

    Improvement means loss < best·(1 − threshold) (relative, as PyTorch's default).
    Call ``observe(loss)`` after each epoch; it returns the (possibly new) rate.
    """

    name, formula = "plateau", "η ← max(η·f, η_min) after `patience` epochs without improvement"

    def __init__(self, base_lr: float = 0.1, factor: float = 0.5, patience: int = 10,
                 threshold: float = 1e-4, min_lr: float = 0.0, cooldown: int = 0):
        self.base_lr, self.factor, self.patience = float(base_lr), float(factor), int(patience)
        self.threshold, self.min_lr, self.cooldown = float(threshold), float(min_lr), int(cooldown)
        self.reset()

    def reset(self) -> None:
        self.lr = self.base_lr
        self.best = math.inf
        self.bad_epochs = 0
        self.cooldown_left = 0
        self.reductions = 0

    def observe(self, loss: float) -> float:
        loss = float(loss)
        if loss < self.best * (1.0 - self.threshold):
            self.best = loss
            self.bad_epochs = 0
        else:
            self.bad_epochs += 1
        if self.cooldown_left > 0:
            self.cooldown_left -= 1
            self.bad_epochs = 0
        if self.bad_epochs > self.patience:
            new = max(self.lr * self.factor, self.min_lr)
            if new < self.lr:
                self.lr = new
                self.reductions += 1
            self.cooldown_left = self.cooldown
            self.bad_epochs = 0
        return self.lr

    def lr_at(self, step=None):
        return self.lr

    def lrs(self, n):
        return np.full(n, self.lr)


class OneCycle(Schedule):
    """Smith's one-cycle, as PyTorch's OneCycleLR (cosine phases, no momentum cycling).

    Rises from max_lr/div_factor to max_lr over the first pct_start of the steps,
    then falls to max_lr/(div_factor·final_div_factor) at the last step.
    """

    name, formula = "one_cycle", "η rises η₀/d → η_max (cosine), then falls to η₀/(d·f)"

    def __init__(self, max_lr: float = 0.1, total_steps: int = 100, pct_start: float = 0.3,
                 div_factor: float = 25.0, final_div_factor: float = 1e4):
        self.max_lr, self.total_steps, self.pct_start = float(max_lr), int(total_steps), float(pct_start)
        self.initial_lr = self.max_lr / div_factor
        self.final_lr = self.initial_lr / final_div_factor

    def lr_at(self, step):
        peak = float(self.pct_start * self.total_steps) - 1.0
        last = self.total_steps - 1.0
        if step <= peak:
            return _cos_anneal(self.initial_lr, self.max_lr, step / peak if peak > 0 else 1.0)
        return _cos_anneal(self.max_lr, self.final_lr, (step - peak) / max(last - peak, 1e-12))


SCHEDULES = {
    "constant": Constant,
    "step": StepDecay,
    "exponential": Exponential,
    "cosine": Cosine,
    "warmup_cosine": WarmupCosine,
    "plateau": ReduceOnPlateau,
    "one_cycle": OneCycle,
}
