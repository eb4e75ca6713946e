"""Home: the course map with completion per level, reviews due, streak, and where to continue."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from nntui import sections
from nntui.widgets.footer import Footer
from nntui.widgets.option_menu import OptionMenu

#: Seconds between refreshes of the reviews-due count.
DUE_REFRESH_SECONDS = 30


def progress_bar(done: int, total: int, width: int = 10) -> str:
    """A bar that reads without colour: ■ for done, · for to do."""
    filled = round(width * done / total) if total else 0
    return "■" * filled + "·" * (width - filled)


def level_progress(completed: set[str], level_id: str) -> tuple[int, int]:
    """(completed, total) sections in a level."""
    ids = [s.id for s in sections.in_level(level_id)]
    return sum(i in completed for i in ids), len(ids)


def continue_target(completed: set[str], last: str | None) -> sections.Section | None:
    """Where "Continue" goes: the last section visited if it is unfinished, else the next
    unfinished built section after it in course order (into the next level once a level is
    done), else the first unfinished one anywhere; None once everything built is done."""
    course = list(sections.SECTIONS)
    ids = [s.id for s in course]
    start = ids.index(last) if last in ids else 0
    for s in course[start:] + course[:start]:
        if s.ready and s.id not in completed:
            return s
    return None


class HomeScreen(Screen):
    CSS_PATH = "screens.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (72, "-wide")]
    BINDINGS = [
        Binding("enter", "open", "Open", show=True),
        Binding("c", "continue", "Continue"),
        Binding("p", "progress", "Progress"),
        Binding("r", "review", "Review"),
        *[Binding(str(n), f"level({n})", f"Level {n}", show=False) for n in range(1, 7)],
        Binding("ctrl+p", "command_palette", "Find section"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple | None = None  # what the map and status line show now

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status")
        yield OptionMenu(id="map")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "nntui"
        self.sub_title = "neural networks, in your terminal"
        self.refresh_map()
        self.query_one("#map", OptionList).focus()
        # A missed question falls due minutes later: keep the count on screen current, so `r`
        # never serves more than home said.
        self.due_interval = self.set_interval(DUE_REFRESH_SECONDS, self.refresh_due)

    def refresh_due(self) -> None:
        self.refresh_map()

    def on_screen_resume(self) -> None:
        self.refresh_map()

    def on_resize(self) -> None:
        self.refresh_map()  # rows are cut to the width, never wrapped

    def refresh_map(self) -> None:
        store = self.app.store
        completed = store.completed_sections()
        options: list[Option] = []
        last = store.last_visited()
        target = continue_target(completed, last if last in sections.SECTION_BY_ID else None)
        if target is None:
            options.append(Option(Text.assemble(("★ All done: ", "bold"), "review with r"),
                                  id="screen:review"))
        else:
            verb = "▶ Continue: " if last in sections.SECTION_BY_ID else "▶ Start: "
            options.append(Option(Text.assemble((verb, "bold"), f"{target.title}  ({target.id})"),
                                  id=f"continue:{target.id}"))
        for number, level in enumerate(sections.LEVELS, start=1):
            done, total = level_progress(completed, level.id)
            line = Text.assemble(
                (f"{number} {level.name:<13}", "bold"),
                f"{progress_bar(done, total)} {done:>2}/{total:<2}  ",
                (level.tagline, "dim"),
            )
            options.append(Option(line, id=f"level:{level.id}"))
        from nntui.quiz.review import due_count  # fsrs loads only once home is shown

        due = due_count(store)  # the same count the review screen serves
        options.append(Option(Text.assemble(("p Progress", "bold"),
                                             "      scores, mastery per concept, history"),
                              id="screen:progress"))
        options.append(Option(Text.assemble(("r Review", "bold"),
                                             f"        {due} question{'s' if due != 1 else ''}"
                                             " due for review"), id="screen:review"))
        # One line per row: at 60 columns a wrapped row would read as two entries. The room is
        # the screen less the list's margin, border (2), padding (2) and a scrollbar (2).
        margin = 2 if self.has_class("-narrow") else 4
        width = max(10, self.size.width - margin - 6)
        for option in options:
            option.prompt.truncate(width, overflow="ellipsis")
        total_done = len(completed & set(sections.SECTION_BY_ID))
        streak = store.streak()
        status = Text.assemble(
            "From one neuron to transformers. Pick a level with ↑↓ and enter, or 1–6.\n",
            (self.app.learner, "bold"),
            f" · {total_done}/{len(sections.SECTIONS)} sections done"
            f" · streak {streak} day{'s' if streak != 1 else ''}"
            f" · {due} review{'s' if due != 1 else ''} due",
        )
        # The periodic refresh usually finds nothing new: then nothing is redrawn or sent.
        shown = (tuple((o.id, o.prompt.markup) for o in options), status.markup)
        if shown == self._shown:
            return
        self._shown = shown
        option_list = self.query_one("#map", OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(options)
        option_list.highlighted = highlighted if highlighted is not None else 0
        self.query_one("#status", Static).update(status)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id)

    def _open(self, option_id: str | None) -> None:
        if not option_id:
            return
        kind, _, target = option_id.partition(":")
        if kind == "continue":
            self.app.open_section(target)
        elif kind == "level":
            self.app.open_level(target)
        elif kind == "screen":
            getattr(self, f"action_{target}")()

    def action_open(self) -> None:
        option_list = self.query_one("#map", OptionList)
        if option_list.highlighted is not None:
            self._open(option_list.get_option_at_index(option_list.highlighted).id)

    def action_continue(self) -> None:
        self._open(self.query_one("#map", OptionList).get_option_at_index(0).id)

    def action_level(self, number: int) -> None:
        self.app.open_level(sections.LEVELS[number - 1].id)

    def action_progress(self) -> None:
        from nntui.screens.progress import ProgressScreen

        self.app.push_screen(ProgressScreen())

    def action_review(self) -> None:
        from nntui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen())
