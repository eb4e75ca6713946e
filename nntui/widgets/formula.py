"""A bordered card for one formula: the formula, its meaning in words, its symbols."""

from __future__ import annotations

from typing import Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

__all__ = ["FormulaCard"]


class FormulaCard(Vertical):
    """``FormulaCard("Sigmoid", "σ(z) = 1 / (1 + e⁻ᶻ)", "squashes any number into 0…1",
    [("z", "the neuron's weighted sum"), ("e", "Euler's number ≈ 2.718")])``

    ``set_live(text)`` shows a line with the formula evaluated on the current numbers.
    """

    DEFAULT_CSS = """
    FormulaCard {
        height: auto;
        border: round $primary;
        border-title-style: bold;
        padding: 0 1;
    }
    FormulaCard > .formula--formula {
        text-style: bold;
        color: $text;
        padding-bottom: 1;
    }
    FormulaCard > .formula--words { color: $text; }
    FormulaCard > .formula--symbols { color: $text-muted; margin-top: 1; }
    FormulaCard > .formula--live {
        display: none;
        margin-top: 1;
        text-style: bold;
        color: $accent;
    }
    FormulaCard > .formula--live.-shown { display: block; }
    """

    def __init__(
        self,
        title: str,
        formula: str,
        in_words: str = "",
        symbols: Sequence[tuple[str, str]] = (),
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.border_title = title
        self.formula = formula
        self.in_words = in_words
        self.symbols = list(symbols)
        self.live_text = ""

    def compose(self) -> ComposeResult:
        yield Static(self.formula, classes="formula--formula", markup=False)
        if self.in_words:
            yield Static(Text.assemble(("In words: ", "italic"), self.in_words),
                         classes="formula--words")
        if self.symbols:
            yield Static(self._symbol_table(), classes="formula--symbols")
        yield Static("", classes="formula--live", markup=False)

    def _symbol_table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="bold")
        table.add_column()
        for symbol, meaning in self.symbols:
            table.add_row(symbol, meaning)
        return table

    def set_live(self, text: str | None) -> None:
        """Show (or, with None/"", hide) the live line, e.g. ``σ(0.8) = 0.69``."""
        self.live_text = text or ""
        live = self.query_one(".formula--live", Static)
        live.update(f"▸ {self.live_text}" if self.live_text else "")
        live.set_class(bool(self.live_text), "-shown")
