"""Schema versions, forward migrations, and files that are not (our) databases."""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import datetime, timezone

import pytest

from nntui import store as store_module
from nntui.store import FILENAME, MIGRATIONS, SCHEMA_VERSION, Store, StoreTooNewError

# The v1 schema exactly as it shipped, written out by hand: this test must not depend on
# MIGRATIONS[0] staying the same (if someone edits a shipped step, this test should notice).
V1_DDL = """
CREATE TABLE learners (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created TEXT NOT NULL);
CREATE TABLE visits (id INTEGER PRIMARY KEY, learner_id INTEGER NOT NULL REFERENCES learners(id),
                     section_id TEXT NOT NULL, ts TEXT NOT NULL);
CREATE INDEX visits_learner_ts ON visits(learner_id, ts);
CREATE TABLE completions (id INTEGER PRIMARY KEY,
                          learner_id INTEGER NOT NULL REFERENCES learners(id),
                          section_id TEXT NOT NULL, ts TEXT NOT NULL);
CREATE INDEX completions_learner ON completions(learner_id, section_id);
CREATE TABLE attempts (id INTEGER PRIMARY KEY, learner_id INTEGER NOT NULL REFERENCES learners(id),
                       section_id TEXT NOT NULL, score REAL NOT NULL, max_score REAL NOT NULL,
                       won INTEGER NOT NULL, ts TEXT NOT NULL);
CREATE INDEX attempts_learner_section ON attempts(learner_id, section_id);
PRAGMA user_version = 1;
"""

V1_ROWS = """
INSERT INTO learners VALUES (1, 'ada', '2024-01-01T00:00:00.000Z'),
                            (2, 'bob', '2024-01-01T00:00:00.000Z');
INSERT INTO visits VALUES (1, 1, 'l1.intro', '2024-01-02T10:00:00.000Z'),
                          (2, 1, 'l1.tune-neuron', '2024-01-03T10:00:00.000Z'),
                          (3, 2, 'l1.intro', '2024-01-03T11:00:00.000Z');
INSERT INTO completions VALUES (1, 1, 'l1.intro', '2024-01-02T10:05:00.000Z');
INSERT INTO attempts VALUES (1, 1, 'l1.tune-neuron', 2, 4, 0, '2024-01-03T10:01:00.000Z'),
                            (2, 1, 'l1.tune-neuron', 4, 4, 1, '2024-01-03T10:02:00.000Z'),
                            (3, 2, 'l1.tune-neuron', 1, 4, 0, '2024-01-03T11:01:00.000Z');
"""


def user_version(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def make_v1(folder):
    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(folder / FILENAME)
    conn.executescript(V1_DDL + V1_ROWS)
    conn.close()


def test_current_version_is_number_of_steps_and_fresh_file_has_it(tmp_path):
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 2
    Store.open(tmp_path, "ada").close()
    assert user_version(tmp_path / FILENAME) == SCHEMA_VERSION


def test_v1_database_is_migrated_keeping_rows(tmp_path):
    make_v1(tmp_path)
    assert user_version(tmp_path / FILENAME) == 1
    with Store.open(tmp_path, "ada") as s:
        assert s.notice is None
        assert user_version(tmp_path / FILENAME) == SCHEMA_VERSION
        assert s.all_learners() == ["ada", "bob"]
        assert s.last_visited() == "l1.tune-neuron"
        assert s.visits_count("l1.intro") == 1
        assert s.completed_sections() == {"l1.intro", "l1.tune-neuron"}
        best = s.best("l1.tune-neuron")
        assert (best.id, best.score, best.won, best.details) == (2, 4, True, None)
        assert best.when == datetime(2024, 1, 3, 10, 2, tzinfo=timezone.utc)
        assert [a.score for a in s.attempts("l1.tune-neuron")] == [2, 4]
        # the tables added after v1 work on the migrated file
        new_id = s.record_attempt("l1.tune-neuron", 3, 4, False, {"k": 1})
        assert new_id == 4
        s.record_answer("l1.checkpoint", "q1", True, "0.5", 2.0, True, new_id)
        s.set_setting("design", {"a": 1})
        s.save_card("q1", "{}", "2024-01-04T00:00:00Z")
        assert s.due_cards("2024-01-05T00:00:00Z") == ["q1"]
        assert s.attempts("l1.tune-neuron")[-1].details == {"k": 1}
    with Store.open(tmp_path, "bob") as bob:
        assert [a.score for a in bob.attempts("l1.tune-neuron")] == [1]
        assert bob.completed_sections() == set()
        assert bob.last_visited() == "l1.intro"


@pytest.mark.parametrize("start", range(1, SCHEMA_VERSION))
def test_every_intermediate_version_migrates(tmp_path, start):
    """Build a database at version ``start`` with the shipped steps, then open it."""
    path = tmp_path / FILENAME
    conn = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:start]:
        for statement in step:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {start}")
    conn.execute("INSERT INTO learners (name, created) VALUES ('ada', '2024-01-01T00:00:00Z')")
    conn.execute("INSERT INTO visits (learner_id, section_id, ts) "
                 "VALUES (1, 'l1.intro', '2024-01-02T00:00:00.000Z')")
    conn.close()
    with Store.open(tmp_path, "ada") as s:
        assert s.last_visited() == "l1.intro"
        s.save_card("q", "{}", "2024-01-01T00:00:00Z")
    assert user_version(path) == SCHEMA_VERSION


