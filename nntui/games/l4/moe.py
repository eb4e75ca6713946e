"""Mixture of experts: the section body (model in ``moe_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.bars import bar_text
from nntui.widgets.canvas import Canvas
from nntui.widgets.keys import axis_keys
from nntui.widgets.number_text import num
from nntui.widgets.section import SectionView

from .moe_model import BATCH, K, LIMIT, N_EXPERTS, MixtureOfExperts

GRID = 48
EXPERT_COLOURS = ("#3b6fb6", "#19a979", "#945ecf", "#e8743b")
NAMES = tuple(f"E{i + 1}" for i in range(N_EXPERTS))


class MoeView(SectionView):
    """A softmax router picks two experts per input; gates, output and load shown live."""

    HELP = (
        "Four experts, each a small linear map of the point (x₁, x₂), and a router that "
        "scores them with a softmax. ←/→ (h/l) pick an input of the batch (◆ on the map). "
        "The router's four probabilities are listed; the two best (★) are run, their "
        "probabilities renormalised to gates that sum to 1, and the output is the gated sum "
        "of those two experts — the other two are never computed. ↑/↓ (k/j) make the router "
        "sharper or softer; d draws a new batch. The map shades the plane by the expert the "
        "router likes best (░▒▓█ without colour); the load bars count how many of the 16 "
        "inputs each expert received (each input goes to two, so they add up to 32). "
        "Looking at every input of a batch completes the section."
    )
    BINDINGS = [*axis_keys("x", "pick({})", "input"),
                *axis_keys("y", "sharpen({})", "sharpness"),
                Binding("d", "new_batch", "new batch")]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = MixtureOfExperts()
        self.seen: set[int] = {0}

    def compose(self):
        yield Static(id="me-status")
        with Horizontal(id="me-body"):
            yield Canvas((-LIMIT, LIMIT), (-LIMIT, LIMIT), id="me-canvas")
            yield Static(id="me-side")
        yield Static(id="me-output")

    def on_mount(self) -> None:
        self.focus()
        self.refresh_view()

    def action_pick(self, delta: int) -> None:
        self.model.pick(delta)
        self.seen.add(self.model.picked)
        if len(self.seen) == BATCH:
            self.mark_complete()
        self.refresh_view()

    def action_sharpen(self, delta: int) -> None:
        self.model.sharpen(delta)
        self.refresh_view()

    def action_new_batch(self) -> None:
        self.model.new_batch()
        self.seen = {0}
        self.refresh_view()

    def refresh_view(self) -> None:
        if not self.is_attached:  # is_mounted turns True only after on_mount
            return
        m = self.model
        x = m.x
        status = Text(no_wrap=True, overflow="ellipsis")
        status.append(f"input {m.picked + 1}/{BATCH}: x = ({num(x[0], 2)}, {num(x[1], 2)})",
                      "bold")
        status.append(f" · router sharpness {m.sharpness:g} · top-{K} of {N_EXPERTS} experts")
        self.query_one("#me-status", Static).update(status)
        canvas = self.query_one("#me-canvas", Canvas)
        canvas.clear()
        canvas.heatmap(m.winner_grid(GRID, GRID) / (N_EXPERTS - 1), vmin=0.0, vmax=1.0,
                       cmap=(EXPERT_COLOURS[0], EXPERT_COLOURS[-1]))
        others = [i for i in range(BATCH) if i != m.picked]
        canvas.points(m.X[others, 0], m.X[others, 1], colours="#ffffff", marker="·")
        canvas.points([x[0]], [x[1]], colours="#ffffff", marker="◆")
        for e in range(N_EXPERTS):
            cx, cy = 0.62 * LIMIT * m.directions[:, e]
            canvas.text(cx - 0.2, cy, NAMES[e], "#ffffff")
        self.query_one("#me-side", Static).update(self._side())
        self.query_one("#me-output", Static).update(self._output())

    def _side(self) -> Text:
        m = self.model
        probs = m.probs()
        chosen, gates, _ = m.route()
        loads = m.loads()
        side = Text(no_wrap=True, overflow="ellipsis")
        side.append("router softmax p\n", "bold")
        for e in range(N_EXPERTS):
            star = "★" if e in chosen else " "
            side.append(f"{star}{NAMES[e]} {bar_text(probs[e], 1.0, 12)} {num(probs[e], 3)}\n",
                        "bold" if e in chosen else "")
        side.append(f"gates (top-{K}, sum 1)\n", "bold")
        for e, gate in zip(chosen, gates):
            side.append(f"★{NAMES[e]} {bar_text(gate, 1.0, 12)} {num(gate, 3)}\n")
        side.append(f"load over the batch (Σ = {int(loads.sum())})\n", "bold")
        for e in range(N_EXPERTS):
            side.append(f" {NAMES[e]} {bar_text(loads[e], BATCH, 12)} {int(loads[e]):>2}\n")
        return side

    def _output(self) -> Text:
        m = self.model
        chosen, gates, y = m.route()
        terms = " + ".join(f"{num(g, 3)}·{NAMES[e]}(x)" for e, g in zip(chosen, gates))
        values = " + ".join(f"{num(g, 3)}·{num(m.expert_output(e), 3, brackets=True)}"
                            for e, g in zip(chosen, gates))
        text = Text()
        text.append(f"y = {terms}\n", "bold")
        text.append(f"  = {values} = {num(y, 3)}")
        return text
