"""Activations reference: the table (engine figures) and f, f′ of the highlighted row."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.chart import Chart
from nntui.widgets.number_text import num
from nntui.widgets.ref_table import FilterTable, TableSection

from .activations_model import ActivationRow, curves, rows


def table_cells(row: ActivationRow) -> tuple[str, ...]:
    return (row.display, row.range, "yes" if row.zero_centred else "no",
            num(row.max_slope, 3), row.use)


class ActivationsView(TableSection):
    """Every activation of the course in one table; the charts follow the cursor."""

    COLUMNS = ("activation", "range", "0-ctr", "max f′", "use for")
    HELP = ("↑/↓ (or j/k) move through the table; the charts below show f and its slope f′ "
            "for the highlighted row, and the line above them its formulas. / filters the "
            "rows by any word (say \"transformer\"); escape clears the filter. The range, "
            "zero-centring and the largest slope are the engine's own figures.")

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.rows = {row.name: row for row in rows()}

    def table_rows(self):
        return [(name, table_cells(row)) for name, row in self.rows.items()]

    def detail(self, key: str) -> Text:
        row = self.rows[key]
        return Text(f"{row.formula}    {row.derivative}", no_wrap=True, overflow="ellipsis")

    def compose(self):
        yield FilterTable(self.COLUMNS, self.table_rows(), id="ref-table")
        yield Static(id="ref-detail")
        with Horizontal(id="ac-charts"):
            yield Chart(id="ac-f")
            yield Chart(id="ac-df")

    def on_mount(self) -> None:
        super().on_mount()
        self.row_changed(next(iter(self.rows)))

    def row_changed(self, key: str) -> None:
        x, f, df = curves(key)
        name = self.rows[key].display
        self.query_one("#ac-f", Chart).plot_series({"f": (x, f)}, title=f"{name}: f(x)")
        self.query_one("#ac-df", Chart).plot_series({"f′": (x, df)}, title=f"{name}: f′(x)")
