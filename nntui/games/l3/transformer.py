"""Inside a transformer: the section body (model in ``transformer_model``).

An ``AnimatedSection`` whose beats light the stages of one real forward pass. The model trains
once, in a thread worker, and is kept in the learner's data folder; until then the section says
it is training.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.engine.transformer import LENGTH
from nntui.widgets.canvas import SHADES
from nntui.widgets.keys import axis_keys
from nntui.widgets.number_text import num
from nntui.widgets.playing import AnimatedSection

from . import transformer_model
from .transformer_model import STAGES, Inspector

BOX_WIDTH = 13  # a stage's box, borders included
SHOWN_COLUMNS = 4  # numbers printed per position for a (5, 32) stage
HEAT = "#e8743b"


def box_rows(title: str, shape: str, lit: bool) -> list[str]:
    inner = BOX_WIDTH - 2
    if lit:
        return ["┏" + "━" * inner + "┓", f"┃{title:^{inner}}┃", f"┃{shape:^{inner}}┃",
                "┗" + "━" * inner + "┛"]
    return ["╭" + "─" * inner + "╮", f"│{title:^{inner}}│", f"│{shape:^{inner}}│",
            "╰" + "─" * inner + "╯"]


def shape_text(shape: tuple[int, ...]) -> str:
    return "×".join(str(n) for n in shape)


def diagram(inspector: Inspector) -> Text:
    """The stages as boxes joined by arrows, the lit one drawn heavy, the block bracketed."""
    boxes = [box_rows(title, shape_text(inspector.stages[key].value.shape), i == inspector.lit)
             for i, (key, title, _) in enumerate(STAGES)]
    text = Text(no_wrap=True, overflow="crop")
    for row in range(4):
        for i, box in enumerate(boxes):
            if i:
                text.append("→" if row == 1 else " ", "dim")
            text.append(box[row], "bold" if i == inspector.lit else "dim")
        text.append("\n")
    # Attention, Add & Norm and FFN + Norm make up the one transformer block (N = 1 here).
    start, end = BOX_WIDTH + 1, 4 * (BOX_WIDTH + 1) - 1
    label = " N × block (here N = 1) "
    inner = end - start - 2
    text.append(" " * start + "└" + label.center(inner, "─") + "┘", "dim")
    return text


def heatmap(inspector: Inspector) -> Text:
    """The attention weights as shade cells with their numbers, and each row's sum."""
    A = inspector.attention
    digits = inspector.digits
    text = Text(no_wrap=True, overflow="crop")
    text.append("Attention A: row = the position asking\n", "bold")
    text.append("  " + "".join(f"   {d}  " for d in digits) + "   Σ\n", "dim")
    for i, row in enumerate(A):
        text.append(f"{digits[i]} ", "dim")
        for v in row:
            shade = SHADES[min(len(SHADES) - 1, int(v * len(SHADES)))]
            text.append(" ")
            text.append(shade, HEAT)
            text.append(f"{v:.2f}", "bold" if v >= 0.5 else "")
        text.append(f"  {row.sum():.2f}\n")
    text.append("every row sums to 1 (a softmax)", "dim")
    return text


