"""The quiz sections by Pilot: checkpoint, boss and lock-it-in, with what they store."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from nntui.games.quizzes import QuizView, LockItInView
from nntui.widgets.quiz_card import QuizCard


@pytest.fixture(autouse=True)
def fixed_order(monkeypatch):
    monkeypatch.setattr(QuizView, "seed", 7)


def _answer_keys(question, right: bool) -> list[str]:
    """Keys that answer ``question`` right (or wrong)."""
    if question.kind in ("choice", "curve"):
        index = question.answer if right else (question.answer + 1) % len(question.options)
        return [str(index + 1), "enter"]  # choose, then answer
    if question.kind == "numeric":
        return [*(f"{question.value!r}" if right else "12345"), "enter"]
    raise AssertionError("handled by the caller")


async def _answer(pilot, card: QuizCard, right: bool) -> None:
    q = card.question
    if q.kind == "order":
        letters = "".join("ABCDEF"[card._order.index(i)] for i in range(len(q.steps)))
        if not right:  # swap the first two steps
            letters = letters[1] + letters[0] + letters[2:]
        await pilot.press(*letters.lower(), "enter")
    else:
        await pilot.press(*_answer_keys(q, right))
    await pilot.pause()


WRONG = "-12345"  # wrong for every kind of question


def _response(question, right: bool) -> str:
    """The stored form of a right (or wrong) answer, for answering without keys."""
    if not right:
        return WRONG
    return repr(question.value) if question.kind == "numeric" else question.right_answer


def _submit(card: QuizCard, right: bool) -> None:
    """Answer the current question and go on, as the keys would (the keys are tried first)."""
    card.submit(_response(card.question, right))
    card.action_next_question()


async def test_checkpoint_right_and_wrong_answers_are_stored_and_passing_completes(make_app):
    from textual.widgets import Input

    from nntui.screens.help import HelpScreen

    app = make_app("l1.checkpoint")
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.screen.query_one(QuizCard)
        questions = card.session.questions
        assert len(questions) >= 8 and {q.level for q in questions} == {"l1"}
        # "?" in the answer box opens help and is not typed (answers never contain it)
        assert questions[0].kind == "numeric"
        box = app.screen.query_one("#quiz-input", Input)
        box.focus()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert box.value == ""
        await _answer(pilot, card, right=False)
        feedback = str(card.query_one("#quiz-feedback", Static).render())
        assert "✗ Not quite." in feedback and questions[0].explanation[:20] in feedback
        await pilot.press("enter")
        await _answer(pilot, card, right=True)  # one right answer by keys …
        assert "✓ Right." in str(card.query_one("#quiz-feedback", Static).render())
        await pilot.press("enter")
        for _ in questions[2:]:  # … the rest straight to the card
            card.submit(_response(card.question, right=True))
            assert "✓ Right." in str(card.query_one("#quiz-feedback", Static).render())
            card.action_next_question()
        await pilot.pause()
        n = len(questions)
        assert card.session.finished and card.session.score == n - 1
        best = app.store.best("l1.checkpoint")
        assert (best.score, best.max_score, best.won) == (n - 1, n, True)
        assert best.details["questions"] == [q.id for q in questions]
        assert "l1.checkpoint" in app.store.completed_sections()
        answers = app.store.answers(section_id="l1.checkpoint")
        assert [a.question_id for a in answers] == [q.id for q in questions]
        assert [a.correct for a in answers] == [False] + [True] * (n - 1)
        assert all(a.first_try for a in answers) and all(a.seconds >= 0 for a in answers)
        assert answers[0].response != "" and len(app.store.load_cards()) == n
        # a retake asks in a new order and is no longer anyone's first try
        await pilot.press("r")
        assert not card.session.finished and card.session.index == 0


def test_failing_checkpoint_is_recorded_but_does_not_complete(data_dir):
    """The checkpoint's run through the quiz model and records, as QuizView does it (the
    wiring is the Pilot tests' business)."""
    from nntui import sections
    from nntui.games.quizzes import CheckpointView
    from nntui.quiz.records import attempt_details, record_outcome
    from nntui.quiz.session import QuizSession
    from nntui.store import Store

    questions = CheckpointView(sections.SECTION_BY_ID["l2.checkpoint"]).questions()
    session = QuizSession(questions)
    with Store.open(data_dir, "test") as store:
        for _ in questions:
            record_outcome(store, "l2.checkpoint", session.answer(WRONG))
            session.advance()
        assert session.finished and not session.won
        store.record_attempt("l2.checkpoint", session.score, session.max_score, session.won,
                             attempt_details(session))
        best = store.best("l2.checkpoint")
        assert best.score == 0 and not best.won
        assert "l2.checkpoint" not in store.completed_sections()
        assert len(store.answers(section_id="l2.checkpoint")) == len(questions)


