"""The quiz card on its own, in a bare app: keys, feedback, score, messages."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Static

from nntui.quiz import bank
from nntui.quiz.bank import Question
from nntui.quiz.session import QuizSession
from nntui.widgets.quiz_card import CurvePlot, QuizCard, order_letters


def _numeric() -> Question:
    return Question(id="t.num", level="l1", kind="numeric", concepts=("sigmoid",),
                    prompt="σ(0) to two places?", explanation="σ(0) = 1/2.", value=0.5,
                    tolerance=0.005, check="sigmoid(0)")


def _order() -> Question:
    return Question(id="t.order", level="l3", kind="order", concepts=("backprop",),
                    prompt="Order these.", explanation="Forward, loss, backward, step.",
                    steps=("forward", "loss", "backward", "step"))


class CardApp(App):
    def __init__(self, questions):
        super().__init__()
        self.questions = questions
        self.answered = []
        self.finished = []

    def compose(self):
        yield QuizCard(lambda: QuizSession(self.questions), id="card")

    def on_quiz_card_answered(self, event):
        self.answered.append(event.outcome)

    def on_quiz_card_finished(self, event):
        self.finished.append(event.session)


def _text(app, selector) -> str:
    return str(app.query_one(selector, Static).render())


def _options(app) -> str:
    return "\n".join(" ".join(row) for row in app.query_one(QuizCard).option_rows())


async def test_curve_question_plots_the_engine_curve_and_hides_the_name():
    q = bank.bank()["l1.curve.tanh"]
    app = CardApp([q])
    async with app.run_test(size=(80, 24)) as pilot:
        plot = app.query_one(CurvePlot)
        assert plot.display and plot.ylim[0] < -1.0 < 1.0 < plot.ylim[1]  # tanh spans (−1, 1)
        screen_text = "\n".join(plot.cell_text(r) for r in range(plot.cell_size.height))
        prompt = _text(app, "#quiz-prompt") + screen_text
        assert "tanh" not in prompt.lower()
        assert "1 a) Sigmoid" in _options(app)
        await pilot.press("c", "enter")  # option c is Tanh
        await pilot.pause()
        assert [o.correct for o in app.answered] == [True]
        assert app.answered[0].response == "Tanh"
        assert "✓ Right." in _text(app, "#quiz-feedback")
        assert "zero-centred" in _text(app, "#quiz-feedback")  # the explanation
        assert "score 1/1" in _text(app, "#quiz-status")
        await pilot.press("enter")
        await pilot.pause()
        assert app.finished and app.finished[0].won
        assert "Done: 1/1" in _text(app, "#quiz-prompt")


async def test_arrows_and_enter_answer_wrong_then_explanation_names_the_right_one():
    q = bank.bank()["l1.curve.relu"]  # options relu, linear, sigmoid, step
    app = CardApp([q])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "down", "enter")  # the first ↓ lands on a)
        await pilot.pause()
        assert app.answered[0].response == "Sigmoid" and not app.answered[0].correct
        feedback = _text(app, "#quiz-feedback")
        assert "✗ Not quite. The answer is a) ReLU." in feedback
        assert "✓ 1 a) ReLU" in _options(app)
        assert "✗ 3 c) Sigmoid" in _options(app)
        await pilot.press("1", "down")  # already answered: ignored
        assert len(app.answered) == 1 and "✗ 3 c) Sigmoid" in _options(app)
        await pilot.press("enter")
        assert app.finished and not app.finished[0].won and app.finished[0].score == 0
        # the summary names what was missed and its right answer
        assert f"✗ {q.prompt} → ReLU" in _text(app, "#quiz-options")


def _footer_keys(app) -> dict[str, str]:
    """What the Footer offers now: key → description (shown bindings only)."""
    return {key: b.binding.description for key, b in app.screen.active_bindings.items()
            if b.binding.show}


async def test_footer_names_only_the_keys_that_work_now():
    app = CardApp([bank.bank()["l1.curve.relu"], _numeric()])
    async with app.run_test(size=(80, 24)) as pilot:
        assert _footer_keys(app) == {"up": "pick"}  # shown as "1-4↑↓ pick"
        await pilot.press("1")
        assert _footer_keys(app) == {"enter": "answer"}
        await pilot.press("enter")
        assert _footer_keys(app) == {"enter": "next"}
        await pilot.press("enter")
        await pilot.pause()
        assert _footer_keys(app) == {"enter": "answer"}  # the number box's own enter
        await pilot.press("0", "enter", "enter")
        await pilot.pause()
        assert app.finished and _footer_keys(app) == {"r": "retake"}


async def test_letters_stay_with_the_card_until_the_quiz_is_over():
    """After answering, a stray letter (b is "previous section" on the level screen) is
    swallowed by the card, so the run is not lost."""
    app = CardApp([bank.bank()["l1.curve.relu"]])
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.query_one(QuizCard)
        await pilot.press("b", "enter")
        assert len(app.answered) == 1
        assert card.check_action("letter", (1,)) and not card.check_action("pick", (1,))
        await pilot.press("enter")
        assert app.finished and not card.check_action("letter", (1,))


async def test_typed_number_and_order():
    app = CardApp([_numeric(), _order()])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"0.501", "enter")
        await pilot.pause()
        assert app.answered[0].correct and app.answered[0].response == "0.501"
        await pilot.press("enter")
        card = app.query_one(QuizCard)
        shown = card._order  # file index shown under A, B, C, D
        letters = "".join("ABCD"[shown.index(i)] for i in range(4))
        await pilot.press(*letters.lower(), "enter")
        await pilot.pause()
        assert app.answered[1].correct
        assert app.answered[1].response == "forward | loss | backward | step"
        await pilot.press("enter")
        assert app.finished[0].score == 2


def test_order_letters_need_each_letter_once():
    assert order_letters("c a b", 3) == [2, 0, 1]
    assert order_letters("ca", 3) is None
    assert order_letters("caa", 3) is None


async def test_order_steps_are_scrambled_afresh_each_run_never_solved_or_reversed():
    app = CardApp([_order()])
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.query_one(QuizCard)
        seen = {tuple(card._order)}
        await pilot.press("a", "b", "c", "d", "enter", "enter", "r")  # one run by keys …
        for _ in range(7):  # … and more runs straight through the card
            seen.add(tuple(card._order))
            card.submit("forward | loss | backward | step")
            card.action_next_question()
            card.action_retake()
        assert len(seen) > 1
        assert not seen & {(0, 1, 2, 3), (3, 2, 1, 0)}


async def test_a_double_enter_never_answers_a_question_by_itself():
    """1, enter answers the first question; a second enter goes on, and a third one (or any
    number of them) on the next question does nothing until an option is chosen."""
    app = CardApp([bank.bank()["l1.curve.relu"], bank.bank()["l1.curve.tanh"]])
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.query_one(QuizCard)
        await pilot.press("1", "enter", "enter", "enter", "enter")
        await pilot.pause()
        assert len(app.answered) == 1 and card.session.index == 1
        assert not card.session.answered and card.highlight is None
        assert "▶" not in _options(app)  # nothing is pre-chosen for the learner


async def test_a_stray_key_only_chooses_and_enter_answers_the_choice():
    app = CardApp([bank.bank()["l1.curve.relu"]])  # options relu, linear, sigmoid, step
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.query_one(QuizCard)
        await pilot.press("b")  # the level screen's "previous": here it only chooses b)
        await pilot.pause()
        assert app.answered == [] and card.highlight == 1
        assert "▶ 2 b) Linear" in _options(app)
        await pilot.press("1", "down", "down", "up")  # change of mind costs nothing
        assert app.answered == [] and card.highlight == 1
        await pilot.press("enter")
        await pilot.pause()
        assert [o.response for o in app.answered] == ["Linear"]


async def test_pass_mark_says_the_real_fraction():
    """At 70 % of 8 questions, 6 right pass: that is 75 %, and the card says so."""
    from dataclasses import replace

    app = CardApp([replace(_numeric(), id=f"t.num{i}") for i in range(8)])
    async with app.run_test(size=(80, 24)) as pilot:
        status = _text(app, "#quiz-status")
        assert "pass: 6 of 8 (75 %)" in status and "70%" not in status
        card = app.query_one(QuizCard)
        for _ in range(8):  # typing is test_typed_number_and_order's business
            card.submit("0")
            card.action_next_question()
        await pilot.pause()
        summary = _text(app, "#quiz-prompt")
        assert "Done: 0/8 right" in summary and "6 of 8 needed" in summary
        assert "70%" not in summary


async def test_text_that_is_not_a_number_asks_again_and_costs_nothing():
    app = CardApp([_numeric()])
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.query_one(QuizCard)
        await pilot.press(*"abc", "enter")
        await pilot.pause()
        assert app.answered == [] and not card.session.answered
        feedback = _text(app, "#quiz-feedback")
        assert "not a number" in feedback and "1/4" in feedback
        box = card.query_one("#quiz-input")
        assert not box.disabled and box.has_focus
        box.value = ""
        await pilot.press(*"1/2", "enter")
        await pilot.pause()
        assert [o.correct for o in app.answered] == [True] and app.answered[0].response == "1/2"
        assert "score 1/1" in _text(app, "#quiz-status")


async def test_every_curve_shares_its_axes_so_only_the_shape_tells_them_apart(monkeypatch):
    """Fitted axes gave the answer away (±1 meant tanh, 1.4 and −0.17 meant GELU). Every curve
    is now drawn on the same ranges with the same labels, each drawing differs, and GELU's
    shallow dip shows at the card's size, even as NO_COLOR's one dot per cell."""
    import numpy as np

    from nntui.engine.activations import ACTIVATIONS

    monkeypatch.setenv("NO_COLOR", "1")
    curves = sorted({q.curve for q in bank.of_kind("curve")})
    app = CardApp([bank.bank()["l1.curve.relu"]])
    async with app.run_test(size=(80, 24)):
        plot = app.query_one(CurvePlot)
        axes, drawings = set(), {}
        for name in curves:
            plot.plot(name)  # cell_text renders the plot's rows as the screen would
            axes.add((plot.xlim, plot.ylim, tuple(plot.labels)))
            drawings[name] = [plot.cell_text(r) for r in range(plot.cell_size.height)]
        assert len(axes) == 1, axes
        assert len({tuple(d) for d in drawings.values()}) == len(curves)

        def lowest_row_left_of_zero(drawing: list[str]) -> int:
            half = len(drawing[0]) // 2 - 2
            return max(r for r, row in enumerate(drawing) if "•" in row[:half])

        assert lowest_row_left_of_zero(drawings["gelu"]) > lowest_row_left_of_zero(
            drawings["relu"])
        # in colour, too: the dip is at least a pixel below the pixel of y = 0
        xs = np.linspace(*plot.xlim, 400)
        _, rows = plot.world_to_pixel(xs, ACTIVATIONS["gelu"].f(xs))
        _, zero_row = plot.world_to_pixel(0.0, 0.0)
        assert rows.max() > zero_row
