"""The "you won / not yet" modal shown at the end of a game or quiz."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

__all__ = ["ResultModal"]


class ResultModal(ModalScreen[None]):
    """``app.push_screen(ResultModal("Tune the neuron", "4/4 rows right", won=True))``."""

    BINDINGS = [
        Binding("enter", "close", "continue", show=True),
        Binding("escape", "close", "close", show=True),
        Binding("space", "close", "continue", show=False),
    ]

    DEFAULT_CSS = """
    ResultModal {
        align: center middle;
    }
    ResultModal > #result-box {
        width: 50;
        max-width: 90%;
        height: auto;
        border: thick $success;
        background: $surface;
        padding: 1 2;
    }
    ResultModal.-lost > #result-box { border: thick $warning; }
    ResultModal #result-title { text-style: bold; width: 1fr; content-align: center middle; }
    ResultModal #result-message { width: 1fr; content-align: center middle; margin: 1 0; }
    ResultModal #result-hint { color: $text-muted; width: 1fr; content-align: center middle; }
    """

    def __init__(self, title: str, message: str, won: bool, *, name: str | None = None) -> None:
        super().__init__(name=name, classes="-won" if won else "-lost")
        self.title_text = title
        self.message = message
        self.won = won

    def compose(self) -> ComposeResult:
        verdict = "★ Won" if self.won else "✗ Not yet"
        with Vertical(id="result-box"):
            yield Static(f"{verdict} — {self.title_text}", id="result-title", markup=False)
            yield Static(self.message, id="result-message", markup=False)
            yield Static("enter / space continue · escape close", id="result-hint")

    def action_close(self) -> None:
        self.dismiss(None)
