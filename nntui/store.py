"""The progress store: one SQLite file, ``progress.sqlite3``, in the data folder.

* Several learners share one file (a ``learners`` table; every row carries a ``learner_id``).
* WAL mode, a busy timeout, and every write is one ``BEGIN IMMEDIATE … COMMIT`` transaction,
  so two nntui processes writing at once lose nothing. Opening retries, with backoff, the steps
  that the busy timeout does not cover (several processes creating one new file at once).
* The schema version lives in ``PRAGMA user_version``; ``MIGRATIONS`` is the ordered list of
  forward steps. Step *k* (0-based) takes a database from version *k* to *k + 1*. Never edit a
  step that has shipped: append a new one.
* A write that fails because of the disk or the file (full, read-only, locked too long, I/O
  error) never raises: the record is kept in memory, in order, and written before the next
  write or on ``flush_pending()``; reads include what is kept. ``save_problem`` says why, and
  ``on_save_notice`` is told once when saving stops working and once when it works again.
* A file that is not a valid database is moved aside (``progress.sqlite3.corrupt-<stamp>``,
  never deleted), a fresh store is started and ``Store.notice`` says where the old file went.
* Timestamps are stored as UTC ISO 8601 text with milliseconds and a ``Z`` suffix
  (``2024-05-01T12:34:56.789Z``): sortable as text and understood by SQLite's date functions.
  Calendar days (``activity_days``, ``streak``) are the learner's local days.

Only the standard library is imported here (no Textual, no rich, no NumPy).
"""

from __future__ import annotations

import json
import math
import os
import random
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar

FILENAME = "progress.sqlite3"
BUSY_TIMEOUT_MS = 10_000

_T = TypeVar("_T")

__all__ = [
    "FILENAME",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Answer",
    "Attempt",
    "ClassSnapshot",
    "SectionEvent",
    "Store",
    "StoreError",
    "StoreTooNewError",
    "UnknownLearnerError",
    "read_class_snapshot",
]


# --------------------------------------------------------------------------------------------
# Schema history. Each entry is the list of statements of one forward step.

MIGRATIONS: list[list[str]] = [
    # v0 -> v1: learners, visits, completions, scored attempts.
    [
        """CREATE TABLE learners (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL
        )""",
        """CREATE TABLE visits (
            id INTEGER PRIMARY KEY,
            learner_id INTEGER NOT NULL REFERENCES learners(id),
            section_id TEXT NOT NULL,
            ts TEXT NOT NULL
        )""",
        "CREATE INDEX visits_learner_ts ON visits(learner_id, ts)",
        """CREATE TABLE completions (
            id INTEGER PRIMARY KEY,
            learner_id INTEGER NOT NULL REFERENCES learners(id),
            section_id TEXT NOT NULL,
            ts TEXT NOT NULL
        )""",
        "CREATE INDEX completions_learner ON completions(learner_id, section_id)",
        """CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            learner_id INTEGER NOT NULL REFERENCES learners(id),
            section_id TEXT NOT NULL,
            score REAL NOT NULL,
            max_score REAL NOT NULL,
            won INTEGER NOT NULL,
            ts TEXT NOT NULL
        )""",
        "CREATE INDEX attempts_learner_section ON attempts(learner_id, section_id)",
    ],
    # v1 -> v2: free-form attempt details, quiz answers, per-learner settings.
    [
        "ALTER TABLE attempts ADD COLUMN details TEXT",
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            learner_id INTEGER NOT NULL REFERENCES learners(id),
            section_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            correct INTEGER NOT NULL,
            response TEXT NOT NULL,
            seconds REAL NOT NULL,
            first_try INTEGER NOT NULL,
            attempt_id INTEGER REFERENCES attempts(id) ON DELETE SET NULL,
            ts TEXT NOT NULL
        )""",
        "CREATE INDEX answers_learner_question ON answers(learner_id, question_id)",
        "CREATE INDEX answers_learner_section ON answers(learner_id, section_id)",
        """CREATE TABLE settings (
            learner_id INTEGER NOT NULL REFERENCES learners(id),
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            updated TEXT NOT NULL,
            PRIMARY KEY (learner_id, key)
        )""",
    ],
    # v2 -> v3: spaced-review cards (fsrs Card JSON, with its due time pulled out for queries).
    [
        """CREATE TABLE cards (
            learner_id INTEGER NOT NULL REFERENCES learners(id),
            question_id TEXT NOT NULL,
            card TEXT NOT NULL,
            due TEXT NOT NULL,
            updated TEXT NOT NULL,
            PRIMARY KEY (learner_id, question_id)
        )""",
        "CREATE INDEX cards_learner_due ON cards(learner_id, due)",
    ],
    # v3 -> v4: statements waiting to be sent to a learning record store (``nntui --lrs``).
    [
        """CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            learner_id INTEGER NOT NULL REFERENCES learners(id),
            endpoint TEXT NOT NULL,
            statement_id TEXT NOT NULL,
            statement TEXT NOT NULL,
            created TEXT NOT NULL,
            tries INTEGER NOT NULL DEFAULT 0,
            sent TEXT,
            rejected TEXT,
            UNIQUE (endpoint, statement_id)
        )""",
        "CREATE INDEX outbox_waiting ON outbox(endpoint, learner_id, sent, rejected, id)",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)

# Tables holding per-learner rows, children before parents (answers reference attempts).
_LEARNER_TABLES = ("answers", "cards", "settings", "visits", "completions", "attempts")


# --------------------------------------------------------------------------------------------
# Errors and rows


class StoreError(Exception):
    """The progress store cannot be used (e.g. the folder cannot be written)."""


class StoreTooNewError(StoreError):
    """The file was written by a newer nntui whose schema this version does not know."""


class UnknownLearnerError(StoreError):
    """``Store.open(…, create_learner=False)`` for a name that has no progress in the file."""

    def __init__(self, name: str, path: Path, learners: list[str]) -> None:
        self.learners = learners
        known = (f"learners there: {', '.join(learners)}" if learners
                 else "nobody has progress there yet")
        super().__init__(f"no learner {name!r} in {path} ({known})")


class _NotOurs(Exception):
    """Internal: the file is a valid SQLite database, but not an nntui progress store."""


@dataclass(frozen=True, slots=True)
class SectionEvent:
    """A visit to a section, or a completion of it."""

    id: int
    learner: str
    section_id: str
    when: datetime


@dataclass(frozen=True, slots=True)
class Attempt:
    id: int
    learner: str
    section_id: str
    score: float
    max_score: float
    won: bool
    details: dict[str, Any] | None
    when: datetime

    @property
    def fraction(self) -> float:
        return self.score / self.max_score


@dataclass(frozen=True, slots=True)
class Answer:
    id: int
    learner: str
    section_id: str
    question_id: str
    correct: bool
    response: str
    seconds: float
    first_try: bool
    attempt_id: int | None
    when: datetime


@dataclass(slots=True, eq=False)
class _Unsaved:
    """One write not made yet, kept in memory in the order it was asked for."""

    table: str
    #: The columns to write, in the order the read queries select them (learner_id excluded).
    row: dict[str, Any]
    #: For settings and cards: delete the row with ``row[key]`` instead of writing it.
    delete: bool = False
    #: Inserts: a negative id, handed to the caller while the row is unsaved.
    temp_id: int | None = None
    #: The caller holds ``temp_id``: remember the id it is saved under (answers may use it).
    handed_out: bool = False
    saved_id: int | None = None


#: Tables with one row per learner and key (written as an upsert).
_KEYED = {"settings": "key", "cards": "question_id"}


# --------------------------------------------------------------------------------------------
# Time helpers


def _utc(moment: datetime | str | None) -> datetime:
    """An aware UTC datetime. Naive datetimes are taken as local time; ISO strings without an
    offset are taken as UTC (the store's own convention)."""
    if moment is None:
        return datetime.now(timezone.utc)
    if isinstance(moment, str):
        parsed = datetime.fromisoformat(moment.strip())
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=timezone.utc)
        return parsed.astimezone(timezone.utc)
    if isinstance(moment, datetime):
        return moment.astimezone(timezone.utc)
    raise TypeError(f"expected a datetime or ISO string, got {type(moment).__name__}")


