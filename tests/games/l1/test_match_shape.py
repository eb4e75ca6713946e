"""Tests for match shape: model and Pilot."""

from __future__ import annotations

SIZE = (80, 24)


async def test_match_shape_scores_records_and_a_double_enter_answers_nothing(opened):
    async with opened("l1.match-shape") as (app, pilot, v):
        card = v.query_one("QuizCard")
        total = len(v.questions())
        assert total >= 4
        # `1`, enter, enter used to answer question 2 with a) although nothing was chosen
        await pilot.press(str(card.question.answer + 1), "enter", "enter", "enter")
        await pilot.pause()
        assert card.session.index == 1 and not card.session.answered
        assert len(app.store.answers(section_id="l1.match-shape")) == 1
        for _ in range(total - 1):  # the keys are tried above: answer the rest directly
            card.submit(card.question.right_answer)
            card.action_next_question()
        await pilot.pause()
        best = app.store.best("l1.match-shape")
        assert best is not None and best.won and best.score == total

        # a failed run is recorded as lost
        await pilot.press("r")
        for _ in range(total):
            wrong = (card.question.answer + 1) % len(card.question.options)
            card.submit(card.question.option_label(wrong))
            card.action_next_question()
        await pilot.pause()
        attempts = app.store.attempts("l1.match-shape")
        assert [(a.won, a.score) for a in attempts] == [(True, total), (False, 0)]
