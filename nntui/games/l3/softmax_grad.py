"""Softmax meets cross-entropy: the section body (model in ``softmax_grad_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui.widgets.bars import bar_text, signed_bar_text
from nntui.widgets.keys import axis_keys, digit_bindings
from nntui.widgets.number_text import num
from nntui.widgets.section import LessonView

from .softmax_grad_model import CLASSES, SoftmaxGrad

GRAD_HALF = 7
PROB_BAR = 10


class SoftmaxGradView(LessonView):
    """The true class picked by digit, the gradient p − y as signed bars, one step's effect."""

    COMPLETE_ON_OPEN = False
    HELP = (
        "1–4 choose the true class (★). ↑/↓ choose a logit (▶) and ←/→ move it by 0.5. "
        "[ and ] change the learning rate η. enter takes one gradient step "
        "z ← z − η(p − y); the 'after' column shows its effect before you take it, with ↑/↓ "
        "marking which way each probability goes. Bars left of │ are negative gradients "
        "(the step raises that logit), right of │ positive (the step lowers it). "
        "r starts over. The lesson is complete once you have taken a step."
    )
    BINDINGS = [
        *digit_bindings("true_class", CLASSES, "true class"),
        *axis_keys("y", "select({})", "logit", reverse=True),
        *axis_keys("x", "nudge({})", "move z", coarse=4, coarse_label="move z by 2"),
        Binding("left_square_bracket", "lr(-1)", "η", key_display="[ ]"),
        Binding("right_square_bracket", "lr(1)", "η", show=False, key_display="[ ]"),
        Binding("enter", "take_step", "take step"),
        Binding("r", "reset", "reset"),
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = SoftmaxGrad()

    def values(self) -> dict:
        m = self.model
        p_true = float(m.probabilities[m.true_class])
        return {
            "true_name": m.classes[m.true_class],
            "p_true": p_true,
            "g_true": num(float(m.gradient[m.true_class]), 3),
            "lr": m.lr,
            "loss": m.loss,
            "loss_after": m.loss_after,
        }

    def compose(self):
        yield Static(id="sg-table")
        yield Static(id="sg-status")
        yield self.lesson_text()

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        self.redraw()

    # --- actions ---------------------------------------------------------------------

    def action_true_class(self, index: int) -> None:
        self.model.choose_true(index)
        self.redraw()

    def action_select(self, steps: int) -> None:
        self.model.move_selection(steps)
        self.redraw()

    def action_nudge(self, steps: int) -> None:
        self.model.nudge(steps)
        self.redraw()

    def action_lr(self, steps: int) -> None:
        self.model.change_lr(steps)
        self.redraw()

    def action_take_step(self) -> None:
        self.model.take_step()
        self.mark_complete()
        self.redraw()

    def action_reset(self) -> None:
        self.model.reset()
        self.redraw()

    # --- drawing ---------------------------------------------------------------------

    def redraw(self) -> None:
        self.query_one("#sg-table", Static).update(self.table())
        m = self.model
        status = Text(no_wrap=True, overflow="crop")
        status.append(f"Σ(p − y) = {num(float(m.gradient.sum()), 3)}   ")
        status.append(f"η = {m.lr:g}   loss −log p★ = {m.loss:.3f} → {m.loss_after:.3f} "
                      f"after   steps {m.steps_taken}")
        self.query_one("#sg-status", Static).update(status)
        self.refresh_values()

    def table(self) -> Text:
        m = self.model
        p, grad, after = m.probabilities, m.gradient, m.probabilities_after
        text = Text(no_wrap=True, overflow="crop")
        text.append("  class     z     p    y   " + "p − y = ∂L/∂z".center(2 * GRAD_HALF + 9)
                    + "  after a step\n", "bold")
        for i, name in enumerate(m.classes):
            selected = i == m.selected
            text.append("▶ " if selected else "  ", "bold")
            label = f"{name}{'★' if i == m.true_class else ' '}"
            text.append(f"{label:<5} {num(m.logits[i], 1, sign=True):>5}",
                        "bold reverse" if selected else "")
            text.append(f"  {p[i]:.2f}  {m.target[i]:.0f}  ")
            text.append(signed_bar_text(grad[i], 1.0, GRAD_HALF), "bold")
            text.append(f" {num(grad[i], 3, sign=True):>6}  ")
            arrow = "↑" if after[i] > p[i] else "↓" if after[i] < p[i] else "="
            text.append(f"{bar_text(after[i], 1.0, PROB_BAR)} {after[i]:.2f} {arrow}\n")
        text.append("  ★ true class   bars: − left of │ (step raises z), + right (step lowers z)",
                    "italic")
        return text
