"""Losses reference: the pure model (no Textual). Every value and slope comes from
``nntui.engine.losses``, one prediction at a time.

Each loss is probed on its own kind of input: regression losses on a prediction ŷ, BCE and
focal on a probability p, cross-entropy on a logit z of the first of two classes (the second
class's logit is 0, so softmax gives that class p = σ(z)). The probe's position is one number
u in [0, 1] shared by every loss and mapped onto each loss's own range.
"""

from __future__ import annotations

import numpy as np

from nntui.engine import losses

__all__ = ["INPUT", "RANGES", "LossExplorer"]

INPUT = {"value": "ŷ", "probability": "p", "logits": "z"}
RANGES = {"value": (-2.0, 3.0), "probability": (0.01, 0.99), "logits": (-6.0, 6.0)}
U_STEP = 0.05
DELTAS = (0.25, 0.5, 1.0, 1.5, 2.0)
GAMMAS = (0.0, 0.5, 1.0, 2.0, 5.0)


class LossExplorer:
    def __init__(self) -> None:
        self.u = 0.7
        self.target = 1
        self.delta = losses.HUBER_DELTA
        self.gamma = losses.FOCAL_GAMMA

    # --- settings --------------------------------------------------------------------

    def move(self, steps: int) -> None:
        self.u = float(np.clip(round(self.u + steps * U_STEP, 2), 0.0, 1.0))

    def flip_target(self) -> None:
        self.target = 1 - self.target

    def change(self, name: str, steps: int) -> bool:
        """Step Huber's δ or focal's γ along its ladder; False for a loss without one."""
        attr, ladder = {"huber": ("delta", DELTAS), "focal": ("gamma", GAMMAS)}.get(name, (None, ()))
        if attr is None:
            return False
        index = ladder.index(getattr(self, attr)) if getattr(self, attr) in ladder else 2
        setattr(self, attr, ladder[int(np.clip(index + steps, 0, len(ladder) - 1))])
        return True

    # --- the engine, one input at a time ---------------------------------------------

    def kind(self, name: str) -> str:
        return losses.LOSSES[name].pred_kind

    def x_at(self, name: str, u: float | None = None) -> float:
        lo, hi = RANGES[self.kind(name)]
        return lo + (hi - lo) * (self.u if u is None else u)

    def value_and_slope(self, name: str, x: float) -> tuple[float, float]:
        """(L, ∂L/∂input) of one prediction against the current target."""
        y = float(self.target)
        if name == "ce":
            value, grad = losses.ce(np.array([x, 0.0]), np.array([y, 1.0 - y]))
            return value, float(grad[0])
        if name == "huber":
            value, grad = losses.huber(np.array([x]), np.array([y]), delta=self.delta)
        elif name == "focal":
            value, grad = losses.focal(np.array([x]), np.array([y]), gamma=self.gamma)
        else:
            value, grad = losses.LOSSES[name](np.array([x]), np.array([y]))
        return value, float(grad[0])

    def probe(self, name: str) -> tuple[float, float, float]:
        """(input, L, ∂L/∂input) at the probe."""
        x = self.x_at(name)
        return (x, *self.value_and_slope(name, x))

    def curve(self, name: str, n: int = 121) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        xs = np.array([self.x_at(name, u) for u in np.linspace(0.0, 1.0, n)])
        pairs = np.array([self.value_and_slope(name, x) for x in xs])
        return xs, pairs[:, 0], pairs[:, 1]

    def label(self, name: str) -> str:
        """The loss's name with its adjustable parameter, if any."""
        display = losses.LOSSES[name].display.split(" (")[0]
        if name == "huber":
            return f"{display} δ={self.delta:g}"
        if name == "focal":
            return f"{display} γ={self.gamma:g}"
        return display
