"""Layers and the forward pass: the lesson, with a parameter counter the learner edits."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui.engine.params import dense_params, mlp_param_count
from nntui.widgets.keys import axis_keys
from nntui.widgets.section import LessonView

EXAMPLE = (4, 8, 6, 1)
MAX_SIZE = 1024
MAX_LAYERS = 8


def breakdown(sizes) -> str:
    """"4·8+8 = 40 + …" one term per pair of layers, from the engine's dense count."""
    return " + ".join(f"{dense_params(a, b):,}" for a, b in zip(sizes[:-1], sizes[1:]))


class LayersView(LessonView):
    HELP = ("←/→ pick a layer of the calculator, ↑/↓ change its size by 1 (shift: by 10), "
            "a adds a hidden layer after the picked one, x removes the picked hidden layer, "
            "r puts back the example [4, 8, 6, 1]. page up/down scroll the text.")
    BINDINGS = [
        *axis_keys("x", "pick({})", "layer"),
        *axis_keys("y", "resize({})", "size", coarse=10, coarse_label="size ±10"),
        Binding("a", "add", "add layer"),
        Binding("x", "remove", "remove"),
        Binding("r", "reset", "example"),
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.sizes = list(EXAMPLE)
        self.picked = 1

    def compose(self):
        yield Static(id="layers-counter")
        yield self.lesson_text()

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        self.redraw()

    def values(self) -> dict:
        return {
            "example": str(list(EXAMPLE)),
            "example_terms": breakdown(EXAMPLE),
            "example_total": mlp_param_count(EXAMPLE),
            "first_weights": EXAMPLE[0] * EXAMPLE[1],
            "first_biases": EXAMPLE[1],
        }

    # --- the calculator ------------------------------------------------------------

    def action_pick(self, delta: int) -> None:
        self.picked = min(len(self.sizes) - 1, max(0, self.picked + delta))
        self.redraw()

    def action_resize(self, delta: int) -> None:
        self.sizes[self.picked] = min(MAX_SIZE, max(1, self.sizes[self.picked] + delta))
        self.redraw()

    def action_add(self) -> None:
        if len(self.sizes) < MAX_LAYERS:
            at = min(self.picked + 1, len(self.sizes) - 1)
            self.sizes.insert(at, self.sizes[at - 1])
            self.picked = at
            self.redraw()

    def action_remove(self) -> None:
        if 0 < self.picked < len(self.sizes) - 1:
            del self.sizes[self.picked]
            self.picked = min(self.picked, len(self.sizes) - 2)
            self.redraw()

    def action_reset(self) -> None:
        self.sizes, self.picked = list(EXAMPLE), 1
        self.redraw()

    def role(self, index: int) -> str:
        return "input" if index == 0 else "output" if index == len(self.sizes) - 1 else "hidden"

    @property
    def total(self) -> int:
        return mlp_param_count(self.sizes)

    def redraw(self) -> None:
        self.scroll_home(animate=False)  # keys edit the counter, so keep it in view
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("Parameter counter", "bold")
        text.append(f" · {self.role(self.picked)} layer picked\n  ")
        # Sizes alone (the first is the input, the last the output) keep even eight layers of
        # 1024 on one line at 80 columns.
        for index, n in enumerate(self.sizes):
            if index == self.picked:
                text.append(f"[{n}]", "bold reverse")
            else:
                text.append(f" {n} ")
            if index < len(self.sizes) - 1:
                text.append("→")
        text.append("\n")
        for a, b in zip(self.sizes[:-1], self.sizes[1:]):
            biases = "bias" if b == 1 else "biases"
            text.append(f"  {a}→{b}: {a}·{b} weights + {b} {biases} = {dense_params(a, b):,}\n")
        text.append(f"  total = {breakdown(self.sizes)} = ", "")
        text.append(f"{self.total:,} parameters", "bold")
        self.query_one("#layers-counter", Static).update(text)
