"""Escaping a saddle: the section body (model in ``saddle_model``).

An ``AnimatedSection``: every beat is one real Momentum step on the engine's saddle surface.
"""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from nntui.widgets.canvas import Canvas
from nntui.widgets.number_text import num
from nntui.widgets.playing import AnimatedSection
from nntui.widgets.slider import Slider

from .saddle_model import ESCAPE_B, LEARNING_RATE, MAX_STEPS, START, SURFACE, Saddle

LIMITS = (-3.0, 3.0)
GRID = 64  # samples per side of the surface picture
BANDS = 12  # the heatmap is drawn in bands, like contour lines (and cheap to redraw)
CMAP = ("#2d5f9a", "#1e1e1e", "#b8662a")  # downhill, level with the saddle, uphill


def surface_bands() -> np.ndarray:
    """f over the picture, rounded into BANDS levels between its lowest and highest value."""
    grid = np.linspace(*LIMITS, GRID)
    a, b = np.meshgrid(grid, grid)
    f = SURFACE.f(np.stack([a, b], axis=-1))
    lo, hi = f.min(), f.max()
    return np.floor((f - lo) / (hi - lo) * BANDS).clip(0, BANDS - 1) / (BANDS - 1)


class SaddleView(AnimatedSection):
    """Momentum control, the surface with the run's trail, and the step counter."""

    HELP = (
        "←/→ set the momentum β (shift: by 0.1); a new β starts a new run. p plays and pauses, "
        "s takes one optimizer step, r starts again. The picture is f(a, b) = a² − b²: "
        "light (▓ █) is high, dark (░) is low; a runs left to right, b bottom to top. "
        "○ is the start, · the trail, ● where the run is now."
    )
    INTERVAL = 0.1

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.run = Saddle()
        self.bands = surface_bands()

    def compose(self):
        yield Static(Text(f"f(a, b) = a² − b²: up along a, "
                          f"down along b. Momentum(lr {LEARNING_RATE}, β) starts at "
                          f"a = {num(START[0], 2)}, b = {num(START[1], 2)}, a hair off the "
                          "ridge b = 0.", no_wrap=False), id="sd-intro")
        with Horizontal(id="sd-body"):
            yield Canvas(LIMITS, LIMITS, id="sd-canvas")
            with Vertical(id="sd-side"):
                yield Slider("β", self.run.beta, 0.0, 0.99, 0.01, 0.1, fmt="{:.2f}",
                             id="sd-beta")
                yield Static(id="sd-state")
        yield Static(id="sd-verdict")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#sd-beta", Slider).focus()
        self.refresh_view()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.run.set_beta(event.value)
        self.refresh_view()

    # --- the animation (AnimatedSection) -------------------------------------------

    @property
    def finished(self) -> bool:
        return self.run.done

    def advance(self) -> bool:
        self.run.step()
        if self.run.escaped:
            self.mark_complete()
        return not self.run.done

    def restart(self) -> None:
        self.run.restart()

    # --- drawing ------------------------------------------------------------------

    def refresh_view(self) -> None:
        self.draw_canvas()
        self.query_one("#sd-state", Static).update(self.state_text())
        self.query_one("#sd-verdict", Static).update(self.verdict())

    def draw_canvas(self) -> None:
        canvas = self.query_one("#sd-canvas", Canvas)
        trail = np.array(self.run.trail)
        canvas.clear()
        canvas.heatmap(self.bands, 0.0, 1.0, cmap=CMAP)
        canvas.text(LIMITS[1] - 0.5, 0.0, "a→", colour="#ffffff")
        canvas.text(0.0, LIMITS[1] - 0.1, "b↑", colour="#ffffff")
        canvas.points(trail[:, 0], trail[:, 1], marker="·", colours="#ffffff")
        canvas.points([START[0]], [START[1]], marker="○", colours="#ffffff")
        canvas.points([trail[-1, 0]], [trail[-1, 1]], marker="●", colours="#f2e34b")

    def state_text(self) -> Text:
        run = self.run
        (a, b), (ga, gb), (va, vb) = run.point, run.gradient, run.velocity
        status = ("▶ playing" if self.playing else
                  "■ over" if run.done else "❚❚ paused")
        lines = [
            f"{status} · step {run.steps}/{MAX_STEPS}",
            f"a = {num(a, 3, sign=True)}   b = {num(b, 3, sign=True)}",
            f"f(a, b) = {num(run.value, 3)}",
            f"∇f = ({num(ga, 3)}, {num(gb, 3)})",
            f"|∇f| = {np.hypot(ga, gb):.3f}",
            f"v = ({num(va, 2)}, {num(vb, 2)})",
            "v ← βv + ∇f;  p ← p − lr·v",
        ]
        return Text("\n".join(lines), no_wrap=True, overflow="crop")

    def verdict(self) -> str:
        run = self.run
        if run.escaped:
            return (f"Escaped in {run.steps} steps: |b| passed {ESCAPE_B}. Momentum added up "
                    "the small downhill pushes along b until they became a roll.")
        if run.stalled:
            return (f"Stalled: {MAX_STEPS} steps and the dot still sits by the centre, where "
                    "the slope is almost flat. Raise β with → and press p again.")
        if run.steps == 0:
            return "Press p to roll, s for a single step. Try β = 0 first, then β = 0.9."
        return "Rolling…" if run.beta else "Gradient descent alone (β = 0)…"