async def test_a_checkpoint_on_a_level_with_nothing_built_says_so_instead_of_quizzing(make_app,
                                                                                    unbuilt):
    from nntui import sections

    unbuilt(*[s.id for s in sections.in_level("l3") if s.kind != "quiz"])
    assert not [s for s in sections.in_level("l3") if s.ready and s.kind != "quiz"]
    app = make_app("l3.checkpoint")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query(QuizCard)
        note = str(app.screen.query_one("#quiz-none", Static).render())
        assert "not built yet" in note and "Advanced" in note
        await pilot.press("1", "enter", "enter")
        assert app.store.answers() == [] and app.store.attempts("l3.checkpoint") == []


def test_checkpoints_ask_only_about_built_sections(monkeypatch):
    """The checkpoint's questions (what its card asks, in some order; see the Pilot test)."""
    from nntui import sections
    from nntui.games.quizzes import CheckpointView
    from nntui.quiz import bank

    # With Solve XOR unbuilt, its question is not asked in the Level 2 checkpoint.
    solve_xor = sections.SECTION_BY_ID["l2.solve-xor"]
    monkeypatch.setitem(sections.SECTION_BY_ID, "l2.solve-xor",
                        sections.Section(**{**solve_xor.__dict__, "ready": False}))
    on_solve_xor = {q.id for q in bank.in_level("l2") if "l2.solve-xor" in q.sections}
    assert on_solve_xor
    checkpoint = CheckpointView(sections.SECTION_BY_ID["l2.checkpoint"])
    asked = {q.id for q in checkpoint.questions()}
    assert asked and not asked & on_solve_xor


async def test_boss_asks_fifteen_from_every_built_level_and_keeps_the_best(make_app):
    from nntui.quiz import bank

    app = make_app("l4.boss")
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.screen.query_one(QuizCard)
        questions = card.session.questions
        assert len(questions) == 15 and all(bank.is_taught(q) for q in questions)
        levels = {q.level for q in questions}  # three from each of l1–l4, the rest from anywhere
        assert {"l1", "l2", "l3", "l4"} <= levels <= {q.level for q in bank.taught()}
        for right in (True, False):  # the keys reach the boss quiz too …
            await _answer(pilot, card, right=right)
            await pilot.press("enter")
        for i, _ in enumerate(questions[2:], start=2):  # … the rest straight to the card
            _submit(card, right=i < 13)
        await pilot.pause()
        await pilot.press("r")
        for _ in card.session.questions:
            _submit(card, right=False)
        await pilot.pause()
        attempts = app.store.attempts("l4.boss")
        assert [a.score for a in attempts] == [12, 0]
        assert [a.won for a in attempts] == [True, False]  # 70 % of 15 is 11 right
        assert "not passed" in str(card.query_one("#quiz-prompt", Static).render())
        assert app.store.best("l4.boss").score == 12
        assert "Best so far: 12/15" in str(card.query_one("#quiz-feedback", Static).render())


async def test_say_it_back_keys_and_text_stored_verbatim_with_the_ideas_it_touched(make_app):
    from textual.widgets import Input

    from nntui.screens.help import HelpScreen

    tricky = "[bold]weights[/bold] \"sum\"'; DROP TABLE answers; --"
    app = make_app("l4.lock-it-in")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = {key: b.binding.description for key, b in app.screen.active_bindings.items()
                 if b.binding.show}
        assert shown["enter"] == "save / next" and shown["f1"] == "help"
        # "?" is typed like any character in free text; f1 is the way to help here
        view = app.screen.query_one(LockItInView)
        await pilot.press("w", "h", "y", "question_mark")
        assert view.query_one("#say-input", Input).value == "why?"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        view.query_one("#say-input").value = tricky
        await pilot.press("enter")
        await pilot.pause()
        ideas = str(view.query_one("#say-ideas", Static).render())
        assert tricky in ideas  # shown verbatim, markup not interpreted
        assert "✓ weights multiply the inputs" in ideas
        assert "· an activation squashes or bends the result" in ideas
        (answer,) = app.store.answers(section_id="l4.lock-it-in")
        assert answer.response == tricky and answer.question_id == "say.neuron"
        for _ in view.prompts:
            await pilot.press("enter")  # next (the first is answered)
            if view.index < len(view.prompts):
                view.query_one("#say-input").value = "gradient and chain rule"
                await pilot.press("enter")
        assert view.index == len(view.prompts)
        touched, total = view.ideas_touched()
        best = app.store.best("l4.lock-it-in")
        assert (best.score, best.max_score) == (touched, total) and 0 < touched < total
        assert "l4.lock-it-in" in app.store.completed_sections()
        summary = str(view.query_one("#say-ideas", Static).render())
        assert tricky in summary
        assert f"key ideas touched: {touched}/{total}" in str(
            view.query_one("#say-status", Static).render())
        first = view.prompts[0]
        assert f"{sum(first.touched(tricky))}/{len(first.ideas)} key ideas: {tricky}" in summary
