"""Vanishing gradients: the pure model (no Textual).

A stack of ``depth`` square layers (``WIDTH`` units, no biases) with one activation and weights
drawn N(0, scale²/WIDTH). The per-layer gradient norms ‖∂L/∂W⁽ˡ⁾‖ come from real backprop in
``nntui.engine.deep.gradient_norms``; the animation only decides how many of them have been
reached so far, top layer first, as the gradient travels down.
"""

from __future__ import annotations

import numpy as np

from nntui.engine.deep import SIGMOID_MAX_SLOPE, gradient_norms, vanishing_factor

__all__ = ["ACTIVATIONS", "MAX_SLOPE", "WIDTH", "DEPTHS", "SCALES", "Vanishing"]

ACTIVATIONS = ("sigmoid", "tanh", "relu")
# The steepest slope each activation ever has: σ′ ≤ ¼, tanh′ ≤ 1, ReLU′ ∈ {0, 1}.
MAX_SLOPE = {"sigmoid": SIGMOID_MAX_SLOPE, "tanh": 1.0, "relu": 1.0}
WIDTH = 16
DEPTHS = (2, 20)
SCALES = (0.25, 4.0)


class Vanishing:
    """The stack's settings, its measured gradient norms, and how far the gradient has got."""

    def __init__(self, depth: int = 10, activation: str = "sigmoid",
                 weight_scale: float = 1.0) -> None:
        self.depth, self.activation, self.weight_scale = depth, activation, weight_scale
        self.configure()

    def configure(self, depth: int | None = None, activation: str | None = None,
                  weight_scale: float | None = None) -> None:
        """Change any setting; the norms are measured again and the gradient starts at the top."""
        if depth is not None:
            self.depth = int(depth)
        if activation is not None:
            self.activation = activation
        if weight_scale is not None:
            self.weight_scale = float(weight_scale)
        if not DEPTHS[0] <= self.depth <= DEPTHS[1] or self.activation not in ACTIVATIONS:
            raise ValueError(f"depth {self.depth} or activation {self.activation!r} out of range")
        self.norms: np.ndarray = gradient_norms(self.depth, WIDTH, self.activation,
                                                self.weight_scale)
        self.reached = 0

    # --- the gradient's trip down ------------------------------------------------------

    def advance(self) -> bool:
        """The gradient reaches one more layer; False once it has reached layer 1."""
        if self.reached < self.depth:
            self.reached += 1
        return self.reached < self.depth

    def restart(self) -> None:
        self.reached = 0

    @property
    def done(self) -> bool:
        return self.reached == self.depth

    @property
    def current_layer(self) -> int | None:
        """The layer the gradient has just reached (numbered from 1 at the input)."""
        return self.depth - self.reached + 1 if self.reached else None

    def is_reached(self, layer: int) -> bool:
        return self.reached > 0 and layer >= self.depth - self.reached + 1

    # --- what the learner compares ----------------------------------------------------------

    @property
    def measured_ratio(self) -> float:
        """‖∂L/∂W⁽¹⁾‖ ÷ ‖∂L/∂W⁽ᴰ⁾‖: how much the gradient shrank (or grew) on the way down."""
        return float(self.norms[0] / self.norms[-1])

    @property
    def slope_bound(self) -> float:
        """The most the activation's slopes alone let through the depth − 1 layers below the
        top: (max f′)^(depth − 1); 0.25⁹ for ten sigmoid layers."""
        return vanishing_factor(self.depth - 1, MAX_SLOPE[self.activation])
