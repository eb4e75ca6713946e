"""``--lrs``: statements queued with their records, sent by a background thread to a real LRS
(Ralph, on 127.0.0.1 with a file backend in a temporary folder), kept while it is down, sent once
when it is back; and ``nntui class --lrs`` reading the class back through ``more`` pages.

Ralph is in the test extra (``ralph-malph[lrs]``). It runs in its own process, so this module
only checks that it is installed, without importing it (its models take a second to build, in
every test worker)."""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from nntui import classroom, lrs
from nntui.export import xapi_statements
from nntui.store import Store

if not all(importlib.util.find_spec(name) for name in ("ralph", "uvicorn", "bcrypt")):
    pytest.skip("Ralph (ralph-malph[lrs], in the test extra) is not installed",
                allow_module_level=True)
import bcrypt  # noqa: E402  (Ralph's password hashing, installed with it)

ROOT = Path(__file__).resolve().parents[2]
USER, PASSWORD = "nntui", "class-secret"
CREDENTIALS = {lrs.ENV_USER: USER, lrs.ENV_PASSWORD: PASSWORD}
PAGE = 5  # statements per page of GET, so reading back needs `more`


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: Ralph's LRS server. Its file backend (meant for development) writes each new statement with
#: the "create" operation, which refuses to touch a file that exists: only the first statement
#: ever stored would succeed. Appending is what an LRS file needs; nothing else is changed.
RALPH_SERVER = """
import sys, uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


class Ralph:
    """A Ralph LRS on 127.0.0.1:port, its statements in a file under ``folder``."""

    def __init__(self, folder: Path, port: int) -> None:
        self.folder, self.port = folder, port
        self.url = f"http://127.0.0.1:{port}/xAPI/"
        self.proc: subprocess.Popen | None = None
        folder.mkdir(exist_ok=True)
        hashed = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(4)).decode()
        (folder / "auth.json").write_text(json.dumps([{
            "username": USER, "hash": hashed, "scopes": ["all"],
            "agent": {"objectType": "Agent",
                      "account": {"homePage": "https://nntui.invalid", "name": "teacher"}}}]))

    def start(self) -> Ralph:
        env = {**os.environ, "RALPH_RUNSERVER_BACKEND": "fs",
               "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.folder),
               "RALPH_AUTH_FILE": str(self.folder / "auth.json"),
               "RALPH_APP_DIR": str(self.folder),
               "RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT": str(PAGE)}
        self.proc = subprocess.Popen([sys.executable, "-c", RALPH_SERVER, str(self.port)],
                                     env=env, cwd=self.folder, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__",
                                            timeout=2):
                    return self
            except OSError:
                assert self.proc.poll() is None, self.proc.stderr.read().decode()[-2000:]
                assert time.monotonic() < deadline, "Ralph did not start within 60 s"
                time.sleep(0.1)  # still starting

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(20)
        self.proc = None

    def statements(self) -> list[dict]:
        return lrs.LrsClient.from_env(self.url, CREDENTIALS).statements()


@pytest.fixture
def ralph(tmp_path):
    server = Ralph(tmp_path / "lrs", _free_port())
    yield server
    server.stop()


def wait_for(condition, what: str, patience: float = 30.0) -> None:
    """Poll a condition the background sender makes true (it runs on its own thread)."""
    deadline = time.monotonic() + patience
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def record_some(store: Store, n: int) -> None:
    attempt = store.record_attempt("l1.checkpoint", 3, 5, False)
    for i in range(n):
        store.record_answer("l1.checkpoint", "l1.xor-gate", i % 2 == 0, str(i), 2.0, i == 0,
                            attempt)
    store.record_visit("l1.intro")  # a visit has no statement
    store.record_completion("l1.intro")


def test_while_the_lrs_is_down_statements_stay_queued_then_are_sent_once(tmp_path, ralph):
    with Store.open(tmp_path / "class", "ada") as store:
        outbox = lrs.Outbox(store, lrs.LrsClient.from_env(ralph.url, CREDENTIALS),
                            first_wait=0.05, longest_wait=0.2).start()
        try:
            record_some(store, 4)  # 1 attempt + 4 answers + 1 completion; nothing listens yet
            wait_for(lambda: outbox.problem is not None, "a failed try")
            assert "cannot be reached" in outbox.problem
            assert lrs.waiting_count(store, ralph.url) == 6
            tries = store.conn.execute("SELECT max(tries) FROM outbox").fetchone()[0]

            ralph.start()  # the LRS comes back: the backoff loop sends the queue
            wait_for(lambda: lrs.waiting_count(store, ralph.url) == 0, "the queue to empty")
            assert outbox.problem is None
            assert tries >= 1
        finally:
            outbox.stop()
        expected = {s["id"] for s in xapi_statements(store)}  # the export's ids, the same
    sent = ralph.statements()
    assert sorted(s["id"] for s in sent) == sorted(expected)  # each once, none missing
    assert {s["verb"]["display"]["en"] for s in sent} == {"answered", "failed", "completed"}


def test_a_statement_sent_again_is_stored_once_and_new_records_are_sent_as_they_happen(
        tmp_path, ralph):
    ralph.start()
    with Store.open(tmp_path / "class", "bob") as store:
        outbox = lrs.Outbox(store, lrs.LrsClient.from_env(ralph.url, CREDENTIALS)).start()
        try:
            store.record_completion("l1.intro")
            wait_for(lambda: lrs.waiting_count(store, ralph.url) == 0, "the first statement")
            assert len(ralph.statements()) == 1
            store.record_answer("l1.checkpoint", "l1.xor-gate", True, "0", 1.0, True)
            wait_for(lambda: lrs.waiting_count(store, ralph.url) == 0, "the second statement")
            assert len(ralph.statements()) == 2
        finally:
            outbox.stop()
        # As if nntui had died between sending and marking sent: everything goes again.
        store.conn.execute("UPDATE outbox SET sent = NULL")
        again = lrs.Outbox(store, lrs.LrsClient.from_env(ralph.url, CREDENTIALS))
        conn = __import__("sqlite3").connect(store.path, isolation_level=None)
        try:
            assert again.send_waiting(conn) == 2  # accepted (the LRS knew them already)
        finally:
            conn.close()
            again.stop()
    assert len(ralph.statements()) == 2


def test_wrong_credentials_keep_the_statements_queued(tmp_path, ralph):
    ralph.start()
    client = lrs.LrsClient.from_env(ralph.url, {lrs.ENV_USER: USER, lrs.ENV_PASSWORD: "no"})
    with Store.open(tmp_path / "class", "cy") as store:
        outbox = lrs.Outbox(store, client, first_wait=0.05, longest_wait=0.1).start()
        try:
            store.record_completion("l1.intro")
            wait_for(lambda: outbox.problem is not None, "a refused try")
            assert "answered 401" in outbox.problem
            assert lrs.waiting_count(store, ralph.url) == 1
        finally:
            outbox.stop()
    assert ralph.statements() == []


def test_nntui_class_reads_the_class_back_from_the_lrs_across_pages(tmp_path, ralph,
                                                                    class_folder):
    ralph.start()
    client = lrs.LrsClient.from_env(ralph.url, CREDENTIALS)
    with Store.open(class_folder, "ada") as store:
        statements = xapi_statements(store)  # the whole class, as `nntui export` sends it
    for statement in statements:
        assert client.put(statement)[0] in lrs.ACCEPTED
    assert len(statements) > 2 * PAGE  # so reading back follows `more` at least twice

    from_lrs = classroom.build_report(lrs.read_class(ralph.url, CREDENTIALS))
    from nntui.store import read_class_snapshot

    from_file = classroom.build_report(read_class_snapshot(class_folder))
    # cy only visited a lesson, and visits are not statements: the LRS knows ada and bob
    assert [r.name for r in from_lrs.learners] == ["ada", "bob"]
    for mine, theirs in zip(from_lrs.learners, from_file.learners[:2]):
        assert (mine.done, mine.answers, mine.right, mine.quiz_best, mine.mastery) == (
            theirs.done, theirs.answers, theirs.right, theirs.quiz_best, theirs.mastery)
    assert from_lrs.hardest == from_file.hardest

    result = subprocess.run([sys.executable, "-m", "nntui", "class", "--lrs", ralph.url],
                            env={**os.environ, **CREDENTIALS}, cwd=ROOT, text=True,
                            capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Class: 2 learners in {ralph.url}")
    assert "  1. l1.xor-gate: 2 of 2 learners wrong, 3/3 answers wrong" in result.stdout
