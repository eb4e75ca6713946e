"""Why nonlinearity matters: two linear layers are one matrix; tanh between them bends."""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.engine.mlp import MLP, grid_predict
from nntui.widgets.keys import axis_keys
from nntui.widgets.canvas import Canvas
from nntui.widgets.section import LessonView

LIM = (-2.0, 2.0)
INPUT_STEP = 0.5
SIZES = (2, 3, 1)
BEND_GRID = 40   # samples per side when judging how much a boundary bends
MIN_BEND = 0.2


def make_network(seed: int, hidden: str) -> MLP:
    """A 2 → 3 → 1 network with output = the raw sum (so 0 is the decision line); the biases are
    drawn too, so the collapse has to carry them through as well."""
    net = MLP(SIZES, hidden=hidden, output="linear", init="he_normal", seed=seed)
    rng = np.random.default_rng(seed + 1)
    for b in net.biases:
        b[:] = rng.normal(0.0, 0.7, b.shape)
    return net


class Figure(float):
    """A float that formats with a true minus sign (−), for the lesson text."""

    def __format__(self, spec: str) -> str:
        return super().__format__(spec).replace("-", "−")


def boundary_bend(out: np.ndarray) -> float:
    """How far the edge of the region ``out > 0`` is from a straight line: the spread of its
    edge pixels across their best-fitting line relative to the spread along it (0 = straight;
    a clear curve or kink on the small canvas is well above 0.2)."""
    inside = out > 0
    edge = np.zeros_like(inside)
    edge[:, :-1] |= inside[:, :-1] != inside[:, 1:]
    edge[:-1, :] |= inside[:-1, :] != inside[1:, :]
    points = np.argwhere(edge).astype(float)
    if len(points) < 3:
        return 0.0
    across, along = np.linalg.eigvalsh(np.cov((points - points.mean(axis=0)).T))
    return float(np.sqrt(max(across, 0.0) / along)) if along > 0 else 0.0


def splits_window(out: np.ndarray) -> bool:
    """Both sides of the boundary take a fair share of the canvas."""
    return 0.15 < float(np.mean(out > 0)) < 0.85


def shows_the_bend(seed: int) -> bool:
    """Weights worth showing: both boundaries cross the canvas and tanh visibly bends its own.
    Most random draws bend so gently on a 24-column canvas that the point would be lost."""
    linear, bent = (grid_predict(make_network(seed, hidden), LIM, LIM, BEND_GRID, BEND_GRID)
                    for hidden in ("linear", "tanh"))
    return splits_window(linear) and splits_window(bent) and boundary_bend(bent) > MIN_BEND


def next_seed(seed: int) -> int:
    """The first seed from ``seed`` on whose weights show the bend."""
    while not shows_the_bend(seed):
        seed += 1
    return seed


def matrix_text(name: str, M: np.ndarray) -> list[str]:
    rows = np.atleast_2d(M)
    lines = [f"{name} ="]
    for r in rows:
        lines.append("  [" + " ".join(f"{v:+.2f}" for v in r) + "]")
    return lines