def _iso(moment: datetime | str | None) -> str:
    """The stored form: UTC, milliseconds, ``Z``. Fixed width, so text order is time order."""
    utc = _utc(moment)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def _parse(ts: str) -> datetime:
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _free_name(base: Path) -> Path:
    """``base``, or ``base-2``, ``base-3``… if it is taken (two events in the same second)."""
    if not base.exists():
        return base
    n = 2
    while True:
        candidate = base.with_name(f"{base.name}-{n}")
        if not candidate.exists():
            return candidate
        n += 1


def _json_default(obj: Any) -> Any:
    # NumPy scalars and arrays (games compute with NumPy) without importing NumPy here.
    tolist = getattr(obj, "tolist", None)
    if callable(tolist):
        return tolist()
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    raise TypeError(f"{type(obj).__name__} is not JSON serialisable")


def _dumps(value: Any) -> str:
    return json.dumps(value, default=_json_default, ensure_ascii=False, separators=(",", ":"))


def _check_id(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string, got {value!r}")
    return value


def _check_number(name: str, value: Any) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return number


# --------------------------------------------------------------------------------------------
# The store


class Store:
    """One learner's view of the shared progress file. Open with ``Store.open``.

    Thread-safe (one lock around the connection); use as a context manager or call ``close``.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, learner: str, learner_id: int,
                 notice: str | None) -> None:
        self._conn: sqlite3.Connection | None = conn
        self._lock = threading.RLock()
        self.path = path
        self.data_dir = path.parent
        self.learner = learner
        self._learner_id = learner_id
        #: A sentence for the learner when something happened at open (a corrupt file was
        #: moved aside), else None. The app shows it once.
        self.notice = notice
        #: Why records are kept in memory instead of the file (a sentence), else None.
        self.save_problem: str | None = None
        #: Called as ``on_save_notice(sentence, problem)`` once when saving stops working
        #: (``problem=True``) and once when everything kept has been written (False).
        self.on_save_notice: Callable[[str, bool], None] | None = None
        #: Called as ``on_saved(conn, table, row_id, row)`` for every row inserted, inside the
        #: transaction that inserts it (so what it writes is saved with the row, or not at
        #: all). ``nntui --lrs`` queues the row's xAPI statement this way.
        self.on_saved: Callable[[sqlite3.Connection, str, int, dict[str, Any]], None] | None = None
        self._unsaved: deque[_Unsaved] = deque()
        self._last_temp_id = 0
        self._saved_ids: dict[int, int] = {}  # temp id handed out -> the id it was saved under

    # ---- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str], learner: str | None = None, *,
             create_learner: bool = True) -> Store:
        """Open (creating if needed) ``<data_dir>/progress.sqlite3`` for ``learner``
        (default: the OS user name). With ``create_learner=False`` (commands that only read)
        a learner who is not in the file, or a file that does not exist, raises
        ``UnknownLearnerError`` and nothing is created but the folder."""
        if learner is None:
            from nntui.paths import default_learner

            learner = default_learner()
        learner = _check_id("learner", learner).strip()
        folder = Path(data_dir).expanduser()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the data folder {folder}: {exc}") from exc
        path = folder / FILENAME
        if not create_learner and not path.exists():
            raise UnknownLearnerError(learner, path, [])

        notice = None
        try:
            if not _has_sqlite_header(path):
                # Checked before connecting: SQLite would otherwise take over (and, on close,
                # delete) a -wal file lying next to the garbage.
                raise sqlite3.DatabaseError("file is not a database")
            conn = cls._connect_and_migrate(path)
        except (sqlite3.DatabaseError, _NotOurs) as exc:
            if not _is_unreadable(exc):
                raise StoreError(f"cannot open the progress file {path}: {exc}") from exc
            moved = _move_aside(path)
            why = ("is not an nntui progress file" if isinstance(exc, _NotOurs)
                   else "could not be read (it is not a valid database)")
            notice = (f"Your progress file {path} {why}. It was moved to {moved} "
                      f"and a fresh progress file was started.")
            conn = cls._connect_and_migrate(path)

        try:
            if create_learner:
                learner_id = _when_unlocked(lambda: _ensure_learner(conn, learner))
            else:
                learner_id = _find_learner(conn, learner, path)
        except sqlite3.Error as exc:  # e.g. a new learner on a full disk
            conn.close()
            raise StoreError(f"cannot add the learner {learner!r} to {path}: {exc}") from exc
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, learner, learner_id, notice)

    @staticmethod
    def _connect_and_migrate(path: Path) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                                   timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot open the progress file {path}: {exc}") from exc
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # Switching a new file to WAL needs an exclusive lock, and SQLite answers "database
            # is locked" at once, without the busy handler, when another process is switching
            # or migrating the same new file: retry that step (and the migration) by hand.
            _when_unlocked(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
            # NORMAL is safe from corruption in WAL mode; it only risks the last commit on a
            # power cut, and makes a commit cost microseconds instead of an fsync.
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            _when_unlocked(lambda: _migrate(conn))
        except BaseException:
            conn.close()
            raise
        return conn

    # ---- plumbing --------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._conn is None:
            raise StoreError("the progress store is closed")

    @property
    def conn(self) -> sqlite3.Connection:
        self._check_open()
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, holding the thread lock."""
        with self._lock, _transaction(self.conn) as conn:
            yield conn

    def _read(self, sql: str, params: tuple | Mapping = ()) -> list[tuple]:
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def close(self) -> None:
        """Close the file, after a last try at writing what is kept in memory."""
        if self._unsaved and not self.closed:
            self.flush_pending()  # outside the lock, as it may tell the listener
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.execute("PRAGMA optimize")
                except sqlite3.Error:
                    pass
                self._conn.close()
                self._conn = None

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}, learner={self.learner!r})"

    # ---- saving, and keeping in memory what cannot be saved yet ----------------------------

    @property
    def learner_id(self) -> int:
        """This learner's row id in the file (for tables keyed on it, e.g. the outbox)."""
        return self._learner_id

    @contextmanager
    def settled(self) -> Iterator[None]:
        """Hold the store's lock: no write of this store is half-way while inside (a write
        from ``on_saved`` is then committed, or rolled back)."""
        with self._lock:
            yield

    @property
    def unsaved_count(self) -> int:
        """How many records are kept in memory, waiting to be written."""
        return len(self._unsaved)

    def flush_pending(self) -> bool:
        """Try to write every record kept in memory; True when nothing is left unsaved."""
        with self._lock:
            self._check_open()
            notice = self._flush_locked()
        self._tell(notice)
        return not self._unsaved

    def _save(self, record: _Unsaved) -> int | None:
        """Write ``record`` after every older unsaved one, or keep it in memory if the file
        cannot be written now. Returns the row id for inserts (negative while unsaved)."""
        with self._lock:
            self._check_open()
            if not record.delete and record.table not in _KEYED:
                self._last_temp_id -= 1
                record.temp_id = self._last_temp_id
            self._unsaved.append(record)
            notice = self._flush_locked()
            # The queue is emptied from the front, so the record is unsaved iff still last.
            unsaved = bool(self._unsaved) and self._unsaved[-1] is record
            record.handed_out = unsaved and record.temp_id is not None
        self._tell(notice)
        return record.temp_id if unsaved else record.saved_id

    def _flush_locked(self) -> tuple[str, bool] | None:
        """Write the kept records oldest first, one transaction each (a record leaves the
        queue only once its COMMIT succeeded: nothing is written twice), stopping at the
        first that cannot be saved. Returns the notice to give, if the state changed."""
        had_problem = self.save_problem is not None
        while self._unsaved:
            record = self._unsaved[0]
            try:
                with _transaction(self.conn) as conn:
                    record.saved_id = self._write_record(conn, record)
                    if self.on_saved is not None and record.saved_id is not None \
                            and record.table not in _KEYED:
                        self.on_saved(conn, record.table, record.saved_id,
                                      self._with_saved_attempt(record.row))
            except sqlite3.Error as exc:
                why = _why_unsaved(exc)
                if why is None:  # a bug, not the disk: retrying it would fail forever
                    self._unsaved.popleft()
                    raise
                if had_problem:
                    return None
                reason, when = why
                self.save_problem = (
                    f"Progress cannot be saved to {self.path}: {reason}. Your answers are kept "
                    f"in memory and will be written {when}.")
                return self.save_problem, True
            self._unsaved.popleft()
            if record.handed_out:
                self._saved_ids[record.temp_id] = record.saved_id
        if not had_problem:
            return None
        self.save_problem = None
        return f"Progress is saved to {self.path} again; nothing was lost.", False

    def _write_record(self, conn: sqlite3.Connection, record: _Unsaved) -> int | None:
        table, row = record.table, self._with_saved_attempt(record.row)
        if record.delete:
            key = _KEYED[table]
            conn.execute(f"DELETE FROM {table} WHERE learner_id = ? AND {key} = ?",
                         (self._learner_id, row[key]))
            return None
        if (row.get("attempt_id") or 0) < 0:  # its attempt was never saved: no link
            row["attempt_id"] = None
        sql = (f"INSERT INTO {table} (learner_id, {', '.join(row)}) "
               f"VALUES ({', '.join('?' * (len(row) + 1))})")
        if table in _KEYED:
            key = _KEYED[table]
            sql += (f" ON CONFLICT (learner_id, {key}) DO UPDATE SET "
                    + ", ".join(f"{c} = excluded.{c}" for c in row if c != key))
        return int(conn.execute(sql, (self._learner_id, *row.values())).lastrowid)

    def _with_saved_attempt(self, row: dict[str, Any]) -> dict[str, Any]:
        """An answer given while its attempt was unsaved points at the attempt's saved id."""
        attempt_id = row.get("attempt_id")
        if attempt_id is None or attempt_id > 0 or attempt_id not in self._saved_ids:
            return row
        return {**row, "attempt_id": self._saved_ids[attempt_id]}

    def _tell(self, notice: tuple[str, bool] | None) -> None:
        # Called outside the lock: the listener may read the store.
        if notice is not None and self.on_save_notice is not None:
            self.on_save_notice(*notice)

    def _kept(self, table: str) -> list[_Unsaved]:
        """The unsaved records of one table, oldest first (reads merge them in)."""
        with self._lock:
            return [r for r in self._unsaved if r.table == table]

    def _kept_rows(self, table: str) -> list[tuple]:
        """Unsaved inserts as rows shaped like the read queries' (id, learner, columns…)."""
        return [(r.temp_id, self.learner, *self._with_saved_attempt(r.row).values())
                for r in self._kept(table)]

    # ---- sections --------------------------------------------------------------------------

    def record_visit(self, section_id: str, *, now: datetime | str | None = None) -> None:
        _check_id("section_id", section_id)
        self._save(_Unsaved("visits", {"section_id": section_id, "ts": _iso(now)}))

    def record_completion(self, section_id: str, *, now: datetime | str | None = None) -> None:
        """A lesson or animation marks itself complete (may be called more than once)."""
        _check_id("section_id", section_id)
        self._save(_Unsaved("completions", {"section_id": section_id, "ts": _iso(now)}))

    def record_attempt(self, section_id: str, score: float, max_score: float, won: bool,
                       details: Mapping[str, Any] | None = None, *,
                       now: datetime | str | None = None) -> int:
        """Store one scored attempt at a game or quiz; returns its id (negative while the
        attempt is only kept in memory; answers may still refer to it)."""
        _check_id("section_id", section_id)
        score = _check_number("score", score)
        max_score = _check_number("max_score", max_score)
        if max_score <= 0:
            raise ValueError(f"max_score must be positive, got {max_score!r}")
        if details is not None and not isinstance(details, Mapping):
            raise TypeError("details must be a dict (JSON-able) or None")
        encoded = None if details is None else _dumps(dict(details))
        return self._save(_Unsaved("attempts", {
            "section_id": section_id, "score": score, "max_score": max_score,
            "won": int(bool(won)), "details": encoded, "ts": _iso(now)}))

    _ATTEMPT_COLS = ("a.id, l.name, a.section_id, a.score, a.max_score, a.won, a.details, a.ts "
                     "FROM attempts a JOIN learners l ON l.id = a.learner_id")

    @staticmethod
    def _attempt(row: tuple) -> Attempt:
        id_, learner, section, score, max_score, won, details, ts = row
        return Attempt(id_, learner, section, score, max_score, bool(won),
                       None if details is None else json.loads(details), _parse(ts))

    def _kept_attempts(self, section_id: str | None = None) -> list[Attempt]:
        return [a for a in map(self._attempt, self._kept_rows("attempts"))
                if section_id is None or a.section_id == section_id]

    def best(self, section_id: str) -> Attempt | None:
        """The attempt with the highest score / max_score (ties: a won one, then the earliest)."""
        rows = self._read(
            f"SELECT {self._ATTEMPT_COLS} WHERE a.learner_id = ? AND a.section_id = ? "
            "ORDER BY a.score / a.max_score DESC, a.won DESC, a.ts ASC, a.id ASC LIMIT 1",
            (self._learner_id, section_id))
        candidates = [self._attempt(r) for r in rows] + self._kept_attempts(section_id)
        # min() keeps the first of equals: the saved one, then the older unsaved one.
        return min(candidates, key=lambda a: (-a.fraction, not a.won, a.when), default=None)

    def attempts(self, section_id: str) -> list[Attempt]:
        """This learner's attempts at a section, oldest first."""
        rows = self._read(
            f"SELECT {self._ATTEMPT_COLS} WHERE a.learner_id = ? AND a.section_id = ? "
            "ORDER BY a.ts, a.id", (self._learner_id, section_id))
        return _oldest_first([self._attempt(r) for r in rows] + self._kept_attempts(section_id))

    def completed_sections(self) -> set[str]:
        """Sections with a recorded completion or a won attempt."""
        rows = self._read(
            "SELECT section_id FROM completions WHERE learner_id = ?1 "
            "UNION SELECT section_id FROM attempts WHERE learner_id = ?1 AND won",
            (self._learner_id,))
        kept = {e.section_id for e in self._kept_events("completions")}
        kept |= {a.section_id for a in self._kept_attempts() if a.won}
        return {r[0] for r in rows} | kept

    def last_visited(self) -> str | None:
        """The most recently visited section, for "continue where you left off"."""
        rows = self._read("SELECT section_id, ts FROM visits WHERE learner_id = ? "
                          "ORDER BY ts DESC, id DESC LIMIT 1", (self._learner_id,))
        visits = [(_parse(ts), section) for section, ts in rows]
        visits += [(e.when, e.section_id) for e in self._kept_events("visits")]
        # max() keeps the first of equals, so walk newest first: the latest recorded wins.
        return max(reversed(visits), key=lambda v: v[0], default=(None, None))[1]

    def visits_count(self, section_id: str) -> int:
        saved = self._read("SELECT count(*) FROM visits WHERE learner_id = ? AND section_id = ?",
                           (self._learner_id, section_id))[0][0]
        return saved + sum(e.section_id == section_id for e in self._kept_events("visits"))

    def activity_days(self) -> list[date]:
        """Sorted local calendar days with any activity (visit, completion, attempt, answer)."""
        # Distinct minutes first (cheap text), then the costly UTC -> local conversion on
        # those only. SQLite reads "YYYY-MM-DDTHH:MM" as UTC, which is what we stored.
        rows = self._read(
            "SELECT DISTINCT date(m, 'localtime') AS d FROM ("
            " SELECT substr(ts, 1, 16) AS m FROM visits WHERE learner_id = ?1"
            " UNION SELECT substr(ts, 1, 16) FROM completions WHERE learner_id = ?1"
            " UNION SELECT substr(ts, 1, 16) FROM attempts WHERE learner_id = ?1"
            " UNION SELECT substr(ts, 1, 16) FROM answers WHERE learner_id = ?1"
            ") ORDER BY d", (self._learner_id,))
        days = {date.fromisoformat(r[0]) for r in rows if r[0]}
        with self._lock:
            days |= {_parse(r.row["ts"]).astimezone().date() for r in self._unsaved
                     if r.table in ("visits", "completions", "attempts", "answers")}
        return sorted(days)

    def streak(self, today: date | None = None) -> int:
        """Days in a row with activity, ending today — or yesterday, so a streak is not lost
        before the learner has had a chance to study today."""
        if today is None:
            today = date.today()
        days = set(self.activity_days())
        day = today if today in days else today - timedelta(days=1)
        count = 0
        while day in days:
            count += 1
            day -= timedelta(days=1)
        return count

    # ---- quiz answers ----------------------------------------------------------------------

    def record_answer(self, section_id: str, question_id: str, correct: bool, response: str,
                      seconds: float, first_try: bool, attempt_id: int | None = None, *,
                      now: datetime | str | None = None) -> int:
        """Store one answer to one question, verbatim; returns its id (negative while it is
        only kept in memory)."""
        _check_id("section_id", section_id)
        _check_id("question_id", question_id)
        if not isinstance(response, str):
            raise TypeError("response must be a str")
        seconds = _check_number("seconds", seconds)
        return self._save(_Unsaved("answers", {
            "section_id": section_id, "question_id": question_id, "correct": int(bool(correct)),
            "response": response, "seconds": seconds, "first_try": int(bool(first_try)),
            "attempt_id": attempt_id, "ts": _iso(now)}))

    _ANSWER_COLS = ("a.id, l.name, a.section_id, a.question_id, a.correct, a.response, "
                    "a.seconds, a.first_try, a.attempt_id, a.ts "
                    "FROM answers a JOIN learners l ON l.id = a.learner_id")

    @staticmethod
    def _answer(row: tuple) -> Answer:
        id_, learner, section, question, correct, response, seconds, first, attempt, ts = row
        return Answer(id_, learner, section, question, bool(correct), response, seconds,
                      bool(first), attempt, _parse(ts))

    def answers(self, question_id: str | None = None,
                section_id: str | None = None) -> list[Answer]:
        """This learner's answers, oldest first, optionally for one question and/or section."""
        rows = self._read(
            f"SELECT {self._ANSWER_COLS} WHERE a.learner_id = ?"
            " AND (?2 IS NULL OR a.question_id = ?2) AND (?3 IS NULL OR a.section_id = ?3)"
            " ORDER BY a.ts, a.id", (self._learner_id, question_id, section_id))
        kept = [a for a in map(self._answer, self._kept_rows("answers"))
                if question_id in (None, a.question_id) and section_id in (None, a.section_id)]
        return _oldest_first([self._answer(r) for r in rows] + kept)

    # ---- settings --------------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        kept = [r for r in self._kept("settings") if r.row["key"] == key]
        if kept:
            return default if kept[-1].delete else json.loads(kept[-1].row["value"])
        rows = self._read("SELECT value FROM settings WHERE learner_id = ? AND key = ?",
                          (self._learner_id, key))
        return json.loads(rows[0][0]) if rows else default

    def set_setting(self, key: str, value: Any) -> None:
        """Store any JSON-able value under ``key`` for this learner (replacing the old one)."""
        _check_id("key", key)
        encoded = _dumps(value)
        self._save(_Unsaved("settings", {"key": key, "value": encoded, "updated": _iso(None)}))

    def delete_setting(self, key: str) -> None:
        self._save(_Unsaved("settings", {"key": key}, delete=True))

    # ---- spaced-review cards ---------------------------------------------------------------

    def save_card(self, question_id: str, card_json: str, due: datetime | str) -> None:
        """Store the review card for a question (opaque JSON text, e.g. ``fsrs.Card.to_json()``)
        and when it is next due (an aware datetime or ISO string; normalised to UTC)."""
        _check_id("question_id", question_id)
        if not isinstance(card_json, str):
            raise TypeError("card_json must be a str (JSON text)")
        self._save(_Unsaved("cards", {"question_id": question_id, "card": card_json,
                                      "due": _iso(due), "updated": _iso(None)}))

    def load_cards(self) -> dict[str, str]:
        """Every card of this learner: question id → card JSON text."""
        rows = self._read("SELECT question_id, card, due FROM cards WHERE learner_id = ?",
                          (self._learner_id,))
        return {q: card for q, (card, _) in sorted(self._with_kept_cards(rows).items())}

    def due_cards(self, now: datetime | str | None = None) -> list[str]:
        """Question ids whose card is due at ``now`` (default: now), earliest due first."""
        now_iso = _iso(now)
        rows = self._read("SELECT question_id, card, due FROM cards WHERE learner_id = ? "
                          "AND due <= ?", (self._learner_id, now_iso))
        due = {q: d for q, (_, d) in self._with_kept_cards(rows).items() if d <= now_iso}
        return sorted(due, key=lambda q: (due[q], q))

    def _with_kept_cards(self, rows: list[tuple]) -> dict[str, tuple[str, str]]:
        """Saved (question, card, due) rows, updated by the unsaved card writes in order."""
        cards = {q: (card, due) for q, card, due in rows}
        for record in self._kept("cards"):
            question = record.row["question_id"]
            if record.delete:
                cards.pop(question, None)
            else:
                cards[question] = (record.row["card"], record.row["due"])
        return cards

    def delete_card(self, question_id: str) -> None:
        self._save(_Unsaved("cards", {"question_id": question_id}, delete=True))

    # ---- learners, export ------------------------------------------------------------------

    def all_learners(self) -> list[str]:
        return [r[0] for r in self._read("SELECT name FROM learners ORDER BY name")]

    def _scope(self, alias: str, all_learners: bool) -> tuple[str, tuple]:
        if all_learners:
            return "1", ()
        return f"{alias}.learner_id = ?", (self._learner_id,)

    def all_attempts(self, all_learners: bool = False) -> list[Attempt]:
        where, params = self._scope("a", all_learners)
        rows = self._read(f"SELECT {self._ATTEMPT_COLS} WHERE {where} ORDER BY a.ts, a.id",
                          params)
        return _oldest_first([self._attempt(r) for r in rows] + self._kept_attempts())

    def all_answers(self, all_learners: bool = False) -> list[Answer]:
        where, params = self._scope("a", all_learners)
        rows = self._read(f"SELECT {self._ANSWER_COLS} WHERE {where} ORDER BY a.ts, a.id",
                          params)
        kept = [self._answer(r) for r in self._kept_rows("answers")]
        return _oldest_first([self._answer(r) for r in rows] + kept)

    def _events(self, table: str, all_learners: bool) -> list[SectionEvent]:
        where, params = self._scope("e", all_learners)
        rows = self._read(f"SELECT e.id, l.name, e.section_id, e.ts FROM {table} e "
                          f"JOIN learners l ON l.id = e.learner_id WHERE {where} "
                          "ORDER BY e.ts, e.id", params)
        saved = [SectionEvent(i, n, s, _parse(t)) for i, n, s, t in rows]
        return _oldest_first(saved + self._kept_events(table))

    def _kept_events(self, table: str) -> list[SectionEvent]:
        return [SectionEvent(i, n, s, _parse(t)) for i, n, s, t in self._kept_rows(table)]

    def all_visits(self, all_learners: bool = False) -> list[SectionEvent]:
        return self._events("visits", all_learners)

    def all_completions(self, all_learners: bool = False) -> list[SectionEvent]:
        return self._events("completions", all_learners)

    # ---- reset -----------------------------------------------------------------------------

    def backup(self) -> Path:
        """A consistent copy of the whole file, ``progress.sqlite3.bak-YYYYmmdd-HHMMSS``."""
        with self._lock:
            return self._backup_locked()

    def _backup_locked(self) -> Path:
        # Read through a second connection: it sees the last committed state even while our
        # own connection holds the write lock (WAL), whereas backing up from a connection that
        # is inside a write transaction just spins on SQLITE_BUSY.
        target = _free_name(self.path.with_name(f"{FILENAME}.bak-{_stamp()}"))
        source = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            dest = sqlite3.connect(target)
            try:
                source.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                dest.close()
        finally:
            source.close()
        return target

    def reset(self, backup: bool = True, learner_only: bool = True) -> Path | None:
        """For ``--reset-progress``: back the file up (unless ``backup=False``), then delete
        this learner's rows — or every learner's rows with ``learner_only=False`` (the
        learners themselves stay). Returns the backup path, or None.

        The backup and the deletion happen under one write lock, so nothing written by another
        process in between can be lost without being in the backup.
        """
        try:
            with self._write() as conn:
                target = self._backup_locked() if backup else None
                for table in _LEARNER_TABLES:
                    if learner_only:
                        conn.execute(f"DELETE FROM {table} WHERE learner_id = ?",
                                     (self._learner_id,))
                    else:
                        conn.execute(f"DELETE FROM {table}")
                self._unsaved.clear()  # all of it was this learner's
        except sqlite3.Error as exc:
            raise StoreError(f"cannot reset the progress in {self.path}: {exc}") from exc
        return target


