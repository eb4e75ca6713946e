"""The perceptron learning rule, animated: the section body (model in ``perceptron_rule_model``)."""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.canvas import Canvas
from nntui.widgets.choice import Choice
from nntui.widgets.keys import digit_bindings
from nntui.widgets.playing import AnimatedSection
from nntui.widgets.section import LessonText, ReadingPane

from .perceptron_rule_model import RULE_GATES, PerceptronRun, boundary

LIM = (-0.5, 1.5)
GRID = 48


def fmt(v: float) -> str:
    """A weight as the rule leaves it: signed, with a true minus, and plain 0 for zero."""
    return "0" if v == 0 else f"{v:+g}".replace("-", "−")


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


def verdict(run: PerceptronRun, playing: bool) -> str:
    if run.converged:
        return (f"✓ Converged after {run.epoch} epochs: a whole epoch with no mistakes, so the "
                f"line separates the classes and the rule stops changing anything.")
    if run.cycled:
        return (f"⟳ Cycle detected: the weights at the start of epoch {run.epoch + 1} equal "
                f"those at the start of epoch {run.cycle_start + 1}. The rule is deterministic, "
                f"so it will repeat this {run.cycle_length}-epoch loop forever: XOR is not "
                f"linearly separable.")
    if playing:
        return "▶ Playing: one example a beat. p pauses."
    if run.last is None:
        return "Ready: s applies the rule to one example, e to a whole epoch, p plays."
    return "Paused: s steps one example, e one epoch, p plays on."


class PerceptronRuleView(AnimatedSection):
    """Step or play the rule on a gate; the line moves, XOR loops and the loop is named."""

    HELP = ("Choose the gate with 1–4 (AND, OR, NOT, XOR). s or enter applies the rule "
            "to one example, e finishes the epoch, p plays and pauses, r starts again from "
            "zero weights. ● marks rows whose answer is 1, ○ rows whose answer is 0; the "
            "shaded side is where the perceptron answers 1. Page up/down scroll the text.")
    BINDINGS = [
        *digit_bindings("gate", RULE_GATES, "gate"),
        Binding("enter", "step", "step", show=False),
        Binding("e", "epoch", "epoch"),
    ]
    INTERVAL = 0.4

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.run = PerceptronRun("AND")

    def compose(self):
        # Picked with 1–4 only, so the Footer keeps its room for the rule's own keys.
        gate = Choice("gate", list(RULE_GATES), "AND", id="pr-gate")
        gate.can_focus = False
        yield gate
        with Horizontal(id="pr-top"):
            yield Canvas(LIM, LIM, id="pr-plot")
            yield Static(id="pr-info")
        yield Static(id="pr-verdict")
        yield ReadingPane(LessonText(self.section.id, {"lr": self.run.lr}))

    def on_mount(self) -> None:
        self.refresh_view()

    # --- the base's hooks ----------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.run.finished

    def advance(self) -> bool:
        self.run.step()
        self._note_cycle()
        return not self.run.finished

    def restart(self) -> None:
        self.run.reset()

    # --- keys ------------------------------------------------------------------

    def action_gate(self, index: int) -> None:
        self.query_one("#pr-gate", Choice).index = index
        if RULE_GATES[index] != self.run.gate_name:
            self.playing = False
            self.run.set_gate(RULE_GATES[index])
            self.refresh_view()

    def action_epoch(self) -> None:
        self.playing = False
        self.run.step_epoch()
        self._note_cycle()
        self.refresh_view()

    def _note_cycle(self) -> None:
        if self.run.cycled:  # the lesson's point: the learner has seen XOR loop
            self.mark_complete()

    # --- drawing ------------------------------------------------------------------

    def refresh_view(self) -> None:
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
        ends = boundary(w, b, LIM)
        if ends is not None:
            canvas.line(*ends, colour="#f2b134")
        ys = run.X[:, 1] if run.n_inputs == 2 else np.zeros(len(run.X))
        canvas.points(run.X[:, 0], ys, classes=(1 - run.y).astype(int))
        self.query_one("#pr-info", Static).update(explain(run))
        self.query_one("#pr-verdict", Static).update(verdict(run, self.playing))
