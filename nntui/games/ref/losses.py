"""Losses reference: each loss's value and slope at a probe, and both plotted for the
highlighted loss (model in ``losses_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui import content
from nntui.engine.losses import LOSSES
from nntui.widgets.chart import Chart
from nntui.widgets.keys import axis_keys
from nntui.widgets.number_text import num
from nntui.widgets.ref_table import FilterTable, TableSection

from .losses_model import INPUT, LossExplorer


class LossesView(TableSection):
    """The table is live: its L and slope columns are the engine's at the probe."""

    COLUMNS = ("loss", "input", "L", "∂L/∂input")
    FREE_ARROWS = True
    HELP = ("↑/↓ pick a loss; the chart shows its value L (first series) and its slope "
            "∂L/∂input (second) against the input, with the probe as a point. ←/→ move the "
            "probe (shift: 5 steps), t flips the target y between 1 and 0, [ and ] change "
            "Huber's δ or focal's γ when that loss is highlighted. Inputs: ŷ is a regression "
            "prediction, p a probability, z the logit of class 1 against a logit 0 for "
            "class 0 (softmax then gives class 1 the probability σ(z)). / filters the rows.")
    BINDINGS = [
        *axis_keys("x", "probe({})", "probe", coarse=5),
        Binding("t", "target", "target y"),
        Binding("left_square_bracket", "param(-1)", "δ/γ", key_display="[ ]"),
        Binding("right_square_bracket", "param(1)", "δ/γ", show=False, key_display="[ ]"),
    ]

    def __init__(self, section, **kwargs) -> None:
        self.explorer = LossExplorer()
        self.use = content.reference("losses")["use"]
        self.current = next(iter(LOSSES))
        super().__init__(section, **kwargs)

    def row_cells(self, name: str) -> tuple[str, ...]:
        x, value, slope = self.explorer.probe(name)
        kind = LOSSES[name].pred_kind
        return (self.explorer.label(name), f"{INPUT[kind]} = {num(x, 2)}", num(value, 3),
                num(slope, 3))

    def table_rows(self):
        return [(name, self.row_cells(name)) for name in LOSSES]

    def detail(self, key: str) -> Text:
        text = Text(LOSSES[key].formula, "bold", no_wrap=True, overflow="ellipsis")
        text.append(f"\ntarget y = {self.explorer.target} · use: {self.use[key]}")
        return text

    def compose(self):
        yield FilterTable(self.COLUMNS, self.table_rows(), free_arrows=True, id="ref-table")
        yield Static(id="ref-detail")
        yield Chart(id="lo-chart")

    def on_mount(self) -> None:
        super().on_mount()
        self.row_changed(self.current)

    def row_changed(self, key: str) -> None:
        self.current = key
        xs, values, slopes = self.explorer.curve(key)
        x, value, slope = self.explorer.probe(key)
        symbol = INPUT[LOSSES[key].pred_kind]
        self.query_one("#lo-chart", Chart).plot_series(
            {"L": (xs, values), f"∂L/∂{symbol}": (xs, slopes), "probe": ([x, x], [value, slope])},
            title=f"{self.explorer.label(key)}, y = {self.explorer.target}", xlabel=symbol,
            scatter=["probe"])

    def refresh_all(self) -> None:
        self.query_one("#ref-table", FilterTable).set_rows(self.table_rows())
        self.query_one("#ref-detail", Static).update(self.detail(self.current))
        self.row_changed(self.current)

    def action_probe(self, steps: int) -> None:
        self.explorer.move(steps)
        self.refresh_all()

    def action_target(self) -> None:
        self.explorer.flip_target()
        self.refresh_all()

    def action_param(self, steps: int) -> None:
        if self.explorer.change(self.current, steps):
            self.refresh_all()
        else:
            self.notify("[ and ] adjust Huber's δ and focal's γ: highlight one of them.",
                        timeout=3)
