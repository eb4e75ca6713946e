"""Tests for match shape: model and Pilot."""

from __future__ import annotations

SIZE = (80, 24)


async def test_match_shape_scores_and_records(opened):
    async with opened("l1.match-shape") as (app, pilot, v):
        card = v.query_one("QuizCard")
        total = len(v.questions())
        assert total >= 4
        for _ in range(total):
            q = card.question
            await pilot.press(str(q.answer + 1), "enter")  # choose, answer
            await pilot.press("enter")  # next
        await pilot.pause()
        best = app.store.best("l1.match-shape")
        assert best is not None and best.won and best.score == total


async def test_match_shape_a_failed_run_is_recorded_as_lost(opened):
    async with opened("l1.match-shape") as (app, pilot, v):
        card = v.query_one("QuizCard")
        total = len(v.questions())
        for _ in range(total):  # the keys are tried above: answer directly
            wrong = (card.question.answer + 1) % len(card.question.options)
            card.submit(card.question.option_label(wrong))
            card.action_next_question()
        await pilot.pause()
        best = app.store.best("l1.match-shape")
        assert best is not None and not best.won and best.score == 0


async def test_match_shape_a_double_enter_does_not_answer_the_next_curve(opened):
    """`1`, enter, enter used to answer question 2 with a) although nothing was chosen."""
    async with opened("l1.match-shape") as (app, pilot, v):
        card = v.query_one("QuizCard")
        await pilot.press("1", "enter", "enter", "enter")
        await pilot.pause()
        assert card.session.index == 1 and not card.session.answered
        assert len(app.store.answers(section_id="l1.match-shape")) == 1
