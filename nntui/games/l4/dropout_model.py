"""Dial the dropout: the pure model (no Textual).

One fixed setup: a 2→8→8→1 tanh network (105 parameters) trained with Adam on 40 XOR points,
one label in five flipped, and judged on 400 fresh, clean points of the same pattern. Without
dropout the network memorizes the flipped labels and its validation accuracy suffers; with too
much dropout it cannot learn the pattern at all. Somewhere between lies the best rate.

``DropoutRun`` is one real training at one rate; it keeps the dropout mask the engine drew at
its last step. ``sweep`` trains the same setup at every rate on the dial, and ``Sweep`` names
the green zone: the rates whose validation accuracy is within ``TOLERANCE`` of the best. A run
and the sweep use the same seeds, so the learner's run at a rate ends exactly where the sweep's
run at that rate ended.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from nntui.engine import data
from nntui.engine.mlp import MLP, accuracy, train_step
from nntui.engine.optim import Adam

__all__ = ["Setup", "DropoutData", "make_data", "RecordingRng", "DropoutRun", "Sweep", "sweep",
           "DialGame", "RATES", "TOLERANCE"]

#: The dial: 0.00, 0.05, …, 0.90.
RATES = tuple(round(0.05 * i, 2) for i in range(19))
#: A rate wins when its validation accuracy is at most this far below the sweep's best.
TOLERANCE = 0.04


@dataclass(frozen=True)
class Setup:
    """Everything that decides a run's outcome except the rate."""

    sizes: tuple[int, ...] = (2, 8, 8, 1)
    hidden: str = "tanh"
    dataset: str = "xor"
    n_train: int = 40
    n_val: int = 400
    flip: float = 0.2  # share of training labels flipped: the noise to memorize
    steps: int = 700  # full-batch Adam steps per run
    lr: float = 0.03
    seed: int = 1  # weights and dropout masks
    data_seed: int = 0
    rates: tuple[float, ...] = RATES
    tolerance: float = TOLERANCE

    @property
    def key(self) -> str:
        """A fingerprint: a cached sweep is only reused for the very same setup."""
        return repr(self)


@dataclass(frozen=True)
class DropoutData:
    X_train: np.ndarray
    y_train: np.ndarray
    X_val: np.ndarray
    y_val: np.ndarray
    flipped: np.ndarray  # which training labels were flipped


def make_data(setup: Setup) -> DropoutData:
    """The points, scaled into about [−1, 1]²; only the training labels carry noise."""
    X, y = data.make(setup.dataset, n=setup.n_train + setup.n_val, seed=setup.data_seed)
    X = X / np.abs(X).max()
    n = setup.n_train
    flipped = np.random.default_rng(setup.data_seed + 100).random(n) < setup.flip
    y_train = np.where(flipped, 1.0 - y[:n], y[:n])
    return DropoutData(X[:n], y_train, X[n:], y[n:], flipped)


class RecordingRng:
    """A random source for ``MLP.backward`` that keeps what it handed out.

    The engine draws one uniform array per hidden layer and keeps a unit where the draw is
    below 1 − p; recording the draws gives the exact masks of the step, nothing re-derived.
    """

    def __init__(self, seed: int) -> None:
        self.generator = np.random.default_rng(seed)
        self.draws: list[np.ndarray] = []

    def random(self, shape) -> np.ndarray:
        draw = self.generator.random(shape)
        self.draws.append(draw)
        return draw


@dataclass
class Point:
    step: int
    train: float
    val: float


