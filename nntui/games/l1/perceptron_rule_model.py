"""The perceptron learning rule, one example at a time: the pure model (no Textual).

Wraps the engine's ``Perceptron`` on a gate's truth table (AND, OR, NOT, XOR). ``step()``
shows the rule one example; at every epoch boundary the model checks whether the epoch had no
mistakes (converged) or whether the weights at the start of the epoch were seen before — the
rule is deterministic, so a repeated state proves it will loop forever (a cycle).
"""

from __future__ import annotations

import numpy as np

from nntui.engine.perceptron import GATES, Perceptron, Update

__all__ = ["RULE_GATES", "PerceptronRun", "boundary"]

RULE_GATES = ("AND", "OR", "NOT", "XOR")


def boundary(w: tuple[float, ...], b: float,
             lim: tuple[float, float]) -> tuple[float, float, float, float] | None:
    """Two points of the line w·x + b = 0 at the ends of ``lim`` (a vertical line for one input,
    or when w₂ = 0); None when there is no line (all weights zero). The canvas clips the rest."""
    lo, hi = lim
    if len(w) == 1 or w[1] == 0:
        if w[0] == 0:
            return None
        x = -b / w[0]
        return x, lo, x, hi
    return lo, -(w[0] * lo + b) / w[1], hi, -(w[0] * hi + b) / w[1]


class PerceptronRun:
    def __init__(self, gate: str = "AND", lr: float = 1.0):
        self.gate_name = gate
        self.lr = lr
        self.reset()

    def reset(self) -> None:
        gate = GATES[self.gate_name]
        self.X, self.y = gate.inputs, gate.targets
        self.perceptron = Perceptron(self.X.shape[1], lr=self.lr)
        self.row = 0  # next example within the epoch
        self.epoch = 0  # epochs completed
        self.mistakes_this_epoch = 0
        self.epoch_mistakes: list[int] = []
        self.history: list[tuple[tuple[float, ...], float]] = [self.state]  # (w, b) per epoch start
        self.seen: dict[tuple, int] = {self._key(): 0}
        self.last: Update | None = None
        self.converged = False
        self.cycle_start: int | None = None
        self.cycle_length: int | None = None

    def set_gate(self, gate: str) -> None:
        self.gate_name = gate
        self.reset()

    # --- state ------------------------------------------------------------

    @property
    def n_inputs(self) -> int:
        return self.X.shape[1]

    @property
    def state(self) -> tuple[tuple[float, ...], float]:
        return tuple(float(v) for v in self.perceptron.w), float(self.perceptron.b)

    def _key(self) -> tuple:
        w, b = self.state
        return (*w, b)

    @property
    def cycled(self) -> bool:
        return self.cycle_start is not None

    @property
    def finished(self) -> bool:
        return self.converged or self.cycled

    @property
    def predictions(self) -> np.ndarray:
        return self.perceptron.predict(self.X)

    @property
    def correct(self) -> int:
        return int(np.sum(self.predictions == self.y))

    # --- actions -----------------------------------------------------------

    def step(self) -> Update | None:
        """Apply the rule to the next example; None once converged or cycling."""
        if self.finished:
            return None
        self.last = self.perceptron.update(self.X[self.row], self.y[self.row], self.row)
        self.mistakes_this_epoch += self.last.changed
        self.row += 1
        if self.row == len(self.X):
            self._end_epoch()
        return self.last

    def step_epoch(self) -> list[Update]:
        """The rest of the current epoch."""
        ups = []
        start = self.epoch
        while not self.finished and self.epoch == start:
            ups.append(self.step())
        return ups

    def run(self, max_epochs: int = 100) -> None:
        while not self.finished and self.epoch < max_epochs:
            self.step_epoch()

    def _end_epoch(self) -> None:
        self.epoch_mistakes.append(self.mistakes_this_epoch)
        self.perceptron.epochs_done += 1
        self.epoch += 1
        self.row = 0
        self.mistakes_this_epoch = 0
        self.history.append(self.state)
        if self.epoch_mistakes[-1] == 0:
            self.converged = True
            return
        key = self._key()
        if key in self.seen:
            self.cycle_start = self.seen[key]
            self.cycle_length = self.epoch - self.seen[key]
        else:
            self.seen[key] = self.epoch
