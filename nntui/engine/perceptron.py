"""Rosenblatt's perceptron and its learning rule w ← w + η(y − ŷ)x, b ← b + η(y − ŷ).

ŷ = step(w·x + b) with step(z) = 1 for z ≥ 0, else 0. Train epoch by epoch
(``train``), one epoch at a time (``epoch``) or one example at a time (``update``,
what the animation shows). On data that is not linearly separable (XOR) the
weights never settle; ``train`` notices when the state (w, b) at the start of an
epoch repeats one seen before, which proves the rule will loop forever.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = ["Gate", "GATES", "Update", "TrainResult", "Perceptron"]


@dataclass(frozen=True)
class Gate:
    name: str
    inputs: np.ndarray  # (rows, n_inputs), 0/1
    targets: np.ndarray  # (rows,), 0/1
    separable: bool


def _gate(name: str, fn, n: int = 2, separable: bool = True) -> Gate:
    rows = [(0.0,), (1.0,)] if n == 1 else [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]
    X = np.array(rows)
    y = np.array([float(fn(*map(int, r))) for r in rows])
    return Gate(name, X, y, separable)


# Truth tables as data.
GATES: dict[str, Gate] = {
    "AND": _gate("AND", lambda a, b: a & b),
    "OR": _gate("OR", lambda a, b: a | b),
    "NAND": _gate("NAND", lambda a, b: 1 - (a & b)),
    "NOR": _gate("NOR", lambda a, b: 1 - (a | b)),
    "XOR": _gate("XOR", lambda a, b: a ^ b, separable=False),
    "NOT": _gate("NOT", lambda a: 1 - a, n=1),
}


@dataclass(frozen=True)
class Update:
    """What one example did to the perceptron."""

    epoch: int
    index: int  # row within the data
    x: np.ndarray
    target: float
    z: float
    prediction: float
    error: float  # y − ŷ
    w_before: np.ndarray
    b_before: float
    w_after: np.ndarray
    b_after: float

    @property
    def changed(self) -> bool:
        return self.error != 0.0


@dataclass
class TrainResult:
    converged: bool
    epochs: int  # epochs run
    w: np.ndarray
    b: float
    errors: list[int] = field(default_factory=list)  # mistakes per epoch
    cycle_start: int | None = None  # epoch whose starting state came back
    cycle_length: int | None = None  # epochs per loop

    @property
    def cycled(self) -> bool:
        return self.cycle_start is not None


class Perceptron:
    """A single step-activation unit; weights start at ``w`` (default zeros) and ``b``."""

    def __init__(self, n_inputs: int, lr: float = 1.0, w=None, b: float = 0.0):
        self.lr = float(lr)
        self.w = np.zeros(n_inputs) if w is None else np.array(w, dtype=np.float64).reshape(n_inputs)
        self.b = float(b)
        self.epochs_done = 0

    def predict(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        return np.where(X @ self.w + self.b >= 0.0, 1.0, 0.0)

    def update(self, x, y: float, index: int = 0) -> Update:
        """Apply the rule to one example and report what happened."""
        x = np.asarray(x, dtype=np.float64)
        z = float(x @ self.w + self.b)
        y_hat = 1.0 if z >= 0.0 else 0.0
        err = float(y) - y_hat
        w0, b0 = self.w.copy(), self.b
        if err:
            self.w = self.w + self.lr * err * x
            self.b = self.b + self.lr * err
        return Update(self.epochs_done, index, x, float(y), z, y_hat, err, w0, b0, self.w.copy(), self.b)

    def epoch(self, X, y) -> list[Update]:
        """One pass over the rows in order; returns every update (changed or not)."""
        X = np.asarray(X, dtype=np.float64)
        ups = [self.update(X[i], y[i], i) for i in range(len(X))]
        self.epochs_done += 1
        return ups

    def _state(self) -> tuple:
        return (*self.w.tolist(), self.b)

    def train(self, X, y, max_epochs: int = 100) -> TrainResult:
        """Epochs until one has no mistakes (converged), a state repeats (cycle), or max_epochs."""
        seen: dict[tuple, int] = {}
        errors: list[int] = []
        for e in range(max_epochs):
            state = self._state()
            if state in seen:
                return TrainResult(False, e, self.w.copy(), self.b, errors, seen[state], e - seen[state])
            seen[state] = e
            mistakes = sum(u.changed for u in self.epoch(X, y))
            errors.append(mistakes)
            if mistakes == 0:
                return TrainResult(True, e + 1, self.w.copy(), self.b, errors)
        return TrainResult(False, max_epochs, self.w.copy(), self.b, errors)
