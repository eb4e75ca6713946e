"""Train a Brain: the pure model of the terminal TensorFlow Playground (no Textual).

``Playground`` holds one *setup* — a plain dictionary, saved per learner and exported later by
``l4.pytorch`` — and everything built from it: the data set split into train and test points,
an engine ``MLP``, an engine optimizer, the epoch count and the loss history.

The setup dictionary (every key always present; ``normalize_setup`` repairs anything else):

=================  ===============================================================================
``version``        1 (the layout of this dictionary)
``problem``        ``"classification"`` (sigmoid output, binary cross-entropy, labels 0/1) or
                   ``"regression"`` (linear output, mean squared error, targets about −1…1)
``dataset``        ``circle xor gauss spiral moons`` (classification), ``plane multi-gauss``
                   (regression), or ``"own"``: the points in ``own_points``
``noise``          noise in percent, 0–50 (steps of 5)
``train_percent``  share of the points used for training, 10–90 (steps of 10); the rest test
``batch_size``     points per gradient step, 1–30
``features``       input features switched on, in the Playground's order, names from
                   ``nntui.engine.data.FEATURE_LABELS``: x1 x2 x1^2 x2^2 x1x2 sin_x1 sin_x2
``hidden``         neurons per hidden layer, 0–6 layers of 1–8, e.g. ``[4, 2]``
``activation``     hidden activation: ``relu tanh sigmoid linear``
``learning_rate``  one rung of ``LEARNING_RATES`` (0.00001 … 10)
``optimizer``      ``sgd momentum adam`` or, with more optimizers on, ``rmsprop adamw lion``
``regularization`` ``none l1 l2``
``reg_rate``       one rung of ``REG_RATES`` (0 … 10); the penalty is rate·Σ|w| or rate·Σw²
``data_seed``      seed of the generated points and of the train/test split
``weight_seed``    seed of the starting weights and of the batch order
``show_test``      draw the test points too
``discretize``     draw the output as two flat colours (class 0 / class 1, or sign)
``more_optimizers`` offer the optimizers beyond SGD, Momentum and Adam
``own_points``     the learner's own points ``[[x₁, x₂, label], …]`` (drawn or loaded from CSV);
                   coordinates in [−6, 6], label 0/1 (or −1/+1, or a regression target)
``challenge``      id of the challenge being played (see ``CHALLENGES``) or None
=================  ===============================================================================

The network is ``len(features) → hidden… → 1``; with no feature switched on it gets a single
input that is always 0, so only the biases can learn (a constant guess — what a network that
sees nothing can do). Losses shown are the data losses without the penalty, the Playground's
choice; a non-finite loss or weight makes the run ``diverged`` until it is reset.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from nntui.engine import playground as sets
from nntui.engine.data import FEATURE_LABELS, features as feature_columns, split
from nntui.engine.mlp import MLP, grid_predict, train_epoch
from nntui.engine.optim import OPTIMIZERS
from nntui.engine.params import mlp_param_count

__all__ = [
    "Playground", "Challenge", "CHALLENGES", "CsvError", "load_csv", "normalize_setup",
    "default_setup", "LEARNING_RATES", "REG_RATES", "DATASETS", "FEATURE_NAMES", "LIMITS",
]

LIMITS = (-6.0, 6.0)  # the input square, both axes
N_POINTS = 500  # generated points per data set
MAX_OWN_POINTS = 2000
MAX_LAYERS = 6
MAX_NEURONS = 8

DATASETS = {
    "classification": ("circle", "xor", "gauss", "spiral", "moons", "own"),
    "regression": ("plane", "multi-gauss", "own"),
}
FEATURE_NAMES = tuple(FEATURE_LABELS)
ACTIVATION_NAMES = ("relu", "tanh", "sigmoid", "linear")
BASIC_OPTIMIZERS = ("sgd", "momentum", "adam")
MORE_OPTIMIZERS = ("rmsprop", "adamw", "lion")
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REG_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REGULARIZATIONS = ("none", "l1", "l2")
LOSS_NAMES = {"classification": "bce", "regression": "mse"}
OUTPUTS = {"classification": "sigmoid", "regression": "linear"}

#: |w| below this counts as "near zero" (the L1 challenge).
NEAR_ZERO = 0.01
#: A weight this large has blown up: the run counts as diverged even before it overflows.
BLOWN_UP = 1e6


def default_setup() -> dict:
    """The Playground's opening setup: circle, x₁ and x₂, two hidden layers 4 and 2, tanh."""
    return {
        "version": 1, "problem": "classification", "dataset": "circle", "noise": 0,
        "train_percent": 50, "batch_size": 10, "features": ["x1", "x2"], "hidden": [4, 2],
        "activation": "tanh", "learning_rate": 0.03, "optimizer": "sgd",
        "regularization": "none", "reg_rate": 0.0, "data_seed": 1, "weight_seed": 1,
        "show_test": False, "discretize": False, "more_optimizers": False, "own_points": [],
        "challenge": None,
    }


