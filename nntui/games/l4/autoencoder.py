"""Autoencoder: the section body (model in ``autoencoder_model``).

The network for each k trains in a thread worker the first time it is asked for (about two
seconds), one at a time; the keys stay live and the drawing can change meanwhile. Once trained
(or loaded from the data folder) a network rebuilds any drawing at once, on the UI thread.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static
from textual.worker import get_current_worker

from nntui.engine import fit
from nntui.widgets.canvas import shade_char
from nntui.widgets.keys import axis_keys, digit_bindings
from nntui.widgets.number_text import num
from nntui.widgets.section import SectionView

from .autoencoder_model import KS, PRESETS, Bank, Pad, rebuild

N = fit.GRID
EIGHTHS = " ▁▂▃▄▅▆▇█"
BAR_ROWS = 4
CODE_WIDTH = 32  # columns for the row of code bars
NUMBERS_PER_ROW = 5
REVERSE = "reverse bold"


def column_width(k: int) -> int:
    """Columns per code number: wide enough to print the number under its bar when k is
    small, one bar and a gap when k is large."""
    return max(2, min(6, CODE_WIDTH // k))


def code_bars(code: np.ndarray) -> list[str]:
    """The k code numbers as a row of vertical bars, ``BAR_ROWS`` tall, scaled to the
    largest |z|; top row first."""
    width = column_width(len(code))
    bar = max(1, width - 2) if width > 2 else 1
    scale = float(np.max(np.abs(code))) or 1.0
    heights = np.abs(code) / scale * BAR_ROWS
    rows = []
    for row in range(BAR_ROWS - 1, -1, -1):
        line = ""
        for h in heights:
            part = h - row
            cell = "█" if part >= 1 else EIGHTHS[round(part * 8)] if part > 0 else " "
            line += (cell * bar).center(width)
        rows.append(line)
    return rows


def code_number(value: float) -> str:
    return num(value, 2 if abs(value) < 10 else 1)


class AutoencoderView(SectionView):
    """Draw, squeeze to k numbers, rebuild: the side-by-side tells how much k keeps."""

    HELP = (
        "**Draw** on the 8×8 grid with the arrows (or hjkl) and space; c clears it, 1–5 load a "
        "shape (the T is not one of the shapes the network learned from). **+/−** change k, "
        "the number of values the drawing is squeezed into: 1, 2, 4, 8 or 16.\n\n"
        "The encoder turns your 64 pixels into the k numbers z (the bars in the middle, with "
        "their values); the decoder sees only z and paints the rebuild x̂ on the right (▓ dark "
        "… ░ faint). The error is the mean of (x − x̂)² over the 64 pixels; the line below "
        "gives it for every k trained so far.\n\n"
        "Each k is its own network (64 → 32 → k → 32 → 64), trained on bars, crosses, squares "
        "and diagonals. The first time you ask for a k it trains for a couple of seconds in "
        "the background and is then saved in your data folder."
    )
    BINDINGS = [
        *[replace(b, key_display="arrows") if b.show else b
          for b in axis_keys("x", "move(0, {})", "move")],
        *[replace(b, show=False) for b in axis_keys("y", "move({}, 0)", "move", reverse=True)],
        Binding("space", "toggle", "pixel"),
        Binding("plus,equals_sign", "k(1)", "k", key_display="+/−"),
        Binding("minus", "k(-1)", "k smaller", show=False),
        *digit_bindings("preset", tuple(PRESETS), "shape"),
        Binding("c", "clear", "clear"),
    ]

    #: Adam steps per network; tests shrink it.
    STEPS = fit.AE_STEPS

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.pad = Pad()
        self.bank: Bank | None = None
        self.training_k: int | None = None

    def compose(self):
        yield Static(id="ae-status")
        with Horizontal(id="ae-body"):
            yield Static(id="ae-input")
            yield Static(id="ae-code")
            yield Static(id="ae-output")
        yield Static(id="ae-errors")
        yield Static(id="ae-caption")

    def on_mount(self) -> None:
        self.focus()
        self.bank = Bank(getattr(self.app, "data_dir", None), steps=self.STEPS)
        self.refresh_view()

    # --- training, one network at a time in a worker ------------------------------------

    def ensure_trained(self) -> None:
        """Start training the current k's network unless it exists or a training runs (the
        one running calls back here when it ends, so the latest k always gets its turn)."""
        k = self.pad.k
        if self.training_k is None and self.bank.get(k) is None:
            self.training_k = k
            self.train(k)

    @work(thread=True, group="autoencoder")
    def train(self, k: int) -> None:
        worker = get_current_worker()
        self.bank.load_or_train(k)
        try:
            self.app.call_from_thread(self._trained, worker)
        except RuntimeError:  # the app is closing
            pass

    def _trained(self, worker) -> None:
        if worker.is_cancelled or not self.on_screen:
            return  # the learner left; the network is kept all the same
        self.training_k = None
        self.refresh_view()

    # --- keys -------------------------------------------------------------------------

    def action_move(self, dr: int, dc: int) -> None:
        self.pad.move(dr, dc)
        self.refresh_view()

    def action_toggle(self) -> None:
        self.pad.toggle()
        self.refresh_view()

    def action_clear(self) -> None:
        self.pad.clear()
        self.refresh_view()

    def action_preset(self, index: int) -> None:
        self.pad.preset(tuple(PRESETS)[index])
        self.refresh_view()

    def action_k(self, steps: int) -> None:
        self.pad.change_k(steps)
        self.refresh_view()

    # --- drawing --------------------------------------------------------------------

    def refresh_view(self) -> None:
        # Not ``is_mounted``: Textual sets that only after on_mount, which draws the first frame.
        if not self.is_attached:
            return
        self.ensure_trained()
        pad = self.pad
        model = self.bank.get(pad.k)
        result = rebuild(model, pad.image) if model is not None else None
        if result is not None:
            pad.seen.add(pad.k)
            if len(pad.seen) >= 2:
                self.mark_complete()
        status = Text(no_wrap=True, overflow="ellipsis")
        status.append(f"k = {pad.k}", "bold reverse")
        status.append(f"  64 pixels → {pad.k} number{'s' if pad.k > 1 else ''} → 64 pixels   ")
        if result is None:
            status.append(f"training the k = {pad.k} network…", "bold")
        else:
            status.append("error mean (x − x̂)² = ")
            status.append(f"{result.error:.3f}", "bold")
        self.query_one("#ae-status", Static).update(status)
        self.query_one("#ae-input", Static).update(self.input_text())
        self.query_one("#ae-code", Static).update(self.code_text(result))
        self.query_one("#ae-output", Static).update(self.output_text(result))
        self.query_one("#ae-errors", Static).update(self.errors_text())
        self.query_one("#ae-caption", Static).update(Text(
            "The decoder sees only the k numbers. With few of them it can only paint the "
            "nearest shape it knows, blurred; with more, the drawing's own details come back.",
            no_wrap=False))

    def input_text(self) -> Text:
        text = Text(no_wrap=True)
        text.append("input x (you draw)", "bold")
        for r in range(N):
            text.append("\n")
            for c in range(N):
                lit = self.pad.image[r, c] > 0.5
                if (r, c) == self.pad.cursor:
                    text.append("◆◆" if lit else "◇◇", REVERSE)
                else:
                    text.append("██" if lit else "··")
        return text

    def code_text(self, result) -> Text:
        text = Text(no_wrap=True)
        text.append(f"code z: {self.pad.k} number{'s' if self.pad.k > 1 else ''}", "bold")
        if result is None:
            text.append("\n\n  training… keys stay live", "italic")
            return text
        for line in code_bars(result.code):
            text.append("\n" + line)
        numbers = [code_number(v) for v in result.code]
        width = column_width(len(numbers))
        if width >= 6:  # each number under its bar
            text.append("\n" + "".join(n.center(width) for n in numbers))
            return text
        text.append("\n" + "─" * (width * len(numbers)))
        for i in range(0, len(numbers), NUMBERS_PER_ROW):
            text.append("\n" + " ".join(f"{n:>5}" for n in numbers[i:i + NUMBERS_PER_ROW]))
        return text

    def output_text(self, result) -> Text:
        text = Text(no_wrap=True)
        text.append("rebuild x̂", "bold")
        for r in range(N):
            text.append("\n")
            for c in range(N):
                if result is None:
                    text.append("  ")
                    continue
                v = result.output[r, c]
                text.append(shade_char(v).replace(" ", "·") * 2)
        return text

    def errors_text(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("this drawing's error by k: ", "bold")
        for k in KS:
            model = self.bank.get(k)
            value = "…" if k == self.training_k else "—" if model is None else \
                f"{fit.reconstruction_error(model, self.pad.image):.3f}"
            text.append(f" k={k} ", REVERSE if k == self.pad.k else "")
            text.append(f"{value} ")
        return text
