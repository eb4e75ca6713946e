"""Tune a neuron into a logic gate: the section body (model in ``tune_neuron_model``)."""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from nntui.widgets.bars import bar_text
from nntui.widgets.canvas import Canvas
from nntui.widgets.choice import Choice
from nntui.widgets.keys import FOCUS_BINDINGS, digit_bindings
from nntui.widgets.number_text import num
from nntui.widgets.result import ResultModal
from nntui.widgets.section import LessonText, ReadingPane, SectionView
from nntui.widgets.slider import Slider

from .tune_neuron_model import (FALSE_AT_MOST, GATE_NAMES, SQUARE, TRUE_AT_LEAST, WEIGHT_RANGE,
                                WEIGHT_STEP, Z_NEEDED, TuneNeuron)

GRID = 40  # samples per side of the shaded half of the square

XOR_WHY = ("XOR cannot reach 4/4: no straight line puts both ● on the shaded side and both "
           "○ off it, so one corner is always on the wrong side. The text below proves it.")


def table_text(game: TuneNeuron) -> Text:
    text = Text(no_wrap=True, overflow="crop", end="")
    text.append("x₁ x₂  want       z   output\n", "bold")
    for r in game.rows:
        want = f"1 (≥{TRUE_AT_LEAST})" if r.target else f"0 (≤{FALSE_AT_MOST})"
        mark = "✓" if r.ok else "✗"
        text.append(f" {r.x1}  {r.x2}  {want}  {num(r.z, 2, sign=True):>6}   {r.output:.3f} "
                    f"▕{bar_text(r.output, 1.0, 6)}▏ ")
        text.append(mark + "\n", "bold green" if r.ok else "bold red")
    return text


class TuneNeuronView(SectionView):
    """Choose a gate, then set w₁, w₂ and b until every row of the truth table is ✓."""

    HELP = ("Pick a gate with ←/→ on the gate row or the digits 1–5. Move between the rows "
            "with ↑/↓ (or tab). ←/→ moves a slider by 0.5, shift+←/→ by 2. The square shows "
            "the four inputs (● the gate says 1, ○ it says 0) and the neuron's line "
            "w₁x₁ + w₂x₂ + b = 0; the shaded side is where σ ≥ 0.5. A gate is won when all "
            "four rows show ✓; XOR (5) cannot be won by one neuron, and the picture shows why. "
            "r sets the three sliders back to 0.")
    BINDINGS = [
        *FOCUS_BINDINGS,
        *digit_bindings("gate", GATE_NAMES, "gate"),
        Binding("r", "reset", "reset"),
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.game = TuneNeuron("AND")

    def compose(self):
        lo, hi = WEIGHT_RANGE
        yield Choice("gate", list(GATE_NAMES), "AND", label_width=4, id="tn-gate")
        for key, label in (("w1", "w₁"), ("w2", "w₂"), ("b", "b")):
            yield Slider(label, 0.0, lo, hi, WEIGHT_STEP, 2.0, fmt="{:+.1f}",
                         label_width=4, id=f"tn-{key}")
        with Horizontal(id="tn-top"):
            yield Canvas(SQUARE, SQUARE, id="tn-square")
            with Vertical(id="tn-side"):
                yield Static(id="tn-table")
                yield Static(id="tn-status")
        yield ReadingPane(LessonText(self.section.id, {"z_needed": Z_NEEDED}))

    def on_mount(self) -> None:
        # Gates won on an earlier visit stay won.
        store = self.store
        for attempt in store.attempts(self.section.id) if store else []:
            gate = (attempt.details or {}).get("gate")
            if attempt.won and gate in GATE_NAMES:
                self.game.won_gates.add(gate)
        self.redraw()

    # --- keys and controls ----------------------------------------------------

    def on_choice_changed(self, event: Choice.Changed) -> None:
        self.game.set_gate(event.value)
        self.redraw()
        self.check_win()  # the sliders may already solve the gate just picked

    def on_slider_changed(self, event: Slider.Changed) -> None:
        key = event.slider.id.removeprefix("tn-")
        self.game.set_params(**{key: event.value})
        self.redraw()
        self.check_win()

    def action_gate(self, index: int) -> None:
        self.query_one("#tn-gate", Choice).index = index

    def action_reset(self) -> None:
        for key in ("w1", "w2", "b"):
            self.query_one(f"#tn-{key}", Slider).value = 0.0

    # --- drawing and scoring --------------------------------------------------

    def status(self) -> str:
        g = self.game
        done = ", ".join(n for n in GATE_NAMES if n in g.won_gates) or "none yet"
        if not g.possible:
            return f"Score {g.score}/4 · {XOR_WHY}"
        if g.won:
            return f"Score 4/4 · ★ {g.gate} won: this neuron is an {g.gate} gate. Won: {done}."
        return (f"Score {g.score}/4 · true rows need ≥ {TRUE_AT_LEAST}, false rows "
                f"≤ {FALSE_AT_MOST} · won: {done}")

    def draw_square(self) -> None:
        g = self.game
        canvas = self.query_one("#tn-square", Canvas).clear()
        canvas.border_title = "x₂ ↑"
        canvas.border_subtitle = "x₁ →"
        xs = np.linspace(*SQUARE, GRID)
        gx, gy = np.meshgrid(xs, xs)
        canvas.fill_region(g.z(gx, gy) >= 0, colour="#2f4f6f", char="·")
        ends = g.decision_line()
        if ends is not None:
            canvas.line(*ends, colour="#f2b134")
        rows = g.rows
        canvas.points([r.x1 for r in rows], [r.x2 for r in rows],
                      classes=[1 - r.target for r in rows])  # ● the gate says 1, ○ it says 0

    def redraw(self) -> None:
        self.draw_square()
        self.query_one("#tn-table", Static).update(table_text(self.game))
        self.query_one("#tn-status", Static).update(Text(self.status()))

    def check_win(self) -> None:
        g = self.game
        if not g.claim():
            return
        self.record_attempt(4, 4, True, {"gate": g.gate, "w1": g.w1, "w2": g.w2, "b": g.b})
        self.app.push_screen(ResultModal(
            f"{g.gate} gate", f"All four rows right with w₁ = {num(g.w1, sign=True)}, "
            f"w₂ = {num(g.w2, sign=True)}, b = {num(g.b, sign=True)}. Try another gate (1–5).",
            won=True))

