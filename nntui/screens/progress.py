"""Progress: completion per level, scores, quiz history, streak and mastery per concept."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from nntui import sections
from nntui.quiz import report
from nntui.quiz.mastery import LEVELS as MASTERY_LEVELS
from nntui.quiz.mastery import WINDOW
from nntui.quiz.review import due_count
from nntui.screens.home import progress_bar
from nntui.widgets.footer import Footer

#: One mark per mastery level, so the table reads without colour.
MASTERY_MARKS = {"attempted": "◔", "familiar": "◑", "proficient": "◕", "mastered": "●"}


def _practice_link(concept: str) -> str:
    """"→ section" for the first built section that teaches the concept; nothing if none is."""
    where = report.sections_for(concept)
    return f"→ {where[0]}" if where else ""


class ProgressScreen(Screen):
    DEFAULT_CSS = """
    ProgressScreen VerticalScroll { height: 1fr; padding: 0 2; }
    ProgressScreen .heading { text-style: bold; margin: 1 0 0 0; }
    /* 9 plot rows: the ticks 0, 25, 50, 75, 100 fall on every second row, evenly spaced */
    ProgressScreen #history { height: 13; }
    """
    BINDINGS = [
        Binding("escape", "back", "Home"),
        Binding("down,j", "scroll(1)", "scroll", key_display="↑↓"),
        Binding("up,k", "scroll(-1)", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="progress-body"):
            yield Static(id="overview")
            yield Static("Best scores", classes="heading")
            yield Static(id="scores")
            yield Static("Quiz scores over time (% right, each quiz's attempts oldest first)",
                         classes="heading")
            yield Static(id="history-empty")
            from nntui.widgets.chart import Chart

            yield Chart(id="history")
            yield Static(id="history-legend")
            yield Static("Mastery per concept", classes="heading")
            yield Static(id="mastery")
            yield Static("[dim]For a teacher: nntui export --format csv (or xapi) · "
                         "nntui stats[/dim]", classes="heading")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "nntui"
        self.sub_title = "Progress"
        self.refresh_progress()
        self.query_one("#progress-body").focus()

    def refresh_progress(self) -> None:
        store = self.app.store
        streak = store.streak()
        due = due_count(store)
        levels = "\n".join(f"{row.name:<13} {progress_bar(row.done, row.total)} "
                           f"{row.done:>2}/{row.total}" for row in report.level_rows(store))
        self.query_one("#overview", Static).update(
            f"Learner [b]{escape(store.learner)}[/b] · streak {streak} "
            f"day{'s' if streak != 1 else ''} · {due} review{'s' if due != 1 else ''} due\n\n"
            + levels)

        rows = report.score_rows(store)
        self.query_one("#scores", Static).update("\n".join(
            f"{'✓' if r.won else '·'} {r.title[:34]:<34} best {r.best:<7} "
            f"{r.attempts} attempt{'s' if r.attempts != 1 else ''}" for r in rows)
            or "No games or quizzes tried yet.")

        history = {sections.get(section_id).title: series
                   for section_id, series in report.quiz_history(store).items()}
        chart = self.query_one("#history")
        legend = self.query_one("#history-legend", Static)
        chart.display = legend.display = bool(history)
        self.query_one("#history-empty", Static).display = not history
        self.query_one("#history-empty", Static).update("No quiz taken yet.")
        if history:
            last = max(len(xs) for xs, _ in history.values())
            # A quiz taken once is a lone marker: a line of one point draws just that.
            chart.plot_series(history, xlabel="attempt", ylim=(0, 100),
                              xlim=(0.5, last + 0.5), legend=False)
            # Whole attempts and round percentages (Chart has no tick options: set them on
            # its plotext figure, which keeps them until the next plot_series).
            step = max(1, last // 8)
            chart.plt.xticks(list(range(1, last + 1, step)))
            chart.plt.yticks([0, 25, 50, 75, 100])
            # The legend sits under the plot, where it cannot hide the first attempts.
            legend.update("   ".join(f"{chart.markers[title]} {escape(title)}"
                                     for title in history))

        levels_by_concept = report.concept_mastery(store)
        lines = [(f"{MASTERY_MARKS[m.level]} {m.concept:<23} {m.level:<10} "
                  f"{m.right}/{m.answered} right  {_practice_link(m.concept)}").rstrip()
                 for m in sorted(levels_by_concept.values(), key=lambda m: (m.rank, m.concept))]
        legend = ("  ".join(f"{MASTERY_MARKS[name]} {name}" for name in MASTERY_LEVELS[1:])
                  + f"  (last {WINDOW} answers)")
        self.query_one("#mastery", Static).update(
            (legend + "\n" + "\n".join(lines)) if lines
            else "Answer some quiz questions to see your mastery here.")

    def action_scroll(self, step: int) -> None:
        body = self.query_one("#progress-body", VerticalScroll)
        body.scroll_relative(y=step * 3, animate=False)

    def action_back(self) -> None:
        self.app.pop_screen()
