"""Train a Brain: the terminal TensorFlow Playground (model in ``train_brain_model``).

A ``TrainingSection``: every epoch, played or stepped, runs in the base's worker thread under
``self.lock``; every control changes the model under the same lock, so keys answer while it
trains. Frugal drawing: the heatmap is redrawn at most ``HEATMAP_FPS`` times a second while
playing, with quantized colours, and the canvas repaints only the cells that changed; the chart
at most once a second; a text line only when its text changed.
"""

from __future__ import annotations

import time

import numpy as np
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from nntui.engine.data import FEATURE_LABELS
from nntui.engine.data import features as feature_columns
from nntui.widgets.canvas import Canvas
from nntui.widgets.chart import Chart
from nntui.widgets.choice import Choice, Toggle
from nntui.widgets.keys import FOCUS_BINDINGS, axis_keys
from nntui.widgets.network_map import NetworkMap
from nntui.widgets.number_text import num
from nntui.widgets.playing import TrainingSection
from nntui.widgets.result import ResultModal
from nntui.widgets.slider import Slider

from .train_brain_model import (
    ACTIVATION_NAMES, BASIC_OPTIMIZERS, CHALLENGES, DATASETS, FEATURE_NAMES, LEARNING_RATES,
    LIMITS, MORE_OPTIMIZERS, REG_RATES, REGULARIZATIONS, CsvError, Playground, load_csv,
)

SETUP_KEY = "l3.train-brain.setup"
EPOCHS_PER_CHUNK = 2
HEATMAP_FPS = 3.0
CHART_FPS = 0.5
COLOUR_LEVELS = 6  # heatmap colours per side: few levels, few changed cells
CHART_POINTS = 200

HEAT_COLOURS = ("#b3541e", "#262626", "#1f5fa8")  # class 0 / undecided / class 1
POINT_COLOURS = ("#ffc58f", "#a8d1ff")
TRAIN_MARKERS = ("○", "●")
TEST_MARKERS = ("◇", "◆")
CURSOR_MARK = "▣"
SHORT_FEATURES = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1x2": "x₁x₂",
                  "sin_x1": "sx₁", "sin_x2": "sx₂"}
OPTIMIZER_LABELS = {"sgd": "SGD", "momentum": "Momentum", "adam": "Adam", "rmsprop": "RMSprop",
                    "adamw": "AdamW", "lion": "Lion"}
REG_LABELS = {"none": "none", "l1": "L1", "l2": "L2"}
DIVERGED = "diverged — lower the learning rate, then r to reset"


def rate_label(rate: float) -> str:
    return f"{rate:g}" if rate >= 0.001 or rate == 0 else f"{rate:.0e}".replace("e-0", "e−")


class DrawCanvas(Canvas, can_focus=False):
    """The heatmap canvas; focusable (and focused) only while the learner draws points."""

    BINDINGS = [
        *axis_keys("x", "move({}, 0)", "move the cursor", coarse=4),
        *axis_keys("y", "move(0, {})", "move the cursor", coarse=3),
        Binding("space", "place", "put a point"),
        Binding("c", "switch_class", "switch class"),
        Binding("x", "delete", "delete points here"),
        Binding("enter", "done", "done drawing", show=False),
    ]

    def _view(self) -> "TrainBrainView":
        return next(a for a in self.ancestors if isinstance(a, TrainBrainView))

    def action_move(self, dx: int, dy: int) -> None:
        self._view().draw_move(dx, dy)

    def action_place(self) -> None:
        self._view().draw_place()

    def action_switch_class(self) -> None:
        self._view().draw_switch_class()

    def action_delete(self) -> None:
        self._view().draw_delete()

    def action_done(self) -> None:
        self._view().action_draw()


