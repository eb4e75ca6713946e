"""Activation lab: the pure model (no Textual).

For the chosen activation it gives f(x) and f′(x) on a grid, the facts a learner compares
(range, zero-centred, maximum slope, a one-line note) and the output curve of a neuron
a = f(w·x + b) whose weight and bias the learner moves.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nntui.engine.activations import ACTIVATIONS, max_slope

__all__ = ["LAB_ACTIVATIONS", "ActivationFacts", "ActivationLab"]

LAB_ACTIVATIONS = ("step", "linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu",
                   "silu")


@dataclass(frozen=True)
class ActivationFacts:
    display: str
    formula: str
    derivative: str
    range: str
    zero_centred: bool
    max_slope: float
    note: str


class ActivationLab:
    def __init__(self, name: str = "sigmoid", w: float = 1.0, b: float = 0.0,
                 xlim: tuple[float, float] = (-5.0, 5.0), points: int = 201):
        self.name = name
        self.w, self.b = float(w), float(b)
        self.xs = np.linspace(xlim[0], xlim[1], points)

    @property
    def activation(self):
        return ACTIVATIONS[self.name]

    def curve(self) -> tuple[np.ndarray, np.ndarray]:
        """The plain activation f(x)."""
        return self.xs, self.activation.f(self.xs)

    def slope(self) -> tuple[np.ndarray, np.ndarray]:
        return self.xs, self.activation.df(self.xs)

    def neuron_curve(self) -> tuple[np.ndarray, np.ndarray]:
        """The neuron's output a = f(w·x + b) over the same x."""
        return self.xs, self.activation.f(self.w * self.xs + self.b)

    def facts(self) -> ActivationFacts:
        act = self.activation
        return ActivationFacts(act.display, act.formula, act.derivative, act.range,
                               act.zero_centred, max_slope(self.name), act.note)
