"""Initialization race: the section body (model in ``init_race_model``).

Training runs in a worker thread; the UI only reads the model while the worker waits inside
``call_from_thread``, and a reset swaps in a fresh model so an old thread can never touch the new
one.
"""

from __future__ import annotations

import time

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.widgets import Static
from textual.worker import get_current_worker

from nntui.engine.init import INIT_FORMULAS
from nntui.widgets.chart import Chart
from nntui.widgets.section import SectionView

from .init_race_model import HIDDEN, LEARNING_RATE, SIZES, InitRace

STEPS_PER_FRAME = 5
FRAME_SECONDS = 0.05  # at most 20 redraws a second
STEP_KEY_STEPS = 10

VERDICT = {
    "flat": "flat: every hidden unit is a copy, nothing can learn",
    "descending": "descending: learning",
    "stalled": "stalled: saturated units pass almost no gradient",
    "thrashing": "thrashing: the loss jumps up and down",
    "diverged": "diverged: the numbers overflowed",
    "too early": "too early to tell",
    "not started": "press p to train",
}

# A linear axis up to 1 keeps the zero start (0.693) and the stalled too-large start (about 0.5)
# on different rows even without colour; a log axis would merge them. The few losses above the
# top (the too-large start's first steps) are named under the chart instead.
LOSS_TOP = 1.0


class InitRaceView(SectionView):
    """Three copies of one network, three starts, three real loss curves."""

    HELP = (
        "p trains all three networks together (and pauses), s trains 10 more steps, r starts "
        "again from the same three starts. The chart's loss axis runs from 0 to 1; a start "
        "whose loss goes higher enters from the top, and its peak is printed under the "
        "chart. The verdict under each start is read off the last third of "
        "its own loss curve, once it has run a few dozen steps."
    )
    BINDINGS = [
        Binding("p", "toggle_play", "play/pause"),
        Binding("s", "step", "step"),
        Binding("r", "reset", "reset"),
    ]
    DEFAULT_CSS = """
    InitRaceView #race-setup { height: auto; }
    InitRaceView #race-chart { height: 12; min-height: 8; }
    InitRaceView #race-table { height: auto; }
    """

    #: Steps per race; None = the model's default (tests shorten it).
    max_steps: int | None = None

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.race = self._new_race()
        self.playing = False

    def _new_race(self) -> InitRace:
        return InitRace() if self.max_steps is None else InitRace(self.max_steps)

    def compose(self):
        sizes = "→".join(str(n) for n in SIZES)
        yield Static(Text(f"Network {sizes}, {HIDDEN} hidden units, sigmoid output, plain SGD "
                          f"lr {LEARNING_RATE}, the same {len(self.race.X)} circle points. "
                          "Only the starting weights differ.", no_wrap=False), id="race-setup")
        yield Chart(id="race-chart")
        yield Static(id="race-table")

    def on_mount(self) -> None:
        self.focus()
        self.redraw()
        self.mark_complete()

    # --- play / step / reset --------------------------------------------------------

    def action_toggle_play(self) -> None:
        if self.playing:
            self.pause()
        elif not self.race.done:
            self.playing = True
            self.train()
        self.redraw()

    def action_step(self) -> None:
        self.pause()
        self.race.step(STEP_KEY_STEPS)
        self.redraw()

    def action_reset(self) -> None:
        self.pause()
        self.race = self._new_race()
        self.redraw()

    def pause(self) -> None:
        self.playing = False
        self.workers.cancel_group(self, "default")

    def section_hidden(self) -> None:
        self.pause()
        self.redraw()

    @work(thread=True, exclusive=True)
    def train(self) -> None:
        worker = get_current_worker()
        race = self.race
        while not worker.is_cancelled and not race.done:
            started = time.monotonic()
            race.step(STEPS_PER_FRAME)
            if worker.is_cancelled:
                return
            self.app.call_from_thread(self._after_frame, race)
            time.sleep(max(0.0, FRAME_SECONDS - (time.monotonic() - started)))

    def _after_frame(self, race: InitRace) -> None:
        if race is not self.race:
            return
        if race.done:
            self.playing = False
        self.redraw()

    # --- drawing ------------------------------------------------------------------

    def redraw(self) -> None:
        race = self.race
        series = {r.label: (list(range(1, len(r.losses) + 1)), r.losses) for r in race.runners}
        chart = self.query_one("#race-chart", Chart)
        if race.steps_done:
            chart.plot_series(series, title=f"training loss (BCE), step {race.steps_done}"
                              f"/{race.max_steps}", xlabel="step",
                              xlim=(0, race.max_steps), ylim=(0.0, LOSS_TOP))
        else:
            chart.clear()
        self.query_one("#race-table", Static).update(self.table())

    def table(self) -> Text:
        race = self.race
        text = Text(no_wrap=True, overflow="ellipsis")
        state = "▶ training" if self.playing else ("■ finished" if race.done else "❚❚ paused")
        text.append(f"{state} · step {race.steps_done}/{race.max_steps}", "bold")
        above = [f"{r.label} {max(r.losses):.2f}" for r in race.runners
                 if r.losses and max(r.losses) > LOSS_TOP]
        if above:
            text.append(" · peaks off the top: " + ", ".join(above))
        text.append("\n")
        for r in race.runners:
            loss = f"{r.losses[0]:.3f} → {r.losses[-1]:.3f}" if r.losses else "—"
            spread = race.hidden_spread(r)
            units = "units identical" if spread < 1e-12 else f"units differ {spread:.2f}"
            text.append(f"{r.label:<9} {INIT_FORMULAS[r.init].split(',  ')[0]:<14} loss {loss}  "
                        f"{units}\n          → ")
            text.append(VERDICT[r.outcome] + "\n", "bold")
        return text
