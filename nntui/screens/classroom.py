"""The teacher's view in the terminal (``nntui class --tui``): the class report in four tables.

Read-only: each refresh (``r``) takes a new snapshot through ``load`` and shows it; nothing is
ever written to the progress file or the learning record store.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane

from nntui import classroom
from nntui.classroom import ClassReport
from nntui.widgets.footer import Footer

HELP = ("Tabs: 1 learners · 2 quiz bests · 3 mastery per concept (· not started, ◔ attempted, "
        "◑ familiar, ◕ proficient, ● mastered) · 4 the questions the class gets wrong most. "
        "↑↓←→ move in a table, r reads the class again, ctrl+q quits. Nothing is changed.")
TABS = ("learners", "quizzes", "concepts", "hardest")


class ClassScreen(Screen):
    DEFAULT_CSS = """
    ClassScreen #class-body { height: 1fr; }
    ClassScreen #summary { height: 1; padding: 0 1; color: $text-muted; }
    ClassScreen TabbedContent { height: 1fr; }
    ClassScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        *[Binding(str(n), f"tab('{tab}')", tab.capitalize(), show=False)
          for n, tab in enumerate(TABS, start=1)],
        Binding("r", "reload", "Read again"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self, load: Callable[[], ClassReport]) -> None:
        super().__init__()
        self.load = load

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="class-body"):
            yield Static(id="summary")
            yield from self._tabs()
        yield Footer()

    def _tabs(self) -> ComposeResult:
        with TabbedContent(initial="learners"):
            with TabPane("1 Learners", id="learners"):
                yield DataTable(id="learners-table", zebra_stripes=True)
            with TabPane("2 Quizzes", id="quizzes"):
                yield DataTable(id="quizzes-table", zebra_stripes=True)
            with TabPane("3 Concepts", id="concepts"):
                yield DataTable(id="concepts-table", zebra_stripes=True)
            with TabPane("4 Hardest", id="hardest"):
                yield DataTable(id="hardest-table", zebra_stripes=True)

    def on_mount(self) -> None:
        self.title = "nntui"
        self.sub_title = "Class"
        self.action_reload()

    def action_reload(self) -> None:
        from nntui.store import StoreError

        try:
            report = self.load()
        except StoreError as error:  # e.g. the record store went away since the last read
            self.notify(str(error), title="Cannot read the class", severity="error",
                        markup=False)
            return
        self.show(report)

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.query_one(f"#{tab}-table", DataTable).focus()

    def action_help(self) -> None:
        self.notify(HELP, title="Class view", timeout=20)

    def show(self, report: ClassReport) -> None:
        count = len(report.learners)
        self.query_one("#summary", Static).update(
            f"{count} learner{'' if count == 1 else 's'} · {report.source} · read at "
            f"{classroom.when_text(report.taken)}")
        learners = [r.name for r in report.learners]
        self._fill("learners", ["learner", "sections", "answers right",
                                "concepts " + classroom.mastery_text_legend(), "last active"],
                   [[r.name, f"{r.done}/{report.total_sections}", classroom.right_text(r),
                     classroom.mastery_text(r), classroom.when_text(r.last_active)]
                    for r in report.learners])
        self._fill("quizzes", ["learner", *(q.id for q in report.quizzes)],
                   [[r.name, *(classroom.percent(r.quiz_best[q.id]) if q.id in r.quiz_best
                               else "–" for q in report.quizzes)] for r in report.learners])
        marks = classroom.MASTERY_MARKS
        self._fill("concepts", ["concept", *learners],
                   [[c, *(marks[r.mastery.get(c, "not started")] for r in report.learners)]
                    for c in report.concepts])
        self._fill("hardest", ["question", "learners wrong", "answers wrong", "prompt"],
                   [[q.question_id, f"{q.learners_wrong}/{q.learners}", f"{q.wrong}/{q.answers}",
                     q.prompt] for q in report.hardest])

    def _fill(self, tab: str, header: list[str], rows: list[list[str]]) -> None:
        table = self.query_one(f"#{tab}-table", DataTable)
        table.clear(columns=True)
        table.add_columns(*header)
        table.add_rows(rows)


class ClassApp(App):
    """A small app around the class screen: no learner, no progress store of its own."""

    TITLE = "nntui"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(self, load: Callable[[], ClassReport], theme: str | None = None) -> None:
        super().__init__()
        self.load = load
        if theme:
            self.theme = theme

    def on_mount(self) -> None:
        self.push_screen(ClassScreen(self.load))