# --------------------------------------------------------------------------------------------
# The whole class, read-only (``nntui class``)


@dataclass(frozen=True)
class ClassSnapshot:
    """Every learner's records as they were at one instant. Built from a progress file by
    ``read_class_snapshot``, or from a learning record store's statements (``nntui.lrs``)."""

    source: str  # where it was read from: the file's path, or the LRS's address
    taken: datetime
    learners: list[str]
    attempts: list[Attempt]
    answers: list[Answer]
    completions: list[SectionEvent]
    #: Each learner's latest visit, completion, attempt or answer (absent: none yet).
    last_active: dict[str, datetime]


#: The first schema version with every table a class snapshot reads (answers came in v2).
_SNAPSHOT_FROM_VERSION = 2


def read_class_snapshot(data_dir: str | os.PathLike[str]) -> ClassSnapshot:
    """Every learner's records in ``<data_dir>/progress.sqlite3``, read without writing
    anything (the file is opened read-only) and in one read transaction, so learners writing
    meanwhile never show half-way: each of their writes is either wholly in or wholly out."""
    path = Path(data_dir).expanduser().absolute() / FILENAME
    if not path.exists():
        raise StoreError(f"there is no progress file in {path.parent}")
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the progress file {path}: {exc}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("BEGIN")  # deferred: the first SELECT fixes the snapshot for all of them
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreTooNewError(
                f"{path} was written by a newer nntui (schema v{version}); upgrade nntui")
        if version < _SNAPSHOT_FROM_VERSION:
            raise StoreError(f"{path} is not an nntui progress file of a known version "
                             f"(schema v{version}); open it with nntui once first")
        learners = [r[0] for r in conn.execute("SELECT name FROM learners ORDER BY name")]
        attempts = [Store._attempt(r) for r in conn.execute(
            f"SELECT {Store._ATTEMPT_COLS} ORDER BY a.ts, a.id")]
        answers = [Store._answer(r) for r in conn.execute(
            f"SELECT {Store._ANSWER_COLS} ORDER BY a.ts, a.id")]
        completions = [SectionEvent(i, n, s, _parse(ts)) for i, n, s, ts in conn.execute(
            "SELECT e.id, l.name, e.section_id, e.ts FROM completions e "
            "JOIN learners l ON l.id = e.learner_id ORDER BY e.ts, e.id")]
        last_active = {name: _parse(ts) for name, ts in conn.execute(
            "SELECT l.name, max(t.ts) FROM ("
            " SELECT learner_id, max(ts) AS ts FROM visits GROUP BY learner_id"
            " UNION ALL SELECT learner_id, max(ts) FROM completions GROUP BY learner_id"
            " UNION ALL SELECT learner_id, max(ts) FROM attempts GROUP BY learner_id"
            " UNION ALL SELECT learner_id, max(ts) FROM answers GROUP BY learner_id"
            ") t JOIN learners l ON l.id = t.learner_id GROUP BY l.name")}
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot read the progress file {path}: {exc}") from exc
    finally:
        conn.close()
    return ClassSnapshot(str(path), datetime.now(timezone.utc), learners, attempts, answers,
                         completions, last_active)


