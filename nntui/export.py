"""``nntui export`` and ``nntui stats``: results for a teacher, and a short text summary.

CSV: one row per attempt and per answer (a ``record`` column tells which), for every learner
in the store. xAPI 2.0: one statement per line (JSON Lines). The actor is an account with
homePage ``urn:nntui`` and the learner's name; verbs are the ADL ``answered`` (each answer),
``passed`` / ``failed`` (each scored quiz or game attempt) and ``completed`` (each completion).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import uuid

from nntui import sections

CSV_COLUMNS = ("record", "learner", "timestamp", "section_id", "question_id", "correct",
               "response", "seconds", "first_try", "score", "max_score", "won")
HOMEPAGE = "urn:nntui"
XAPI_VERSION = "2.0.0"
VERBS = {name: f"http://adlnet.gov/expapi/verbs/{name}"
         for name in ("answered", "completed", "passed", "failed")}
ACTIVITY_BASE = "urn:nntui:activity:"
# A fixed namespace so the same record always gets the same statement id (re-exports dedupe).
_ID_NAMESPACE = uuid.UUID("6d1c3c2e-5b8a-4c51-9d4e-2f6a7b0c9e13")


def _ts(moment) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def csv_rows(store, all_learners: bool = True) -> list[dict]:
    rows = []
    for a in store.all_attempts(all_learners):
        rows.append(dict(record="attempt", learner=a.learner, timestamp=_ts(a.when),
                         section_id=a.section_id, score=f"{a.score:g}",
                         max_score=f"{a.max_score:g}", won=int(a.won)))
    for a in store.all_answers(all_learners):
        rows.append(dict(record="answer", learner=a.learner, timestamp=_ts(a.when),
                         section_id=a.section_id, question_id=a.question_id,
                         correct=int(a.correct), response=a.response,
                         seconds=f"{a.seconds:.1f}", first_try=int(a.first_try)))
    rows.sort(key=lambda r: (r["timestamp"], r["record"]))
    return [{column: row.get(column, "") for column in CSV_COLUMNS} for row in rows]


def write_csv(store, out, all_learners: bool = True) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    rows = csv_rows(store, all_learners)
    writer.writerows(rows)
    return len(rows)


def _actor(learner: str) -> dict:
    return {"objectType": "Agent", "account": {"homePage": HOMEPAGE, "name": learner}}


def _activity(activity_id: str, name: str) -> dict:
    return {"objectType": "Activity", "id": ACTIVITY_BASE + activity_id,
            "definition": {"name": {"en": name}}}


def _statement(key: str, learner: str, verb: str, obj: dict, when, result: dict | None):
    statement = {
        "id": str(uuid.uuid5(_ID_NAMESPACE, key)),
        "actor": _actor(learner),
        "verb": {"id": VERBS[verb], "display": {"en": verb}},
        "object": obj,
        "timestamp": _ts(when),
        "version": XAPI_VERSION,
    }
    if result is not None:
        statement["result"] = result
    return statement


def _title(section_id: str) -> str:
    section = sections.SECTION_BY_ID.get(section_id)
    return section.title if section else section_id


def xapi_statements(store, all_learners: bool = True) -> list[dict]:
    statements = []
    for a in store.all_attempts(all_learners):
        scaled = a.score / a.max_score if a.max_score else 0.0
        result = {"score": {"scaled": round(scaled, 4), "raw": a.score, "min": 0,
                            "max": a.max_score}, "success": a.won, "completion": True}
        statements.append(_statement(f"attempt:{store.path}:{a.id}", a.learner,
                                     "passed" if a.won else "failed",
                                     _activity(a.section_id, _title(a.section_id)),
                                     a.when, result))
    for a in store.all_answers(all_learners):
        result = {"score": {"scaled": 1.0 if a.correct else 0.0, "raw": int(a.correct),
                            "min": 0, "max": 1}, "success": a.correct, "response": a.response,
                  "duration": f"PT{a.seconds:.1f}S"}
        statements.append(_statement(f"answer:{store.path}:{a.id}", a.learner, "answered",
                                     _activity(f"{a.section_id}/{a.question_id}", a.question_id),
                                     a.when, result))
    for c in store.all_completions(all_learners):
        statements.append(_statement(f"completion:{store.path}:{c.id}", c.learner, "completed",
                                     _activity(c.section_id, _title(c.section_id)), c.when,
                                     {"completion": True}))
    statements.sort(key=lambda s: s["timestamp"])
    return statements


def write_xapi(store, out, all_learners: bool = True) -> int:
    statements = xapi_statements(store, all_learners)
    for statement in statements:
        out.write(json.dumps(statement, ensure_ascii=False) + "\n")
    return len(statements)


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    from nntui.cli import _Parser

    parser = _Parser(prog=prog, description=description)
    parser.add_argument("--learner", metavar="NAME", help="whose progress (default: you)")
    parser.add_argument("--data-dir", metavar="PATH",
                        help="folder for progress (default: $NNTUI_HOME or your user data folder)")
    return parser


def _open_store(args):
    from nntui.paths import default_learner, resolve_data_dir
    from nntui.store import Store

    return Store.open(resolve_data_dir(args.data_dir), args.learner or default_learner())


def export_main(argv: list[str]) -> int:
    parser = _parser("nntui export", "Export attempts and answers for a teacher.")
    parser.add_argument("--format", choices=("csv", "xapi"), required=True,
                        help="csv: one row per attempt and answer; xapi: xAPI 2.0 statements, "
                             "one JSON object per line")
    parser.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    parser.add_argument("--only-learner", action="store_true",
                        help="only --learner's records (default: every learner in the store)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    writer = write_csv if args.format == "csv" else write_xapi
    with _open_store(args) as store:
        buffer = io.StringIO()
        count = writer(store, buffer, all_learners=not args.only_learner)
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as f:
            f.write(buffer.getvalue())
        print(f"{count} record(s) written to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(buffer.getvalue())
    return 0


def stats_main(argv: list[str]) -> int:
    parser = _parser("nntui stats", "Print a short summary of a learner's progress.")
    parser.add_argument("--all", action="store_true", help="every learner in the store")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    from nntui.quiz.report import summary
    from nntui.store import Store

    with _open_store(args) as store:
        learners = store.all_learners() if args.all else [store.learner]
        blocks = []
        for name in learners:
            if name == store.learner:
                blocks.append(summary(store))
            else:
                with Store.open(store.path.parent, name) as other:
                    blocks.append(summary(other))
    print("\n\n".join(blocks))
    return 0
