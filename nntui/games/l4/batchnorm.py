"""Batch normalization: the section body (model in ``batchnorm_model``)."""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.keys import axis_keys
from nntui.widgets.number_text import num
from nntui.widgets.playing import AnimatedSection

from .batchnorm_model import BATCH, BatchNorm, histogram

BINS = 34
ROWS = 8
EIGHTHS = " ▁▂▃▄▅▆▇█"
# One axis for both pictures, so the shift to 0 and the squeeze to variance 1 are seen.
RANGE = (-6.0, 14.0)
GAMMA_STEP, BETA_STEP = 0.1, 0.25


def histogram_text(counts: np.ndarray, top: int, title: str, lo: float, hi: float,
                   marks: dict[float, str]) -> Text:
    """Vertical bars with eighth blocks; ``marks`` puts a character under given x values."""
    text = Text(no_wrap=True)
    text.append(title + "\n", "bold")
    for row in range(ROWS - 1, -1, -1):
        line = ""
        for count in counts:
            height = count / top * ROWS
            part = height - row
            line += "█" if part >= 1 else (EIGHTHS[max(1, round(part * 8))] if part > 0 else " ")
        text.append(line + "\n")
    axis = ["─"] * len(counts)
    for x, ch in marks.items():
        i = int((min(max(x, lo), hi) - lo) / (hi - lo) * (len(counts) - 1))
        axis[i] = ch
    text.append("".join(axis) + "\n")
    left, right = num(lo, 0), num(hi, 0)
    text.append(left + " " * (len(counts) - len(left) - len(right)) + right)
    return text


class BatchnormView(AnimatedSection):
    """A drifting batch, and the same batch after batch norm."""

    HELP = (
        "p plays one new batch every beat: its mean wanders and its spread stretches; s draws "
        "one new batch, r goes back to the first (and γ = 1, β = 0). ←/→ change γ (the scale "
        "after normalizing), ↓/↑ change β (the shift). Left: the raw batch of 64 values; "
        "right: the same values after batch norm. ▲ marks the mean under each histogram. "
        "With γ = 1 and β = 0 the right side always has mean 0 and variance 1."
    )
    BINDINGS = [*axis_keys("x", "gamma({})", "γ", coarse=5),
                *axis_keys("y", "beta({})", "β", coarse=4)]
    INTERVAL = 0.6

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = BatchNorm()
        self.moved = set()

    def compose(self):
        yield Static(id="bn-formula")
        with Horizontal(id="bn-hists"):
            yield Static(id="bn-raw")
            yield Static(id="bn-norm")
        yield Static(id="bn-stats")

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        self.refresh_view()

    def advance(self) -> bool:
        self.model.next_batch()
        self.moved.add("batch")
        self.check_done()
        return True

    def restart(self) -> None:
        self.model.restart()

    def action_gamma(self, steps: int) -> None:
        self.model.set_gamma(self.model.gamma + steps * GAMMA_STEP)
        self.moved.add("gamma")
        self.after_change()

    def action_beta(self, steps: int) -> None:
        self.model.set_beta(self.model.beta + steps * BETA_STEP)
        self.moved.add("beta")
        self.after_change()

    def after_change(self) -> None:
        self.check_done()
        self.refresh_view()

    def check_done(self) -> None:
        if {"batch", "gamma", "beta"} <= self.moved:
            self.mark_complete()

    def refresh_view(self) -> None:
        if not self.is_attached:  # is_mounted turns True only after on_mount
            return
        m = self.model
        formula = Text(no_wrap=False)
        formula.append("μ_B = (1/m)Σxᵢ   σ²_B = (1/m)Σ(xᵢ − μ_B)²   x̂ = (x − μ_B)/√(σ²_B + ε)"
                       "   y = γ·x̂ + β", "bold")
        self.query_one("#bn-formula", Static).update(formula)
        raw = histogram(m.x, *RANGE, BINS)
        norm = histogram(m.y, *RANGE, BINS)
        top = int(max(raw.max(), norm.max()))
        self.query_one("#bn-raw", Static).update(histogram_text(
            raw, top, f"batch {m.batch_index + 1}: x (m = {BATCH})", *RANGE,
            {m.mu: "▲"}))
        self.query_one("#bn-norm", Static).update(histogram_text(
            norm, top, "after batch norm: y (same axis)", *RANGE, {float(m.y.mean()): "▲"}))
        stats = Text(no_wrap=False)
        stats.append(f"μ_B = {num(m.mu, 3)}   σ²_B = {num(m.var, 3)}   "
                     f"√(σ²_B + ε) = {num(np.sqrt(m.var + m.eps), 3)}\n")
        stats.append(f"x̂: mean {num(m.x_hat.mean(), 3)}, variance {num(m.x_hat.var(), 3)}"
                     f"      γ = {num(m.gamma, 2)}   β = {num(m.beta, 2)}\n", "bold")
        stats.append(f"y = γ·x̂ + β: mean {num(m.y.mean(), 3)} (= β), variance "
                     f"{num(m.y.var(), 3)} (= γ² = {num(m.gamma ** 2, 3)})")
        self.query_one("#bn-stats", Static).update(stats)
