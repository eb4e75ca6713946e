"""A learner's progress as plain rows: what the progress screen and ``nntui stats`` show."""

from __future__ import annotations

from dataclasses import dataclass

from nntui import sections
from nntui.quiz import bank
from nntui.quiz.mastery import ConceptMastery, mastery
from nntui.quiz.review import due_count


@dataclass(frozen=True)
class LevelRow:
    name: str
    done: int
    total: int


@dataclass(frozen=True)
class ScoreRow:
    section_id: str
    title: str
    kind: str
    best: str  # "12/15" or "—"
    attempts: int
    won: bool


def level_rows(store) -> list[LevelRow]:
    done = store.completed_sections()
    rows = []
    for level in sections.LEVELS:
        ids = [s.id for s in sections.in_level(level.id)]
        rows.append(LevelRow(level.name, sum(i in done for i in ids), len(ids)))
    return rows


def score_rows(store) -> list[ScoreRow]:
    """Every game and quiz the learner has tried, in course order."""
    by_section: dict[str, list] = {}
    for attempt in store.all_attempts():
        by_section.setdefault(attempt.section_id, []).append(attempt)
    rows = []
    for s in sections.SECTIONS:
        if s.id not in by_section:
            continue
        best = store.best(s.id)
        rows.append(ScoreRow(s.id, s.title, s.kind, f"{best.score:g}/{best.max_score:g}",
                             len(by_section[s.id]), any(a.won for a in by_section[s.id])))
    return rows


def quiz_history(store) -> dict[str, tuple[list[float], list[float]]]:
    """Quiz section id → (that quiz's attempt numbers 1, 2, 3…, percent right), oldest first,
    for the history chart: each quiz is its own series on its own attempts, so a quiz taken
    once is not pushed to the right by another quiz taken often."""
    history: dict[str, tuple[list[float], list[float]]] = {}
    for attempt in store.all_attempts():
        section = sections.SECTION_BY_ID.get(attempt.section_id)
        if section is None or section.kind != "quiz" or not attempt.max_score:
            continue
        xs, ys = history.setdefault(attempt.section_id, ([], []))
        xs.append(len(xs) + 1)
        ys.append(100.0 * attempt.score / attempt.max_score)
    return history


def concept_mastery(store) -> dict[str, ConceptMastery]:
    return mastery(store.answers(), bank.bank())


def sections_for(concept: str) -> list[str]:
    """Where to practise a concept: the built sections that teach it (quizzes last)."""
    found = [s for s in sections.SECTIONS if concept in s.concepts and s.ready]
    return [s.id for s in sorted(found, key=lambda s: s.kind == "quiz")]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def summary(store, today=None) -> str:
    """A few lines about one learner, for ``nntui stats``."""
    answers = store.answers()
    right = sum(a.correct for a in answers)
    levels = concept_mastery(store)
    counts = {name: sum(m.level == name for m in levels.values())
              for name in ("attempted", "familiar", "proficient", "mastered")}
    weak = sorted((m for m in levels.values() if m.level in ("attempted", "familiar")),
                  key=lambda m: (m.rank, m.concept))[:5]
    lines = [f"Learner {store.learner}",
             "Levels: " + ", ".join(f"{r.name} {r.done}/{r.total}" for r in level_rows(store)),
             f"Streak: {_count(store.streak(today), 'day')}; "
             f"reviews due: {due_count(store)}",
             f"Answers: {len(answers)} ({right} right"
             + (f", {100 * right / len(answers):.0f} %" if answers else "") + ")",
             "Concepts: " + ", ".join(f"{count} {name}" for name, count in counts.items())]
    for row in score_rows(store):
        lines.append((f"  {row.section_id:<22} best {row.best:<7} attempts {row.attempts:<3}"
                      + ("  ✓" if row.won else "")).rstrip())
    if weak:
        lines.append("To practise: " + ", ".join(m.concept for m in weak))
    return "\n".join(lines)
