"""Layers and the forward pass: the lesson, with a network the learner resizes.

The top panel stays in view while the text scrolls: the network drawn to scale (one dot per
neuron, up to ``MAX_DRAWN`` a layer, and every connection between drawn neurons), and beside
it the parameter count of the picked layer and of the whole network.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.engine.params import dense_params, mlp_param_count
from nntui.widgets.canvas import Canvas
from nntui.widgets.keys import axis_keys
from nntui.widgets.section import LessonView

EXAMPLE = (4, 8, 6, 1)
MAX_SIZE = 1024
MAX_LAYERS = 8
MAX_DRAWN = 8  # neurons drawn per layer; a bigger layer shows "⋮" and its size
# World y is counted in terminal rows (the canvas is MAX_DRAWN + 1 rows tall): one row per
# drawn neuron, so no two share a row, and the bottom row for the sizes.
YLIM = (-1.0, float(MAX_DRAWN))
LABEL_Y = -0.5
EDGE_COLOUR, NODE_COLOUR, PICKED_COLOUR = "#4a5d7a", "#9fc3ff", "#ffd700"


def breakdown(sizes) -> str:
    """"40 + 54 + 7": one term per pair of layers, from the engine's dense count."""
    return " + ".join(f"{dense_params(a, b):,}" for a, b in zip(sizes[:-1], sizes[1:]))


def drawn(n: int) -> int:
    """How many of a layer's n neurons are drawn."""
    return min(n, MAX_DRAWN)


def node_heights(n: int) -> list[float]:
    """Heights of a layer's drawn neurons, top first: the centres of consecutive rows, the
    column centred in the picture."""
    k = drawn(n)
    first = (MAX_DRAWN - k) // 2
    return [MAX_DRAWN - 0.5 - (first + i) for i in range(k)]


def layer_formula(sizes, index: int) -> str | None:
    """The picked layer's count with its numbers: "4·8 + 8 = 40" (None for the input)."""
    if index == 0:
        return None
    a, b = sizes[index - 1], sizes[index]
    return f"{a:,}·{b:,} + {b:,} = {dense_params(a, b):,}"


def total_text(sizes) -> str:
    """"40 + 54 + 7 = 101 parameters", or "7 parameters" when there is one term."""
    total = f"{mlp_param_count(sizes):,} parameter{'s' if mlp_param_count(sizes) != 1 else ''}"
    return total if len(sizes) == 2 else f"{breakdown(sizes)} = {total}"


class LayersView(LessonView):
    COMPLETE_ON_OPEN = False  # complete once the learner has used the live control
    HELP = ("←/→ pick a layer, ↑/↓ change its size by 1 (shift: by 10), a adds a hidden layer "
            "after the picked one, x removes the picked hidden layer, r puts back the example "
            "[4, 8, 6, 1]. The picture draws up to eight neurons a layer and every connection "
            "between them; a bigger layer shows ⋮ and its size. PgDn/PgUp scroll the text "
            "while the picture stays in view.")
    BINDINGS = [
        *axis_keys("x", "pick({})", "layer"),
        *axis_keys("y", "resize({})", "size", coarse=10, coarse_label="size ±10"),
        Binding("a", "add", "add"),
        Binding("x", "remove", "remove"),
        Binding("r", "reset", "example", show=False),
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.sizes = list(EXAMPLE)
        self.picked = 1

    def compose(self):
        with Horizontal(id="layers-top"):
            yield Canvas((-0.5, len(self.sizes) - 0.5), YLIM, id="layers-net")
            yield Static(id="layers-counter")
        yield self.lesson_text()

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        self.redraw()

    def on_resize(self) -> None:
        super().on_resize()
        self.redraw()  # the size labels are centred in terminal columns

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
        self.mark_complete()  # the lesson asks the learner to count a network of their own

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
        if index == 0:
            return "input"
        return "output" if index == len(self.sizes) - 1 else f"hidden {index}"

    @property
    def total(self) -> int:
        return mlp_param_count(self.sizes)

    # --- drawing -------------------------------------------------------------------

    def redraw(self) -> None:
        self.draw_network()
        text = Text(no_wrap=False)
        text.append(f"▶ {self.role(self.picked)}", "bold")
        text.append(f" · {self.sizes[self.picked]:,} units\n")
        formula = layer_formula(self.sizes, self.picked)
        if formula is None:
            text.append("holds x: no weights,\nno biases\n\n")
        else:
            text.append("n_in·n_out + n_out\n", "italic")
            text.append(f"= {formula}\n\n")
        text.append("whole network\n", "bold")
        text.append(f"{total_text(self.sizes)}")
        self.query_one("#layers-counter", Static).update(text)

    def draw_network(self) -> None:
        canvas = self.query_one("#layers-net", Canvas)
        canvas.set_limits((-0.5, len(self.sizes) - 0.5), YLIM)
        canvas.clear()
        heights = [node_heights(n) for n in self.sizes]
        for x, (left, right) in enumerate(zip(heights, heights[1:])):
            for y0 in left:
                for y1 in right:
                    canvas.line(x, y0, x + 1, y1, colour=EDGE_COLOUR, char="·")
        for x, (n, ys) in enumerate(zip(self.sizes, heights)):
            picked = x == self.picked
            canvas.points([x] * len(ys), ys, marker="◉" if picked else "●",
                          colours=PICKED_COLOUR if picked else NODE_COLOUR)
            if n > MAX_DRAWN:
                canvas.text(x + 0.15, MAX_DRAWN / 2, "⋮",
                            colour=PICKED_COLOUR if picked else NODE_COLOUR)
            label = f"[{n}]" if picked else str(n)
            canvas.text(x - (len(label) - 1) / 2 * self.column_width(), LABEL_Y, label,
                        colour=PICKED_COLOUR if picked else NODE_COLOUR)

    def column_width(self) -> float:
        """One terminal column in world units (to centre the size labels)."""
        width = self.query_one("#layers-net", Canvas).cell_size.width or 1
        return len(self.sizes) / width
