"""A write that fails (full disk, read-only file) never raises: the record is kept in memory, in
order, reads include it, the learner is told once, and it is written when writing works again.

The full disk is real: see ``Disk`` in conftest.py.
"""

from __future__ import annotations

import sqlite3

import pytest

from nntui.store import FILENAME, Store


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path, "ada") as s:
        yield s


@pytest.fixture
def notices(store):
    told: list[tuple[str, bool]] = []
    store.on_save_notice = lambda message, problem: told.append((message, problem))
    return told


def saved_rows(tmp_path, sql: str) -> list[tuple]:
    """What is really in the file, through a connection of its own."""
    conn = sqlite3.connect(tmp_path / FILENAME)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_full_disk_keeps_answers_in_order_and_writes_them_once_when_space_is_back(
        store, notices, disk, tmp_path):
    disk.fill(store)
    kept_filler = store.unsaved_count
    for i in range(6):  # none of these raises
        store.record_answer("l1.quiz", f"q{i}", i % 2 == 0, f"answer {i} " + "y" * 3000, 2.0, True)
    assert store.unsaved_count == kept_filler + 6
    # reads include what is kept: this session sees every answer, in order
    assert [a.question_id for a in store.answers(section_id="l1.quiz")] == [
        f"q{i}" for i in range(6)]
    assert all(a.id < 0 for a in store.answers(section_id="l1.quiz"))
    assert saved_rows(tmp_path, "SELECT count(*) FROM answers WHERE section_id = 'l1.quiz'") \
        == [(0,)]

    disk.free(store)
    assert store.flush_pending() is True
    assert store.unsaved_count == 0 and store.save_problem is None
    rows = saved_rows(tmp_path, "SELECT question_id, correct FROM answers "
                                "WHERE section_id = 'l1.quiz' ORDER BY id")
    assert rows == [(f"q{i}", int(i % 2 == 0)) for i in range(6)]  # in order, none twice
    fillers = saved_rows(tmp_path, "SELECT question_id FROM answers "
                                   "WHERE section_id = 'filler' ORDER BY id")
    assert [f for (f,) in fillers] == [f"f{i}" for i in range(len(fillers))]
    assert all(a.id > 0 for a in store.answers())
    # told once when saving stopped (not once per failed write), and once when it came back
    assert [problem for _, problem in notices] == [True, False]
    assert notices[0][0] == (
        f"Progress cannot be saved to {tmp_path / FILENAME}: the disk is full. Your answers are "
        "kept in memory and will be written when space is back.")


def test_the_next_successful_write_writes_what_was_kept_first(store, notices, disk,
                                                                 tmp_path):
    disk.fill(store)
    store.record_visit("l1.quiz")
    store.record_completion("l1.quiz")
    assert store.save_problem is not None and "disk is full" in store.save_problem
    disk.free(store)
    store.record_visit("l1.next")  # no flush_pending(): this write takes the kept ones first
    assert store.unsaved_count == 0
    assert saved_rows(tmp_path, "SELECT section_id FROM visits ORDER BY id") == [
        ("l1.quiz",), ("l1.next",)]
    assert saved_rows(tmp_path, "SELECT section_id FROM completions") == [("l1.quiz",)]
    assert [p for _, p in notices] == [True, False]


def test_reads_see_kept_progress_in_this_session(store, disk):
    store.record_visit("old")
    store.save_card("q-old", '{"a": 1}', "2000-01-01T00:00:00Z")
    store.set_setting("zoom", 1)
    disk.fill(store)
    store.record_visit("l1.quiz")
    store.record_completion("l1.lesson")
    attempt_id = store.record_attempt("l1.quiz", 8, 10, True, {"right": 8})
    store.record_attempt("l1.game", 1, 4, False)
    store.set_setting("zoom", 3)
    store.save_card("q-new", '{"b": 2}', "2000-01-02T00:00:00Z")
    store.delete_card("q-old")
    assert attempt_id < 0
    assert store.completed_sections() >= {"l1.lesson", "l1.quiz"}  # complete in this session
    assert "l1.game" not in store.completed_sections()
    assert store.last_visited() == "l1.quiz"
    assert store.visits_count("l1.quiz") == 1
    best = store.best("l1.quiz")
    assert best is not None and best.id == attempt_id and best.details == {"right": 8}
    assert [a.score for a in store.attempts("l1.game")] == [1]
    assert store.get_setting("zoom") == 3
    assert store.load_cards() == {"q-new": '{"b": 2}'}
    assert store.due_cards("2000-06-01T00:00:00Z") == ["q-new"]
    assert len(store.activity_days()) == 1


def test_an_answer_to_a_kept_attempt_points_at_it_once_saved(store, disk, tmp_path):
    disk.fill(store)
    attempt_id = store.record_attempt("l1.quiz", 1, 1, True)
    store.record_answer("l1.quiz", "q", True, "yes", 1.0, True, attempt_id=attempt_id)
    disk.free(store)
    assert store.flush_pending()
    [(saved_attempt,)] = saved_rows(tmp_path, "SELECT id FROM attempts")
    assert saved_rows(tmp_path, "SELECT attempt_id FROM answers WHERE question_id = 'q'") == [
        (saved_attempt,)]


def test_a_new_failure_after_recovery_is_told_again(store, notices, disk):
    disk.fill(store)
    disk.free(store)
    store.flush_pending()
    disk.fill(store)
    assert [p for _, p in notices] == [True, False, True]


def test_close_writes_what_was_kept(tmp_path, disk):
    store = Store.open(tmp_path, "ada")
    disk.fill(store)
    store.record_completion("l1.quiz")
    disk.free(store)
    store.close()
    with Store.open(tmp_path, "ada") as again:
        assert "l1.quiz" in again.completed_sections()
        assert again.unsaved_count == 0


def test_a_bug_is_still_an_error_not_kept(store):
    # An answer pointing at an attempt that does not exist breaks a foreign key: that is a
    # mistake in the caller, and retrying it later would fail forever.
    with pytest.raises(sqlite3.IntegrityError):
        store.record_answer("s", "q", True, "r", 1.0, True, attempt_id=999)
    assert store.unsaved_count == 0 and store.save_problem is None


def test_read_only_file_keeps_answers_and_writes_them_when_writable_again(
        store, notices, tmp_path):
    # chmod cannot make the file read-only under the store's feet: the open connection keeps
    # its read-write file handle (and root ignores the mode bits anyway). A connection opened
    # with SQLite's mode=ro gives the real error, "attempt to write a readonly database".
    writable = store._conn
    store._conn = sqlite3.connect(f"file:{tmp_path / FILENAME}?mode=ro", uri=True,
                                  isolation_level=None, check_same_thread=False)
    try:
        store.record_answer("l1.quiz", "q1", True, "one", 1.0, True)
        store.record_answer("l1.quiz", "q2", False, "two", 1.0, True)
        assert store.unsaved_count == 2
        assert [a.response for a in store.answers()] == ["one", "two"]
        assert "read-only" in store.save_problem and str(tmp_path / FILENAME) in store.save_problem
    finally:
        store._conn.close()
        store._conn = writable
    assert store.flush_pending()
    assert saved_rows(tmp_path, "SELECT response FROM answers ORDER BY id") == [
        ("one",), ("two",)]
    assert [p for _, p in notices] == [True, False]
