"""The teacher's view of a class, as plain rows: ``nntui class`` prints them, and the class screen
(``nntui class --tui``) shows them in tables.

Built from a ``ClassSnapshot`` — every learner's records at one instant, read from the shared
progress file or from a learning record store — so the report never touches a live store and
never writes anything. No Textual here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from nntui import sections
from nntui.quiz import bank as quiz_bank
from nntui.quiz.mastery import LEVELS as MASTERY_LEVELS, mastery
from nntui.store import ClassSnapshot

#: One mark per mastery level, so the report reads without colour (as on the progress screen).
MASTERY_MARKS = {"not started": "·", "attempted": "◔", "familiar": "◑", "proficient": "◕",
                 "mastered": "●"}
#: How many of the questions the class gets wrong most are listed.
HARDEST_SHOWN = 10


@dataclass(frozen=True)
class LearnerRow:
    name: str
    done: int  # sections completed (a completion, or a won attempt)
    answers: int
    right: int
    last_active: datetime | None
    #: Quiz section id → best share of points, for the quizzes the learner has taken.
    quiz_best: dict[str, float]
    #: Concept → mastery level, for the concepts the learner has answered on.
    mastery: dict[str, str]

    def mastery_count(self, level: str) -> int:
        return sum(found == level for found in self.mastery.values())


@dataclass(frozen=True)
class QuestionRow:
    question_id: str
    prompt: str
    answers: int
    wrong: int
    learners: int  # learners who answered it
    learners_wrong: int  # … and got it wrong at least once

    @property
    def share_wrong(self) -> float:
        return self.wrong / self.answers


@dataclass(frozen=True)
class ClassReport:
    source: str
    taken: datetime
    total_sections: int
    quizzes: list[sections.Section]  # the course's quizzes, in course order
    learners: list[LearnerRow]
    #: Every concept someone has answered on, in alphabetical order.
    concepts: list[str]
    #: The questions the class gets wrong most, worst first.
    hardest: list[QuestionRow]


def build_report(snapshot: ClassSnapshot, questions: Mapping[str, quiz_bank.Question] | None = None,
                 hardest_shown: int = HARDEST_SHOWN) -> ClassReport:
    questions = quiz_bank.bank() if questions is None else questions
    answers_of = _by_learner(snapshot.answers)
    attempts_of = _by_learner(snapshot.attempts)
    completions_of = _by_learner(snapshot.completions)
    quizzes = [s for s in sections.SECTIONS if s.kind == "quiz"]
    rows = []
    for name in snapshot.learners:
        answers, attempts = answers_of[name], attempts_of[name]
        done = ({c.section_id for c in completions_of[name]}
                | {a.section_id for a in attempts if a.won})
        rows.append(LearnerRow(
            name=name, done=len(done & sections.SECTION_BY_ID.keys()), answers=len(answers),
            right=sum(a.correct for a in answers), last_active=snapshot.last_active.get(name),
            quiz_best=_best_fractions(attempts, {q.id for q in quizzes}),
            mastery={c: m.level for c, m in mastery(answers, questions).items()}))
    concepts = sorted({c for row in rows for c in row.mastery})
    return ClassReport(snapshot.source, snapshot.taken, len(sections.SECTIONS), quizzes, rows,
                       concepts, hardest_questions(snapshot.answers, questions, hardest_shown))


def _by_learner(records) -> defaultdict[str, list]:
    grouped: defaultdict[str, list] = defaultdict(list)
    for record in records:
        grouped[record.learner].append(record)
    return grouped


def _best_fractions(attempts, section_ids: set[str]) -> dict[str, float]:
    best: dict[str, float] = {}
    for a in attempts:
        if a.section_id in section_ids and a.max_score > 0:
            best[a.section_id] = max(best.get(a.section_id, 0.0), a.score / a.max_score)
    return best


def hardest_questions(answers, questions: Mapping[str, quiz_bank.Question],
                      shown: int = HARDEST_SHOWN) -> list[QuestionRow]:
    """The questions most learners got wrong (then: the largest share of wrong answers), among
    those answered wrongly at least once."""
    tally: dict[str, list] = defaultdict(list)
    for a in answers:
        tally[a.question_id].append(a)
    rows = []
    for question_id, given in tally.items():
        wrong = [a for a in given if not a.correct]
        if not wrong:
            continue
        question = questions.get(question_id)
        rows.append(QuestionRow(question_id, question.prompt if question else "",
                                len(given), len(wrong), len({a.learner for a in given}),
                                len({a.learner for a in wrong})))
    rows.sort(key=lambda r: (-r.learners_wrong, -r.share_wrong, -r.wrong, r.question_id))
    return rows[:shown]


# ---- text, for the command line ------------------------------------------------------------


def when_text(moment: datetime | None) -> str:
    """Local time to the minute, or "never"."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "never"


def percent(fraction: float) -> str:
    return f"{100 * fraction:.0f} %"


def quiz_label(index: int) -> str:
    """Short column names for the quizzes: Q1, Q2, …"""
    return f"Q{index + 1}"


