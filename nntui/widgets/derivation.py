"""A derivation the learner steps through line by line, and the lesson base that drives it.

``Derivation`` shows the lines revealed so far (the newest ``window`` of them), the current one
marked ``▶`` and bold, and "step k/n" in its border. Its lines may be replaced at any time (a
live control changed a number in them); the current step is kept.

``DerivationLesson`` is a ``LessonView`` with the keys: ``s``/``enter`` reveal the next line and
``b`` goes back one. ``b`` is also the level screen's "previous section" key: while the derivation
is at its first line the lesson disables its own ``b``, so the key falls through to the screen
(Textual tries the next binding in the chain when ``check_action`` says no). Reaching the last
line completes the lesson.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from nntui.widgets.section import LessonView

__all__ = ["Derivation", "DerivationLesson", "DERIVATION_HELP", "LINE_WIDTH"]

DERIVATION_HELP = (
    "s or enter shows the next line of the derivation, b steps back one line (on the first "
    "line b goes to the previous section, as everywhere)."
)


#: Characters a line may have and still fit on one row at 80 columns (border, padding, marker).
LINE_WIDTH = 72


class Derivation(Static):
    """Lines of a derivation, revealed one step at a time (each at most LINE_WIDTH long)."""

    DEFAULT_CSS = """
    Derivation { height: auto; border: round $primary; padding: 0 1; }
    """

    class Stepped(Message):
        """The current step changed."""

        def __init__(self, derivation: Derivation, step: int) -> None:
            super().__init__()
            self.derivation = derivation
            self.step = step

    def __init__(self, lines: Sequence[str], window: int = 3, title: str = "derivation",
                 **kwargs) -> None:
        super().__init__(**kwargs)
        if not lines:
            raise ValueError("a derivation needs at least one line")
        self.lines = list(lines)
        self.window = window
        self.title = title
        self.step = 0

    # --- state ---------------------------------------------------------------------------

    @property
    def at_start(self) -> bool:
        return self.step == 0

    @property
    def at_end(self) -> bool:
        return self.step == len(self.lines) - 1

    @property
    def current(self) -> str:
        return self.lines[self.step]

    def set_lines(self, lines: Sequence[str]) -> None:
        """New text (live numbers changed); the step stays, clamped to the new length."""
        if not lines:
            raise ValueError("a derivation needs at least one line")
        self.lines = list(lines)
        self.step = min(self.step, len(self.lines) - 1)
        self._show()

    def go_to(self, step: int) -> None:
        step = min(max(step, 0), len(self.lines) - 1)
        if step != self.step:
            self.step = step
            self._show()
            self.post_message(self.Stepped(self, step))

    def forward(self) -> None:
        self.go_to(self.step + 1)

    def back(self) -> None:
        self.go_to(self.step - 1)

    # --- drawing -------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._show()

    def visible(self) -> list[tuple[int, str]]:
        """(index, line) of the lines on show: the newest ``window`` revealed ones."""
        first = max(0, self.step + 1 - self.window)
        return list(enumerate(self.lines))[first:self.step + 1]

    def text(self) -> Text:
        text = Text(no_wrap=False, end="")
        for shown, (index, line) in enumerate(self.visible()):
            if shown:
                text.append("\n")
            current = index == self.step
            text.append("▶ " if current else "  ", "bold" if current else "dim")
            text.append(line, "bold" if current else "")
        return text

    def _show(self) -> None:
        if not self.is_mounted:
            return  # on_mount shows it
        self.border_title = f"{self.title} · step {self.step + 1}/{len(self.lines)}"
        self.border_subtitle = "end" if self.at_end else "s next"
        self.update(self.text())


class DerivationLesson(LessonView):
    """A lesson built around one ``Derivation`` (query id ``#derivation``)."""

    COMPLETE_ON_OPEN = False
    BINDINGS = [
        Binding("s", "derivation_next", "next"),
        Binding("enter", "derivation_next", "next", show=False),
        Binding("b", "derivation_back", "back"),
    ]

    @property
    def derivation(self) -> Derivation:
        return self.query_one("#derivation", Derivation)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("derivation_next", "derivation_back"):
            if not self.is_mounted or not self.query("#derivation"):
                return False
            d = self.derivation
            # False (not None): the key then falls through to the level screen's own binding.
            return not (d.at_end if action == "derivation_next" else d.at_start)
        return super().check_action(action, parameters)

    def action_derivation_next(self) -> None:
        self.derivation.forward()

    def action_derivation_back(self) -> None:
        self.derivation.back()

    def on_derivation_stepped(self, event: Derivation.Stepped) -> None:
        self.refresh_bindings()
        if event.derivation.at_end:
            self.mark_complete()
        self.derivation_stepped(event.step)

    def derivation_stepped(self, step: int) -> None:
        """Hook: the learner moved to ``step`` (a picture may follow the derivation)."""