def test_migration_is_all_or_nothing(tmp_path, monkeypatch):
    make_v1(tmp_path)
    broken = [list(step) for step in MIGRATIONS]
    broken[-1] = broken[-1] + ["THIS IS NOT SQL"]
    monkeypatch.setattr(store_module, "MIGRATIONS", broken)
    with pytest.raises(Exception):
        Store.open(tmp_path, "ada")
    # nothing half-applied: still v1, rows intact, and the file was not moved aside
    assert user_version(tmp_path / FILENAME) == 1
    conn = sqlite3.connect(tmp_path / FILENAME)
    assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 3
    assert "details" not in [r[1] for r in conn.execute("PRAGMA table_info(attempts)")]
    conn.close()
    assert os.listdir(tmp_path).count(FILENAME) == 1
    assert not [n for n in os.listdir(tmp_path) if "corrupt" in n]
    monkeypatch.undo()
    with Store.open(tmp_path, "ada") as s:  # the real migrations still apply afterwards
        assert len(s.attempts("l1.tune-neuron")) == 2


def test_newer_schema_is_refused_not_moved(tmp_path):
    Store.open(tmp_path, "ada").close()
    conn = sqlite3.connect(tmp_path / FILENAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreTooNewError, match="newer nntui"):
        Store.open(tmp_path, "ada")
    assert sorted(os.listdir(tmp_path))[0] == FILENAME
    assert not [n for n in os.listdir(tmp_path) if "corrupt" in n]


CORRUPT_NAME = re.compile(re.escape(FILENAME) + r"\.corrupt-\d{8}-\d{6}(-\d+)?$")


def corrupt_files(folder):
    return sorted(n for n in os.listdir(folder) if CORRUPT_NAME.match(n))


def test_garbage_file_is_moved_aside_and_fresh_store_started(tmp_path):
    garbage = bytes(range(256)) * 64 + b"definitely not SQLite"
    (tmp_path / FILENAME).write_bytes(garbage)
    with Store.open(tmp_path, "ada") as s:
        moved = corrupt_files(tmp_path)
        assert len(moved) == 1
        old = tmp_path / moved[0]
        assert old.read_bytes() == garbage  # kept byte for byte, never deleted
        assert s.notice is not None
        assert str(old) in s.notice and str(s.path) in s.notice
        assert "fresh" in s.notice
        # the fresh store works
        s.record_visit("l1.intro")
        assert s.last_visited() == "l1.intro"
    assert user_version(tmp_path / FILENAME) == SCHEMA_VERSION
    with Store.open(tmp_path, "ada") as s:  # the next open is quiet
        assert s.notice is None
        assert s.last_visited() == "l1.intro"


def test_two_corruptions_in_the_same_second_keep_both(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "_stamp", lambda: "20240510-120000")
    for content in (b"first garbage" * 100, b"second garbage" * 100):
        (tmp_path / FILENAME).write_bytes(content)
        Store.open(tmp_path, "ada").close()
    moved = corrupt_files(tmp_path)
    assert moved == [f"{FILENAME}.corrupt-20240510-120000",
                     f"{FILENAME}.corrupt-20240510-120000-2"]
    assert (tmp_path / moved[0]).read_bytes().startswith(b"first")
    assert (tmp_path / moved[1]).read_bytes().startswith(b"second")


def test_garbage_companion_wal_is_moved_with_it(tmp_path):
    (tmp_path / FILENAME).write_bytes(b"\x00garbage" * 500)
    (tmp_path / (FILENAME + "-wal")).write_bytes(b"stale wal" * 10)
    with Store.open(tmp_path, "ada") as s:
        moved = corrupt_files(tmp_path)
        assert len(moved) == 1
        assert (tmp_path / (moved[0] + "-wal")).read_bytes() == b"stale wal" * 10
        s.record_visit("x")
        assert s.visits_count("x") == 1


def test_truncated_database_is_moved_aside(tmp_path):
    with Store.open(tmp_path, "ada") as s:
        for i in range(300):
            s.record_answer("s", f"q{i}", True, "a long enough answer " * 5, 1, True)
    path = tmp_path / FILENAME
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * (len(data) - 100))  # header kept, pages smashed
    with Store.open(tmp_path, "ada") as s:
        assert s.notice is not None and len(corrupt_files(tmp_path)) == 1
        assert s.answers() == []


def test_a_foreign_sqlite_file_is_moved_aside(tmp_path):
    conn = sqlite3.connect(tmp_path / FILENAME)
    conn.execute("CREATE TABLE attempts (something_else TEXT)")
    conn.execute("INSERT INTO attempts VALUES ('precious')")
    conn.commit()
    conn.close()
    with Store.open(tmp_path, "ada") as s:
        assert s.notice is not None and "not an nntui progress file" in s.notice
        s.record_attempt("g", 1, 1, True)
    moved = corrupt_files(tmp_path)
    conn = sqlite3.connect(tmp_path / moved[0])
    assert conn.execute("SELECT * FROM attempts").fetchall() == [("precious",)]
    conn.close()


def test_empty_file_is_a_valid_new_database(tmp_path):
    (tmp_path / FILENAME).write_bytes(b"")
    with Store.open(tmp_path, "ada") as s:
        assert s.notice is None
        assert corrupt_files(tmp_path) == []


def test_unopenable_path_raises_instead_of_moving(tmp_path):
    from nntui.store import StoreError

    (tmp_path / FILENAME).mkdir()  # a folder where the file should be: not "corrupt"
    with pytest.raises(StoreError):
        Store.open(tmp_path, "ada")
    assert (tmp_path / FILENAME).is_dir() and corrupt_files(tmp_path) == []