# --------------------------------------------------------------------------------------------
# Module helpers


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception. IMMEDIATE takes the write lock
    up front, so a concurrent writer waits on busy_timeout instead of failing with SQLITE_BUSY
    when a read transaction tries to upgrade."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        # Also when COMMIT itself failed (disk full, busy): SQLite may leave the transaction
        # open, and the next BEGIN would fail. The rollback may find it already rolled back.
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        raise


def _oldest_first(rows: list) -> list:
    """Saved rows (already in time order) merged with unsaved ones; a stable sort, so rows of
    the same moment keep their recorded order."""
    return sorted(rows, key=lambda row: row.when)


#: Why a write can fail without it being a bug, by SQLite primary result code: what to tell
#: the learner, and when the kept records will be written.
_UNSAVED_REASONS = {
    sqlite3.SQLITE_FULL: ("the disk is full", "when space is back"),
    sqlite3.SQLITE_READONLY: ("the file or its folder is read-only",
                              "as soon as it can be written again"),
    sqlite3.SQLITE_PERM: ("the file or its folder is read-only",
                          "as soon as it can be written again"),
    sqlite3.SQLITE_CANTOPEN: ("the file cannot be opened", "as soon as it can be opened"),
    sqlite3.SQLITE_BUSY: ("another program has kept it locked for too long",
                          "when it is free again"),
    sqlite3.SQLITE_LOCKED: ("another program has kept it locked for too long",
                            "when it is free again"),
    sqlite3.SQLITE_IOERR: ("the disk reported an error", "when the disk works again"),
    sqlite3.SQLITE_CORRUPT: ("the file is damaged", "if it can be written again"),
    sqlite3.SQLITE_NOTADB: ("the file is damaged", "if it can be written again"),
}
#: The same, for errors without a result code (raised by Python code): by their message.
_UNSAVED_MESSAGES = {"full": sqlite3.SQLITE_FULL, "readonly": sqlite3.SQLITE_READONLY,
                     "locked": sqlite3.SQLITE_BUSY, "disk i/o": sqlite3.SQLITE_IOERR}


