"""Review: the quiz questions whose spaced-review card is due, one after another.

Answers here are stored under the section id ``review`` and reschedule each card, so a question
answered wrong comes back within minutes and one answered right drifts further out.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from nntui.quiz import review
from nntui.quiz.records import record_outcome, seen_before
from nntui.quiz.session import QuizSession, with_shuffled_options
from nntui.widgets.footer import Footer
from nntui.widgets.quiz_card import QuizCard

SECTION_ID = "review"
MAX_PER_SESSION = 20


class ReviewScreen(Screen):
    DEFAULT_CSS = """
    ReviewScreen #review-empty { padding: 1 2; }
    ReviewScreen VerticalScroll { height: 1fr; }
    """
    BINDINGS = [Binding("escape", "back", "Home")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            if self._due():
                yield QuizCard(self._new_session, show_pass=False, id="review-card")
            else:
                yield Static("Nothing is due for review right now.\n\nEvery question you "
                             "answer in a quiz comes back here when it is due: soon if you "
                             "got it wrong, later and later as you keep getting it right.",
                             id="review-empty")
        yield Footer()

    def _due(self) -> list:
        return review.due_questions(self.app.store)[:MAX_PER_SESSION]

    def _new_session(self) -> QuizSession:
        store = self.app.store
        return QuizSession(with_shuffled_options(self._due()),
                           seen=lambda qid: seen_before(store, qid))

    def on_mount(self) -> None:
        self.title = "nntui"
        self.sub_title = "Review"
        for card in self.query(QuizCard):
            card.focus()

    def on_quiz_card_answered(self, event: QuizCard.Answered) -> None:
        record_outcome(self.app.store, SECTION_ID, event.outcome)

    def on_quiz_card_finished(self, event: QuizCard.Finished) -> None:
        # Another round only serves what is due now, e.g. the ones just missed, once their
        # short relearning step is over.
        due = len(self._due())
        card = event.card
        card.retakes = due > 0
        card.query_one("#quiz-feedback", Static).update(
            f"[dim]r: review the {due} question{'s' if due != 1 else ''} due now[/dim]" if due
            else "Nothing else is due right now: missed questions come back in a few minutes,"
                 " the rest in days. [dim]esc: home[/dim]")
        card.refresh_bindings()

    def action_back(self) -> None:
        self.app.pop_screen()
