"""The perceptron learning rule, animated: the section body (model in ``perceptron_rule_model``)."""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Static

from nntui.widgets.canvas import Canvas
from nntui.widgets.choice import Choice
from nntui.widgets.section import LessonText, SectionView

from nntui.widgets.keys import digit_bindings
from .perceptron_rule_model import RULE_GATES, PerceptronRun

LIM = (-0.5, 1.5)
GRID = 48
PLAY_SECONDS = 0.4


def fmt(v: float) -> str:
    return f"{v:+g}".replace("-", "−")


def boundary(w: tuple[float, ...], b: float) -> tuple[float, float, float, float] | None:
    """Two ends of the line w·x + b = 0 across the plot (a vertical line for one input)."""
    lo, hi = LIM
    if len(w) == 1 or (w[1] == 0 and w[0] != 0):
        if w[0] == 0:
            return None
        x = -b / w[0]
        return x, lo, x, hi
    if w[1] == 0:
        return None
    return lo, -(w[0] * lo + b) / w[1], hi, -(w[0] * hi + b) / w[1]


def explain(run: PerceptronRun) -> Text:
    w, b = run.state
    where = (f"stopped after {run.epoch} epochs" if run.finished
             else f"epoch {run.epoch + 1} · next example {run.row + 1}/{len(run.X)}")
    lines = [f"{where}   η = {run.lr:g}",
             f"w = ({', '.join(fmt(v) for v in w)})   b = {fmt(b)}"]
    u = run.last
    if u is not None:
        x = ", ".join(f"{v:g}" for v in u.x)
        lines += [f"last: x = ({x}), y = {u.target:g}",
                  f"  z = {fmt(u.z)} → ŷ = {u.prediction:g}, y − ŷ = {fmt(u.error)}",
                  "  " + ("w ← w + η(y − ŷ)x, b ← b + η(y − ŷ)" if u.changed
                          else "right answer: nothing changes")]
    errors = " ".join(str(e) for e in run.epoch_mistakes[-12:]) or "—"
    lines.append(f"mistakes per epoch: {errors}")
    lines.append(f"rows right now: {run.correct}/{len(run.y)}")
    return Text("\n".join(lines), no_wrap=True, overflow="crop")


def verdict(run: PerceptronRun) -> str:
    if run.converged:
        return (f"✓ Converged after {run.epoch} epochs: a whole epoch with no mistakes, so the "
                f"line separates the classes and the rule stops changing anything.")
    if run.cycled:
        return (f"⟳ Cycle detected: the weights at the start of epoch {run.epoch + 1} equal "
                f"those at the start of epoch {run.cycle_start + 1}. The rule is deterministic, "
                f"so it will repeat this {run.cycle_length}-epoch loop forever: XOR is not "
                f"linearly separable.")
    return "Running… s steps one example, e one epoch, p plays."


class PerceptronRuleView(SectionView):
    """Step or play the rule on a gate; the line moves, XOR loops and the loop is named."""

    HELP = ("Choose the gate with ←/→ or 1–4 (AND, OR, NOT, XOR). s or enter applies the rule "
            "to one example, e finishes the epoch, p plays and pauses, r starts again from "
            "zero weights. ● marks rows whose answer is 1, ○ rows whose answer is 0; the "
            "shaded side is where the perceptron answers 1.")
    BINDINGS = [
        Binding("s", "step", "step"),
        Binding("enter", "step", "step", show=False),
        Binding("e", "epoch", "epoch"),
        Binding("p", "play", "play/pause"),
        Binding("r", "reset", "reset"),
        *digit_bindings("gate", RULE_GATES, "pick gate", show=False),
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.run = PerceptronRun("AND")
        self.timer: Timer | None = None

    def compose(self):
        yield Choice("gate", list(RULE_GATES), "AND", id="pr-gate")
        with Horizontal(id="pr-top"):
            yield Canvas(LIM, LIM, id="pr-plot")
            yield Static(id="pr-info")
        yield Static(id="pr-verdict")
        yield LessonText(self.section.id, {"lr": self.run.lr})

    def on_mount(self) -> None:
        self.redraw()

    @property
    def playing(self) -> bool:
        return self.timer is not None

    # --- actions ---------------------------------------------------------------

    def on_choice_changed(self, event: Choice.Changed) -> None:
        self.choose(event.value)

    def action_gate(self, index: int) -> None:
        # Switch the model now, not when Choice's message arrives, so keys pressed right
        # after the digit already act on the new gate.
        self.query_one("#pr-gate", Choice).index = index
        self.choose(RULE_GATES[index])

    def choose(self, gate: str) -> None:
        if gate == self.run.gate_name:
            return
        self.pause()
        self.run.set_gate(gate)
        self.redraw()

    def action_step(self) -> None:
        self.pause()
        self.advance()

    def action_epoch(self) -> None:
        self.pause()
        self.run.step_epoch()
        self.after_change()

    def action_play(self) -> None:
        if self.playing:
            self.pause()
        elif not self.run.finished:
            self.timer = self.set_interval(PLAY_SECONDS, self.advance)
        self.redraw()

    def action_reset(self) -> None:
        self.pause()
        self.run.reset()
        self.redraw()

    def advance(self) -> None:
        self.run.step()
        self.after_change()

    def after_change(self) -> None:
        if self.run.finished:
            self.pause()
            if self.run.cycled:  # the lesson's point: the learner has seen XOR loop
                self.mark_complete()
        self.redraw()

    def pause(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None

    def section_hidden(self) -> None:
        self.pause()
        self.redraw()

    # --- drawing ------------------------------------------------------------------

    def redraw(self) -> None:
        run = self.run
        w, b = run.state
        canvas = self.query_one("#pr-plot", Canvas).clear()
        canvas.border_title = "x₂ ↑" if run.n_inputs == 2 else ""
        canvas.border_subtitle = "x₁ →"
        xs = np.linspace(*LIM, GRID)
        gx, gy = np.meshgrid(xs, xs)
        pts = np.column_stack([gx.ravel(), gy.ravel()])[:, : run.n_inputs]
        fires = run.perceptron.predict(pts).reshape(GRID, GRID) == 1.0
        canvas.fill_region(fires, colour="#2f4f6f", char="·")
        ends = boundary(w, b)
        if ends is not None:
            canvas.line(*ends, colour="#f2b134")
        ys = run.X[:, 1] if run.n_inputs == 2 else np.zeros(len(run.X))
        canvas.points(run.X[:, 0], ys, classes=(1 - run.y).astype(int))
        self.query_one("#pr-info", Static).update(explain(run))
        state = "▶ playing" if self.playing else ""
        self.query_one("#pr-verdict", Static).update(f"{verdict(run)} {state}".strip())