def _why_unsaved(exc: sqlite3.Error) -> tuple[str, str] | None:
    """(reason, when) if ``exc`` is the disk's or the file's fault, None if it is a bug."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        text = str(exc).lower()
        code = next((c for word, c in _UNSAVED_MESSAGES.items() if word in text), None)
    return None if code is None else _UNSAVED_REASONS.get(code & 0xFF)


def _is_locked(exc: BaseException) -> bool:
    """SQLITE_BUSY or SQLITE_LOCKED: another connection holds a lock we need."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc).lower()


def _when_unlocked(step: Callable[[], _T], patience: float = BUSY_TIMEOUT_MS / 1000) -> _T:
    """Run ``step`` (one whole statement or transaction), again and again while it fails on a
    lock, for up to ``patience`` seconds. The waits grow and are jittered, so processes that
    collided once do not collide again in lockstep."""
    deadline = time.monotonic() + patience
    wait = 0.002
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if not _is_locked(exc) or time.monotonic() + wait > deadline:
                raise
        time.sleep(wait * random.uniform(0.5, 1.5))
        wait = min(wait * 2, 0.1)


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring the database to SCHEMA_VERSION. Cheap when it is already there (one read)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise StoreTooNewError(
            f"this progress file was written by a newer nntui (schema v{version}; this "
            f"version knows up to v{SCHEMA_VERSION}). Upgrade nntui, or use --data-dir.")
    with _transaction(conn):
        # Re-read under the write lock: another process may have migrated meanwhile.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            tables = conn.execute("SELECT count(*) FROM sqlite_schema "
                                  "WHERE name NOT LIKE 'sqlite_%'").fetchone()[0]
            if tables:
                raise _NotOurs("tables present but no nntui schema version")
        for step in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[step]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step + 1}")


