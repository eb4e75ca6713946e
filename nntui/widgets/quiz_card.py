"""The quiz card: one question at a time, instant feedback, the running score in view.

The quiz sections (``nntui.games.quizzes``) and the review screen build on it. To drive a
card yourself: ``QuizCard(make_session)`` where
``make_session()`` returns a fresh ``nntui.quiz.session.QuizSession``; listen for
``QuizCard.Answered`` (``.outcome``) and ``QuizCard.Finished`` (``.session``).

Keys: ``1``–``4``, ``a``–``d`` or ``↑``/``↓`` choose an option and ``enter`` answers with it;
a number or an order is typed into the box and sent with ``enter``; after the feedback ``enter``
goes on; ``r`` starts a new run once the quiz is over. Choosing and answering are two steps, so
no single key answers: a stray key only moves the choice, and an ``enter`` pressed once too
often (on the next question, where nothing is chosen yet) does nothing. The letters stay with
the card until the quiz is over, so a stray ``b`` (the level screen's "previous section") can
neither answer nor drop a run.
"""

from __future__ import annotations

import random
import textwrap
from collections.abc import Callable

import numpy as np
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from nntui.quiz.bank import CURVE_X_RANGE, ORDER_SEP, Question
from nntui.quiz.session import Outcome, QuizSession
from nntui.widgets.canvas import Canvas

__all__ = ["AnswerInput", "CurvePlot", "FreeTextInput", "QuizCard", "order_letters"]

LETTERS = "abcd"
ORDER_LETTERS = "ABCDEF"


def order_letters(text: str, count: int) -> list[int] | None:
    """Typed letters ("C A B", "cab", "c,a,b") → indices, or None unless each of the first
    ``count`` letters appears exactly once."""
    picked = [ORDER_LETTERS.index(ch) for ch in text.upper() if ch in ORDER_LETTERS]
    return picked if sorted(picked) == list(range(count)) else None


def _clip_to_band(x0: float, y0: float, x1: float, y1: float,
                  low: float, high: float) -> tuple[float, float, float, float] | None:
    """The part of a segment with low ≤ y ≤ high, or None. A curve that leaves the plot is cut
    at the edge rather than drawn along it."""
    if (y0 < low and y1 < low) or (y0 > high and y1 > high):
        return None

    def at(y: float) -> float:
        return x0 + (x1 - x0) * (y - y0) / (y1 - y0)

    if not low <= y0 <= high:
        edge = low if y0 < low else high
        x0, y0 = at(edge), edge
    if not low <= y1 <= high:
        edge = low if y1 < low else high
        x1, y1 = at(edge), edge
    return x0, y0, x1, y1


