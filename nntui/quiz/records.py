"""What happens in the store when a question is answered and when a quiz ends."""

from __future__ import annotations

from datetime import datetime

from nntui.quiz import review
from nntui.quiz.session import Outcome, QuizSession


def seen_before(store, question_id: str) -> bool:
    """Has this learner answered the question before (so this is not their first try)?"""
    return bool(store.answers(question_id=question_id))


def record_outcome(store, section_id: str, outcome: Outcome,
                   now: datetime | None = None) -> None:
    """Keep the answer verbatim and reschedule the question's review card."""
    store.record_answer(section_id, outcome.question.id, outcome.correct, outcome.response,
                        outcome.seconds, outcome.first_try, now=now)
    review.review(store, outcome.question, outcome.correct, outcome.seconds, now)


def attempt_details(session: QuizSession) -> dict:
    """What a quiz attempt keeps beside its score: the questions asked and the pass mark."""
    return {
        "questions": [q.id for q in session.questions],
        "right": [o.question.id for o in session.outcomes if o.correct],
        "pass_mark": session.pass_mark,
    }