def _nearest(value, ladder) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return ladder[0]
    if not math.isfinite(v):
        return ladder[0]
    return min(ladder, key=lambda rung: abs(math.log10(rung + 1e-7) - math.log10(max(v, 0) + 1e-7)))


def _int_in(value, low: int, high: int, step: int, default: int) -> int:
    try:
        v = int(round(float(value) / step) * step)
    except (TypeError, ValueError, OverflowError):
        return default
    return min(high, max(low, v))


def _clean_points(points) -> list[list[float]]:
    clean = []
    for row in points if isinstance(points, (list, tuple)) else []:
        try:
            x1, x2, label = (float(v) for v in row)
        except (TypeError, ValueError):
            continue
        if all(math.isfinite(v) for v in (x1, x2, label)) and max(abs(x1), abs(x2)) <= LIMITS[1]:
            clean.append([x1, x2, label])
    return clean[:MAX_OWN_POINTS]


def normalize_setup(raw: dict | None) -> dict:
    """A valid setup from anything (a stored dict from an older version, a partial dict):
    unknown keys are dropped, missing or broken values take the default, numbers snap to the
    nearest allowed value."""
    setup = default_setup()
    raw = raw if isinstance(raw, dict) else {}
    pick = lambda key, allowed: raw[key] if raw.get(key) in allowed else setup[key]  # noqa: E731
    setup["problem"] = pick("problem", DATASETS)
    setup["dataset"] = pick("dataset", DATASETS[setup["problem"]])
    if setup["dataset"] not in DATASETS[setup["problem"]]:
        setup["dataset"] = DATASETS[setup["problem"]][0]
    setup["noise"] = _int_in(raw.get("noise"), 0, 50, 5, setup["noise"])
    setup["train_percent"] = _int_in(raw.get("train_percent"), 10, 90, 10, setup["train_percent"])
    setup["batch_size"] = _int_in(raw.get("batch_size"), 1, 30, 1, setup["batch_size"])
    if isinstance(raw.get("features"), (list, tuple)):
        setup["features"] = [f for f in FEATURE_NAMES if f in raw["features"]]
    if isinstance(raw.get("hidden"), (list, tuple)):
        setup["hidden"] = [_int_in(n, 1, MAX_NEURONS, 1, 1) for n in raw["hidden"]][:MAX_LAYERS]
    setup["activation"] = pick("activation", ACTIVATION_NAMES)
    if "learning_rate" in raw:
        setup["learning_rate"] = _nearest(raw["learning_rate"], LEARNING_RATES)
    setup["optimizer"] = pick("optimizer", BASIC_OPTIMIZERS + MORE_OPTIMIZERS)
    setup["regularization"] = pick("regularization", REGULARIZATIONS)
    if "reg_rate" in raw:
        setup["reg_rate"] = _nearest(raw["reg_rate"], REG_RATES)
    for key in ("data_seed", "weight_seed"):
        setup[key] = _int_in(raw.get(key), 0, 2**31 - 1, 1, setup[key])
    for key in ("show_test", "discretize", "more_optimizers"):
        setup[key] = bool(raw.get(key, setup[key]))
    if setup["optimizer"] in MORE_OPTIMIZERS:
        setup["more_optimizers"] = True
    setup["own_points"] = _clean_points(raw.get("own_points", []))
    setup["challenge"] = raw.get("challenge") if raw.get("challenge") in CHALLENGE_IDS else None
    return setup


# --- own data: CSV --------------------------------------------------------------------------

class CsvError(ValueError):
    """A CSV file that cannot be used; the message says why, in words for the learner."""


