"""One neuron, computed step by step: z = Σ wᵢxᵢ + b, then a = f(z).

The worked example: x = [1, 0], w = [0.6, −0.4], b = 0.1 → z = 0.7 → σ(z) ≈ 0.668188.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS

__all__ = ["NeuronResult", "neuron", "WORKED_EXAMPLE"]

WORKED_EXAMPLE = {"x": [1.0, 0.0], "w": [0.6, -0.4], "b": 0.1}


@dataclass(frozen=True)
class NeuronResult:
    x: np.ndarray
    w: np.ndarray
    b: float
    products: np.ndarray  # wᵢ·xᵢ
    z: float  # Σ wᵢxᵢ + b
    a: float  # f(z)
    activation: str

    def steps(self, digits: int = 4) -> list[str]:
        """The computation as lines of text, one stage per line."""
        def fmt(v: float) -> str:
            s = f"{v + 0.0:.{digits}g}"  # + 0.0 turns −0.0 into 0.0
            return s.replace("-", "−")
        terms = " + ".join(f"{fmt(w)}·{fmt(x)}" if w >= 0 else f"({fmt(w)})·{fmt(x)}"
                           for w, x in zip(self.w, self.x))
        prods = " + ".join(fmt(p) if p >= 0 else f"({fmt(p)})" for p in self.products)
        name = ACTIVATIONS[self.activation].display
        sym = "σ" if self.activation == "sigmoid" else "f"
        return [
            f"z = {terms} + {fmt(self.b)}",
            f"z = {prods} + {fmt(self.b)} = {fmt(self.z)}",
            f"a = {sym}(z) = {sym}({fmt(self.z)}) = {fmt(self.a)}   ({name})",
        ]


def neuron(x, w, b: float, activation: str = "sigmoid") -> NeuronResult:
    """Evaluate one neuron and keep every intermediate number."""
    x = np.asarray(x, dtype=np.float64).reshape(-1)
    w = np.asarray(w, dtype=np.float64).reshape(-1)
    if x.shape != w.shape:
        raise ValueError("x and w need the same length")
    products = w * x
    z = float(np.sum(products) + b)
    a = float(ACTIVATIONS[activation].f(np.array(z)))
    return NeuronResult(x, w, float(b), products, z, a, activation)
