"""``nntui export`` and ``nntui stats``: results for a teacher, and a short text summary.

CSV: one row per attempt and per answer (a ``record`` column tells which), for every learner
in the store. xAPI 2.0: one statement per line (JSON Lines). The actor is an account with the
learner's name on a home page (``--home-page``); verbs are the ADL ``answered`` (each answer),
``passed`` / ``failed`` (each scored quiz or game attempt) and ``completed`` (each completion).
Activities are named by their section's title; an answered question has its section as parent.
``--format pytorch`` writes the learner's Train a brain network as a PyTorch script instead
(see ``nntui.export_pytorch``).

Both commands only read: they never add a learner to the progress file.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import uuid
from urllib.parse import urlsplit

CSV_COLUMNS = ("record", "learner", "timestamp", "section_id", "question_id", "correct",
               "response", "seconds", "first_try", "score", "max_score", "won")
#: xAPI wants an account's homePage to be a URL (an IRL) naming the system the account lives
#: on. nntui has no web site, so the default is a well-formed https URL under ``.invalid``, a
#: top-level domain reserved never to exist (RFC 2606): a learning record store accepts it,
#: and it cannot be mistaken for, or collide with, any real system. A school exporting into
#: its own store passes its own site with ``--home-page``.
DEFAULT_HOME_PAGE = "https://nntui.invalid"
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


def home_page_url(text: str) -> str:
    """``--home-page``: an http(s) URL with a host, as xAPI requires of an account's home."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a web address; give an http(s) URL with a host, "
            "e.g. https://school.example")
    return text.strip()


def _section_titles() -> dict[str, str]:
    from nntui.sections import SECTIONS

    return {s.id: s.title for s in SECTIONS}


class _Statements:
    """Builds xAPI statements for one export: one home page, the sections' titles."""

    def __init__(self, store, home_page: str) -> None:
        self.store = store
        self.home_page = home_page
        self.titles = _section_titles()

    def section(self, section_id: str) -> dict:
        return _activity(section_id, self.titles.get(section_id, section_id))

    def question(self, section_id: str, question_id: str) -> dict:
        title = self.titles.get(section_id, section_id)
        return _activity(f"{section_id}/{question_id}", f"{title}: question {question_id}")

    def make(self, record, kind: str, verb: str, obj: dict, result: dict,
             parent: dict | None = None) -> dict:
        statement = {
            # Keyed on the file and the row: the same record always gets the same id, so an
            # export sent twice is deduplicated by the receiving store.
            "id": str(uuid.uuid5(_ID_NAMESPACE, f"{kind}:{self.store.path}:{record.id}")),
            "actor": {"objectType": "Agent",
                      "account": {"homePage": self.home_page, "name": record.learner}},
            "verb": {"id": VERBS[verb], "display": {"en": verb}},
            "object": obj,
            "result": result,
            "timestamp": _ts(record.when),
            "version": XAPI_VERSION,
        }
        if parent is not None:
            statement["context"] = {"contextActivities": {"parent": [parent]}}
        return statement

    def attempt(self, a) -> dict:
        scaled = a.score / a.max_score if a.max_score else 0.0
        result = {"score": {"scaled": round(scaled, 4), "raw": a.score, "min": 0,
                            "max": a.max_score}, "success": a.won, "completion": True}
        return self.make(a, "attempt", "passed" if a.won else "failed",
                         self.section(a.section_id), result)

    def answer(self, a) -> dict:
        result = {"score": {"scaled": 1.0 if a.correct else 0.0, "raw": int(a.correct),
                            "min": 0, "max": 1}, "success": a.correct, "response": a.response,
                  "duration": f"PT{a.seconds:.1f}S"}
        return self.make(a, "answer", "answered", self.question(a.section_id, a.question_id),
                         result, parent=self.section(a.section_id))

    def completion(self, c) -> dict:
        return self.make(c, "completion", "completed", self.section(c.section_id),
                         {"completion": True})


def _activity(activity_id: str, name: str) -> dict:
    return {"objectType": "Activity", "id": ACTIVITY_BASE + activity_id,
            "definition": {"name": {"en": name}}}


def xapi_statements(store, all_learners: bool = True,
                    home_page: str = DEFAULT_HOME_PAGE) -> list[dict]:
    build = _Statements(store, home_page)
    statements = [build.attempt(a) for a in store.all_attempts(all_learners)]
    statements += [build.answer(a) for a in store.all_answers(all_learners)]
    statements += [build.completion(c) for c in store.all_completions(all_learners)]
    statements.sort(key=lambda s: s["timestamp"])
    return statements


