"""Solve XOR: the section body (model in ``solve_xor_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from nntui.widgets.bars import bar_text
from nntui.widgets.canvas import Canvas
from nntui.widgets.result import ResultModal
from nntui.widgets.section import SectionView

from nntui.widgets.keys import axis_keys, digit_bindings
from .solve_xor_model import ANGLE_STEP, OFFSET_STEP, XOR_X, XOR_Y, SolveXor

XLIM = YLIM = (-0.5, 1.5)
HLIM = (-0.25, 1.25)  # hidden space: sigmoid units live in 0…1
GRID = 48  # samples per side of the shaded output map
CUT_COLOURS = {True: "#f2b134", False: "#8a8a8a"}  # selected cut, the other cut

WHY_NOT = (
    "Why never 4/4: the line says 1 where w₁x₁ + w₂x₂ + b ≥ 0. Points 01 and 10 need "
    "w₂ + b ≥ 0 and w₁ + b ≥ 0; adding them gives w₁ + w₂ + b ≥ −b. Point 00 needs b < 0, "
    "so −b > 0 and point 11 lands on the 1 side too. One of the four is always wrong. "
    "Press space to switch on a hidden layer."
)
HOW_TO_WIN = (
    "The output fires where cut 1 says yes and cut 2 says no (H1 AND NOT H2). Put cut 1 "
    "so 01, 10, 11 are on its yes side, and cut 2 so only 11 is on its yes side."
)


def hidden_groups(hidden) -> list[tuple[tuple[float, float], str, str]]:
    """The points as they land in hidden space, those that land together merged:
    ((H1, H2), "00,11", marker) with ● for XOR-1 points, ○ for XOR-0 and ◐ when a 1-point
    and a 0-point fall on the same spot (then no line can part them)."""
    groups: dict[tuple[float, float], list[int]] = {}
    for index, (h1, h2) in enumerate(hidden):
        groups.setdefault((round(float(h1), 1), round(float(h2), 1)), []).append(index)
    out = []
    for (h1, h2), members in groups.items():
        targets = {int(XOR_Y[i]) for i in members}
        marker = "◐" if len(targets) == 2 else ("●" if targets == {1} else "○")
        names = ",".join(f"{XOR_X[i, 0]:.0f}{XOR_X[i, 1]:.0f}" for i in members)
        out.append(((h1, h2), names, marker))
    return out


class SolveXorView(SectionView):
    """Phase 1: one line that can never split XOR. Phase 2: two cuts that can."""

    HELP = (
        "←/→ turn the line (or the selected cut) by 15°, ↑/↓ move it by 0.1; hold shift "
        "for bigger moves. The shaded side (░ / the lit colour) is where the network says 1; "
        "● are XOR's 1-points, ○ its 0-points. space switches the hidden layer on or off; "
        "1 and 2 pick the cut to move in phase 2, r starts again. You win at 4/4 in phase 2. In "
        "phase 2 the right-hand square shows where the hidden layer sends each point: its "
        "axes are H1 and H2, ◐ marks a 1-point and a 0-point landing on the same spot, and the "
        "line is the output neuron's own cut."
    )
    BINDINGS = [
        *axis_keys("x", "turn({})", "turn", coarse=3, coarse_label="turn 45°"),
        *axis_keys("y", "shift({})", "shift", coarse=5, coarse_label="shift 0.5"),
        Binding("space", "switch_phase", "hidden"),
        *digit_bindings("select", ["cut 1", "cut 2"], "cut"),
        Binding("r", "reset", "reset", show=False),
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.game = SolveXor()
        self.announced = False
        self.solved_before = False  # read from the store on mount

    def compose(self):
        yield Static(id="xor-meter")
        with Horizontal(id="xor-body"):
            yield Canvas(XLIM, YLIM, id="xor-canvas")
            yield Canvas(HLIM, HLIM, id="xor-hidden")
            with Vertical(id="xor-side"):
                yield Static(id="xor-table")
                yield Static(id="xor-params")
        yield Static(id="xor-why")

    def on_mount(self) -> None:
        best = self.store.best(self.section.id) if self.store is not None else None
        self.solved_before = best is not None and best.won
        self.focus()
        self.redraw()

    # --- actions ---------------------------------------------------------------

    def action_turn(self, steps: int) -> None:
        self.game.turn(steps)
        self.after_move()

    def action_shift(self, steps: int) -> None:
        self.game.shift(steps)
        self.after_move()

    def action_switch_phase(self) -> None:
        self.game.switch_phase()
        self.after_move()

    def action_select(self, index: int) -> None:
        self.game.select(index)
        self.redraw()

    def action_reset(self) -> None:
        self.game.reset()
        self.after_move()

    def after_move(self) -> None:
        self.redraw()
        if not self.game.won:
            self.announced = False
        elif not self.announced:
            self.announced = True
            self.solved_before = True
            cuts = self.game.cuts
            self.record_attempt(4, 4, True, {"cuts": [[c.angle, c.offset] for c in cuts]})
            self.app.push_screen(ResultModal(
                "Solve XOR", "4/4: two cuts and one output neuron split what no single line "
                "could. r starts again.", won=True))

    # --- drawing ---------------------------------------------------------------

    def redraw(self) -> None:
        g = self.game
        score = g.score
        phase = "Phase 1 · one line" if g.phase == 1 else "Phase 2 · hidden layer: two cuts"
        meter = Text(no_wrap=True, overflow="crop")
        meter.append(f"{phase}  {score}/4 right ", "bold")
        meter.append(f"▕{bar_text(score, 4, 8)}▏")
        if g.phase == 1:
            meter.append(f" best {g.best_phase1}/4 (cap 3/4)")
        if self.solved_before:
            meter.append("  ✓ solved before", "bold")
        self.query_one("#xor-meter", Static).update(meter)
        self.draw_canvas()
        self.draw_hidden()
        self.query_one("#xor-table", Static).update(self.table())
        self.query_one("#xor-params", Static).update(self.params_text())
        why = WHY_NOT if g.phase == 1 else HOW_TO_WIN
        self.query_one("#xor-why", Static).update(Text(why))

    def draw_canvas(self) -> None:
        g = self.game
        canvas = self.query_one("#xor-canvas", Canvas)
        canvas.clear()
        size = canvas.cell_size
        nx, ny = max(GRID, size.width), max(GRID, size.height * 2)
        if g.phase == 1:
            canvas.fill_region(g.phase1_grid(XLIM, YLIM, nx, ny) >= 0.5, "#4a3f1c", "░")
            canvas.line(*g.line.segment(), colour="#f2b134", char="•")
        else:
            canvas.heatmap(g.output_grid(XLIM, YLIM, nx, ny), 0.0, 1.0,
                           cmap=("#1d2a3a", "#6b5a1c"))
            # The selected cut is drawn last so it stays on top where the two cross; each
            # cut's number sits on its "yes" side.
            order = sorted(range(len(g.cuts)), key=lambda i: i == g.selected)
            for index in order:
                selected = index == g.selected
                canvas.line(*g.cuts[index].segment(), colour=CUT_COLOURS[selected],
                            char="•" if selected else "·")
            for index in order:
                canvas.text(*self.inside(g.cuts[index].yes_mark()), str(index + 1),
                            colour=CUT_COLOURS[index == g.selected])
        canvas.points(XOR_X[:, 0], XOR_X[:, 1], XOR_Y.astype(int),
                      colours=["#7fb2ff", "#ffffff"], marker=["○", "●"])

    def draw_hidden(self) -> None:
        """Phase 2's second picture: each point where the hidden layer sends it, (H1, H2),
        with the output neuron's one straight line and its shaded "1" side."""
        g = self.game
        canvas = self.query_one("#xor-hidden", Canvas)
        canvas.display = g.phase == 2
        if g.phase == 1:
            return
        canvas.clear()
        size = canvas.cell_size
        canvas.heatmap(g.hidden_output_grid(HLIM, max(GRID, size.width),
                                            max(GRID, size.height * 2)),
                       0.0, 1.0, cmap=("#1d2a3a", "#6b5a1c"))
        canvas.line(*g.output_boundary(), colour="#f2b134", char="•")
        canvas.text(HLIM[0] + 0.02, HLIM[1] - 0.02, "H2", colour="#cccccc")
        canvas.text(HLIM[1] - 0.2, HLIM[0] + 0.04, "H1", colour="#cccccc")
        for (h1, h2), names, marker in hidden_groups(g.hidden_points()):
            canvas.points([h1], [h2], marker=marker, colours="#ffffff")
            x = h1 + 0.08 if h1 < 0.6 else h1 - 0.08 - 0.1 * len(names)
            canvas.text(x, h2, names, colour="#ffffff")

    @staticmethod
    def inside(point: tuple[float, float], margin: float = 0.05) -> tuple[float, float]:
        """The point moved just inside the canvas if it falls off it."""
        x, y = point
        return (min(XLIM[1] - margin, max(XLIM[0] + margin, x)),
                min(YLIM[1] - margin, max(YLIM[0] + margin, y)))

    def table(self) -> Text:
        g = self.game
        text = Text(no_wrap=True, overflow="crop")
        if g.phase == 1:
            says = g.line_predictions()
            text.append("x₁ x₂  want  line says\n", "bold")
            for (x1, x2), want, got in zip(XOR_X, XOR_Y, says):
                mark = "✓" if got == want else "✗"
                text.append(f" {x1:.0f}  {x2:.0f}    {want:.0f}      {got:.0f}   ")
                text.append(mark + "\n", "bold green" if mark == "✓" else "bold red")
            return text
        hidden, out = g.hidden_and_output()
        text.append("x₁x₂  H1   H2   out want\n", "bold")
        for (x1, x2), (h1, h2), o, want in zip(XOR_X, hidden, out, XOR_Y):
            ok = (o >= 0.5) == (want == 1)
            text.append(f" {x1:.0f} {x2:.0f}  {h1:.2f} {h2:.2f} {o:.2f}  {want:.0f} ")
            text.append(("✓" if ok else "✗") + "\n", "bold green" if ok else "bold red")
        return text

    def params_text(self) -> Text:
        g = self.game
        if g.phase == 1:
            (w1, w2), b = g.line.weights()
            text = (f"line: {w1:+.2f}·x₁ {w2:+.2f}·x₂ {b:+.2f} ≥ 0 → 1\n"
                    f"angle {g.line.angle}°, offset {g.line.offset:+.1f}\n"
                    f"←/→ turn {ANGLE_STEP}°  ↑/↓ shift {OFFSET_STEP}")
            return Text(text.replace("-", "−"), no_wrap=True, overflow="crop")
        lines = []
        for index, cut in enumerate(g.cuts):
            mark = "▶" if index == g.selected else " "
            lines.append(f"{mark} cut {index + 1} {'•' if index == g.selected else '·'} "
                         f"{cut.angle:3d}° {cut.offset:+.1f}")
        net = g.network()
        (v1, v2), c = net.weights[1][:, 0], net.biases[1][0]
        lines.append(f"out = σ({v1:.0f}·H1 {v2:+.0f}·H2 {c:+.0f})")
        lines.append("right: the points at (H1, H2)")
        return Text("\n".join(lines).replace("-", "−"), no_wrap=True, overflow="crop")
