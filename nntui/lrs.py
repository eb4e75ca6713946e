"""``--lrs URL``: send each new xAPI statement to a learning record store, and read a class back.

Sending (``nntui --lrs URL``): every answer, scored attempt and completion the store saves gets
its xAPI statement (built as ``nntui export --format xapi`` builds it, with the same stable id)
queued in the progress file's ``outbox`` table, in the same transaction as the record itself —
so a statement is queued if and only if its record is saved. A background thread sends what is
queued with ``PUT statements?statementId=…``: the LRS stores a statement id once, so a statement
sent again (after a crash between sending and marking it sent) is not stored twice. Bounded
time-outs; while the LRS cannot be reached, statements stay queued and the thread retries with
growing, jittered waits. The learner never waits on the network.

Reading (``nntui class --lrs URL``): ``GET statements``, following ``more`` links, back into a
``ClassSnapshot`` for the class report.

Credentials come from the environment, never the command line: ``NNTUI_LRS_USER`` and
``NNTUI_LRS_PASSWORD`` (HTTP basic), or ``NNTUI_LRS_TOKEN`` (a bearer token).
"""

from __future__ import annotations

import base64
import json
import os
import random
import re
import sqlite3
import threading
import urllib.error
import urllib.request
from datetime import datetime, timezone
from urllib.parse import urlencode, urljoin, urlsplit

from nntui.store import BUSY_TIMEOUT_MS, Answer, Attempt, ClassSnapshot, SectionEvent, StoreError

#: The xAPI version header sent: 1.0.3 is what every LRS in use accepts.
XAPI_HEADER = {"X-Experience-API-Version": "1.0.3"}
#: A statement's PUT: accepted (200, 204) or already there (409, same id).
ACCEPTED = frozenset({200, 204, 409})
#: Answers that say "try again later" rather than "this statement is wrong".
RETRY_LATER = frozenset({401, 403, 408, 425, 429})
TIMEOUT_SECONDS = 5.0
BATCH = 50
ENV_USER, ENV_PASSWORD, ENV_TOKEN = "NNTUI_LRS_USER", "NNTUI_LRS_PASSWORD", "NNTUI_LRS_TOKEN"


class LrsError(StoreError):
    """The learning record store cannot be used: a bad address, or it did not answer well."""


class LrsUnavailable(LrsError):
    """The LRS cannot be reached now, or asks to come back later: retry."""