def _find_learner(conn: sqlite3.Connection, name: str, path: Path) -> int:
    row = conn.execute("SELECT id FROM learners WHERE name = ?", (name,)).fetchone()
    if row is None:
        learners = [r[0] for r in conn.execute("SELECT name FROM learners ORDER BY name")]
        raise UnknownLearnerError(name, path, learners)
    return row[0]


def _ensure_learner(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute("SELECT id FROM learners WHERE name = ?", (name,)).fetchone()
    if row:
        return row[0]
    with _transaction(conn):
        conn.execute("INSERT OR IGNORE INTO learners (name, created) VALUES (?, ?)",
                     (name, _iso(None)))
        row = conn.execute("SELECT id FROM learners WHERE name = ?", (name,)).fetchone()
    return row[0]


def _has_sqlite_header(path: Path) -> bool:
    """False only for an existing, non-empty file that does not start like SQLite."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except FileNotFoundError:
        return True
    except OSError:
        return True  # let sqlite3 report the real problem (permissions, a folder…)
    return not head or head == b"SQLite format 3\x00"


def _is_unreadable(exc: BaseException) -> bool:
    if isinstance(exc, _NotOurs):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT)
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _move_aside(path: Path) -> Path:
    """Rename a broken progress file (and any -wal/-shm companions) out of the way."""
    target = _free_name(path.with_name(f"{path.name}.corrupt-{_stamp()}"))
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(target.with_name(target.name + suffix))
    path.replace(target)
    return target
