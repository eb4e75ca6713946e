"""A short history: a timeline moved with ←/→, its two winters and what ended them."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui.engine.activations import max_slope
from nntui.widgets.keys import axis_keys
from nntui.games.l1.history_model import Timeline
from nntui.widgets.section import LessonView

MOOD = {"spring": "▲ progress", "setback": "▼ setback", "winter": "❄ winter"}


def axis_text(line: Timeline) -> Text:
    """One row of event marks (■ visited, □ not yet, ◆ here) with the years beneath."""
    marks, years = Text(no_wrap=True), Text(no_wrap=True)
    for i, event in enumerate(line.events):
        cell = max(len(event.year), 3) + 2
        mark = "◆" if i == line.index else "■" if i in line.visited else "□"
        sign = "❄" if event.mood == "winter" else " "
        style = "bold reverse" if i == line.index else ""
        marks.append(f"{mark}{sign}".center(cell, "─"), style)
        years.append(event.year.center(cell), "bold" if i == line.index else "")
    marks.append("▶")
    return Text("\n").join([marks, years])


def card_text(line: Timeline) -> Text:
    e = line.current
    text = Text()
    text.append(f"{e.year} · {e.title}", "bold")
    text.append(f"   {MOOD[e.mood]}   ({line.index + 1}/{len(line.events)})\n")
    text.append(e.text)
    return text


class HistoryView(LessonView):
    HELP = ("←/→ (or h/l) walk along the timeline, home/end jump to its ends. ❄ marks the "
            "winters. Page up/down scroll the text while the timeline stays in view. The "
            "section counts as read once you have visited every event.")
    BINDINGS = [
        *axis_keys("x", "move({})", "earlier / later"),
        Binding("home", "jump(0)", "first", show=False),
        Binding("end", "jump(-1)", "last", show=False),
    ]

    COMPLETE_ON_OPEN = False  # complete once every event has been visited

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.timeline = Timeline()

    def compose(self):
        # The timeline and its card stay put; only the text below them scrolls.
        yield Static(id="hi-axis")
        yield Static(id="hi-card")
        yield self.reading_pane()

    def values(self) -> dict:
        return {"sigmoid_peak": max_slope("sigmoid")}

    def on_mount(self) -> None:
        self.redraw()

    def action_move(self, step: int) -> None:
        self.timeline.move(step)
        self.after_move()

    def action_jump(self, index: int) -> None:
        self.timeline.go_to(index % len(self.timeline.events))
        self.after_move()

    def after_move(self) -> None:
        if self.timeline.seen_all:
            self.mark_complete()
        self.redraw()

    def redraw(self) -> None:
        self.query_one("#hi-axis", Static).update(axis_text(self.timeline))
        self.query_one("#hi-card", Static).update(card_text(self.timeline))
