"""Mastery transitions, the boss quiz's lean towards weak concepts, and session scoring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from nntui.quiz import bank
from nntui.quiz.bank import Question
from nntui.quiz.mastery import mastery
from nntui.quiz.selection import boss_questions
from nntui.quiz.session import QuizSession, shuffled

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


def q(id_: str, concept: str = "softmax") -> Question:
    return Question(id=id_, level="l3", kind="choice", concepts=(concept,), prompt="?",
                    explanation="because", options=("yes", "no"), answer=0)


BANK = {f"q{i}": q(f"q{i}") for i in range(6)}


@dataclass
class A:  # the fields of a stored Answer that mastery reads
    question_id: str
    correct: bool
    section_id: str
    when: datetime


def run(section: str, results: list[bool], start_minutes: int) -> list[A]:
    return [A(f"q{i % 6}", ok, section, T0 + timedelta(minutes=start_minutes, seconds=10 * i))
            for i, ok in enumerate(results)]


def level(answers) -> str:
    return mastery(answers, BANK)["softmax"].level


def test_levels_climb_with_right_answers():
    assert level(run("l3.checkpoint", [False, True], 0)) == "attempted"  # 50 %
    assert level(run("l3.checkpoint", [True, True, True, False], 0)) == "familiar"  # 75 %
    assert level(run("l3.checkpoint", [True, True, True], 0)) == "proficient"


def test_one_or_two_right_answers_are_not_yet_proficient():
    assert level(run("l3.checkpoint", [True], 0)) == "familiar"
    assert level(run("l3.checkpoint", [True, True], 0)) == "familiar"
    assert level(run("l3.checkpoint", [True, True, True], 0)) == "proficient"
    # unanswered concepts are simply absent
    assert "xor" not in mastery(run("l3.checkpoint", [True], 0), BANK)


def test_mastered_needs_a_later_mixed_quiz():
    proficient = run("l3.checkpoint", [True, True, True], 0)
    # more right answers in the same quiz, or a later non-mixed quiz: still proficient
    assert level(proficient + run("l3.checkpoint", [True], 1)) == "proficient"
    assert level(proficient + run("l3.checkpoint", [True], 120)) == "proficient"
    # right again in a later boss quiz or review session: mastered
    assert level(proficient + run("l4.boss", [True], 60)) == "mastered"
    assert level(proficient + run("review", [True], 60)) == "mastered"


def test_proficient_reached_inside_a_boss_run_is_not_mastered_in_that_same_run():
    assert level(run("l4.boss", [True, True, True, True], 0)) == "proficient"
    assert level(run("l4.boss", [True, True, True], 0) + run("l4.boss", [True], 90)) == "mastered"


def test_mastery_drops_after_wrong_answers():
    mastered = run("l3.checkpoint", [True, True, True], 0) + run("l4.boss", [True], 60)
    assert level(mastered + run("review", [False], 200)) == "familiar"  # 4 of the last 5
    assert level(mastered + run("review", [False, False], 200)) == "attempted"  # 3 of 5


def test_boss_leans_towards_weak_concepts():
    shipped = bank.bank()
    weak = "softmax"
    # every question answered three times: right, except on softmax
    answers = [A(x.id, x.concepts != (weak,) and weak not in x.concepts, "l3.checkpoint",
                 T0 + timedelta(seconds=i)) for i, x in enumerate(list(shipped.values()) * 3)]
    levels = mastery(answers, shipped)
    assert levels[weak].level == "attempted" and levels["initialization"].level == "proficient"
    on_weak = sum(weak in x.concepts for seed in range(40)
                  for x in boss_questions(shipped, levels, seed))
    on_weak_blind = sum(weak in x.concepts for seed in range(40)
                        for x in boss_questions(shipped, {}, seed))
    assert on_weak > 1.5 * on_weak_blind


def test_order_shuffles_per_attempt_and_a_seed_repeats_it():
    questions = list(bank.bank().values())[:12]
    assert shuffled(questions, 1) == shuffled(questions, 1)
    assert shuffled(questions, 1) != shuffled(questions, 2)
    assert sorted(x.id for x in shuffled(questions, None)) == sorted(x.id for x in questions)


def test_session_scores_times_and_pass_mark():
    ticks = iter([0.0, 4.0, 4.0, 30.0, 30.0])
    session = QuizSession([q("a"), q("b")], clock=lambda: next(ticks),
                          seen=lambda qid: qid == "b")
    first = session.answer("yes")
    assert first.correct and first.seconds == 4.0 and first.first_try
    assert session.answer("no") is first  # one answer per question
    session.advance()
    second = session.answer("no")
    assert not second.correct and second.seconds == 26.0 and not second.first_try
    session.advance()
    assert session.finished and session.score == 1 and session.pass_score == 2
    assert not session.won


def test_options_shuffle_but_the_right_answer_follows():
    from nntui.quiz.session import with_shuffled_options

    questions = [x for x in bank.bank().values() if x.kind == "choice"]
    positions = set()
    for seed in range(5):
        for before, after in zip(questions, with_shuffled_options(questions, seed)):
            assert sorted(after.options) == sorted(before.options)
            assert after.options[after.answer] == before.options[before.answer]
            positions.add(after.answer)
    assert positions == {0, 1, 2, 3}


def test_a_response_that_is_not_a_number_leaves_the_question_open():
    import pytest

    numeric = bank.bank()["l1.sigmoid-03"]
    session = QuizSession([numeric])
    with pytest.raises(ValueError, match="not a number"):
        session.answer("abc")
    assert not session.answered and session.outcomes == []
    assert session.answer("0.574").correct