class LinearCollapseView(LessonView):
    COMPLETE_ON_OPEN = False  # complete once the learner has used the live control
    HELP = ("←/→ change x₁ and ↑/↓ change x₂ (by 0.5). space slips tanh between the two "
            "layers or takes it out. w draws new weights (skipping draws whose tanh boundary "
            "would bend too little to see). The canvas shades (░) where the network's output "
            "is positive; ◆ is your input; ▶ marks the formula the canvas draws. PgDn/PgUp scroll "
            "the text while the canvas stays in view.")
    BINDINGS = [
        Binding("space", "toggle_sigma", "tanh"),
        *axis_keys("x", "input(0, {})", "x₁"),
        *axis_keys("y", "input(1, {})", "x₂"),
        Binding("w", "new_weights", "weights"),
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.seed = next_seed(0)
        self.sigma = False
        self.x = np.array([1.0, -0.5])

    def compose(self):
        with Horizontal(id="lc-top"):
            yield Canvas(LIM, LIM, id="lc-canvas")
            yield Static(id="lc-maths")
        yield self.lesson_text()

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        self.redraw()

    # --- state ---------------------------------------------------------------------

    @property
    def linear_net(self) -> MLP:
        return make_network(self.seed, "linear")

    @property
    def net(self) -> MLP:
        return make_network(self.seed, "tanh" if self.sigma else "linear")

    def collapsed(self) -> tuple[np.ndarray, np.ndarray]:
        """(W, b) of the single layer equal to the two linear ones: W = W₁W₂, b = b₁W₂ + b₂."""
        W1, b1, W2, b2 = self.linear_net.params
        return W1 @ W2, b1 @ W2 + b2

    def values(self) -> dict:
        W, b = self.collapsed()
        two_layer = float(self.linear_net.forward(self.x[None])[0, 0])
        one_layer = float((self.x @ W + b)[0])
        with_sigma = float(make_network(self.seed, "tanh").forward(self.x[None])[0, 0])
        figures = {"two_layer": two_layer, "one_layer": one_layer, "with_sigma": with_sigma,
                   "x1": self.x[0], "x2": self.x[1]}
        return {name: Figure(value) for name, value in figures.items()}

    # --- actions -------------------------------------------------------------------

    def action_toggle_sigma(self) -> None:
        self.sigma = not self.sigma
        self.redraw()
        self.mark_complete()  # the lesson's point: σ between the layers bends the boundary

    def action_input(self, index: int, steps: int) -> None:
        self.x[index] = float(np.clip(self.x[index] + steps * INPUT_STEP, *LIM))
        self.redraw()

    def action_new_weights(self) -> None:
        self.seed = next_seed(self.seed + 1)
        self.redraw()

    # --- drawing -------------------------------------------------------------------

    def redraw(self) -> None:
        self.refresh_values()
        canvas = self.query_one("#lc-canvas", Canvas)
        canvas.clear()
        size = canvas.cell_size
        out = grid_predict(self.net, LIM, LIM, max(40, size.width), max(40, 2 * size.height))
        canvas.fill_region(out > 0, "#3b5b8a", "░")
        canvas.points([self.x[0]], [self.x[1]], marker="◆", colours="#ffd700")
        W1, b1, W2, b2 = self.linear_net.params
        W, b = self.collapsed()
        v = self.values()
        lines = [f"{'with tanh between' if self.sigma else 'no activation between'} "
                 f"· x = [{self.x[0]:+.1f}, {self.x[1]:+.1f}]"]
        left = matrix_text("W₁", W1) + [f"b₁ = [{' '.join(f'{c:+.2f}' for c in b1)}]"]
        right = matrix_text("W₁W₂", W) + [f"b₁W₂+b₂ = {b[0]:+.2f}"]
        w2 = "W₂ = [" + " ".join(f"{c:+.2f}" for c in W2[:, 0]) + f"]ᵀ  b₂ = {b2[0]:+.2f}"
        for l_line, r_line in zip(left, right + [""] * (len(left) - len(right))):
            lines.append(f"{l_line:<26}{r_line}")
        lines.append(w2)
        shown = "▶" if not self.sigma else " "
        lines.append(f"{shown} two layers: (xW₁+b₁)W₂+b₂ = {v['two_layer']:+.4f}")
        lines.append(f"{shown} one layer:  x(W₁W₂)+(b₁W₂+b₂) = {v['one_layer']:+.4f}")
        lines.append(f"{'▶' if self.sigma else ' '} with tanh:  tanh(xW₁+b₁)W₂+b₂ = "
                     f"{v['with_sigma']:+.4f}")
        lines.append("▶ = drawn: ░ where output > 0, ◆ = x")
        text = "\n".join(lines).replace("-", "−")
        self.query_one("#lc-maths", Static).update(Text(text, no_wrap=True,
                                                        overflow="ellipsis"))