class DropoutRun:
    """One training run of the setup at one dropout rate."""

    def __init__(self, rate: float, setup: Setup = Setup(), dataset: DropoutData | None = None):
        self.rate = float(rate)
        self.setup = setup
        self.data = dataset if dataset is not None else make_data(setup)
        self.model = MLP(setup.sizes, hidden=setup.hidden, seed=setup.seed)
        self.optimizer = Adam(setup.lr)
        self.rng = RecordingRng(setup.seed + 1)
        self.steps_done = 0
        #: keep[l][n, j]: unit j of hidden layer l+1 was kept for training point n at the last
        #: step (None before the first step or at rate 0, where nothing is dropped).
        self.keep: list[np.ndarray] | None = None
        self.history: list[Point] = [self._measure()]

    @property
    def done(self) -> bool:
        return self.steps_done >= self.setup.steps

    def _measure(self) -> Point:
        d = self.data
        return Point(self.steps_done, accuracy(self.model, d.X_train, d.y_train),
                     accuracy(self.model, d.X_val, d.y_val))

    def step(self, n: int = 1) -> float | None:
        """Train ``n`` more steps (never past the end); the last loss, and one history point."""
        loss = None
        d = self.data
        for _ in range(min(n, self.setup.steps - self.steps_done)):
            self.rng.draws.clear()
            loss = train_step(self.model, self.optimizer, d.X_train, d.y_train,
                              dropout=self.rate, rng=self.rng)
            self.steps_done += 1
        if loss is not None:
            keep_p = 1.0 - self.rate
            self.keep = [draw < keep_p for draw in self.rng.draws] or None
            self.history.append(self._measure())
        return loss

    def run(self, should_stop: Callable[[], bool] = lambda: False, chunk: int = 50) -> bool:
        """Train to the end (False if ``should_stop`` said so first)."""
        while not self.done:
            if should_stop():
                return False
            self.step(chunk)
        return True

    @property
    def val_accuracy(self) -> float:
        return self.history[-1].val

    @property
    def train_accuracy(self) -> float:
        return self.history[-1].train

    def hidden_values(self, point: int = 0) -> list[np.ndarray]:
        """What each hidden unit passed on for one training point at the current weights,
        under the last step's mask: h·m/(1 − p), and 0 where the unit was dropped."""
        _, acts = self.model.forward_trace(self.data.X_train[point:point + 1])
        values = [a[0].copy() for a in acts[1:-1]]
        if self.keep is not None:
            for v, keep in zip(values, self.keep):
                v *= keep[point] / (1.0 - self.rate)
        return values

    def dropped(self, point: int = 0) -> list[np.ndarray]:
        """Per hidden layer, which units were switched off for this point at the last step."""
        if self.keep is None:
            return [np.zeros(n, dtype=bool) for n in self.setup.sizes[1:-1]]
        return [~keep[point] for keep in self.keep]


@dataclass(frozen=True)
class Sweep:
    """Final train and validation accuracy of the setup at every rate of the dial."""

    rates: tuple[float, ...]
    train: tuple[float, ...]
    val: tuple[float, ...]
    tolerance: float = TOLERANCE

    @property
    def best(self) -> float:
        return max(self.val)

    @property
    def best_rate(self) -> float:
        return self.rates[int(np.argmax(self.val))]

    @property
    def threshold(self) -> float:
        # A hair of slack so an accuracy exactly at the line is not lost to rounding.
        return self.best - self.tolerance - 1e-9

    @property
    def zone(self) -> tuple[float, ...]:
        """The green zone: rates whose validation accuracy is within the tolerance of the best."""
        return tuple(r for r, v in zip(self.rates, self.val) if v >= self.threshold)

    def val_at(self, rate: float) -> float:
        return self.val[self.rates.index(round(rate, 2))]

    def in_zone(self, rate: float) -> bool:
        return round(rate, 2) in self.zone

    def to_json(self) -> dict:
        return {"rates": list(self.rates), "train": list(self.train), "val": list(self.val),
                "tolerance": self.tolerance}

    @classmethod
    def from_json(cls, obj: dict) -> Sweep:
        return cls(tuple(obj["rates"]), tuple(obj["train"]), tuple(obj["val"]),
                   obj["tolerance"])


def sweep(setup: Setup = Setup(), progress: Callable[[int, int], None] | None = None,
          should_stop: Callable[[], bool] = lambda: False) -> Sweep | None:
    """Train the setup once at every rate of ``setup.rates`` (None if stopped early)."""
    dataset = make_data(setup)
    train, val = [], []
    for index, rate in enumerate(setup.rates):
        run = DropoutRun(rate, setup, dataset)
        if not run.run(should_stop):
            return None
        train.append(run.train_accuracy)
        val.append(run.val_accuracy)
        if progress is not None:
            progress(index + 1, len(setup.rates))
    return Sweep(tuple(setup.rates), tuple(train), tuple(val), setup.tolerance)


@dataclass
class Verdict:
    rate: float
    val: float
    train: float
    won: bool
    sweep: Sweep

    @property
    def gap(self) -> float:
        """How far below the best this run's validation accuracy ended."""
        return self.sweep.best - self.val


@dataclass
class DialGame:
    """The game: a rate on the dial, the current run, the sweep once it is known."""

    setup: Setup = field(default_factory=Setup)
    index: int = 0
    sweep: Sweep | None = None

    def __post_init__(self) -> None:
        self.data = make_data(self.setup)
        self.run = DropoutRun(self.rate, self.setup, self.data)

    @property
    def rate(self) -> float:
        return self.setup.rates[self.index]

    def turn(self, steps: int) -> bool:
        """Move the dial; a new rate means a fresh, untrained run. True if it moved."""
        index = min(max(self.index + steps, 0), len(self.setup.rates) - 1)
        if index == self.index:
            return False
        self.index = index
        self.restart()
        return True

    def restart(self) -> None:
        self.run = DropoutRun(self.rate, self.setup, self.data)

    def verdict(self) -> Verdict | None:
        """The judged attempt, once the run has finished and the sweep is known."""
        if not self.run.done or self.sweep is None:
            return None
        return Verdict(self.rate, self.run.val_accuracy, self.run.train_accuracy,
                       self.sweep.in_zone(self.rate), self.sweep)