def write_xapi(store, out, all_learners: bool = True,
               home_page: str = DEFAULT_HOME_PAGE) -> int:
    statements = xapi_statements(store, all_learners, home_page)
    for statement in statements:
        out.write(json.dumps(statement, ensure_ascii=False) + "\n")
    return len(statements)


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    from nntui.cli import _Parser, add_progress_options

    parser = _Parser(prog=prog, description=description)
    add_progress_options(parser)
    return parser


def _open_store(args, *, everyone: bool):
    """The store as ``--learner`` (default: you), who must have progress in it. For a command
    about everyone, any learner of the file will do: they all read the same rows."""
    from nntui.paths import default_learner, resolve_data_dir
    from nntui.store import Store, UnknownLearnerError

    folder = resolve_data_dir(args.data_dir)
    try:
        return Store.open(folder, args.learner or default_learner(), create_learner=False)
    except UnknownLearnerError as error:
        if not everyone or not error.learners:
            raise
        return Store.open(folder, error.learners[0], create_learner=False)


def _reading_progress(command) -> int:
    """``command()``'s exit code; a progress folder or file that cannot be used, or a learner
    who is not in it, is one line on stderr and exit code 1 (as when the app starts)."""
    from nntui.cli import cannot_open_progress
    from nntui.store import StoreError, UnknownLearnerError

    try:
        return command()
    except UnknownLearnerError as error:
        print(f"nntui: {error}", file=sys.stderr)
        return 1
    except (StoreError, OSError) as error:
        return cannot_open_progress(error)


def export_main(argv: list[str]) -> int:
    parser = _parser("nntui export", "Export attempts and answers for a teacher, or your "
                                     "Train a brain network as a PyTorch script.")
    parser.add_argument("--format", choices=("csv", "xapi", "pytorch"), required=True,
                        help="csv: one row per attempt and answer; xapi: xAPI 2.0 statements, "
                             "one JSON object per line; pytorch: --learner's Train a brain "
                             "network as a runnable PyTorch script")
    parser.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    parser.add_argument("--only-learner", action="store_true",
                        help="only --learner's records (default: every learner in the store)")
    parser.add_argument("--home-page", metavar="URL", type=home_page_url,
                        default=DEFAULT_HOME_PAGE,
                        help="xapi: the web address the learners' accounts belong to, e.g. your "
                             f"school's (default: {DEFAULT_HOME_PAGE})")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)

    if args.format == "pytorch":
        return _reading_progress(lambda: _export_pytorch(args))

    def export() -> int:
        buffer = io.StringIO()
        with _open_store(args, everyone=not args.only_learner) as store:
            if args.format == "csv":
                count = write_csv(store, buffer, all_learners=not args.only_learner)
            else:
                count = write_xapi(store, buffer, all_learners=not args.only_learner,
                                   home_page=args.home_page)
        return _deliver(buffer.getvalue(), count, args.out)

    return _reading_progress(export)


def _export_pytorch(args) -> int:
    """The learner's saved Train a brain network as a PyTorch script; a learner with no
    progress yet gets the default setup (the note on stderr says which)."""
    from nntui.export_pytorch import SETUP_KEY, export_brain
    from nntui.store import UnknownLearnerError

    try:
        with _open_store(args, everyone=False) as store:
            saved = store.get_setting(SETUP_KEY)
    except UnknownLearnerError:
        saved = None
    export = export_brain(saved)
    code = _deliver(export.script, 1, args.out, f"PyTorch script written to {args.out}: "
                    f"{export.note}")
    if code == 0 and not args.out:
        print(f"nntui: PyTorch script of {export.note}", file=sys.stderr)
    return code


def _deliver(text: str, count: int, out: str | None, done: str | None = None) -> int:
    """Write the export to standard output or to ``out``; a file that cannot be written is
    one line and exit code 1 (and is not mistaken for the progress file). ``done`` replaces
    the line saying how many records went to ``out``."""
    if not out:
        sys.stdout.write(text)
        return 0
    try:
        with open(out, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    except OSError as error:
        print(f"nntui: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(done or f"{count} record(s) written to {out}", file=sys.stderr)
    return 0


def stats_main(argv: list[str]) -> int:
    parser = _parser("nntui stats", "Print a short summary of a learner's progress.")
    parser.add_argument("--all", action="store_true", help="every learner in the store")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)

    def stats() -> int:
        from nntui.quiz.report import summary
        from nntui.store import Store

        with _open_store(args, everyone=args.all) as store:
            blocks = []
            for name in store.all_learners() if args.all else [store.learner]:
                if name == store.learner:
                    blocks.append(summary(store))
                else:
                    with Store.open(store.data_dir, name, create_learner=False) as other:
                        blocks.append(summary(other))
        print("\n\n".join(blocks))
        return 0

    return _reading_progress(stats)