def load_csv(path) -> list[list[float]]:
    """Points ``[[x₁, x₂, label], …]`` from a CSV file with columns x1,x2,label.

    A first line of column names is skipped. Every other line needs three numbers, the
    coordinates within [−6, 6]; at most ``MAX_OWN_POINTS`` lines. Anything else raises
    ``CsvError`` naming the line, and nothing is loaded.
    """
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
    except FileNotFoundError:
        raise CsvError(f"no file {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CsvError(f"cannot read {path}: {error}") from None
    rows = [(number, row) for number, row in enumerate(rows, 1) if any(c.strip() for c in row)]
    if rows and not _numbers(rows[0][1]):
        rows = rows[1:]  # a header line
    if not rows:
        raise CsvError(f"{path} has no points: it needs lines of x1,x2,label")
    if len(rows) > MAX_OWN_POINTS:
        raise CsvError(f"{path} has {len(rows)} points; at most {MAX_OWN_POINTS} fit")
    points = []
    for number, row in rows:
        values = _numbers(row)
        if values is None or len(values) != 3:
            raise CsvError(f"line {number} of {path} is not three numbers x1,x2,label")
        if not all(math.isfinite(v) for v in values):
            raise CsvError(f"line {number} of {path} holds a value that is not finite")
        if max(abs(values[0]), abs(values[1])) > LIMITS[1]:
            raise CsvError(f"line {number} of {path}: x1 and x2 must lie between −6 and 6")
        points.append(values)
    return points


def _numbers(row: list[str]) -> list[float] | None:
    try:
        return [float(cell) for cell in row]
    except ValueError:
        return None


def targets_for(labels: np.ndarray, problem: str) -> np.ndarray:
    """Own labels as targets: a class is label > 0 (0/1 and −1/+1 both work); a regression
    target is the label itself, except that 0/1 labels become −1/+1."""
    labels = np.asarray(labels, dtype=np.float64)
    if problem == "classification":
        return (labels > 0).astype(np.float64)
    if labels.size and np.isin(labels, (0.0, 1.0)).all():
        return 2.0 * labels - 1.0
    return labels


# --- challenges -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Challenge:
    """A goal the model checks after every epoch; ``dataset`` is loaded when it is picked."""

    id: str
    title: str
    goal: str
    problem: str
    dataset: str
    check: Callable[["Playground"], bool]


def _test_below(pg: "Playground", limit: float) -> bool:
    return pg.test_loss is not None and pg.test_loss < limit


CHALLENGES: tuple[Challenge, ...] = (
    Challenge("spiral", "Spiral",
              "spiral: test loss below 0.1", "classification", "spiral",
              lambda pg: _test_below(pg, 0.1)),
    Challenge("small-circle", "Small circle",
              "circle with only x₁, x₂ and at most 4 hidden neurons: test loss below 0.1",
              "classification", "circle",
              lambda pg: pg.setup["features"] == ["x1", "x2"] and sum(pg.setup["hidden"]) <= 4
              and _test_below(pg, 0.1)),
    Challenge("flat-xor", "Flat XOR",
              "XOR with no hidden layer and one feature you pick: test loss below 0.2",
              "classification", "xor",
              lambda pg: not pg.setup["hidden"] and len(pg.setup["features"]) == 1
              and _test_below(pg, 0.2)),
    Challenge("sparse-gauss", "Sparse gauss",
              "gauss with L1: half the weights or more below 0.01 and test loss below 0.2",
              "classification", "gauss",
              lambda pg: pg.setup["regularization"] == "l1" and pg.near_zero_share() >= 0.5
              and _test_below(pg, 0.2)),
    Challenge("linear-plane", "Noisy plane",
              "plane with noise 25 % or more and no hidden layer: test loss below 0.02",
              "regression", "plane",
              lambda pg: not pg.setup["hidden"] and pg.setup["noise"] >= 25
              and _test_below(pg, 0.02)),
    Challenge("six-bumps", "Six bumps",
              "multi-gauss regression: test loss below 0.03", "regression", "multi-gauss",
              lambda pg: _test_below(pg, 0.03)),
    Challenge("moons-sigmoid", "Soft moons",
              "moons with sigmoid neurons and only x₁, x₂: test loss below 0.05",
              "classification", "moons",
              lambda pg: pg.setup["activation"] == "sigmoid"
              and pg.setup["features"] == ["x1", "x2"] and _test_below(pg, 0.05)),
)
CHALLENGE_IDS = tuple(c.id for c in CHALLENGES)
CHALLENGE_BY_ID = {c.id: c for c in CHALLENGES}


# --- the playground ----------------------------------------------------------------------------

class Playground:
    """One setup, its data, its network and its training history."""

    def __init__(self, setup: dict | None = None) -> None:
        self.setup = normalize_setup(setup)
        self._build_data()
        self._build_network()

    # --- building --------------------------------------------------------------------------

    def _build_data(self) -> None:
        s = self.setup
        if s["dataset"] == "own":
            points = np.asarray(s["own_points"], dtype=np.float64).reshape(-1, 3)
            X, y = points[:, :2], targets_for(points[:, 2], s["problem"])
        else:
            X, y = sets.make(s["dataset"], N_POINTS, s["noise"] / 100.0, s["data_seed"])
        self.X, self.y = X, y
        fraction = s["train_percent"] / 100.0
        if len(y) and round(fraction * len(y)) == 0:
            fraction = 1.0 / len(y)  # one point still trains
        self.X_train, self.y_train, self.X_test, self.y_test = split(X, y, fraction, s["data_seed"])

    def _build_network(self) -> None:
        s = self.setup
        self.net = MLP(self.sizes, hidden=s["activation"], output=OUTPUTS[s["problem"]],
                       seed=s["weight_seed"])
        self.optimizer = OPTIMIZERS[s["optimizer"]](s["learning_rate"])
        self.epoch = 0
        self.history: list[tuple[int, float, float | None]] = []
        self.diverged = False
        self.train_loss, self.test_loss = self._losses()

    @property
    def sizes(self) -> list[int]:
        return [max(1, len(self.setup["features"])), *self.setup["hidden"], 1]

    @property
    def n_points(self) -> int:
        return len(self.y)

    def inputs(self, X: np.ndarray) -> np.ndarray:
        """The network's input columns for 2-D points (one zero column without features)."""
        if not self.setup["features"]:
            return np.zeros((len(X), 1))
        return feature_columns(X, self.setup["features"])

    # --- changing the setup -----------------------------------------------------------------

    DATA_KEYS = ("problem", "dataset", "noise", "train_percent", "data_seed", "own_points")
    NETWORK_KEYS = ("features", "hidden", "activation", "weight_seed")

    def change(self, **settings) -> None:
        """Change some setup keys; rebuilds what they touch.

        Data and network changes start a new network (as the Playground does); the learning
        rate, optimizer, regularization and batch size apply from the next step on.
        """
        old = dict(self.setup)
        merged = {**self.setup, **settings}
        if settings.get("problem", old["problem"]) != old["problem"] and "dataset" not in settings:
            merged["dataset"] = DATASETS[merged["problem"]][0]
        self.setup = normalize_setup(merged)
        changed = {k for k in self.setup if self.setup[k] != old[k]}
        if changed & set(self.DATA_KEYS):
            self._build_data()
        if changed & set(self.DATA_KEYS + self.NETWORK_KEYS):
            self._build_network()
        elif "optimizer" in changed:
            self.optimizer = OPTIMIZERS[self.setup["optimizer"]](self.setup["learning_rate"])
        elif "learning_rate" in changed:
            self.optimizer.lr = self.setup["learning_rate"]

    def reset(self) -> None:
        """New starting weights (the next weight seed), epoch 0."""
        self.change(weight_seed=self.setup["weight_seed"] + 1)

    def regenerate(self) -> None:
        """New points from the next data seed (own points stay, only their split changes)."""
        self.change(data_seed=self.setup["data_seed"] + 1)

    def toggle_feature(self, name: str) -> None:
        features = set(self.setup["features"])
        features ^= {name}
        self.change(features=[f for f in FEATURE_NAMES if f in features])

    def add_layer(self) -> None:
        if len(self.setup["hidden"]) < MAX_LAYERS:
            self.change(hidden=[*self.setup["hidden"], 2])

    def remove_layer(self) -> None:
        if self.setup["hidden"]:
            self.change(hidden=self.setup["hidden"][:-1])

    def resize_layer(self, layer: int, delta: int) -> None:
        """Add (delta > 0) or remove neurons of hidden layer ``layer`` (0-based), within 1–8."""
        hidden = list(self.setup["hidden"])
        if 0 <= layer < len(hidden):
            hidden[layer] = min(MAX_NEURONS, max(1, hidden[layer] + delta))
            self.change(hidden=hidden)

    def pick_challenge(self, challenge_id: str | None) -> None:
        """Play a challenge: its problem and data set are loaded, the rest is the learner's."""
        challenge = CHALLENGE_BY_ID.get(challenge_id)
        if challenge is None:
            self.change(challenge=None)
        else:
            self.change(challenge=challenge.id, problem=challenge.problem,
                        dataset=challenge.dataset)

    # --- own points -----------------------------------------------------------------------

    def own_points_from_current(self) -> None:
        """Start drawing from the points on show: they become the learner's own."""
        if self.setup["dataset"] != "own":
            points = np.column_stack([self.X, self.y]).tolist()
            self.change(dataset="own", own_points=points)

    def place_point(self, x: float, y: float, label: float) -> None:
        self.change(dataset="own", own_points=[*self.setup["own_points"], [x, y, label]])

    def delete_points(self, x: float, y: float, half_width: float, half_height: float) -> int:
        """Remove the own points in the box around (x, y); returns how many went."""
        keep = [p for p in self.setup["own_points"]
                if abs(p[0] - x) > half_width or abs(p[1] - y) > half_height]
        removed = len(self.setup["own_points"]) - len(keep)
        if removed:
            self.change(dataset="own", own_points=keep)
        return removed

    def use_points(self, points: list[list[float]]) -> None:
        """Load points (say from a CSV): labels other than 0/1 and −1/+1 make it regression."""
        labels = {p[2] for p in points}
        binary = labels <= {0.0, 1.0} or labels <= {-1.0, 1.0}
        problem = self.setup["problem"] if binary else "regression"
        self.change(problem=problem, dataset="own", own_points=points)

    # --- training -------------------------------------------------------------------------

    @property
    def l1(self) -> float:
        return self.setup["reg_rate"] if self.setup["regularization"] == "l1" else 0.0

    @property
    def l2(self) -> float:
        return self.setup["reg_rate"] if self.setup["regularization"] == "l2" else 0.0

    @property
    def loss_name(self) -> str:
        return LOSS_NAMES[self.setup["problem"]]

    def train(self, epochs: int = 1) -> float | None:
        """Train whole epochs (one pass over the train points in shuffled mini-batches).

        Returns the last train loss, NaN once diverged, None when there is nothing to train.
        """
        if self.diverged:
            return math.nan
        if not len(self.y_train):
            return None
        Xi = self.inputs(self.X_train)
        for _ in range(epochs):
            with np.errstate(all="ignore"):
                train_epoch(self.net, self.optimizer, Xi, self.y_train,
                            batch_size=self.setup["batch_size"], loss=self.loss_name,
                            l1=self.l1, l2=self.l2)
            self.epoch += 1
            self.train_loss, self.test_loss = self._losses()
            finite = math.isfinite(self.train_loss) and all(
                np.isfinite(p).all() and np.abs(p).max() < BLOWN_UP for p in self.net.params)
            if not finite:
                self.diverged = True
                self.train_loss = self.test_loss = math.nan
                return math.nan
            self.history.append((self.epoch, self.train_loss, self.test_loss))
        return self.train_loss

    @property
    def loss_rising(self) -> bool:
        """The train loss is above where it started, after a few epochs: a rate too high."""
        return len(self.history) >= 10 and self.history[-1][1] > 1.05 * self.history[0][1]

    def _losses(self) -> tuple[float | None, float | None]:
        return self._loss(self.X_train, self.y_train), self._loss(self.X_test, self.y_test)

    def _loss(self, X: np.ndarray, y: np.ndarray) -> float | None:
        if not len(y):
            return None
        with np.errstate(all="ignore"):
            value = self.net.loss(self.inputs(X), y, loss=self.loss_name)
        return float(value) if np.isfinite(value) else math.nan

    # --- what the view draws -------------------------------------------------------------

    def output_grid(self, nx: int, ny: int) -> np.ndarray:
        """The network's output over the input square, (ny, nx), row 0 at the bottom, mapped to
        [0, 1] (a regression output −1…1 is shifted); discretized if the setup says so."""
        with np.errstate(all="ignore"):
            if self.setup["features"]:
                values = grid_predict(self.net, LIMITS, LIMITS, nx, ny, self.setup["features"])
            else:  # no inputs: the constant guess
                values = np.full((ny, nx), float(self.net.forward(np.zeros((1, 1)))[0, 0]))
        if self.setup["problem"] == "regression":
            values = (values + 1.0) / 2.0
        if self.setup["discretize"]:
            values = (values >= 0.5).astype(np.float64)
        return np.nan_to_num(np.clip(values, 0.0, 1.0), nan=0.5)

    def node_grid(self, layer: int, index: int, nx: int, ny: int) -> np.ndarray:
        """One node's value over the input square, (ny, nx) in [0, 1]. Layer 0 is the inputs,
        the last layer the output (the same picture as ``output_grid``). Inner nodes are scaled
        by their largest |value| so their shape shows: 0.5 is zero, 1 the largest positive."""
        if layer >= len(self.sizes) - 1:
            return self.output_grid(nx, ny)
        xs = np.linspace(*LIMITS, nx)
        ys = np.linspace(*LIMITS, ny)
        gx, gy = np.meshgrid(xs, ys)
        points = np.column_stack([gx.ravel(), gy.ravel()])
        with np.errstate(all="ignore"):
            _, acts = self.net.forward_trace(self.inputs(points))
        values = acts[layer][:, min(index, acts[layer].shape[1] - 1)]
        scale = np.nanmax(np.abs(values)) if np.isfinite(values).any() else 0.0
        scaled = values / scale if scale and np.isfinite(scale) else np.zeros_like(values)
        return np.nan_to_num((scaled.reshape(ny, nx) + 1.0) / 2.0, nan=0.5)

    def node_label(self, layer: int, index: int) -> str:
        if layer == 0:
            names = self.setup["features"]
            return FEATURE_LABELS[names[index]] if index < len(names) else "0 (no feature)"
        if layer == len(self.sizes) - 1:
            return "output"
        return f"h{layer}[{index + 1}]"

    def node_weights(self, layer: int, index: int) -> tuple[list[tuple[str, float]], float | None,
                                                            list[tuple[str, float]]]:
        """(incoming (source, w) pairs, bias, outgoing (target, w) pairs) of a node."""
        incoming: list[tuple[str, float]] = []
        outgoing: list[tuple[str, float]] = []
        bias = None
        W, b = self.net.weights, self.net.biases
        if layer > 0:
            incoming = [(self.node_label(layer - 1, i), float(W[layer - 1][i, index]))
                        for i in range(W[layer - 1].shape[0])]
            bias = float(b[layer - 1][index])
        if layer < len(W):
            outgoing = [(self.node_label(layer + 1, j), float(W[layer][index, j]))
                        for j in range(W[layer].shape[1])]
        return incoming, bias, outgoing

    @property
    def param_count(self) -> int:
        return mlp_param_count(self.sizes)

    def layer_params(self) -> list[int]:
        """Parameters of each weight layer (weights + biases)."""
        return [a * b + b for a, b in zip(self.sizes[:-1], self.sizes[1:])]

    def near_zero_share(self) -> float:
        """Share of all weights (not biases) with |w| < ``NEAR_ZERO``."""
        weights = np.concatenate([w.ravel() for w in self.net.weights])
        return float(np.mean(np.abs(weights) < NEAR_ZERO)) if weights.size else 0.0

    # --- challenges -------------------------------------------------------------------------

    @property
    def challenge(self) -> Challenge | None:
        return CHALLENGE_BY_ID.get(self.setup["challenge"])

    def challenge_met(self) -> bool:
        """Whether the challenge being played is met now (it needs its own data set)."""
        c = self.challenge
        return (c is not None and not self.diverged and self.epoch > 0
                and self.setup["problem"] == c.problem and self.setup["dataset"] == c.dataset
                and bool(c.check(self)))

    def winning_record(self) -> dict:
        """What the store keeps with a win: the challenge, the whole setup and the result."""
        return {"challenge": self.setup["challenge"], "setup": dict(self.setup),
                "epoch": self.epoch, "train_loss": self.train_loss, "test_loss": self.test_loss}
