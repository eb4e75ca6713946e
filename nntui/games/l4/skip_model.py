"""Skip connections: the pure model (no Textual).

The engine's ``gradient_norms`` measures, by real backprop, the gradient each layer's weights
receive in a plain stack h⁽ˡ⁾ = f(h⁽ˡ⁻¹⁾W⁽ˡ⁾) and in a residual one h⁽ˡ⁾ = h⁽ˡ⁻¹⁾ + f(h⁽ˡ⁻¹⁾W⁽ˡ⁾),
same weights, same inputs. The animation sends the gradient down one layer per beat.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nntui.engine.deep import gradient_norms

__all__ = ["Skip", "ACTIVATIONS", "DEPTHS", "WIDTH", "log_rows"]

ACTIVATIONS = ("sigmoid", "tanh", "relu")
DEPTHS = (2, 30)
WIDTH = 16


def log_rows(value: float, lo: int, hi: int, rows: int) -> float:
    """Height of a bar in rows on a log axis from 10^lo (0 rows) to 10^hi (all rows)."""
    if value <= 0:
        return 0.0
    return min(max((math.log10(value) - lo) / (hi - lo) * rows, 0.0), float(rows))


@dataclass
class Skip:
    depth: int = 20
    activation: str = "sigmoid"
    reached: int = 0  # layers the backward pass has reached, counted from the top

    def __post_init__(self) -> None:
        self.measure()

    def measure(self) -> None:
        self.plain = gradient_norms(self.depth, WIDTH, self.activation)
        self.residual = gradient_norms(self.depth, WIDTH, self.activation, residual=True)
        self.reached = 0

    def set_depth(self, steps: int) -> None:
        self.depth = min(max(self.depth + steps, DEPTHS[0]), DEPTHS[1])
        self.measure()

    def next_activation(self) -> None:
        self.activation = ACTIVATIONS[(ACTIVATIONS.index(self.activation) + 1) % len(ACTIVATIONS)]
        self.measure()

    @property
    def done(self) -> bool:
        return self.reached >= self.depth

    def advance(self) -> bool:
        if self.done:
            return False
        self.reached += 1
        return True

    def shown(self, layer: int) -> bool:
        """Layer l (1 = input side) has received its gradient yet."""
        return layer > self.depth - self.reached

    def ratio(self) -> float:
        """How much more gradient layer 1 receives with the skip path than without."""
        return float(self.residual[0] / self.plain[0])

    def decades(self) -> tuple[int, int]:
        both = np.concatenate([self.plain, self.residual])
        return math.floor(math.log10(both.min())), math.ceil(math.log10(both.max()))
