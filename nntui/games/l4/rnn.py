"""Recurrent networks: the section body (model in ``rnn_model``)."""

from __future__ import annotations

import numpy as np
from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui.engine.lstm import GATES
from nntui.widgets.canvas import shade_char
from nntui.widgets.keys import digit_bindings
from nntui.widgets.number_text import num
from nntui.widgets.playing import AnimatedSection

from .rnn_model import HIDDEN, WORDS, RecurrentWalk

EIGHTHS = " ▁▂▃▄▅▆▇█"
CELL = 7  # columns per hidden unit: a shade or bar, a signed number, a space
LEFT = 17  # the row labels' width, the same in both tables so the units line up
ROW_LABELS = {"i": "i  write", "f": "f  keep", "o": "o  show", "g": "c̃  candidate",
              "c": "c  cell state"}
FORMULAS = {
    "RNN": "h_t = tanh(x_t W_x + h_{t−1} W_h + b)     x_t = one-hot of the letter",
    "LSTM": "i, f, o = σ(x_t W + h_{t−1} U + b)   c̃ = tanh(…)\n"
            "c_t = f ⊙ c_{t−1} + i ⊙ c̃              h_t = o ⊙ tanh(c_t)",
}


def shade_cell(value: float) -> str:
    """A hidden value as a shade (its size, |h| ≤ 1) and its signed number: ▓−0.73."""
    return shade_char(abs(value)).replace(" ", "·") + num(value, 2, sign=True)


def bar_cell(value: float, scale: float = 1.0) -> str:
    """A value as a vertical bar of eighths (its size against ``scale``) and its number."""
    eighths = round(min(abs(value) / scale, 1.0) * 8)
    return (EIGHTHS[eighths] if eighths else "·") + num(value, 2).rjust(5)


class RnnView(AnimatedSection):
    """Read a word letter by letter through an RNN or LSTM cell and watch the state."""

    HELP = (
        "1–5 pick the word, m switches the cell between a plain RNN and an LSTM. p reads the "
        "word one letter a beat, s reads one letter, r starts the word again.\n\n"
        "Each row is the hidden state h_t after reading one letter: six numbers, each "
        "shaded by its size (░ small … █ near ±1) and printed with its sign. The rows grow "
        "downward, so the whole table is the network's memory of the word so far. The word "
        "a····· feeds one letter and then nothing: watch how long its trace lasts.\n\n"
        "With the LSTM the lower table shows the current step's gates as bars (▁ near 0, "
        "█ near 1): i (how much to write), f (how much of the old cell to keep), o (how "
        "much to show), the candidate c̃, and the cell state c itself. The weights are a "
        "fixed random start (PyTorch's init): an untrained cell, but the arithmetic is real."
    )
    BINDINGS = [*digit_bindings("word", WORDS, "word"), Binding("m", "mode", "RNN/LSTM")]
    INTERVAL = 0.6

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.walk = RecurrentWalk()

    def compose(self):
        yield Static(id="rn-status")
        yield Static(id="rn-formula")
        yield Static(id="rn-history")
        yield Static(id="rn-gates")
        yield Static(id="rn-caption")

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        self.refresh_view()

    # --- AnimatedSection --------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.walk.done

    def advance(self) -> bool:
        moved = self.walk.advance()
        if len(self.walk.finished_modes) == 2:
            self.mark_complete()
        return moved

    def restart(self) -> None:
        self.walk.rewind()

    # --- keys -------------------------------------------------------------------------

    def action_word(self, index: int) -> None:
        self.playing = False
        self.walk.choose(WORDS[index])
        self.refresh_view()

    def action_mode(self) -> None:
        self.playing = False
        self.walk.toggle_mode()
        self.refresh_view()

    # --- drawing ----------------------------------------------------------------------

    def refresh_view(self) -> None:
        # Not ``is_mounted``: Textual sets that only after on_mount, which draws the first frame.
        if not self.is_attached:
            return
        w = self.walk
        status = Text(no_wrap=True, overflow="ellipsis")
        status.append(f"{w.mode} cell", "bold reverse")
        status.append("  word ")
        for i, letter in enumerate(w.word):
            status.append(letter, "bold reverse" if i == w.shown - 1 else
                          ("bold" if i < w.shown else "dim"))
        status.append(f"   read {w.shown}/{len(w.word)}")
        status.append(f"   {HIDDEN} hidden units, start h₀ = 0")
        self.query_one("#rn-status", Static).update(status)
        self.query_one("#rn-formula", Static).update(Text(FORMULAS[w.mode], no_wrap=True))
        self.query_one("#rn-history", Static).update(self.history_text())
        gates = self.query_one("#rn-gates", Static)
        gates.display = w.mode == "LSTM"
        if gates.display:
            gates.update(self.gates_text())
        self.query_one("#rn-caption", Static).update(self.caption_text())

    @staticmethod
    def header(label: str) -> str:
        return label.ljust(LEFT) + "".join(f"{'h' + str(u + 1):^{CELL}}" for u in range(HIDDEN))

    def history_text(self) -> Text:
        w = self.walk
        text = Text(no_wrap=True)
        text.append(self.header("  t  letter x_t"), "bold")
        for t, step in enumerate(w.history, start=1):
            latest = t == w.shown
            text.append("\n" + f"{t:>3}  '{step.letter}'".ljust(LEFT), "bold" if latest else "")
            text.append(" ".join(shade_cell(v) for v in step.h), "reverse" if latest else "")
        if not w.history:
            text.append("\n   (nothing read yet: p or s reads the first letter)", "italic")
        return text

    def gates_text(self) -> Text:
        step = self.walk.current
        text = Text(no_wrap=True)
        text.append(f"gates at step {self.walk.shown}" if step else "gates", "bold")
        text.append("  (bars: ▁ near 0 … █ near 1)")
        if step is None:
            text.append("\n   (read a letter to open the gates)", "italic")
            return text
        rows = [(name, step.gates[name]) for name in GATES] + [("c", step.c)]
        c_scale = max(1.0, float(np.max(np.abs(step.c))))
        for name, values in rows:
            label = ROW_LABELS[name]
            text.append("\n " + label + " " * (LEFT - 1 - cell_len(label)))
            scale = c_scale if name == "c" else 1.0
            text.append(" ".join(bar_cell(v, scale) for v in values))
        return text

    def caption_text(self) -> Text:
        w = self.walk
        text = Text(no_wrap=False)
        if not w.done:
            text.append("Each step mixes the new letter with the last state through the same "
                        "weights: the state is all the network remembers.")
            return text
        gap = w.order_gap()
        text.append(f"Read backwards ('{w.word[::-1]}'), the same letters end "
                    f"‖Δh‖ = {gap:.2f} away from this state: ", "bold")
        text.append("the state keeps the order, not only the letters." if gap > 1e-9 else
                    "a palindrome: both orders are the same sequence.")
        return text
