"""Tune a neuron into a logic gate: the pure model (no Textual).

One sigmoid neuron with weights w₁, w₂ and bias b is checked against a gate's truth table.
A row counts when the output is ≥ 0.8 on a true row or ≤ 0.2 on a false row; the score is the
number of rows that count, and 4/4 wins the gate. XOR can never be won (see ``why_xor``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from nntui.engine.neuron import neuron
from nntui.engine.perceptron import GATES
from nntui.games.l1.perceptron_rule_model import boundary

__all__ = ["TRUE_AT_LEAST", "FALSE_AT_MOST", "GATE_NAMES", "WEIGHT_RANGE", "WEIGHT_STEP", "Z_NEEDED",
           "SQUARE", "Row", "TuneNeuron"]

TRUE_AT_LEAST = 0.8
FALSE_AT_MOST = 0.2
GATE_NAMES = ("AND", "OR", "NAND", "NOR", "XOR")
# Sigmoid reaches 0.8 only when z ≥ ln 4 ≈ 1.39, so the sliders must reach well past that.
WEIGHT_RANGE = (-10.0, 10.0)
WEIGHT_STEP = 0.5
# The smallest |z| that clears a threshold: σ(z) ≥ 0.8 ⇔ z ≥ ln(0.8/0.2) = ln 4.
Z_NEEDED = math.log(TRUE_AT_LEAST / (1.0 - TRUE_AT_LEAST))
#: The input square as drawn: the corners 0 and 1 with a margin around them.
SQUARE = (-0.5, 1.5)


@dataclass(frozen=True)
class Row:
    x1: int
    x2: int
    target: int
    z: float
    output: float

    @property
    def ok(self) -> bool:
        return self.output >= TRUE_AT_LEAST if self.target else self.output <= FALSE_AT_MOST


class TuneNeuron:
    def __init__(self, gate: str = "AND", w1: float = 0.0, w2: float = 0.0, b: float = 0.0):
        self.gate = gate
        self.w1, self.w2, self.b = float(w1), float(w2), float(b)
        self.won_gates: set[str] = set()

    def set_gate(self, gate: str) -> None:
        if gate not in GATE_NAMES:
            raise KeyError(gate)
        self.gate = gate

    def set_params(self, w1: float | None = None, w2: float | None = None,
                   b: float | None = None) -> None:
        if w1 is not None:
            self.w1 = float(w1)
        if w2 is not None:
            self.w2 = float(w2)
        if b is not None:
            self.b = float(b)

    @property
    def rows(self) -> list[Row]:
        table = GATES[self.gate]
        rows = []
        for x, y in zip(table.inputs, table.targets):
            r = neuron(x, [self.w1, self.w2], self.b)
            rows.append(Row(int(x[0]), int(x[1]), int(y), r.z, r.a))
        return rows

    @property
    def score(self) -> int:
        return sum(r.ok for r in self.rows)

    @property
    def won(self) -> bool:
        return self.score == 4

    @property
    def possible(self) -> bool:
        """Whether one neuron can win this gate at all (False only for XOR)."""
        return GATES[self.gate].separable

    def z(self, x1, x2):
        """The neuron's sum w₁x₁ + w₂x₂ + b (arrays welcome): ≥ 0 is the side where σ ≥ 0.5."""
        return self.w1 * x1 + self.w2 * x2 + self.b

    @property
    def intercepts(self) -> tuple[float | None, float | None]:
        """Where the decision line w₁x₁ + w₂x₂ + b = 0 crosses the x₁ axis (x₂ = 0) and the x₂
        axis (x₁ = 0); None where it runs parallel to that axis."""
        return (-self.b / self.w1 if self.w1 else None, -self.b / self.w2 if self.w2 else None)

    def decision_line(self) -> tuple[float, float, float, float] | None:
        """Two ends of the decision line across the drawn square; None when w₁ = w₂ = 0 (the
        neuron gives every corner the same answer: there is no line)."""
        return boundary((self.w1, self.w2), self.b, SQUARE)

    def claim(self) -> bool:
        """Note a win for the current gate; True the first time it is won this session."""
        if not self.won or self.gate in self.won_gates:
            return False
        self.won_gates.add(self.gate)
        return True
