"""Which questions a quiz asks: the boss quiz covers every level and leans on weak concepts."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from nntui.quiz.bank import Question
from nntui.quiz.mastery import ConceptMastery, weakest_first

BOSS_SIZE = 15
BOSS_PER_LEVEL = 3  # at least this many from each of levels 1–4 that has questions
BOSS_LEVELS = ("l1", "l2", "l3", "l4")


def weighted_sample(questions: Sequence[Question], weights: Sequence[float], k: int,
                    rng: random.Random) -> list[Question]:
    """``k`` distinct questions, each draw proportional to its weight (Efraimidis–Spirakis keys:
    one pass, no replacement)."""
    keyed = sorted(zip(questions, weights), key=lambda qw: rng.random() ** (1.0 / qw[1]),
                   reverse=True)
    return [q for q, _ in keyed[:k]]


def boss_questions(bank: Mapping[str, Question], levels: Mapping[str, ConceptMastery],
                   seed: int | None = None, size: int = BOSS_SIZE) -> list[Question]:
    """``size`` questions (or all, if ``bank`` has fewer) from all levels: a few from each level
    in ``bank`` first, the rest from the whole of it; every draw favours questions on the
    learner's weakest concepts. The caller passes only questions that may be asked."""
    rng = random.Random(seed)
    weight = {q.id: weakest_first(levels, q.concepts) for q in bank.values()}
    chosen: list[Question] = []
    for level in BOSS_LEVELS:
        pool = [q for q in bank.values() if q.level == level]
        chosen += weighted_sample(pool, [weight[q.id] for q in pool], BOSS_PER_LEVEL, rng)
    rest = [q for q in bank.values() if q not in chosen]
    chosen += weighted_sample(rest, [weight[q.id] for q in rest], size - len(chosen), rng)
    rng.shuffle(chosen)
    return chosen
