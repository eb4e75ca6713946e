"""The quiz sections: checkpoints, the boss quiz and "lock it in", built on the quiz card.

A quiz section subclasses ``QuizView`` and says which questions it asks::

    from nntui.quiz import bank
    from nntui.games.quizzes import QuizView

    class MatchShape(QuizView):
        def questions(self):
            return bank.of_kind("curve")

``QuizView`` shuffles them per attempt (``QuizView.seed`` makes the order repeatable in
tests), shows them in a ``QuizCard``, stores every answer (``store.record_answer``) and
reschedules its spaced-review card as it is given, and records the run as an attempt
(``record_attempt(score, len(questions), won)``, won at ``PASS_MARK``) when the last question
is done. A passed run completes the section; ``store.best(section)`` keeps the best.
Override ``quiz_finished(session)`` to react to the end (call ``super()`` to keep recording).
"""

from __future__ import annotations

import time
from typing import ClassVar

from rich.markup import escape
from textual.app import ComposeResult
from textual.widgets import Input, Static

from nntui.quiz.bank import Question
from nntui.quiz.records import attempt_details, record_outcome, seen_before
from nntui.quiz.session import (PASS_MARK, QuizSession, shuffled,
                                with_shuffled_options)
from nntui.widgets.quiz_card import FreeTextInput, QuizCard
from nntui.widgets.section import SectionView


class QuizView(SectionView):
    """A quiz section: subclasses return their questions from ``questions()``."""

    #: Repeatable question order (tests); None draws a new order from the OS every attempt.
    seed: ClassVar[int | None] = None
    pass_mark: ClassVar[float] = PASS_MARK

    HELP = ("Choose an option with **1–4**, **a–d** or **↑/↓**, then press **enter** to answer: "
            "enter alone never answers for you. Numbers and orders are typed, then **enter**. "
            "After the explanation, **enter** goes on; at the end **r** takes the quiz again "
            "in a new order. Every answer is kept and comes back later "
            f"for review. You pass with at least {100 * PASS_MARK:.0f} % right, rounded up to "
            "whole answers: the top line says how many that is for this quiz.")

    def questions(self) -> list[Question]:
        raise NotImplementedError

    def new_session(self) -> QuizSession:
        store = self.store
        seen = (lambda qid: seen_before(store, qid)) if store is not None else (lambda qid: False)
        questions = with_shuffled_options(shuffled(self.questions(), self.seed), self.seed)
        return QuizSession(questions, self.pass_mark, seen=seen)

    def nothing_to_ask(self) -> str:
        """What the section says when none of its questions may be asked yet."""
        return "There is nothing to ask here yet: the sections this quiz covers are not built."

    def compose(self) -> ComposeResult:
        if self.questions():
            yield QuizCard(self.new_session, seed=self.seed, id="quiz-card")
        else:
            yield Static(self.nothing_to_ask(), id="quiz-none")

    def on_quiz_card_answered(self, event: QuizCard.Answered) -> None:
        if self.store is not None:
            record_outcome(self.store, self.section.id, event.outcome)

    def on_quiz_card_finished(self, event: QuizCard.Finished) -> None:
        self.quiz_finished(event.session)

    def quiz_finished(self, session: QuizSession) -> None:
        self.record_attempt(session.score, session.max_score, session.won,
                            attempt_details(session))


class CheckpointView(QuizView):
    """End-of-level quiz: ``COUNT`` questions drawn from the section's level, only on built
    sections; passing completes the section."""

    COUNT: ClassVar[int] = 10

    def questions(self) -> list[Question]:
        from nntui.quiz import bank

        level = [q for q in bank.taught() if q.level == self.section.level]
        return shuffled(level, self.seed)[:self.COUNT]

    def nothing_to_ask(self) -> str:
        from nntui import sections

        level = sections.LEVEL_BY_ID[self.section.level]
        number = sections.LEVELS.index(level) + 1
        return (f"Level {number} · {level.name}: its sections are not built yet, so this "
                "checkpoint has nothing fair to ask. It opens once they are; until then, the "
                "checkpoints of the built levels and your review (r on the home screen) "
                "keep you practising.")


