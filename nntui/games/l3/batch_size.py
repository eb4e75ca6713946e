"""Batch size: the section body (model in ``batch_size_model``).

An ``AnimatedSection``: every beat each of the three runs takes one real SGD step.
"""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.canvas import Canvas
from nntui.widgets.number_text import num
from nntui.widgets.playing import AnimatedSection

from .batch_size_model import LEARNING_RATE, N_POINTS, START, BatchRace

W_LIMITS = (-2.5, 3.5)
B_LIMITS = (-2.5, 4.0)
GRID = 72
BANDS = 10  # the bowl in bands of log-loss: contour rings
BOWL_CMAP = ("#16324f", "#5b6f8a")
# Drawn in this order, so the smooth full-batch path stays on top of the noisy ones.
MARKERS = {"one example": ("x", "#ff8c69"), "mini-batch": ("+", "#ffd166"),
           "full batch": ("●", "#ffffff")}
BEST = ("◆", "#7ee081")


def bowl_bands(race: BatchRace) -> np.ndarray:
    """log L over the picture, in BANDS levels (0 … 1): each band a ring of the bowl."""
    w, b = np.meshgrid(np.linspace(*W_LIMITS, GRID), np.linspace(*B_LIMITS, GRID))
    logs = np.log(race.loss(w, b))
    level = (logs - logs.min()) / (logs.max() - logs.min())
    return np.floor(level * BANDS).clip(0, BANDS - 1) / (BANDS - 1)


class BatchSizeView(AnimatedSection):
    """The loss bowl of a real regression and three descents of different batch sizes."""

    HELP = (
        "p plays and pauses, s takes one step with each of the three, r starts them again "
        "from the same point. The picture is the loss over all the data, L(w, b), in rings: "
        "darker is lower, ◆ the bottom. ● full batch (every example in every step), + a "
        "mini-batch of 8, x one example at a time; all use SGD with the same learning rate. "
        "↑ counts the steps that made the loss on all the data worse."
    )
    INTERVAL = 0.08

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.race = BatchRace()
        self.bands = bowl_bands(self.race)

    def compose(self):
        yield Static(Text(f"Fit ŷ = w·x + b to {N_POINTS} noisy points. Three SGD runs, lr "
                          f"{LEARNING_RATE}, start at w = {num(START[0], 1)}, "
                          f"b = {num(START[1], 1)}; only the batch size differs.",
                          no_wrap=False), id="bs-intro")
        with Horizontal(id="bs-body"):
            yield Canvas(W_LIMITS, B_LIMITS, id="bs-canvas")
            yield Static(id="bs-table")
        yield Static(id="bs-note")

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        self.refresh_view()

    # --- the animation (AnimatedSection) -------------------------------------------

    @property
    def finished(self) -> bool:
        return self.race.done

    def advance(self) -> bool:
        self.race.step()
        if self.race.done:
            self.mark_complete()
        return not self.race.done

    def restart(self) -> None:
        self.race = BatchRace()

    # --- drawing ------------------------------------------------------------------

    def refresh_view(self) -> None:
        self.draw_canvas()
        self.query_one("#bs-table", Static).update(self.table())
        self.query_one("#bs-note", Static).update(self.note())

    def draw_canvas(self) -> None:
        canvas = self.query_one("#bs-canvas", Canvas)
        canvas.clear()
        canvas.heatmap(self.bands, 0.0, 1.0, cmap=BOWL_CMAP)
        canvas.text(W_LIMITS[1] - 0.6, B_LIMITS[0] + 0.2, "w→")
        canvas.text(W_LIMITS[0] + 0.05, B_LIMITS[1] - 0.1, "b↑")
        runners = {r.label: r for r in self.race.runners}
        for label, (marker, colour) in MARKERS.items():
            trail = np.array(runners[label].trail)
            canvas.points(trail[:, 0], trail[:, 1], marker=marker, colours=colour)
        canvas.points(*([v] for v in self.race.best_fit), marker=BEST[0], colours=BEST[1])

    def table(self) -> Text:
        race = self.race
        state = "▶ playing" if self.playing else ("■ done" if race.done else "❚❚ paused")
        text = Text(no_wrap=True, overflow="crop")
        text.append(f"{state} · step {race.steps}/{race.max_steps}\n\n", "bold")
        text.append("   batch      loss    ↑\n", "bold")
        for r in race.runners:
            marker, colour = MARKERS[r.label]
            text.append(f"{marker} ", f"bold {colour}")
            text.append(f"{r.label:<11} {r.batch:>2}  {r.losses[-1]:6.3f}  {r.uphill:>3}\n")
            w, b = r.point
            text.append(f"   w {num(w, 2, sign=True)}  b {num(b, 2, sign=True)}\n", "dim")
        w, b = race.best_fit
        text.append(f"{BEST[0]} ", f"bold {BEST[1]}")
        text.append(f"best fit        {race.loss(w, b):6.3f}\n")
        text.append(f"   w {num(w, 2, sign=True)}  b {num(b, 2, sign=True)}\n", "dim")
        text.append("\n↑ steps that raised the loss\n  on all the data")
        return text

    def note(self) -> str:
        if self.race.steps == 0:
            return "Press p to let the three run, s for one step each."
        return ("Each step of one example follows that example's own gradient: cheap, but it "
                "wanders, and it never quite settles at ◆. Averaging 8 calms it; all 64 "
                "gives the true downhill direction.")
