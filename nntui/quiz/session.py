"""One run through a quiz: the order of its questions, the answers given, the score.

Scoring: one point per question answered right; each question gets one answer, and its
explanation follows at once. An outcome's ``first_try`` says whether the learner had never
answered that question before (in any run). A run is *passed* at ``PASS_MARK`` (70 %) of the questions or more:
a passed checkpoint completes its section, and the boss quiz keeps its best run.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from nntui.quiz.bank import Question

PASS_MARK = 0.7


@dataclass(frozen=True)
class Outcome:
    """One answer, as the store keeps it."""

    question: Question
    correct: bool
    response: str
    seconds: float
    first_try: bool


def shuffled(questions: Sequence[Question], seed: int | None = None) -> list[Question]:
    """A new order for every attempt; a seed (tests) makes it repeatable."""
    order = list(questions)
    random.Random(seed).shuffle(order)
    return order


def with_shuffled_options(questions: Sequence[Question],
                          seed: int | None = None) -> list[Question]:
    """The same questions with their options in a fresh order, so the right answer is not
    always in the same place. Grading is by the option's text, so nothing else changes."""
    rng = random.Random(seed)
    out = []
    for q in questions:
        if q.kind in ("choice", "curve"):
            order = list(range(len(q.options)))
            rng.shuffle(order)
            q = replace(q, options=tuple(q.options[i] for i in order),
                        answer=order.index(q.answer))
        out.append(q)
    return out


class QuizSession:
    """Questions asked one at a time; ``answer`` grades the current one, ``advance`` moves on."""

    def __init__(self, questions: Sequence[Question], pass_mark: float = PASS_MARK,
                 clock: Callable[[], float] = time.monotonic,
                 seen: Callable[[str], bool] = lambda question_id: False) -> None:
        """``seen(question_id)`` tells whether the learner met the question in an earlier run,
        so an answer can be marked as their first try or not."""
        if not questions:
            raise ValueError("a quiz needs at least one question")
        self.questions = list(questions)
        self.pass_mark = pass_mark
        self._clock = clock
        self._seen = seen
        self.index = 0
        self.outcomes: list[Outcome] = []
        self._shown_at = clock()

    @property
    def current(self) -> Question | None:
        return self.questions[self.index] if self.index < len(self.questions) else None

    @property
    def answered(self) -> bool:
        """The current question has been answered (its explanation is showing)."""
        return len(self.outcomes) > self.index

    @property
    def finished(self) -> bool:
        return self.index >= len(self.questions)

    @property
    def score(self) -> int:
        return sum(o.correct for o in self.outcomes)

    @property
    def max_score(self) -> int:
        return len(self.questions)

    @property
    def won(self) -> bool:
        return self.finished and self.score >= self.pass_mark * self.max_score

    @property
    def pass_score(self) -> int:
        """How many right answers pass, e.g. 6 of 8 at 70 %."""
        needed = self.pass_mark * self.max_score
        return int(needed) if needed == int(needed) else int(needed) + 1

    def answer(self, response: str) -> Outcome:
        """Grade ``response`` to the current question (once; later calls return the first).
        A response that cannot be graded (see ``Question.response_problem``) raises ValueError
        and leaves the question open."""
        if self.finished:
            raise RuntimeError("the quiz is over")
        if self.answered:
            return self.outcomes[self.index]
        question = self.questions[self.index]
        problem = question.response_problem(response)
        if problem:  # "abc" for a number is not an answer and must not use the question up
            raise ValueError(problem)
        seconds = max(0.0, self._clock() - self._shown_at)
        outcome = Outcome(question, question.is_correct(response), response, seconds,
                          not self._seen(question.id))
        self.outcomes.append(outcome)
        return outcome

    def advance(self) -> None:
        """Go to the next question (only after the current one is answered)."""
        if not self.answered:
            raise RuntimeError("answer the question first")
        self.index += 1
        self._shown_at = self._clock()
