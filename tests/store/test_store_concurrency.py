"""Several nntui processes (and threads) opening and writing at once lose nothing."""

from __future__ import annotations

import multiprocessing
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time

from nntui import store as store_module
from nntui.store import Store

WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from nntui.store import Store

    folder, learner, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    go = folder / "go"
    with Store.open(folder, learner) as store:
        (folder / f"ready-{learner}").touch()
        deadline = time.monotonic() + 20
        while not go.exists():             # start together, to really overlap
            if time.monotonic() > deadline:
                sys.exit("never started")
            time.sleep(0.001)
        for i in range(n):
            store.record_attempt("race", i, n, i % 2 == 0, {"i": i, "who": learner})
            if i % 50 == 0:
                store.record_visit(f"race-{i}")
            if i == n // 2:  # halfway, wait for the other writer, so the two surely overlap
                while len(store.all_attempts(all_learners=True)) <= i + 1:
                    if time.monotonic() > deadline + 20:
                        sys.exit("the other writer never wrote")
                    time.sleep(0.001)
    print("done")
""")


def test_two_processes_recording_500_attempts_each_keep_all_1000(tmp_path):
    n = 500
    # The file is created (and migrated) by both processes racing too: no prior open.
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), who, str(n)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for who in ("ada", "bob")]
    deadline = time.monotonic() + 20
    while not all((tmp_path / f"ready-{who}").exists() for who in ("ada", "bob")):
        assert time.monotonic() < deadline, [p.stderr.read() for p in procs if p.poll() is not None]
        time.sleep(0.005)
    (tmp_path / "go").touch()
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
        assert out.strip() == "done"

    with Store.open(tmp_path, "ada") as s:
        rows = s.all_attempts(all_learners=True)
        assert len(rows) == 2 * n
        for who in ("ada", "bob"):
            mine = [r for r in rows if r.learner == who]
            assert sorted(r.details["i"] for r in mine) == list(range(n))
            assert all(r.details["who"] == who for r in mine)
        assert len({r.id for r in rows}) == 2 * n
        assert s.all_learners() == ["ada", "bob"]
        assert len(s.all_visits(all_learners=True)) == 2 * (n // 50)
        # the writes interleaved: the two processes really did overlap
        order = [r.learner for r in sorted(rows, key=lambda r: r.id)]
        switches = sum(a != b for a, b in zip(order, order[1:]))
        assert switches >= 1


def test_threads_sharing_one_store_and_separate_stores(tmp_path):
    shared = Store.open(tmp_path, "ada")
    errors: list[BaseException] = []

    def shared_writer(k: int) -> None:
        try:
            for i in range(100):
                shared.record_answer("s", f"t{k}", i % 3 == 0, f"{k}:{i}", 0.1, i == 0)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def own_writer(k: int) -> None:
        try:
            with Store.open(tmp_path, "ada") as own:
                for i in range(100):
                    own.record_answer("s", f"o{k}", True, f"{k}:{i}", 0.1, False)
        except BaseException as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=shared_writer, args=(k,)) for k in range(3)]
    threads += [threading.Thread(target=own_writer, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    answers = shared.answers()
    assert len(answers) == 600
    for k in range(3):
        assert [a.response for a in shared.answers(question_id=f"t{k}")] == [
            f"{k}:{i}" for i in range(100)]
        assert len(shared.answers(question_id=f"o{k}")) == 100
    shared.close()


# --- many processes at the same instant (multiprocessing, spawn: a fresh interpreter each) ----

PROCESSES = 8


def _open_together_and_answer(folder: str, learner: str, count: int, barrier) -> None:
    """One process: wait for all the others, open the store at the same instant, answer."""
    barrier.wait(timeout=60)
    with Store.open(folder, learner) as store:
        for i in range(count):
            store.record_answer("race", f"q{i % 7}", i % 2 == 0, f"{learner}:{i}", 0.5, i < 7)


def _run_together(folder, count: int) -> None:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(PROCESSES)
    procs = [ctx.Process(target=_open_together_and_answer,
                         args=(str(folder), f"p{k}", count, barrier)) for k in range(PROCESSES)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0] * PROCESSES  # a failed open exits with 1


def _assert_every_answer_kept_in_order(folder, count: int) -> None:
    with Store.open(folder, "checker") as store:
        answers = store.all_answers(all_learners=True)
        assert len(answers) == PROCESSES * count
        assert len({a.id for a in answers}) == len(answers)
        for k in range(PROCESSES):
            mine = sorted((a for a in answers if a.learner == f"p{k}"), key=lambda a: a.id)
            assert [a.response for a in mine] == [f"p{k}:{i}" for i in range(count)]
        assert store.all_learners() == sorted(["checker"] + [f"p{k}" for k in range(PROCESSES)])


def test_eight_processes_open_one_new_file_at_the_same_instant(tmp_path):
    # The file does not exist yet: all eight create it, switch it to WAL and migrate it at once
    # (this used to fail now and then with "database is locked").
    _run_together(tmp_path, count=10)
    _assert_every_answer_kept_in_order(tmp_path, count=10)


def test_eight_processes_recording_200_answers_each_keep_all_1600(tmp_path):
    _run_together(tmp_path, count=200)
    _assert_every_answer_kept_in_order(tmp_path, count=200)


class _LockedAtFirst:
    """A connection whose first ``PRAGMA journal_mode`` calls and first migration fail as if
    another process were switching or migrating the same new file at that moment."""

    def __init__(self, conn: sqlite3.Connection, failures: int) -> None:
        self._conn = conn
        self.failures = {"PRAGMA journal_mode": failures, "BEGIN IMMEDIATE": failures}

    def execute(self, sql: str, *args):
        for start, left in self.failures.items():
            if sql.startswith(start) and left:
                self.failures[start] -= 1
                raise sqlite3.OperationalError("database is locked")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self._conn, name)


def test_open_retries_the_wal_switch_and_the_migration_while_locked(tmp_path, monkeypatch):
    connections: list[_LockedAtFirst] = []
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        connections.append(_LockedAtFirst(real_connect(*args, **kwargs), failures=3))
        return connections[-1]

    monkeypatch.setattr(store_module.sqlite3, "connect", connect)
    with Store.open(tmp_path, "ada") as store:
        store.record_visit("l1.intro")
        assert store.conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert connections[0].failures == {"PRAGMA journal_mode": 0, "BEGIN IMMEDIATE": 0}
    monkeypatch.undo()
    with Store.open(tmp_path, "ada") as store:
        assert store.last_visited() == "l1.intro"