class LrsClient:
    """The LRS's ``statements`` resource, with its address, credentials and time-out."""

    def __init__(self, endpoint: str, authorization: str | None = None,
                 timeout: float = TIMEOUT_SECONDS) -> None:
        parts = urlsplit(endpoint.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise LrsError(f"{endpoint!r} is not an LRS address; give its xAPI endpoint as an "
                           "http(s) URL, e.g. https://lrs.school.example/xAPI/")
        self.endpoint = endpoint.strip().rstrip("/") + "/"
        self.statements_url = urljoin(self.endpoint, "statements")
        self.authorization = authorization
        self.timeout = timeout

    @classmethod
    def from_env(cls, endpoint: str, environ=os.environ) -> LrsClient:
        token = environ.get(ENV_TOKEN, "").strip()
        user, password = environ.get(ENV_USER, ""), environ.get(ENV_PASSWORD, "")
        if token:
            authorization = f"Bearer {token}"
        elif user:
            pair = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
            authorization = f"Basic {pair}"
        else:
            authorization = None
        return cls(endpoint, authorization)

    def _request(self, method: str, url: str, body: bytes | None = None) -> tuple[int, bytes]:
        headers = {**XAPI_HEADER, "Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if self.authorization:
            headers["Authorization"] = self.authorization
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read()
        except (urllib.error.URLError, OSError) as error:  # refused, time-out, DNS…
            raise LrsUnavailable(f"the LRS at {self.endpoint} cannot be reached: "
                                 f"{getattr(error, 'reason', error)}") from error
        if status >= 500 or status in RETRY_LATER:
            raise LrsUnavailable(f"the LRS at {self.endpoint} answered {status}")
        return status, text

    def put(self, statement: dict) -> tuple[int, bytes]:
        """Store one statement under its own id: (HTTP status, body)."""
        url = f"{self.statements_url}?{urlencode({'statementId': statement['id']})}"
        return self._request("PUT", url, json.dumps(statement).encode())

    def statements(self) -> list[dict]:
        """Every statement the credentials may read, following ``more`` page links."""
        found, url = [], self.statements_url
        while url:
            status, body = self._request("GET", url)
            if status != 200:
                raise LrsError(f"the LRS at {self.endpoint} answered {status} to reading "
                               f"statements: {body[:200].decode(errors='replace')}")
            page = json.loads(body)
            found += page.get("statements", [])
            url = urljoin(url, page["more"]) if page.get("more") else None
        return found


# ---- queueing, in the store's own transactions ----------------------------------------------


def _when(ts: str) -> datetime:
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


def statement_for(build, learner: str, table: str, row_id: int, row: dict) -> dict | None:
    """The xAPI statement of one saved row (None for rows that have none, e.g. visits)."""
    if table == "attempts":
        return build.attempt(Attempt(row_id, learner, row["section_id"], row["score"],
                                     row["max_score"], bool(row["won"]), None, _when(row["ts"])))
    if table == "answers":
        return build.answer(Answer(row_id, learner, row["section_id"], row["question_id"],
                                   bool(row["correct"]), row["response"], row["seconds"],
                                   bool(row["first_try"]), row["attempt_id"], _when(row["ts"])))
    if table == "completions":
        return build.completion(SectionEvent(row_id, learner, row["section_id"],
                                             _when(row["ts"])))
    return None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Outbox:
    """Queues the statements of one store's new records for one LRS, and sends them from a
    background thread. ``start`` it; ``stop`` it when the app closes (it does not wait for
    the network: what is not sent yet stays queued for the next session)."""

    IDLE_POLL_SECONDS = 30.0

    def __init__(self, store, client: LrsClient, home_page: str | None = None,
                 first_wait: float = 1.0, longest_wait: float = 300.0) -> None:
        from nntui.export import DEFAULT_HOME_PAGE, _Statements

        self.store = store
        self.client = client
        self.build = _Statements(store, home_page or DEFAULT_HOME_PAGE)
        self.first_wait, self.longest_wait = first_wait, longest_wait
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        #: Why the last try failed (a sentence), or None once sending works.
        self.problem: str | None = None
        store.on_saved = self._queue

    def _queue(self, conn: sqlite3.Connection, table: str, row_id: int, row: dict) -> None:
        statement = statement_for(self.build, self.store.learner, table, row_id, row)
        if statement is None:
            return
        conn.execute("INSERT OR IGNORE INTO outbox (learner_id, endpoint, statement_id, "
                     "statement, created) VALUES (?, ?, ?, ?, ?)",
                     (self.store.learner_id, self.client.endpoint, statement["id"],
                      json.dumps(statement, ensure_ascii=False), _now()))
        self._wake.set()  # the thread first waits for this transaction to end

    def start(self) -> Outbox:
        self._thread = threading.Thread(target=self._run, name="nntui-lrs", daemon=True)
        self._thread.start()
        return self

    def stop(self, patience: float = 0.2) -> None:
        self.store.on_saved = None
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(patience)

    def _run(self) -> None:
        conn = sqlite3.connect(self.store.path, isolation_level=None,
                               timeout=BUSY_TIMEOUT_MS / 1000)
        wait = 0.0
        try:
            while not self._stop.is_set():
                try:
                    self.send_waiting(conn)
                except LrsUnavailable as error:
                    self.problem = str(error)
                    wait = min(max(self.first_wait, 2 * wait), self.longest_wait)
                    self._stop.wait(wait * random.uniform(0.5, 1.0))
                    continue
                except sqlite3.Error as error:  # the file is busy or the disk full: later
                    self.problem = f"the outbox cannot be read: {error}"
                    self._stop.wait(self.longest_wait)
                    continue
                self.problem, wait = None, 0.0
                self._wake.wait(self.IDLE_POLL_SECONDS)
                self._wake.clear()
        finally:
            conn.close()

    def send_waiting(self, conn: sqlite3.Connection) -> int:
        """Send every queued statement, oldest first; how many were accepted. Raises
        LrsUnavailable (leaving the rest queued) when the LRS cannot take them now."""
        with self.store.settled():
            pass  # a record being saved right now is committed (with its statement) first
        accepted = 0
        while True:
            rows = conn.execute(
                "SELECT id, statement FROM outbox WHERE endpoint = ? AND learner_id = ? "
                "AND sent IS NULL AND rejected IS NULL ORDER BY id LIMIT ?",
                (self.client.endpoint, self.store.learner_id, BATCH)).fetchall()
            if not rows:
                return accepted
            for row_id, text in rows:
                conn.execute("UPDATE outbox SET tries = tries + 1 WHERE id = ?", (row_id,))
                status, body = self.client.put(json.loads(text))
                if status in ACCEPTED:
                    conn.execute("UPDATE outbox SET sent = ? WHERE id = ?", (_now(), row_id))
                    accepted += 1
                else:  # the LRS refuses this statement: keep it, but do not block the rest
                    why = f"{status} {body[:200].decode(errors='replace')}"
                    conn.execute("UPDATE outbox SET rejected = ? WHERE id = ?", (why, row_id))


def waiting_count(store, endpoint: str) -> int:
    """How many of this learner's statements for ``endpoint`` are not accepted yet."""
    return store.conn.execute(
        "SELECT count(*) FROM outbox WHERE endpoint = ? AND learner_id = ? AND sent IS NULL "
        "AND rejected IS NULL", (LrsClient(endpoint).endpoint, store.learner_id)).fetchone()[0]


def connect(store, url: str, environ=os.environ) -> Outbox:
    """``nntui --lrs URL``: queue and send this store's new statements (started)."""
    return Outbox(store, LrsClient.from_env(url, environ)).start()


# ---- reading a class back -------------------------------------------------------------------

_DURATION = re.compile(r"PT(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$")


def _seconds(duration: str | None) -> float:
    found = _DURATION.match(duration or "")
    if not found:
        return 0.0
    minutes, seconds = (float(g) if g else 0.0 for g in found.groups())
    return 60 * minutes + seconds


def snapshot_from_statements(statements: list[dict], source: str) -> ClassSnapshot:
    """nntui's statements (others are ignored) as a class snapshot, each statement id once."""
    from nntui.export import ACTIVITY_BASE, VERBS

    verbs = {uri: name for name, uri in VERBS.items()}
    attempts, answers, completions = [], [], []
    last_active: dict[str, datetime] = {}
    seen: set[str] = set()
    for s in statements:
        activity = s.get("object", {}).get("id", "")
        verb = verbs.get(s.get("verb", {}).get("id"))
        learner = s.get("actor", {}).get("account", {}).get("name")
        if not activity.startswith(ACTIVITY_BASE) or verb is None or not learner \
                or s.get("id") in seen:
            continue
        seen.add(s.get("id"))
        when = datetime.fromisoformat(s["timestamp"].replace("Z", "+00:00"))
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        result = s.get("result", {})
        target = activity[len(ACTIVITY_BASE):]
        if verb == "answered":
            section, _, question = target.partition("/")
            answers.append(Answer(0, learner, section, question, bool(result.get("success")),
                                  str(result.get("response", "")),
                                  _seconds(result.get("duration")), False, None, when))
        elif verb in ("passed", "failed"):
            score = result.get("score", {})
            attempts.append(Attempt(0, learner, target, float(score.get("raw", 0)),
                                    float(score.get("max", 1)), verb == "passed", None, when))
        else:
            completions.append(SectionEvent(0, learner, target, when))
        last_active[learner] = max(when, last_active.get(learner, when))
    for records in (attempts, answers, completions):
        records.sort(key=lambda r: r.when)  # the mastery rules read answers oldest first
    return ClassSnapshot(source, datetime.now(timezone.utc), sorted(last_active), attempts,
                         answers, completions, last_active)


def read_class(url: str, environ=os.environ) -> ClassSnapshot:
    """``nntui class --lrs URL``: the class as the LRS has it."""
    client = LrsClient.from_env(url, environ)
    return snapshot_from_statements(client.statements(), client.endpoint)
