"""Initialization race: the section body (model in ``init_race_model``).

A ``TrainingSection``: every step, played or stepped, runs in the base's worker thread.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from nntui.engine.init import INIT_FORMULAS
from nntui.widgets.chart import Chart
from nntui.widgets.playing import TrainingSection

from .init_race_model import HIDDEN, LEARNING_RATE, SIZES, VERDICT_AFTER, InitRace

STEPS_PER_CHUNK = 5

VERDICT = {
    "flat": "flat: every hidden unit is a copy, nothing can learn",
    "descending": "descending: learning",
    "stalled": "stalled: pinned units pass almost no gradient back",
    "thrashing": "thrashing: the loss jumps up and down",
    "diverged": "diverged: the numbers overflowed",
    "too early": "too early to tell",
    "not started": "press p to train",
}

# One colour per start, beside its marker: the key sits in the table under the chart, so no
# legend covers the curves' first steps.
COLOURS = {"zero": "cyan", "too large": "red", "Xavier": "green"}

# A linear axis up to 1 keeps the zero start (0.693) and the stalled too-large start (about 0.5)
# on different rows even without colour; a log axis would merge them. The few losses above the
# top (the too-large start's first steps) are named under the chart instead.
LOSS_TOP = 1.0


class InitRaceView(TrainingSection):
    """Three copies of one network, three starts, three real loss curves."""

    HELP = (
        "p trains all three networks together (and pauses), s trains 10 more steps, r starts "
        "again from the same three starts. The chart's loss axis runs from 0 to 1; a start "
        "whose loss goes higher enters from the top, and its peak is printed under the "
        "chart. Each line of the table starts with its curve's marker. \"Pinned at ±1\" is "
        "the share of hidden units whose tanh sits on its ceiling or floor, where its slope is "
        "almost zero: a network that is mostly pinned is stalled, even if its output layer "
        "still lowers the loss a little. The other verdicts are read off the loss curve once "
        "it has run a few dozen steps."
    )
    CHUNKS_PER_SECOND = 20.0  # 100 steps a second: slow enough to watch the curves race
    STEP_CHUNKS = 2  # s: ten steps

    #: Steps per race; None = the model's default (tests shorten it).
    max_steps: int | None = None

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.race = self._new_race()

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
        self.refresh_view()

    # --- the training lifecycle (TrainingSection) ------------------------------------

    def train_chunk(self) -> float | None:
        self.race.step(STEPS_PER_CHUNK)
        # The race's own verdict names a diverged run; the section keeps training the others.
        return None

    @property
    def training_done(self) -> bool:
        return self.race.done

    def restart(self) -> None:
        self.race = self._new_race()

    # --- drawing ------------------------------------------------------------------

    def refresh_view(self) -> None:
        race = self.race
        if race.steps_done >= min(VERDICT_AFTER, race.max_steps):  # long enough for verdicts
            self.mark_complete()
        series = {r.label: (list(range(1, len(r.losses) + 1)), r.losses) for r in race.runners}
        chart = self.query_one("#race-chart", Chart)
        if race.steps_done:
            chart.plot_series(series, title=f"training loss (BCE), step {race.steps_done}"
                              f"/{race.max_steps}", xlabel="step",
                              xlim=(0, race.max_steps), ylim=(0.0, LOSS_TOP),
                              legend=False, colors=COLOURS)
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
        chart = self.query_one("#race-chart", Chart)
        for r in race.runners:
            glyph, colour = chart.keys.get(r.label, (" ", None))
            loss = f"{r.losses[0]:.3f} → {r.losses[-1]:.3f}" if r.losses else "—"
            text.append(f"{glyph} {r.label:<9}", colour or "")
            text.append(f" {INIT_FORMULAS[r.init].split(',  ')[0]:<14} loss {loss}  "
                        f"{self.units_text(r)}\n            → ")
            text.append(VERDICT[r.outcome] + "\n", "bold")
        return text

    def units_text(self, runner) -> str:
        """What the hidden units are doing, in words: copies of each other, or pinned at ±1."""
        if self.race.hidden_spread(runner) < 1e-12:
            return "hidden units: all identical"
        return f"hidden units pinned at ±1: {runner.pinned:.0%}"
