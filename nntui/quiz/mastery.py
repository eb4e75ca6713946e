"""Mastery per concept, Khan Academy style, computed from the stored answers.

Levels, from the learner's most recent ``WINDOW`` answers on questions tagged with a concept:
- *attempted*: fewer than 70 % of them right;
- *familiar*: 70 % up to (not including) 100 %, or all right but fewer than
  ``PROFICIENT_AFTER`` answers yet (one lucky answer is not proficiency);
- *proficient*: all of them right, and at least ``PROFICIENT_AFTER`` of them;
- *mastered*: proficient, and then right again in a later *mixed* quiz (the boss quiz or a
  review session), i.e. a different run from the one that made it proficient.
A wrong answer lowers the level again: it drops out of proficient or mastered at once.
A run is a stretch of answers in one section with no gap longer than ``RUN_GAP``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from nntui.quiz.bank import Question

LEVELS = ("not started", "attempted", "familiar", "proficient", "mastered")
WINDOW = 5
FAMILIAR_AT = 0.7
PROFICIENT_AFTER = 3
MIXED_SECTIONS = frozenset({"l4.boss", "review"})
RUN_GAP = timedelta(minutes=30)


@dataclass(frozen=True)
class ConceptMastery:
    concept: str
    level: str
    right: int  # in the recent window
    answered: int  # in the recent window
    total: int  # all answers ever on this concept

    @property
    def rank(self) -> int:
        return LEVELS.index(self.level)


def _base_level(recent: list[bool]) -> str:
    share = sum(recent) / len(recent)
    if share >= 1.0 and len(recent) >= PROFICIENT_AFTER:
        return "proficient"
    return "familiar" if share >= FAMILIAR_AT else "attempted"


def _runs(answers: list) -> list[int]:
    """A run number per answer (answers oldest first)."""
    runs, run, previous = [], 0, None
    for a in answers:
        if previous is not None and (a.section_id != previous.section_id
                                     or a.when - previous.when > RUN_GAP):
            run += 1
        runs.append(run)
        previous = a
    return runs


def mastery(answers: Iterable, bank: Mapping[str, Question]) -> dict[str, ConceptMastery]:
    """Each concept the learner has answered on → its mastery. ``answers`` are the store's
    ``Answer`` rows (anything with section_id, question_id, correct, when), oldest first."""
    answers = [a for a in answers if a.question_id in bank]
    runs = _runs(answers)
    history: dict[str, list[bool]] = {}
    state: dict[str, str] = {}
    proficient_run: dict[str, int] = {}
    for a, run in zip(answers, runs):
        for concept in bank[a.question_id].concepts:
            seen = history.setdefault(concept, [])
            seen.append(a.correct)
            base = _base_level(seen[-WINDOW:])
            before = state.get(concept)
            if base != "proficient":
                state[concept] = base
            elif (before in ("proficient", "mastered") and a.section_id in MIXED_SECTIONS
                  and run != proficient_run[concept]) or before == "mastered":
                state[concept] = "mastered"
            else:
                state[concept] = "proficient"
                proficient_run.setdefault(concept, run)
            if state[concept] not in ("proficient", "mastered"):
                proficient_run.pop(concept, None)
    return {c: ConceptMastery(c, state[c], sum(h[-WINDOW:]), len(h[-WINDOW:]), len(h))
            for c, h in sorted(history.items())}


def weakest_first(levels: Mapping[str, ConceptMastery], concepts: Iterable[str]) -> float:
    """How much a question on these concepts is needed: higher for weaker concepts. Never-seen
    concepts count as attempted, so they are asked about too."""
    ranks = [levels[c].rank if c in levels else 1 for c in concepts]
    return 1.0 + (len(LEVELS) - 1 - min(ranks))
