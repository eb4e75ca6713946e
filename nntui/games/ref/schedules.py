"""Learning-rate schedules reference: the table of rates (engine) and the highlighted
schedule plotted over 100 steps, its parameter on ←/→ (model in ``schedules_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from nntui.engine.schedules import SCHEDULES
from nntui.widgets.chart import Chart
from nntui.widgets.keys import axis_keys
from nntui.widgets.ref_table import FilterTable, TableSection

from .schedules_model import KNOBS, PLATEAU_AT, PROBES, STEPS, SchedulePlot

NAMES = {"step": "Step decay", "exponential": "Exponential", "cosine": "Cosine",
         "warmup_cosine": "Warm-up + cosine", "plateau": "Reduce on plateau",
         "one_cycle": "One-cycle"}


def rate(value: float) -> str:
    return f"{value:.4f}"


class SchedulesView(TableSection):
    COLUMNS = ("schedule", "parameter", *(f"η at {t}" for t in PROBES))
    FREE_ARROWS = True
    HELP = ("↑/↓ pick a schedule; the chart draws its learning rate over 100 steps, computed "
            "by the engine, and the table gives the rate at four steps. ←/→ change the "
            "schedule's parameter (step size, decay γ, floor, warm-up length, patience or "
            "where the one-cycle peaks). Reduce on plateau is fed a loss that stops improving "
            f"at step {PLATEAU_AT}, so its cuts come after the patience runs out. / filters.")
    BINDINGS = [*axis_keys("x", "knob({})", "parameter")]

    def __init__(self, section, **kwargs) -> None:
        self.plot = SchedulePlot()
        self.current = next(iter(KNOBS))
        super().__init__(section, **kwargs)

    def row_cells(self, name: str) -> tuple[str, ...]:
        rates = self.plot.rates(name)
        knob = KNOBS[name]
        return (NAMES[name], f"{knob.label} = {self.plot.values[name]:g}",
                *(rate(rates[t]) for t in PROBES))

    def table_rows(self):
        return [(name, self.row_cells(name)) for name in KNOBS]

    def detail(self, key: str) -> Text:
        return Text(SCHEDULES[key].formula, "bold", no_wrap=True, overflow="ellipsis")

    def compose(self):
        yield FilterTable(self.COLUMNS, self.table_rows(), free_arrows=True, id="ref-table")
        yield Static(id="ref-detail")
        yield Chart(id="sc-chart")

    def on_mount(self) -> None:
        super().on_mount()
        self.row_changed(self.current)

    def row_changed(self, key: str) -> None:
        self.current = key
        self.query_one("#ref-detail", Static).update(self.detail(key))
        self.query_one("#sc-chart", Chart).plot_series(
            {"η": (list(range(STEPS)), self.plot.rates(key))},
            title=f"{NAMES[key]}: {self.row_cells(key)[1]}", xlabel="step")

    def action_knob(self, steps: int) -> None:
        self.plot.step(self.current, steps)
        self.query_one("#ref-table", FilterTable).set_rows(self.table_rows())
        self.row_changed(self.current)
