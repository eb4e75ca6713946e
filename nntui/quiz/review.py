"""Spaced review with FSRS: every answered question becomes a card that comes back when due.

Ratings: a wrong answer is *Again*, a right one *Good*, and a right one that took longer than
``slow_after`` seconds *Hard* (known, but not yet fluent). Cards live in the store as
``fsrs.Card`` JSON with their due time beside them, so "how many are due" is one query.

``due_questions`` is the one answer to "what is due": home counts it (``due_count``) and the
review screen serves it, so the two can never disagree at the same moment.
"""

from __future__ import annotations

from datetime import datetime, timezone

from fsrs import Card, Rating, Scheduler

from nntui.quiz import bank as question_bank
from nntui.quiz.bank import Question

#: Seconds after which a right answer counts as slow; typing a number or an order takes longer.
SLOW_AFTER = {"choice": 25.0, "curve": 25.0, "numeric": 60.0, "order": 60.0}

# No fuzzing: the same answers give the same schedule, which learners and tests can rely on.
_SCHEDULER = Scheduler(enable_fuzzing=False)


def rating(question: Question, correct: bool, seconds: float) -> Rating:
    if not correct:
        return Rating.Again
    return Rating.Hard if seconds > SLOW_AFTER[question.kind] else Rating.Good


def review(store, question: Question, correct: bool, seconds: float,
           now: datetime | None = None) -> datetime:
    """Update (or create) the question's card after an answer; returns when it is due next."""
    now = now or datetime.now(timezone.utc)
    stored = store.load_cards().get(question.id)
    card = Card.from_json(stored) if stored else Card(due=now)
    card, _log = _SCHEDULER.review_card(card, rating(question, correct, seconds), now)
    store.save_card(question.id, card.to_json(), card.due)
    return card.due


def due_questions(store, now: datetime | None = None,
                  bank: dict[str, Question] | None = None) -> list[Question]:
    """The questions due for review at ``now``, most overdue first (cards of questions no longer
    in ``bank``, the shipped bank by default, are skipped)."""
    due_ids = store.due_cards(now)
    if not due_ids:
        return []  # nothing due: no need to parse the bank (home counts this on its first frame)
    bank = question_bank.bank() if bank is None else bank
    return [bank[qid] for qid in due_ids if qid in bank]


def due_count(store, now: datetime | None = None) -> int:
    """How many questions the review screen would serve at ``now``."""
    return len(due_questions(store, now))
