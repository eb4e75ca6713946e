"""A tiny GAN: the section body (model in ``gan_model``).

A ``TrainingSection``: every alternating D/G step runs in the base's worker thread.
"""

from __future__ import annotations

import math

import numpy as np
from rich.text import Text
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.canvas import Canvas
from nntui.widgets.chart import Chart
from nntui.widgets.number_text import num
from nntui.widgets.playing import TrainingSection

from .gan_model import X_RANGE, TinyGan

STEPS_PER_CHUNK = 5
Y_TOP = 1.05  # D(x) lives in [0, 1]; the real density peaks at 0.8
BINS, LEVELS = 48, 26  # the histogram's grid, stretched to the canvas
FAKE, REAL, DISC = "#e8743b", "#19a979", "#3b8fe8"


class GanView(TrainingSection):
    """G's samples drift toward the data while D(x) learns to tell them apart."""

    HELP = (
        "p trains (and pauses), s trains 5 alternating steps, r starts again from the same "
        "untrained networks. Each step first trains the discriminator D to tell real numbers "
        "(drawn from N(3, 0.5²)) from the generator's, then trains the generator G to make D "
        "call its numbers real. Left: ░ a histogram of G's samples, · the real density, "
        "• D(x), the probability D gives that x is real (½ means it cannot tell). Right: both "
        "losses per step. At the equilibrium D(x) = ½, L_D = log 4 ≈ 1.39, L_G = log 2 ≈ 0.69."
    )
    CHUNKS_PER_SECOND = 20.0  # 100 steps a second: slow enough to watch the drift
    STEP_CHUNKS = 1

    #: Steps per run; None = the model's default (tests shorten it).
    max_steps: int | None = None

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = self._new_model()

    def _new_model(self) -> TinyGan:
        return TinyGan() if self.max_steps is None else TinyGan(self.max_steps)

    def compose(self):
        with Horizontal(id="gan-row"):
            yield Canvas(X_RANGE, (0.0, Y_TOP), id="gan-canvas")
            yield Chart(id="gan-losses")
        yield Static(id="gan-status")

    def on_mount(self) -> None:
        self.focus()
        self.refresh_view()

    # --- the training lifecycle (TrainingSection) ------------------------------------

    def train_chunk(self) -> float | None:
        return self.model.train(STEPS_PER_CHUNK)

    @property
    def training_done(self) -> bool:
        return self.model.done

    def restart(self) -> None:
        self.model = self._new_model()

    # --- drawing ------------------------------------------------------------------

    def refresh_view(self) -> None:
        if self.model.close and self.model.steps >= 100:
            self.mark_complete()
        self.draw_canvas()
        self.draw_losses()
        self.query_one("#gan-status", Static).update(self.status())

    def draw_canvas(self) -> None:
        canvas = self.query_one("#gan-canvas", Canvas)
        m = self.model
        _, fake = m.histogram(BINS)
        levels = (np.arange(LEVELS) + 0.5) / LEVELS * Y_TOP
        canvas.clear()
        canvas.fill_region(levels[:, None] < fake[None, :], colour=FAKE, char="░")
        xs = np.linspace(*X_RANGE, 2 * BINS + 1)
        self._curve(canvas, xs, m.real_density(xs), REAL, "·")
        self._curve(canvas, xs, m.d_curve(xs), DISC, "•")
        for tick in range(math.ceil(X_RANGE[0]), math.floor(X_RANGE[1]) + 1, 2):
            canvas.text(tick, Y_TOP, num(tick, 0))

    @staticmethod
    def _curve(canvas: Canvas, xs: np.ndarray, ys: np.ndarray, colour: str, char: str) -> None:
        ys = np.minimum(ys, Y_TOP)
        for x0, y0, x1, y1 in zip(xs[:-1], ys[:-1], xs[1:], ys[1:]):
            canvas.line(x0, y0, x1, y1, colour=colour, char=char)

    def draw_losses(self) -> None:
        chart = self.query_one("#gan-losses", Chart)
        gan = self.model.gan
        if not gan.steps:
            chart.clear()
            return
        steps = list(range(1, gan.steps + 1))
        names = ("L_D", "L_G")
        title = "  ".join(f"{chart.marker_of(i).replace('braille', '⠉')} {n}"
                          for i, n in enumerate(names))
        chart.plot_series({"L_D": (steps, gan.d_losses), "L_G": (steps, gan.g_losses)},
                          title=title, xlabel="step", legend=False, ylim=(0.0, 2.5))

    def status(self) -> Text:
        m = self.model
        text = Text(no_wrap=True, overflow="ellipsis")
        state = ("■ finished" if m.done else "▶ training" if self.playing else "❚❚ paused")
        text.append(f"{state} · step {m.steps}/{m.max_steps}", "bold")
        text.append("   ░ G(z)  · real N(3, 0.5²)  • D(x)\n")
        text.append(f"G's samples: mean {num(m.gen_mean, 2)}, std {num(m.gen_std, 2)}"
                    f"   real: mean {num(m.gan.real_mean, 2)}, std {num(m.gan.real_std, 2)}\n")
        d_mid = float(m.d_curve(np.array([m.gan.real_mean]))[0])
        text.append(f"V(D, G) = {num(m.value(), 3)}  (equilibrium −log 4 = "
                    f"{num(m.equilibrium, 3)})   D({num(m.gan.real_mean, 0)}) = {num(d_mid, 2)}\n")
        if m.close:
            text.append("G's samples sit on the real data: D can no longer tell them apart",
                        "bold")
        elif m.steps == 0:
            text.append("press p: G starts near 0, far from the real numbers around 3")
        else:
            text.append("D pushes G's samples toward where the real numbers are")
        return text
