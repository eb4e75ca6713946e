"""Softmax head: the section body (model in ``softmax_head_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui.widgets.bars import bar_text, signed_bar_text
from nntui.widgets.keys import axis_keys
from nntui.widgets.number_text import num
from nntui.widgets.section import SectionView

from .softmax_head_model import LOGIT_LIMIT, LOGIT_STEP, SoftmaxHead

PROB_BAR = 26
LOGIT_HALF = 8

FORMULA = "pᵢ = e^(zᵢ/T) / Σⱼ e^(zⱼ/T)"
ABOUT = (
    "Each probability is its class's e^(z/T) divided by the sum of them all, so every bar is "
    "positive and together they fill exactly 1. Raising one logit takes probability from all "
    "the others. Only differences between logits matter: add the same amount to every logit "
    "and nothing moves. A low temperature sharpens the head towards its winner, a high one "
    "flattens it towards equal odds; the winner itself never changes."
)


class SoftmaxHeadView(SectionView):
    """Logits set by keys, probability bars, the winner, the temperature and the sum."""

    HELP = (
        "↑/↓ choose a class (▶), ←/→ lower or raise its logit by 0.5 (shift: by 2). "
        "[ and ] lower or raise the temperature T. c switches between 3 and 4 classes; "
        "r puts the logits back. ★ marks the winner (the largest logit). The left bar "
        "shows each logit's sign and size about the centre line │; the right bar is its "
        "probability. The section is complete once you have moved a logit and the temperature."
    )
    BINDINGS = [
        *axis_keys("y", "select({})", "class", reverse=True),
        *axis_keys("x", "nudge({})", "logit", coarse=4, coarse_label="logit ±2"),
        Binding("left_square_bracket", "temperature(-1)", "temperature", key_display="[ ]"),
        Binding("right_square_bracket", "temperature(1)", "temperature", show=False,
                key_display="[ ]"),
        Binding("c", "classes", "3/4 classes"),
        Binding("r", "reset", "reset"),
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.head = SoftmaxHead()
        self.moved_logit = False
        self.moved_temperature = False

    def compose(self):
        yield Static(id="sh-title")
        yield Static(id="sh-table")
        yield Static(id="sh-sum")
        yield Static(ABOUT, id="sh-about")

    def on_mount(self) -> None:
        self.focus()
        self.redraw()

    # --- actions ---------------------------------------------------------------------

    def action_select(self, steps: int) -> None:
        self.head.move_selection(steps)
        self.redraw()

    def action_nudge(self, steps: int) -> None:
        self.head.nudge(steps)
        self.moved_logit = True
        self.after_move()

    def action_temperature(self, steps: int) -> None:
        self.head.change_temperature(steps)
        self.moved_temperature = True
        self.after_move()

    def action_classes(self) -> None:
        self.head.toggle_class_count()
        self.redraw()

    def action_reset(self) -> None:
        self.head.reset()
        self.redraw()

    def after_move(self) -> None:
        if self.moved_logit and self.moved_temperature:
            self.mark_complete()
        self.redraw()

    # --- drawing ---------------------------------------------------------------------

    def redraw(self) -> None:
        head = self.head
        title = Text(no_wrap=True, overflow="crop")
        title.append(FORMULA, "bold")
        title.append(f"     T = {head.temperature:g}  ")
        title.append("(T < 1 sharpens, T > 1 flattens)", "italic")
        self.query_one("#sh-title", Static).update(title)
        self.query_one("#sh-table", Static).update(self.table())
        probs = head.probabilities
        terms = " + ".join(f"{p:.3f}" for p in probs)
        total = Text(no_wrap=True, overflow="crop")
        total.append(f"Σ p = {terms} = ")
        total.append(f"{head.total:.3f}", "bold")
        total.append(f"    winner ★ {head.classes[head.winner]}", "bold")
        self.query_one("#sh-sum", Static).update(total)

    def table(self) -> Text:
        head = self.head
        probs = head.probabilities
        text = Text(no_wrap=True, overflow="crop")
        text.append(f"  class   logit z  {'−   z   +'.center(2 * LOGIT_HALF + 1)}  "
                    f"{'p = softmax(z/T)'.ljust(PROB_BAR)}  p\n", "bold")
        for index, (name, z, p) in enumerate(zip(head.classes, head.logits, probs)):
            selected = index == head.selected
            style = "bold reverse" if selected else ""
            text.append("▶ " if selected else "  ", "bold")
            text.append(f"{name:<6}  {num(z, 1, sign=True):>6}  ", style)
            text.append(signed_bar_text(z, LOGIT_LIMIT, LOGIT_HALF))
            text.append("  ")
            text.append(bar_text(p, 1.0, PROB_BAR), "bold")
            text.append(f"  {p:.3f}")
            text.append(" ★" if index == head.winner else "", "bold")
            text.append("\n")
        text.append(f"  ←/→ change the ▶ logit by {LOGIT_STEP:g}; its bar spans ±{LOGIT_LIMIT:g}",
                    "italic")
        return text
