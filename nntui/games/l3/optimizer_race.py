"""Optimizer race: the section body (model in ``optimizer_race_model``)."""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.canvas import Canvas
from nntui.widgets.keys import axis_keys, digit_bindings
from nntui.widgets.playing import AnimatedSection

from .optimizer_race_model import RACERS, Lane, OptimizerRace

STEPS_PER_BEAT = 4
CONTOUR_COLOURS = ("#0e1a26", "#2f5570")
SHADE_VMAX = 2.5
START_MARK, MINIMUM_MARK, GONE_MARK = "○", "★", "✗"


def short(value: float) -> str:
    """A loss in at most 8 cells, with a true minus sign."""
    if not np.isfinite(value):
        return "∞"
    text = f"{value:.3g}" if 1e-3 <= abs(value) < 1e5 or value == 0 else f"{value:.1e}"
    return text.replace("-", "−")


class OptimizerRaceView(AnimatedSection):
    """The runners' real paths over the surface's contours, revealed a step at a time."""

    INTERVAL = 0.4
    HELP = (
        f"p starts or pauses the race, s moves it {STEPS_PER_BEAT} steps, r sends everyone back "
        "to the start; e jumps to the last step. ←/→ change the learning rate of SGD, Momentum and Nesterov "
        "(their step is lr × gradient); [ and ] change the learning rate of the adaptive "
        "optimizers (RMSprop, Adam, AdamW, Lion), whose step is about lr long whatever the "
        "slope. f picks the surface: the elongated bowl, the Rosenbrock banana or the saddle. "
        "1–7 switch runners on and off. Each runner is drawn as its letter (S, M, A, R, W, L, "
        "N) at its current point; ○ is the start, ★ the minimum, ✗ where a runner blew up; "
        "↗ in the table means the runner is outside the picture. "
        "The contour bands are the surface's height (darker is lower)."
    )
    BINDINGS = [
        *axis_keys("x", "lr({})", "lr", coarse=3, coarse_label="lr, 3 rungs"),
        Binding("left_square_bracket", "adaptive_lr(-1)", "Adam lr", key_display="[ ]"),
        Binding("right_square_bracket", "adaptive_lr(1)", "Adam lr", show=False,
                key_display="[ ]"),
        Binding("f", "surface", "surface"),
        *digit_bindings("toggle", [r.label for r in RACERS], "runners", show=False),
        Binding("e", "to_end", "jump to the end", show=False),
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.race = OptimizerRace()

    def compose(self):
        yield Static(id="or-top")
        with Horizontal(id="or-body"):
            yield Canvas(id="or-chart")
            yield Static(id="or-table")
        yield Static(id="or-verdict")

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        self.call_after_refresh(self.refresh_view)  # the canvas knows its size after layout

    # --- the animation -----------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.race.finished

    def advance(self) -> bool:
        going = self.race.advance(STEPS_PER_BEAT)
        if not going:
            self.mark_complete()  # watched a whole race
        return going

    def restart(self) -> None:
        self.race.restart()

    # --- keys --------------------------------------------------------------------------

    def action_lr(self, steps: int) -> None:
        self.race.change_lr(steps)
        self.refresh_view()

    def action_adaptive_lr(self, steps: int) -> None:
        self.race.change_lr(steps, adaptive=True)
        self.refresh_view()

    def action_surface(self) -> None:
        self.playing = False
        self.race.next_surface()
        self.refresh_view()

    def action_toggle(self, index: int) -> None:
        self.race.toggle(RACERS[index].name)
        self.refresh_view()

    def action_to_end(self) -> None:
        self.playing = False
        self.race.advance(self.race.steps)
        self.mark_complete()
        self.refresh_view()

    # --- drawing -----------------------------------------------------------------------

    def refresh_view(self) -> None:
        if not self.is_mounted:
            return
        self.query_one("#or-top", Static).update(self.top_text())
        self.draw_chart()
        self.query_one("#or-table", Static).update(self.table_text())
        self.query_one("#or-verdict", Static).update(self.verdict_text())

    def top_text(self) -> Text:
        race = self.race
        s = race.surface
        text = Text(no_wrap=True, overflow="crop")
        text.append(f"{s.display}: {s.formula}", "bold")
        state = "playing" if self.playing else ("finished" if race.finished else "p plays")
        text.append(f"   step {race.k}/{race.steps} · {state}\n")
        text.append(f"lr {race.lr:g}", "bold")
        text.append(" SGD·Momentum·Nesterov (←→)   ")
        text.append(f"lr {race.adaptive_lr:g}", "bold")
        text.append(" Adam·RMSprop·AdamW·Lion ([ ])")
        return text

    def draw_chart(self) -> None:
        race = self.race
        s = race.surface
        canvas = self.query_one("#or-chart", Canvas)
        canvas.set_limits(s.xlim, s.ylim)
        canvas.clear()
        cells = canvas.cell_size
        # Under NO_COLOR the bands are shade characters; keeping them light (' ░▒') leaves
        # the runners' trail characters readable on top.
        canvas.heatmap(race.height_map(cells.width, cells.height * 2), 0.0,
                       SHADE_VMAX if canvas.shade else 1.0, cmap=CONTOUR_COLOURS)
        if s.minimum is not None:
            canvas.text(*s.minimum, MINIMUM_MARK, colour="#ffffff")
        canvas.text(*race.start, START_MARK, colour="#ffffff")
        shade = canvas.shade
        for lane in race.lanes.values():
            self.draw_trail(canvas, lane, race.k, shade)
        for lane in race.lanes.values():
            if lane.diverged(race.k):
                # Blown up far outside the picture: ✗ where it was last seen in it.
                seen = [p for p in lane.points(race.k) if self.inside(*p)]
                if seen:
                    canvas.text(*seen[-1], GONE_MARK, colour=lane.racer.colour)
                continue
            x, y = lane.position(race.k)
            if self.inside(x, y):
                canvas.text(x, y, lane.racer.head, colour=lane.racer.colour)

    def draw_trail(self, canvas: Canvas, lane: Lane, k: int, shade: bool) -> None:
        """The path as line segments, skipping moves too small to see and any part that
        leaves the window (a canvas would pin it to the border)."""
        points = lane.points(k)
        px, py = canvas.world_to_pixel(points[:, 0], points[:, 1])
        char = lane.racer.trail if shade else None
        last = None
        for index, (x, y) in enumerate(points):
            if not self.inside(x, y):
                last = None
                continue
            if last is not None and (px[index], py[index]) != (px[last], py[last]):
                canvas.line(*points[last], x, y, colour=lane.racer.colour, char=char)
                last = index
            elif last is None:
                last = index

    def inside(self, x: float, y: float) -> bool:
        s = self.race.surface
        return s.xlim[0] <= x <= s.xlim[1] and s.ylim[0] <= y <= s.ylim[1]

    def table_text(self) -> Text:
        race = self.race
        unbounded = race.surface.minimum is None
        text = Text(no_wrap=True, overflow="crop")
        text.append(f"f after {race.k} steps\n", "bold")
        standings = {lane.racer.name: (lane, loss, gone) for lane, loss, gone in race.standings()}
        leader = race.leader()
        for index, racer in enumerate(RACERS):
            text.append(f"{index + 1} ")
            if racer.name not in standings:
                text.append(f"  {racer.label:<9} off\n", "dim")
                continue
            lane, loss, gone = standings[racer.name]
            text.append(f"{racer.head} ", "bold")
            text.append(f"{racer.label:<9}")
            if gone:
                text.append("ran off ↘" if unbounded else "✗ diverged", "bold")
            else:
                text.append(f"{short(loss):>8}")
                text.append(" ◀" if lane is leader else "  ", "bold")
                text.append("" if self.inside(*lane.position(race.k)) else " ↗")
            text.append("\n")
        text.append("1–7 switch on/off\n◀ lowest  ↗ off the map", "italic")
        return text

    def verdict_text(self) -> Text:
        race = self.race
        s = race.surface
        text = Text()
        if s.minimum is None:
            down = -min(s.hessian_eigs)
            text.append(f"Up along x, down along y. SGD multiplies y by 1 + {down:g}·lr = "
                        f"{1 + down * race.lr:.3g} a step, so a start just off the ridge y = 0 "
                        "drifts away slowly; momentum and the adaptive runners leave faster. ↘: rolled "
                        "off for ever (f has no bottom).")
            return text
        regime = race.sgd_regime()
        if regime is None:
            text.append("The valley bends and its steepness changes along the way, so no "
                        "single lr limit holds: too large and the SGD-style runners blow "
                        "up (✗); the minimum ★ is at (1, 1).")
            return text
        product, kind = regime
        head = f"SGD: lr·λ_max = {race.lr:g} × {max(s.hessian_eigs):g} = {product:.2f}"
        if kind == "smooth":
            text.append(f"{head} < 1: no overshoot across the steep valley; "
                        "it crawls along the flat direction.")
        elif kind == "zigzag":
            text.append(f"{head}, between 1 and 2: each step overshoots the steep "
                        f"direction, so it zig-zags (y flipped sign {race.zigzags()} "
                        "times) yet still settles.")
        elif kind == "bounce":
            text.append(f"{head}: every step lands on the mirror point; it bounces "
                        "across the valley for ever.")
        else:
            text.append(f"{head} > 2: each step overshoots by more than it corrects, "
                        f"so SGD diverges (✗). Stable needs lr < 2/λ_max = "
                        f"{race.sgd_limit:g}.", "bold")
        return text