class CsvPrompt(ModalScreen[str | None]):
    """Asks for a CSV file's path; enter loads it, escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "cancel")]
    DEFAULT_CSS = """
    CsvPrompt { align: center middle; }
    CsvPrompt > Vertical { width: 64; max-width: 95%; height: auto; border: round $primary;
                           background: $surface; padding: 0 1; }
    """

    def compose(self):
        with Vertical():
            yield Static("Load points from a CSV file: lines of x1,x2,label with x1 and x2 "
                         "between −6 and 6 (a header line is fine). enter loads, escape cancels.")
            yield Input(placeholder="path/to/points.csv", id="csv-path")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TrainBrainView(TrainingSection):
    """Data, features, network and settings on the right; the picture on the left."""

    HELP = (
        "**Moving around.** tab and shift+tab (or ↑/↓ outside the network map) move between "
        "the controls; ←/→ change the one with the ▶; space flips a [x] switch.\n\n"
        "**Network map.** Arrows move the cursor over the nodes; the big picture shows that "
        "node's own output over the input square (the output node shows the decision "
        "boundary). The line under the map lists the weights on its edges. space on an input "
        "row switches that feature on or off; + and − add or remove a neuron in the cursor's "
        "hidden layer; ] adds a hidden layer, [ removes the last one.\n\n"
        "**Training.** p plays and pauses, s trains two epochs, r starts again with new "
        "weights. g draws new points (a new seed), t shows the test points (◇ ◆), z "
        "discretizes the output, 1–7 switch the seven features.\n\n"
        "**Your own data.** e starts drawing: arrows move the ▣ cursor (shift for big "
        "moves), space puts a point of the current class, c switches the class, x deletes "
        "the points under the cursor, e or enter stops. o loads a CSV file of x1,x2,label "
        "lines (also `nntui --data FILE`).\n\n"
        "**Pictures.** Blue (█ without colour) is class 1 or a high value, orange (blank) "
        "class 0 or a low value; ● ○ are the training points of class 1 and 0, ◆ ◇ the test "
        "points. The chart shows train and test loss per epoch.\n\n"
        "**Challenges.** Pick one in the last control: its data set is loaded and the rest "
        "is yours. Meeting its goal while training records a win with your settings. Your "
        "setup is saved and comes back next time."
    )
    BINDINGS = [
        *FOCUS_BINDINGS,
        Binding("g", "regenerate", "new points", show=False),
        Binding("t", "toggle('show_test')", "show test points", show=False),
        Binding("z", "toggle('discretize')", "discretize output", show=False),
        Binding("e", "draw", "draw own points", show=False),
        Binding("o", "open_csv", "load a CSV", show=False),
        Binding("plus,equals_sign", "neurons(1)", "add a neuron", show=False, key_display="+"),
        Binding("minus", "neurons(-1)", "remove a neuron", show=False, key_display="−"),
        Binding("right_square_bracket", "layers(1)", "add a hidden layer", show=False,
                key_display="]"),
        Binding("left_square_bracket", "layers(-1)", "remove a hidden layer", show=False,
                key_display="["),
        Binding("space", "map_space", "switch the feature", show=False),
        *[Binding(str(i + 1), f"feature({i})", f"feature {FEATURE_LABELS[name]}", show=False)
          for i, name in enumerate(FEATURE_NAMES)],
        Binding("tab", "app.focus_next", "next control", key_display="tab/↑↓"),
        # The app's own "?" sits at the far end of the Footer, cut off at 80 columns.
        Binding("question_mark", "app.help", "help", key_display="?"),
    ]
    POSTS_PER_SECOND = 5.0
    # × 2 epochs: 32 epochs a second at most, so the learner sees at least 30. Training is most
    # of a session's CPU; at 40 a second two cores held only about 16 learners training at
    # once (benchmarks/classroom.py).
    CHUNKS_PER_SECOND = 16.0
    STEP_CHUNKS = 1
    DIVERGED_HINT = DIVERGED

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.pg = Playground()
        self.drawing = False
        self.draw_cell = (0, 0)
        self.draw_class = 1
        self.won: set[str] = set()
        self.announced = False
        self._last_heatmap = 0.0
        self._last_chart = 0.0
        self._shown: dict[str, object] = {}

    # --- layout ------------------------------------------------------------------------

    def compose(self):
        s = self.pg.setup
        yield Static(id="tb-status")
        yield Static(id="tb-hint")
        with Horizontal(id="tb-main"):
            with Vertical(id="tb-left"):
                yield DrawCanvas(LIMITS, LIMITS, id="tb-canvas")
                with Horizontal(id="tb-thumbs"):
                    for index in range(8):
                        yield Canvas(LIMITS, LIMITS, id=f"tb-thumb-{index}", classes="tb-thumb")
                yield Chart(id="tb-chart")
            with Vertical(id="tb-right"):
                yield NetworkMap(id="tb-net")
                yield Static(id="tb-node")
                with VerticalScroll(id="tb-controls"):
                    yield Choice("problem", ["classification", "regression"], s["problem"],
                                 label_width=10, id="tb-problem")
                    yield Choice("data", self._dataset_options(), s["dataset"], label_width=10,
                                 id="tb-dataset")
                    yield Slider("noise %", s["noise"], 0, 50, 5, fmt="{:.0f}", label_width=10,
                                 id="tb-noise")
                    yield Slider("train %", s["train_percent"], 10, 90, 10, fmt="{:.0f}",
                                 label_width=10, id="tb-train")
                    yield Slider("batch", s["batch_size"], 1, 30, 1, 5, fmt="{:.0f}",
                                 label_width=10, id="tb-batch")
                    yield Choice("activation", list(ACTIVATION_NAMES), s["activation"],
                                 label_width=10, id="tb-activation")
                    yield Choice("rate", [(rate_label(r), r) for r in LEARNING_RATES],
                                 s["learning_rate"], label_width=10, id="tb-rate")
                    yield Choice("optimizer", self._optimizer_options(), s["optimizer"],
                                 label_width=10, id="tb-optimizer")
                    yield Toggle("more optimizers", s["more_optimizers"], id="tb-more")
                    yield Choice("regularize", [(REG_LABELS[r], r) for r in REGULARIZATIONS],
                                 s["regularization"], label_width=10, id="tb-reg")
                    yield Choice("reg. rate", [(rate_label(r), r) for r in REG_RATES],
                                 s["reg_rate"], label_width=10, id="tb-reg-rate")
                    yield Toggle("test points", s["show_test"], id="tb-show-test")
                    yield Toggle("discretize output", s["discretize"], id="tb-discretize")
                    yield Choice("challenge", self._challenge_options(), s["challenge"],
                                 label_width=10, id="tb-challenge")

    def _dataset_options(self) -> list[tuple[str, str]]:
        return [(name if name != "own" else "your own", name)
                for name in DATASETS[self.pg.setup["problem"]]]

    def _optimizer_options(self) -> list[tuple[str, str]]:
        names = BASIC_OPTIMIZERS + (MORE_OPTIMIZERS if self.pg.setup["more_optimizers"] else ())
        return [(OPTIMIZER_LABELS[n], n) for n in names]

    def _challenge_options(self) -> list[tuple[str, str | None]]:
        return [("none", None), *((("✓ " if c.id in self.won else "") + c.title, c.id)
                                  for c in CHALLENGES)]

    def on_mount(self) -> None:
        store = self.store
        if store is not None:
            self.pg = Playground(store.get_setting(SETUP_KEY))
            self.won = {a.details.get("challenge") for a in store.attempts(self.section.id)
                        if a.won and a.details}
        points = getattr(self.app, "train_brain_points", None)
        if points:
            self.app.train_brain_points = None  # used once, on the first visit
            self.pg.use_points(points)
        self._sync_controls()
        self.query_one("#tb-net", NetworkMap).move_to(len(self.pg.sizes), 0)
        self.refresh_view()

    # --- TrainingSection ------------------------------------------------------------------

    def train_chunk(self) -> float | None:
        return self.pg.train(EPOCHS_PER_CHUNK)

    def restart(self) -> None:
        self.pg.reset()
        self.announced = False
        self._save()

    @property
    def training_done(self) -> bool:
        return not len(self.pg.y_train)

    # --- changing the setup -------------------------------------------------------------

    def change(self, **settings) -> None:
        """Change the setup under the lock (the worker may be training), save it, redraw."""
        with self.lock:
            self.pg.change(**settings)
            self.diverged = self.pg.diverged
        self.announced = False
        self._save()
        self._sync_controls()
        self.refresh_view(force=True)

    def _save(self) -> None:
        if self.store is not None:
            self.store.set_setting(SETUP_KEY, self.pg.setup)

    def _sync_controls(self) -> None:
        """Controls show the setup (a challenge or a CSV may have changed several keys)."""
        s = self.pg.setup
        self._set_options("#tb-dataset", self._dataset_options(), s["dataset"])
        self._set_options("#tb-optimizer", self._optimizer_options(), s["optimizer"])
        self._set_options("#tb-challenge", self._challenge_options(), s["challenge"])
        values = {"#tb-problem": s["problem"], "#tb-noise": s["noise"],
                  "#tb-train": s["train_percent"], "#tb-batch": s["batch_size"],
                  "#tb-activation": s["activation"], "#tb-rate": s["learning_rate"],
                  "#tb-more": s["more_optimizers"], "#tb-reg": s["regularization"],
                  "#tb-reg-rate": s["reg_rate"], "#tb-show-test": s["show_test"],
                  "#tb-discretize": s["discretize"]}
        for selector, value in values.items():
            widget = self.query_one(selector)
            if widget.value != value:
                with widget.prevent(Choice.Changed, Slider.Changed, Toggle.Changed):
                    widget.value = value
        inputs = [(SHORT_FEATURES[f], f in s["features"]) for f in FEATURE_NAMES]
        params = " + ".join(str(n) for n in self.pg.layer_params())
        caption = f"{'→'.join(map(str, self.pg.sizes))} · {self.pg.param_count} params ({params})"
        self.query_one("#tb-net", NetworkMap).set_network(inputs, [*s["hidden"], 1], caption)

    def _set_options(self, selector: str, options: list, value) -> None:
        choice = self.query_one(selector, Choice)
        if choice.options != options:
            with choice.prevent(Choice.Changed):
                choice._options = list(options)
                choice.value = value if value in [v for _, v in options] else options[0][1]
                choice.refresh()
        elif choice.value != value:
            with choice.prevent(Choice.Changed):
                choice.value = value

    CONTROL_KEYS = {"tb-problem": "problem", "tb-dataset": "dataset", "tb-noise": "noise",
                    "tb-train": "train_percent", "tb-batch": "batch_size",
                    "tb-activation": "activation", "tb-rate": "learning_rate",
                    "tb-optimizer": "optimizer", "tb-more": "more_optimizers",
                    "tb-reg": "regularization", "tb-reg-rate": "reg_rate",
                    "tb-show-test": "show_test", "tb-discretize": "discretize"}

    @on(Choice.Changed)
    @on(Slider.Changed)
    @on(Toggle.Changed)
    def control_changed(self, event) -> None:
        control = event.control
        if control.id == "tb-challenge":
            with self.lock:
                self.pg.pick_challenge(event.value)
            self.change()
            return
        key = self.CONTROL_KEYS.get(control.id)
        if key is None:
            return
        value = event.value
        if key in ("noise", "train_percent", "batch_size"):
            value = int(value)
        if key == "more_optimizers" and not value and self.pg.setup["optimizer"] in MORE_OPTIMIZERS:
            self.change(more_optimizers=False, optimizer="adam")
        else:
            self.change(**{key: value})

    # --- keys -------------------------------------------------------------------------

    def action_regenerate(self) -> None:
        with self.lock:
            self.pg.regenerate()
        self.change()

    def action_toggle(self, key: str) -> None:
        self.change(**{key: not self.pg.setup[key]})

    def action_feature(self, index: int) -> None:
        with self.lock:
            self.pg.toggle_feature(FEATURE_NAMES[index])
        self.change()

    def action_map_space(self) -> None:
        net = self.query_one("#tb-net", NetworkMap)
        if net.has_focus and net.cursor[0] == 0:
            self.action_feature(net.cursor[1])

    def action_neurons(self, delta: int) -> None:
        layer = self.query_one("#tb-net", NetworkMap).cursor[0] - 1
        if not 0 <= layer < len(self.pg.setup["hidden"]):
            self.notify("Put the map's cursor on a hidden layer first (tab to the map, ←/→).",
                        timeout=4)
            return
        with self.lock:
            self.pg.resize_layer(layer, delta)
        self.change()

    def action_layers(self, delta: int) -> None:
        with self.lock:
            (self.pg.add_layer if delta > 0 else self.pg.remove_layer)()
        self.change()

    @on(NetworkMap.Moved)
    def map_moved(self) -> None:
        self.refresh_view(force=True)

    # --- own points -------------------------------------------------------------------

    def action_draw(self) -> None:
        canvas = self.query_one("#tb-canvas", DrawCanvas)
        self.drawing = not self.drawing
        canvas.can_focus = self.drawing
        if self.drawing:
            with self.lock:
                self.pg.own_points_from_current()
            size = canvas.cell_size
            self.draw_cell = (size.width // 2, size.height // 2)
            self.change()
            canvas.focus()
        else:
            self.query_one("#tb-net", NetworkMap).focus()
            self.refresh_view(force=True)

    def draw_move(self, dx: int, dy: int) -> None:
        size = self.query_one("#tb-canvas", DrawCanvas).cell_size
        col, row = self.draw_cell
        self.draw_cell = (min(max(col + dx, 0), size.width - 1),
                          min(max(row - dy, 0), size.height - 1))
        self.refresh_view(force=True)

    def _cursor_world(self) -> tuple[float, float]:
        return self.query_one("#tb-canvas", DrawCanvas).cell_to_world(*self.draw_cell)

    def draw_place(self) -> None:
        x, y = self._cursor_world()
        label = float(self.draw_class)
        if self.pg.setup["problem"] == "regression":
            label = 1.0 if self.draw_class else -1.0
        with self.lock:
            self.pg.place_point(round(x, 3), round(y, 3), label)
        self.change()

    def draw_switch_class(self) -> None:
        self.draw_class = 1 - self.draw_class
        self.refresh_view(force=True)

    def draw_delete(self) -> None:
        canvas = self.query_one("#tb-canvas", DrawCanvas)
        size = canvas.cell_size
        half_w = (LIMITS[1] - LIMITS[0]) / size.width / 2
        half_h = (LIMITS[1] - LIMITS[0]) / size.height / 2
        with self.lock:
            self.pg.delete_points(*self._cursor_world(), half_w, half_h)
        self.change()

    def action_open_csv(self) -> None:
        self.app.push_screen(CsvPrompt(), self.load_csv_file)

    def load_csv_file(self, path: str | None) -> None:
        """Load a CSV; a bad file is named with the reason and changes nothing."""
        if not path:
            return
        try:
            points = load_csv(path)
        except CsvError as error:
            self.notify(f"{error}. Nothing was changed.", title="CSV not loaded",
                        severity="error", timeout=8, markup=False)
            return
        with self.lock:
            self.pg.use_points(points)
        self.notify(f"{len(points)} points loaded from {path}.", timeout=4, markup=False)
        self.change()

    # --- drawing ------------------------------------------------------------------------

    def refresh_view(self, force: bool = False) -> None:
        if not self.is_mounted:
            return
        now = time.monotonic()
        draw_pictures = force or not self.playing or now - self._last_heatmap >= 1 / HEATMAP_FPS
        draw_chart = force or not self.playing or now - self._last_chart >= 1 / CHART_FPS
        with self.lock:  # a snapshot of the model; the worker waits for at most this long
            status, hint = self.status_text(), self.hint_text()
            node_text = self.node_text()
            if draw_pictures:
                self._last_heatmap = now
                self.draw_canvas()
                self.draw_thumbs()
            if draw_chart:
                self._last_chart = now
                history = list(self.pg.history)
        self._show("#tb-status", status)
        self._show("#tb-hint", hint)
        self._show("#tb-node", node_text)
        if draw_chart:
            self.draw_chart(history)
        self.check_challenge()

    def _show(self, selector: str, content) -> None:
        """Update a Static only when its text changed (nothing is sent otherwise). These lines
        have fixed sizes (train_brain.tcss), so no layout pass: a layout pass while playing
        repainted the whole screen several times a second."""
        key = content.markup if isinstance(content, Text) else str(content)
        if self._shown.get(selector) != key:
            self._shown[selector] = key
            self.query_one(selector, Static).update(content, layout=False)

    def status_text(self) -> Text:
        pg = self.pg
        state = "▶ training" if self.playing else "❚❚ paused"
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{state}  epoch {pg.epoch}", "bold")
        loss = "BCE" if pg.loss_name == "bce" else "MSE"
        text.append(f"  train {self._loss(pg.train_loss)}  test {self._loss(pg.test_loss)} "
                    f"({loss})")
        text.append(f"  · {pg.n_points} points")
        return text

    @staticmethod
    def _loss(value) -> str:
        if value is None:
            return "—"
        if value != value:
            return "✗"
        return f"{value:.4f}" if value < 10 else f"{value:.3g}"

    def hint_text(self) -> Text:
        pg = self.pg
        text = Text(no_wrap=True, overflow="ellipsis")
        if pg.diverged:
            text.append(DIVERGED, "bold reverse")
        elif self.drawing:
            cls = TRAIN_MARKERS[self.draw_class]
            text.append(f"drawing: arrows move ▣, space puts {cls}, c class, x deletes, e done",
                        "bold")
        elif not pg.n_points:
            text.append("no points: e draws some, o loads a CSV file", "bold")
        elif pg.loss_rising:
            text.append("the loss went up: the learning rate may be too high", "bold")
        elif pg.challenge is not None:
            done = "✓ " if pg.challenge.id in self.won else ""
            text.append(f"{done}goal: {pg.challenge.goal}")
        elif not pg.setup["features"]:
            text.append("no features on: the network sees nothing and can only guess one value")
        else:
            text.append("p trains · tab/↑↓ pick a control, ←→ change it · ? all keys", "dim")
        return text

    def node_text(self) -> Text:
        layer, row = self.query_one("#tb-net", NetworkMap).cursor
        pg = self.pg
        text = Text(no_wrap=True, overflow="ellipsis")
        if layer == 0:
            name = FEATURE_NAMES[row]
            on = name in pg.setup["features"]
            text.append(f"input {FEATURE_LABELS[name]} ({'on' if on else 'off, space or '}"
                        f"{'' if on else str(row + 1)}{' to switch on' if not on else ''})\n")
            if on:
                index = pg.setup["features"].index(name)
                _, _, outgoing = pg.node_weights(0, index)
                text.append("w out " + " ".join(num(w, 2, sign=True) for _, w in outgoing))
            return text
        incoming, bias, outgoing = pg.node_weights(layer, row)
        text.append(f"{pg.node_label(layer, row)}  b {num(bias, 2, sign=True)}  w in ")
        text.append(" ".join(num(w, 2, sign=True) for _, w in incoming) + "\n")
        if outgoing:
            text.append("w out " + " ".join(num(w, 2, sign=True) for _, w in outgoing))
        return text

    def _picture(self, layer: int, row: int, nx: int, ny: int) -> np.ndarray:
        pg = self.pg
        if layer == 0:
            name = FEATURE_NAMES[row]
            xs = np.linspace(*LIMITS, nx)
            ys = np.linspace(*LIMITS, ny)
            gx, gy = np.meshgrid(xs, ys)
            values = feature_columns(np.column_stack([gx.ravel(), gy.ravel()]), [name])[:, 0]
            return ((values / np.abs(values).max() + 1) / 2).reshape(ny, nx)
        return pg.node_grid(layer, row, nx, ny)

    def draw_canvas(self) -> None:
        pg = self.pg
        canvas = self.query_one("#tb-canvas", DrawCanvas)
        size = canvas.cell_size
        layer, row = self.query_one("#tb-net", NetworkMap).cursor
        values = self._picture(layer, row, size.width, size.height * 2)
        quantized = np.round(values * COLOUR_LEVELS) / COLOUR_LEVELS
        canvas.clear()
        canvas.heatmap(quantized, 0.0, 1.0, cmap=HEAT_COLOURS)
        self._points(canvas, pg.X_train, pg.y_train, TRAIN_MARKERS)
        if pg.setup["show_test"]:
            self._points(canvas, pg.X_test, pg.y_test, TEST_MARKERS)
        if self.drawing:
            canvas.text(*canvas.cell_to_world(*self.draw_cell), CURSOR_MARK, colour="#ffffff")

    def _points(self, canvas: Canvas, X: np.ndarray, y: np.ndarray, markers) -> None:
        if len(y):
            canvas.points(X[:, 0], X[:, 1], (y > (0.5 if self.pg.loss_name == "bce" else 0)),
                          colours=list(POINT_COLOURS), marker=list(markers))

    def draw_thumbs(self) -> None:
        thumbs = self.query_one("#tb-thumbs")
        if not thumbs.display:
            return
        layer, _ = self.query_one("#tb-net", NetworkMap).cursor
        count = len(FEATURE_NAMES) if layer == 0 else ([*self.pg.setup["hidden"], 1])[layer - 1]
        for index, thumb in enumerate(thumbs.query(".tb-thumb").results(Canvas)):
            thumb.display = index < count
            if index < count:
                size = thumb.cell_size
                values = self._picture(layer, index, size.width, size.height * 2)
                thumb.clear()
                thumb.heatmap(np.round(values * COLOUR_LEVELS) / COLOUR_LEVELS, 0.0, 1.0,
                              cmap=HEAT_COLOURS)

    def draw_chart(self, history: list) -> None:
        chart = self.query_one("#tb-chart", Chart)
        if not history:
            chart.clear()
            return
        step = max(1, len(history) // CHART_POINTS)
        rows = history[::step]
        epochs = [r[0] for r in rows]
        series = {"train": (epochs, [r[1] for r in rows])}
        if rows[0][2] is not None:
            series["test"] = (epochs, [r[2] for r in rows])
        chart.plot_series(series, title="loss per epoch", ylog=True)

    # --- challenges ---------------------------------------------------------------------

    def check_challenge(self) -> None:
        pg = self.pg
        if self.announced or not pg.challenge_met():
            return
        self.announced = True
        with self.lock:
            record = pg.winning_record()
        challenge = pg.challenge
        self.record_attempt(1, 1, True, record)
        first = challenge.id not in self.won
        self.won.add(challenge.id)
        self._set_options("#tb-challenge", self._challenge_options(), pg.setup["challenge"])
        self.playing = False
        self.app.push_screen(ResultModal(
            challenge.title,
            f"{challenge.goal} — met at epoch {pg.epoch}"
            + (" (first time)." if first else ".") + " Your settings are kept with the win.",
            won=True))