class TransformerView(AnimatedSection):
    """Edit five digits; step through the trained reverser's forward pass."""

    HELP = (
        "The model is a one-block transformer trained to write five digits in reverse. "
        "←/→ move along the input, ↑/↓ or a digit key change the digit there. s lights the "
        "next stage, p plays through them, r turns the lights off. The heavy box is the stage "
        "shown below it: its real array shape and some of its numbers. The attention map on "
        "the right is this input's real attention: row i says how much position i takes from "
        "each position (shade and number), and every row adds up to 1. To reverse, position i "
        "must fetch the digit at position 4 − i, hence the anti-diagonal."
    )
    BINDINGS = [
        *axis_keys("x", "move({})", "position"),
        *axis_keys("y", "change({})", "digit"),
        *(Binding(str(d), f"set_digit({d})", "type a digit", show=False) for d in range(10)),
    ]
    INTERVAL = 1.0

    #: Training steps when there are no saved weights yet; None = the model's default.
    steps: int | None = None

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.inspector: Inspector | None = None
        self.loaded_from_file = False

    def compose(self):
        yield Static(id="tf-input")
        yield Static(id="tf-diagram")
        with Horizontal(id="tf-body"):
            yield Static(id="tf-detail")
            yield Static(id="tf-heatmap")

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        self.refresh_view()
        self.prepare()

    @work(thread=True, exclusive=True, group="transformer-train")
    def prepare(self) -> None:
        model, from_file = transformer_model.load_or_train(self.app.data_dir, self.steps)
        try:
            self.app.call_from_thread(self.ready, Inspector(model), from_file)
        except RuntimeError:  # the app closed while it trained; the weights are kept
            pass

    def ready(self, inspector: Inspector, from_file: bool) -> None:
        if not self.on_screen:  # the learner left while it trained
            return
        self.inspector, self.loaded_from_file = inspector, from_file
        self.refresh_view()

    # --- keys -------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if self.inspector is not None:
            self.inspector.move(step)
            self.refresh_view()

    def action_change(self, step: int) -> None:
        if self.inspector is not None:
            self.inspector.change(step)
            self.refresh_view()

    def action_set_digit(self, digit: int) -> None:
        if self.inspector is not None:
            self.inspector.set_digit(digit)
            self.inspector.move(1)
            self.refresh_view()

    def action_toggle_play(self) -> None:
        if self.inspector is not None and self.inspector.done and not self.playing:
            self.inspector.restart()  # p after the head plays the stages again
        super().action_toggle_play()

    # --- the animation (AnimatedSection) -------------------------------------------

    @property
    def finished(self) -> bool:
        return self.inspector is None or self.inspector.done

    def advance(self) -> bool:
        if self.inspector is None:
            return False
        going = self.inspector.advance()
        if self.inspector.done:
            self.mark_complete()
        return going

    def restart(self) -> None:
        if self.inspector is not None:
            self.inspector.restart()

    # --- drawing ------------------------------------------------------------------

    def refresh_view(self) -> None:
        ins = self.inspector
        if ins is None:
            self.query_one("#tf-input", Static).update(Text(
                f"training the transformer… ({transformer_model.STEPS} Adam steps on random "
                "digit rows, each to be reversed; done once, then kept)", "bold"))
            for part in ("diagram", "detail", "heatmap"):
                self.query_one(f"#tf-{part}", Static).update("")
            return
        self.query_one("#tf-input", Static).update(self.input_text())
        self.query_one("#tf-diagram", Static).update(diagram(ins))
        self.query_one("#tf-detail", Static).update(self.detail())
        self.query_one("#tf-heatmap", Static).update(heatmap(ins))

    def input_text(self) -> Text:
        ins = self.inspector
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("Input ")
        for i, d in enumerate(ins.digits):
            text.append(f"[{d}]" if i == ins.cursor else f" {d} ", "bold reverse"
                        if i == ins.cursor else "bold")
        text.append("  → model writes ")
        text.append(" ".join(str(d) for d in ins.prediction), "bold")
        text.append("  ✓ reversed" if ins.correct else "  ✗ not the reverse")
        losses = ins.model.losses
        origin = "kept" if self.loaded_from_file else "just trained"
        if losses:
            text.append(f"\nloss {losses[-1]:.4f} after {len(losses)} steps, {origin}", "dim")
        return text

    def detail(self) -> Text:
        ins = self.inspector
        text = Text(no_wrap=True, overflow="crop")
        stage = ins.stage
        if stage is None:
            text.append("s lights the first stage,\np plays through all five.")
            return text
        _, title, formula = STAGES[ins.lit]
        text.append(f"{ins.lit + 1}/{len(STAGES)} {title}  shape {stage.value.shape}\n", "bold")
        text.append(formula + "\n", "italic")
        if stage.name == "attention":
            text.append("Where each position looks:\nthe map on the right.\n")
            for i, row in enumerate(stage.value):
                j = int(row.argmax())
                text.append(f" pos {i} ← pos {j}  ({row[j]:.2f})\n")
        elif stage.name == "logits":
            p = ins.probabilities
            for i, d in enumerate(ins.prediction):
                text.append(f" pos {i}: digit {d}  p = {p[i, d]:.2f}\n")
        else:
            cols = stage.value.shape[1]
            text.append(f"first {SHOWN_COLUMNS} of {cols} numbers:\n", "dim")
            for i, row in enumerate(stage.value):
                values = " ".join(num(v, 2, sign=True) for v in row[:SHOWN_COLUMNS])
                text.append(f" {ins.digits[i]}  {values}\n")
        return text