class BossView(QuizView):
    """The boss quiz: fifteen questions from every level, drawn towards weak concepts."""

    HELP = QuizView.HELP + (" The questions lean on the concepts you have got wrong most "
                            "recently; your best score is kept.")

    def questions(self) -> list[Question]:
        from nntui.quiz import bank
        from nntui.quiz.mastery import mastery
        from nntui.quiz.selection import boss_questions

        levels = mastery(self.store.answers(), bank.bank()) if self.store is not None else {}
        return boss_questions({q.id: q for q in bank.taught()}, levels, self.seed)

    def quiz_finished(self, session: QuizSession) -> None:
        super().quiz_finished(session)
        best = self.store.best(self.section.id) if self.store is not None else None
        if best is not None:
            card = self.query_one(QuizCard)
            card.query_one("#quiz-feedback", Static).update(
                f"Best so far: {best.score:g}/{best.max_score:g}.   [dim]r: take it again[/dim]")


class LockItInView(SectionView):
    """Lock it in: answer each prompt in your own words; see which key ideas it touched."""

    HELP = ("Type an answer in your own words and press **enter**. The list underneath shows "
            "which key ideas your answer touched (✓) and which it did not (·): a self-check, "
            "not a grade. Every answer is saved exactly as you typed it. **enter** on an empty "
            "box goes to the next prompt. While you type, `?` is just a character: "
            "**f1** opens this help.")

    DEFAULT_CSS = """
    LockItInView #say-prompt { text-style: bold; margin: 1 0 0 0; }
    LockItInView #say-input { margin: 1 0 0 0; }
    LockItInView #say-ideas { margin: 1 0 0 0; }
    """

    def __init__(self, section, **kwargs) -> None:
        from nntui.quiz.say_it_back import taught_prompts

        super().__init__(section, **kwargs)
        self.prompts = taught_prompts()  # only topics the learner can have met
        self.index = 0
        self.answers: dict[str, str] = {}
        self._shown_at = 0.0

    def compose(self) -> ComposeResult:
        yield Static(id="say-status")
        yield Static(id="say-prompt")
        yield FreeTextInput(placeholder="your answer, then enter", id="say-input")
        yield Static(id="say-ideas")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        self._shown_at = time.monotonic()
        box = self.query_one("#say-input", Input)
        if self.index >= len(self.prompts):
            touched, total = self.ideas_touched()
            self.query_one("#say-status", Static).update(
                f"All {len(self.prompts)} prompts answered · key ideas touched: "
                f"{touched}/{total}")
            self.query_one("#say-prompt", Static).update("Your answers are saved.")
            box.display = False
            self.query_one("#say-ideas", Static).update("\n\n".join(
                f"[b]{escape(p.prompt)}[/b]\n{sum(p.touched(self.answers[p.id]))}/"
                f"{len(p.ideas)} key ideas: {escape(self.answers[p.id])}"
                for p in self.prompts))
            return
        prompt = self.prompts[self.index]
        self.query_one("#say-status", Static).update(
            f"Prompt {self.index + 1}/{len(self.prompts)}")
        self.query_one("#say-prompt", Static).update(escape(prompt.prompt))
        box.value = ""
        box.focus()
        self.query_one("#say-ideas", Static).update(
            "[dim]Key ideas appear here once you answer.[/dim]")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        prompt = self.prompts[self.index]
        text = event.value
        if not text.strip():
            if prompt.id in self.answers:  # answered already: move on
                self.index += 1
                if self.index == len(self.prompts):
                    self._finish()
                self._show()
            return
        self.answers[prompt.id] = text
        if self.store is not None:
            self.store.record_answer(self.section.id, prompt.id, prompt.is_enough(text), text,
                                     time.monotonic() - self._shown_at,
                                     not seen_before(self.store, prompt.id))
        touched = prompt.touched(text)
        lines = [f"{'✓' if hit else '·'} {escape(idea.label)}"
                 for idea, hit in zip(prompt.ideas, touched)]
        self.query_one("#say-ideas", Static).update(
            f"You wrote: {escape(text)}\n\nKey ideas touched: {sum(touched)}/{len(touched)}\n"
            + "\n".join(lines)
            + "\n[dim]type again to improve it · enter on the empty box: next prompt[/dim]")
        event.input.value = ""

    def ideas_touched(self) -> tuple[int, int]:
        """Key ideas the latest answers touched, out of all the prompts' key ideas."""
        touched = sum(sum(p.touched(self.answers[p.id])) for p in self.prompts)
        return touched, sum(len(p.ideas) for p in self.prompts)

    def _finish(self) -> None:
        touched, total = self.ideas_touched()
        self.record_attempt(touched, total, True,
                            {"prompts": [p.id for p in self.prompts]})