class CurvePlot(Canvas):
    """An unlabelled activation curve, computed by the engine, on axes every curve shares.

    Axes fitted to each curve gave the answer away (labels of ±1 meant tanh), so every curve is
    drawn over the same x range (``bank.CURVE_X_RANGE``) and y range with the same two labels,
    and only its shape differs. The plot is ``ROWS`` rows high and the y range is chosen for
    that height: rows of 0.26 with an edge at y = −0.05, so y = 0 (ReLU's flat left half) and
    GELU's shallow dip (−0.17) fall in different rows even when NO_COLOR draws one dot per
    row, and in different pixels in colour.
    """

    ROWS = 9
    Y_RANGE = (-1.09, 1.25)  # ROWS rows of 0.26; tanh's and ELU's −1 still fit
    DEFAULT_CSS = """
    CurvePlot { height: 9; width: 1fr; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.labels: list[str] = []

    def plot(self, name: str, samples: int = 241) -> None:
        from nntui.engine.activations import ACTIVATIONS

        (x_low, x_high), (y_low, y_high) = CURVE_X_RANGE, self.Y_RANGE
        xs = np.linspace(x_low, x_high, samples)
        ys = ACTIVATIONS[name].f(xs)
        self.clear()
        self.set_limits(CURVE_X_RANGE, self.Y_RANGE)
        # Axes as grey pixels under the curve; without colour, as dots the curve's • covers.
        axis_char = "·" if self.shade else None
        self.line(x_low, 0.0, x_high, 0.0, colour="#505050", char=axis_char)
        self.line(0.0, y_low, 0.0, y_high, colour="#505050", char=axis_char)
        for segment in zip(xs[:-1], ys[:-1], xs[1:], ys[1:]):
            clipped = _clip_to_band(*map(float, segment), y_low, y_high)
            if clipped is not None:
                self.line(*clipped, colour="#e8a33b")
        # The same two marks for every curve, just left of the y axis where no curve passes.
        self.labels = ["1", "−1"]
        self.text(-0.35, 1.0, "1", "#a0a0a0")
        self.text(-0.45, -1.0, "−1", "#a0a0a0")


class AnswerInput(Input):
    """The quiz answer box. Answers are numbers or letters, never "?", so "?" opens help
    here as it does everywhere else (a plain Input would type it)."""

    BINDINGS = [Binding("enter", "submit", "answer")]  # named in the Footer while typing

    async def _on_key(self, event) -> None:
        if event.character == "?":
            event.stop()
            event.prevent_default()  # not typed
            await self.run_action("app.help")


class FreeTextInput(Input):
    """The say-it-back box: "?" is typed like any character, so the Footer names f1 for help
    (the app's own f1 binding opens it)."""

    BINDINGS = [Binding("enter", "submit", "save / next"),
                Binding("f1", "app.help", "help", priority=True)]


def _pass_text(session: QuizSession) -> str:
    """The pass mark as it really is for this quiz: "6 of 8 (75 %)", not the rounded-up rule
    (70 %) that produced it."""
    share = session.pass_score / session.max_score
    return f"{session.pass_score} of {session.max_score} ({100 * share:.0f} %)"


def _missed_line(question: Question, width: int = 72) -> str:
    """A missed question in the end summary: its prompt, shortened, and the right answer
    (an order is too long to repeat here; its explanation gave it)."""
    if question.kind == "order":
        return textwrap.shorten(question.prompt, width, placeholder="…")
    answer = textwrap.shorten(question.right_answer, 28, placeholder="…")
    prompt = textwrap.shorten(question.prompt, max(20, width - len(answer) - 3),
                              placeholder="…")
    return f"{prompt} → {answer}"


class QuizCard(Vertical, can_focus=True):
    """Shows a ``QuizSession``; see the module notes."""

    DEFAULT_CSS = """
    QuizCard { height: auto; padding: 0 1; }
    QuizCard:focus-within { background: $boost; }
    QuizCard > #quiz-status { color: $text-muted; }
    QuizCard > #quiz-prompt { margin: 1 0 0 0; text-style: bold; }
    QuizCard > #quiz-options { margin: 1 0 0 0; }
    QuizCard > #quiz-input { margin: 1 0 0 0; }
    QuizCard > #quiz-feedback { margin: 1 0 0 0; }
    """

    # Short Footer entries: at 80 columns they share the line with the level screen's keys.
    BINDINGS = [
        *[Binding(str(n + 1), f"pick({n})", show=False) for n in range(4)],
        *[Binding(ch, f"letter({n})", show=False) for n, ch in enumerate(LETTERS)],
        # The Footer names one step at a time: "1-4↑↓ pick" until an option is chosen, then
        # "⏎ answer" (the arrows then go on working through the unnamed ``move_again``).
        Binding("up", "move(-1)", "pick", key_display="1-4↑↓"),
        *[Binding(key, f"move({step})", show=False) for key, step in (("down", 1), ("k", -1),
                                                                      ("j", 1))],
        *[Binding(key, f"move_again({step})", show=False)
          for key, step in (("up", -1), ("down", 1), ("k", -1), ("j", 1))],
        Binding("enter", "confirm", "answer"),
        Binding("enter", "next_question", "next"),
        Binding("r", "retake", "retake"),
    ]

    class Answered(Message):
        """A question was answered; ``outcome`` holds the grade, response and time."""

        def __init__(self, card: QuizCard, outcome: Outcome) -> None:
            super().__init__()
            self.card = card
            self.outcome = outcome

    class Finished(Message):
        """The last question is done; ``session`` has the score."""

        def __init__(self, card: QuizCard, session: QuizSession) -> None:
            super().__init__()
            self.card = card
            self.session = session

    def __init__(self, make_session: Callable[[], QuizSession], *, show_pass: bool = True,
                 seed: int | None = None, **kwargs) -> None:
        """``show_pass=False`` hides the pass mark (review sessions are not passed or failed);
        ``seed`` makes the scramble of order questions repeatable (tests)."""
        super().__init__(**kwargs)
        self._rng = random.Random(seed)
        self._make_session = make_session
        self.show_pass = show_pass
        self.session = make_session()
        self.retakes = True  # False: the quiz is over for good (``r`` does nothing)
        self.highlight: int | None = None  # the chosen option; None until the learner picks
        self._order: list[int] = []  # for order questions: file index shown as A, B, C…

    def compose(self) -> ComposeResult:
        yield Static(id="quiz-status")
        yield Static(id="quiz-prompt")
        yield CurvePlot(id="quiz-curve")
        yield Static(id="quiz-options")
        yield AnswerInput(id="quiz-input")
        yield Static(id="quiz-feedback")

    def on_mount(self) -> None:
        self._show_question()

    def on_focus(self) -> None:
        # Whoever focuses the card (the level screen does) lands in the box when typing is due.
        if self._typed() and not self.session.answered:
            self.query_one("#quiz-input", Input).focus()

    # ---- state → screen ------------------------------------------------------------------

    @property
    def question(self) -> Question | None:
        return self.session.current

    def _typed(self) -> bool:
        q = self.question
        return q is not None and q.kind in ("numeric", "order")

    def _show_question(self) -> None:
        q = self.question
        self.highlight = None
        self.query_one("#quiz-feedback", Static).update("")
        self._update_status()
        curve = self.query_one("#quiz-curve", CurvePlot)
        box = self.query_one("#quiz-input", Input)
        if q is None:
            self._show_summary()
            return
        self.query_one("#quiz-prompt", Static).update(escape(q.prompt))
        curve.display = q.kind == "curve"
        if q.kind == "curve":
            curve.plot(q.curve)
        if q.kind == "order":
            # A fresh scramble each time, never the solved order and never a plain reversal,
            # so the answer cannot be learnt as a letter pattern.
            steps = list(range(len(q.steps)))
            self._order = steps
            while self._order in (steps, steps[::-1]):
                self._order = self._rng.sample(steps, len(steps))
        box.display = self._typed()
        box.disabled = False
        box.value = ""
        box.placeholder = (("type a percentage, then enter" if q.percent
                            else "type a number (0.25, 1/4, 9.5e-7…), then enter")
                           if q.kind == "numeric"
                           else f"type the letters A–{ORDER_LETTERS[len(q.steps) - 1]} "
                           "in the right order, then enter")
        self._update_options()
        (box if self._typed() else self).focus()
        self.refresh_bindings()

    def _update_status(self) -> None:
        s = self.session
        position = min(s.index + 1, s.max_score)
        status = f"Question {position}/{s.max_score}   ·   score {s.score}/{len(s.outcomes)}"
        if self.show_pass:
            status += f"   ·   pass: {_pass_text(s)}"
        self.query_one("#quiz-status", Static).update(status)

    def _update_options(self) -> None:
        q = self.question
        options = self.query_one("#quiz-options", Static)
        options.display = q is not None and q.kind != "numeric"
        if not options.display:
            return
        if q.kind == "order":
            rows = [(f"  {ORDER_LETTERS[i]})", q.steps[step])
                    for i, step in enumerate(self._order)]
        else:
            rows = self.option_rows()
        # A grid keeps a long option's second line indented under its text.
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for key, label in rows:
            grid.add_row(key, Text(label))
        options.update(grid)

    def option_rows(self) -> list[tuple[str, str]]:
        """The options as shown: ("▶ 1 a)", label); after answering ▶ becomes ✓ / ✗."""
        q = self.question
        if q is None or q.kind not in ("choice", "curve"):
            return []
        outcome = self.session.outcomes[-1] if self.session.answered else None
        rows = []
        for i in range(len(q.options)):
            label = q.option_label(i)
            if outcome is not None:
                mark = "✓" if i == q.answer else "✗" if label == outcome.response else " "
            else:
                mark = "▶" if i == self.highlight else " "
            rows.append((f"{mark} {i + 1} {LETTERS[i]})", label))
        return rows

    def _show_feedback(self, outcome: Outcome) -> None:
        q = outcome.question
        if outcome.correct:
            head = "[b]✓ Right.[/b]"
        elif q.kind in ("choice", "curve"):  # the options above already mark ✓ and ✗
            head = (f"[b]✗ Not quite.[/b] The answer is {LETTERS[q.answer]}) "
                    f"{escape(q.right_answer)}.")
        else:
            given = escape(outcome.response) or "(nothing)"
            head = f"[b]✗ Not quite.[/b] You said {given}; the answer is {escape(q.right_answer)}."
        more = "enter: next question" if self.session.index + 1 < self.session.max_score \
            else "enter: see your score"
        self.query_one("#quiz-feedback", Static).update(
            f"{head}\n{escape(q.explanation)}\n[dim]{more}[/dim]")

    def _show_summary(self) -> None:
        s = self.session
        verdict = (f", {'✓ passed' if s.won else '✗ not passed yet'} "
                   f"({s.pass_score} of {s.max_score} needed)") if self.show_pass else ""
        self.query_one("#quiz-prompt", Static).update(
            f"Done: {s.score}/{s.max_score} right{verdict}.")
        self.query_one("#quiz-curve", CurvePlot).display = False
        self.query_one("#quiz-input", Input).display = False
        missed = [o.question for o in s.outcomes if not o.correct]
        lines = [f"  ✗ {escape(_missed_line(q))}" for q in missed]
        options = self.query_one("#quiz-options", Static)
        options.display = True
        options.update(("To look at again:\n" + "\n".join(lines)) if lines
                       else "Every answer right.")
        self.query_one("#quiz-feedback", Static).update("[dim]r: take it again (new order)[/dim]")
        self.focus()
        self.refresh_bindings()

    # ---- answering -------------------------------------------------------------------------

    def submit(self, response: str) -> Outcome | None:
        """Answer the current question with ``response`` (the stored form; see the bank)."""
        if self.session.finished or self.session.answered:
            return None
        outcome = self.session.answer(response)
        self._update_status()
        self._update_options()
        box = self.query_one("#quiz-input", Input)
        box.disabled = True
        self._show_feedback(outcome)
        # At 80×24 the explanation can sit below the fold: bring it into view.
        feedback = self.query_one("#quiz-feedback", Static)
        self.call_after_refresh(feedback.scroll_visible, animate=False)
        self.focus()
        self.refresh_bindings()
        self.post_message(self.Answered(self, outcome))
        return outcome

    def _choosing(self) -> bool:
        q = self.question
        return q is not None and q.kind in ("choice", "curve") and not self.session.answered

    def _choose(self, index: int) -> None:
        self.highlight = index
        self._update_options()
        self.refresh_bindings()  # "enter answer" comes alive

    def action_letter(self, index: int) -> None:
        self.action_pick(index)

    def action_pick(self, index: int) -> None:
        if self._choosing() and index < len(self.question.options):
            self._choose(index)

    def action_move(self, step: int) -> None:
        if not self._choosing():
            return
        count = len(self.question.options)
        if self.highlight is None:  # the first arrow lands on the first (↓) or last (↑) option
            self._choose(0 if step > 0 else count - 1)
        else:
            self._choose((self.highlight + step) % count)

    def action_move_again(self, step: int) -> None:
        self.action_move(step)

    def action_confirm(self) -> None:
        if self.session.finished or self.session.answered:
            return
        if self._choosing():
            if self.highlight is not None:  # enter alone never picks an option
                self.submit(self.question.option_label(self.highlight))
        else:
            self.query_one("#quiz-input", Input).focus()

    def action_next_question(self) -> None:
        if self.session.finished or not self.session.answered:
            return
        self.session.advance()
        self._show_question()
        if self.session.finished:
            self.post_message(self.Finished(self, self.session))

    def action_retake(self) -> None:
        if self.session.finished and self.retakes:
            self.session = self._make_session()
            self._show_question()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        q = self.question
        if q is None or self.session.answered:
            return
        text = event.value.strip()
        if not text:
            return
        if q.kind == "order":
            picked = order_letters(text, len(q.steps))
            if picked is None:
                self.query_one("#quiz-feedback", Static).update(
                    f"Use each of the letters {', '.join(ORDER_LETTERS[:len(q.steps)])} once.")
                return
            text = ORDER_SEP.join(q.steps[self._order[i]] for i in picked)
        problem = q.response_problem(text)
        if problem:  # not an answer: say what form is wanted and keep the question open
            self.query_one("#quiz-feedback", Static).update(escape(problem))
            return
        self.submit(text)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Keep the Footer honest: only the keys that do something now are shown."""
        s = self.session
        on_choice = not s.finished and self.question.kind in ("choice", "curve")
        if action == "pick":
            return on_choice and not s.answered
        if action in ("move", "move_again"):  # see BINDINGS: one of the two is live at a time
            return on_choice and not s.answered and (self.highlight is None) == (action == "move")
        if action == "letter":  # swallowed after answering; see the module notes
            return on_choice
        if action == "retake":
            return s.finished and self.retakes
        if action == "confirm":
            if s.finished or s.answered:
                return False
            # On a choice question enter only answers once an option is chosen.
            return not on_choice or self.highlight is not None
        if action == "next_question":
            return not s.finished and s.answered
        return True