def right_text(row: LearnerRow) -> str:
    return f"{row.right}/{row.answers}" + (f" ({percent(row.right / row.answers)})"
                                           if row.answers else "")


def mastery_text(row: LearnerRow) -> str:
    """Counts per level, e.g. "◔ 2 ◑ 1 ◕ 0 ● 3"."""
    return " ".join(f"{MASTERY_MARKS[level]} {row.mastery_count(level)}"
                    for level in MASTERY_LEVELS[1:])


def learners_at(report: ClassReport, concept: str) -> list[tuple[str, list[str]]]:
    """(level, learner names) for each level someone has reached on ``concept``, lowest first."""
    found: dict[str, list[str]] = defaultdict(list)
    for row in report.learners:
        if concept in row.mastery:
            found[row.mastery[concept]].append(row.name)
    return [(level, found[level]) for level in MASTERY_LEVELS if found[level]]


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows)]
    return ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip()
            for line in [header, *rows]]


def render_text(report: ClassReport, width: int = 80) -> str:
    count = len(report.learners)
    lines = [f"Class: {count} learner{'' if count == 1 else 's'} in {report.source}",
             f"Read at {when_text(report.taken)} (local time); nothing was changed.", ""]
    if not report.learners:
        lines.append("Nobody has any progress there yet.")
        return "\n".join(lines)

    lines.append("Learners")
    header = ["learner", "sections", "answers right", "concepts " + mastery_text_legend(),
              "last active"]
    lines += _table(header, [[r.name, f"{r.done}/{report.total_sections}", right_text(r),
                              mastery_text(r), when_text(r.last_active)]
                             for r in report.learners])

    lines += ["", "Quiz bests (share of points; – not taken)"]
    header = ["learner", *(quiz_label(i) for i in range(len(report.quizzes)))]
    lines += _table(header, [[r.name, *(percent(r.quiz_best[q.id]) if q.id in r.quiz_best
                                        else "–" for q in report.quizzes)]
                             for r in report.learners])
    pad = max((len(q.id) for q in report.quizzes), default=0)
    lines += [f"  {quiz_label(i)} {q.id.ljust(pad)}  {q.title}"
              for i, q in enumerate(report.quizzes)]

    lines += ["", "Mastery per concept (" + ", ".join(
        f"{MASTERY_MARKS[level]} {level}" for level in MASTERY_LEVELS[1:]) + ")"]
    if not report.concepts:
        lines.append("  No quiz answers yet.")
    pad = max((len(c) for c in report.concepts), default=0)
    for concept in report.concepts:
        groups = "  ".join(f"{MASTERY_MARKS[level]} {', '.join(names)}"
                           for level, names in learners_at(report, concept))
        lines.append(f"  {concept.ljust(pad)}  {groups}")

    lines += ["", "Questions the class gets wrong most"]
    if not report.hardest:
        lines.append("  None answered wrongly yet.")
    for rank, q in enumerate(report.hardest, start=1):
        lines.append(f"{rank:>3}. {q.question_id}: {q.learners_wrong} of {q.learners} "
                     f"learner{'' if q.learners == 1 else 's'} wrong, "
                     f"{q.wrong}/{q.answers} answers wrong")
        if q.prompt:
            lines.append("     " + _clip(q.prompt, width - 5))
    return "\n".join(lines)


def mastery_text_legend() -> str:
    return "/".join(MASTERY_MARKS[level] for level in MASTERY_LEVELS[1:])


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


# ---- the command ---------------------------------------------------------------------------


def class_main(argv: list[str]) -> int:
    """``nntui class``: the report for a teacher, printed, or in a screen with ``--tui``."""
    import sys

    from nntui.cli import _Parser

    parser = _Parser(prog="nntui class",
                     description="The class at a glance, for a teacher: every learner's "
                                 "sections, quiz bests, mastery per concept and last activity, "
                                 "and the questions the class gets wrong most. Only reads.")
    parser.add_argument("--data-dir", metavar="PATH",
                        help="the class folder (default: $NNTUI_HOME or your user data folder)")
    parser.add_argument("--lrs", metavar="URL",
                        help="read the class from this learning record store instead "
                             "(credentials from NNTUI_LRS_USER and NNTUI_LRS_PASSWORD, or "
                             "NNTUI_LRS_TOKEN)")
    parser.add_argument("--tui", action="store_true",
                        help="show the report in tables you can browse (default: print it)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)

    def load() -> ClassReport:
        if args.lrs:
            from nntui.lrs import read_class

            return build_report(read_class(args.lrs))
        from nntui.paths import resolve_data_dir
        from nntui.store import read_class_snapshot

        return build_report(read_class_snapshot(resolve_data_dir(args.data_dir)))

    from nntui.store import StoreError

    try:
        report = load()
    except StoreError as error:
        print(f"nntui: cannot read the class: {error}", file=sys.stderr)
        return 1
    if not args.tui:
        print(render_text(report))
        return 0
    from nntui.screens.classroom import ClassApp

    ClassApp(load).run()
    return 0
