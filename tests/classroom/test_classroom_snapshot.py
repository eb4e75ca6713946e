"""``nntui class`` while learners write: every report is one consistent instant of the file."""

from __future__ import annotations

import multiprocessing
import sqlite3
import subprocess
import sys
import textwrap

from nntui import classroom
from nntui.store import Store, read_class_snapshot

LEARNERS = 8
ANSWERS = 200


def _answer_together(folder: str, learner: str, count: int, barrier) -> None:
    """One learner's process: wait for the others, then answer as fast as it can."""
    with Store.open(folder, learner) as store:
        barrier.wait(timeout=60)
        for i in range(count):
            store.record_answer("race", f"q{i % 7}", i % 2 == 0, f"{learner}:{i}", 0.5, i < 7)


def test_reports_taken_while_eight_learners_answer_are_consistent(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(LEARNERS + 1)
    procs = [ctx.Process(target=_answer_together, args=(str(tmp_path), f"p{k}", ANSWERS, barrier))
             for k in range(LEARNERS)]
    for p in procs:
        p.start()
    barrier.wait(timeout=60)
    partial = 0
    while any(p.is_alive() for p in procs):
        snapshot = read_class_snapshot(tmp_path)
        report = classroom.build_report(snapshot, questions={})
        for k in range(LEARNERS):
            mine = [a for a in snapshot.answers if a.learner == f"p{k}"]
            # each learner's answers so far, with no gap: a prefix of what they wrote
            assert [a.response for a in mine] == [f"p{k}:{i}" for i in range(len(mine))]
            if mine:  # read in the same instant as the answers, not a moment later
                assert snapshot.last_active[f"p{k}"] == max(a.when for a in mine)
        assert sum(r.answers for r in report.learners) == len(snapshot.answers)
        partial += 0 < len(snapshot.answers) < LEARNERS * ANSWERS
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0] * LEARNERS
    assert partial >= 1  # at least one report was really taken while they wrote
    final = read_class_snapshot(tmp_path)
    assert len(final.answers) == LEARNERS * ANSWERS
    assert len({a.id for a in final.answers}) == LEARNERS * ANSWERS


PAIRED_WRITER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
    for i in range(int(sys.argv[2])):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO attempts (learner_id, section_id, score, max_score, won, ts)"
                     " VALUES (1, 'race', ?, 1, 1, '2024-05-01T10:00:00.000Z')", (i,))
        conn.execute("INSERT INTO answers (learner_id, section_id, question_id, correct,"
                     " response, seconds, first_try, ts) VALUES (1, 'race', 'q', 1, ?, 1, 1,"
                     " '2024-05-01T10:00:00.000Z')", (str(i),))
        conn.execute("COMMIT")
    print("done")
""")


def test_a_report_never_sees_half_of_a_transaction(tmp_path):
    """A writer adds an attempt and an answer in one transaction, again and again: a report read
    in one read transaction always sees as many of each; separate reads would not."""
    with Store.open(tmp_path, "ada") as store:
        path = store.path
    writer = subprocess.Popen([sys.executable, "-c", PAIRED_WRITER, str(path), "400"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    partial = 0
    while writer.poll() is None:
        snapshot = read_class_snapshot(tmp_path)
        assert len(snapshot.attempts) == len(snapshot.answers)
        partial += 0 < len(snapshot.answers) < 400
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0 and out.strip() == "done", err
    assert partial >= 1
    assert len(read_class_snapshot(tmp_path).answers) == 400


def test_the_paired_writer_would_catch_reads_outside_one_transaction(tmp_path):
    """The check above can fail: reading the two tables in two transactions, with a pair
    written in between, sees one more answer than attempts."""
    with Store.open(tmp_path, "ada") as store:
        path = store.path
    reader = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
    attempts = reader.execute("SELECT count(*) FROM attempts").fetchone()[0]
    subprocess.run([sys.executable, "-c", PAIRED_WRITER, str(path), "1"], check=True,
                   capture_output=True, timeout=60)
    answers = reader.execute("SELECT count(*) FROM answers").fetchone()[0]
    reader.close()
    assert (attempts, answers) == (0, 1)
