"""``nntui class``: the report's figures for a known class, its text, the command, and that it
only ever reads."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import datetime, timezone

from nntui import classroom
from nntui.store import FILENAME, Store, read_class_snapshot


def report_of(folder):
    return classroom.build_report(read_class_snapshot(folder))


def test_every_learner_with_sections_done_quiz_bests_mastery_and_last_activity(class_folder):
    report = report_of(class_folder)
    rows = {r.name: r for r in report.learners}
    assert list(rows) == ["ada", "bob", "cy"]
    ada, bob, cy = rows["ada"], rows["bob"], rows["cy"]
    # a completion (l1.intro) and a won attempt (l1.checkpoint) both count as done
    assert (ada.done, bob.done, cy.done) == (2, 0, 0)
    assert report.total_sections == 70
    assert (ada.answers, ada.right, bob.answers, bob.right, cy.answers) == (6, 5, 3, 0, 0)
    assert ada.quiz_best == {"l1.checkpoint": 0.8}
    assert bob.quiz_best == {"l1.checkpoint": 0.6}  # the better of 2/5 and 3/5
    assert cy.quiz_best == {}
    # five right on weights: proficient; XOR wrong: its two concepts only attempted
    assert ada.mastery == {"weights": "proficient", "logic-gates": "attempted",
                           "linear-separability": "attempted"}
    assert bob.mastery["weights"] == "attempted"
    assert cy.mastery == {}
    assert report.concepts == ["linear-separability", "logic-gates", "weights"]
    utc = timezone.utc
    assert ada.last_active == datetime(2024, 5, 1, 11, tzinfo=utc)
    assert bob.last_active == datetime(2024, 5, 2, 12, tzinfo=utc)
    assert cy.last_active == datetime(2024, 5, 3, 8, tzinfo=utc)  # a visit is activity too


def test_the_questions_the_class_gets_wrong_most_come_first(class_folder):
    hardest = report_of(class_folder).hardest
    assert [q.question_id for q in hardest] == ["l1.xor-gate", "l1.weight-meaning"]
    xor, weights = hardest
    assert (xor.learners_wrong, xor.learners, xor.wrong, xor.answers) == (2, 2, 3, 3)
    assert (weights.learners_wrong, weights.learners, weights.wrong, weights.answers) == (
        1, 2, 1, 6)
    from nntui.quiz import bank

    assert xor.prompt == bank.bank()["l1.xor-gate"].prompt  # from the question bank


def test_the_printed_report(class_folder):
    text = classroom.render_text(report_of(class_folder))
    lines = text.splitlines()
    assert lines[0] == f"Class: 3 learners in {class_folder / FILENAME}"
    assert any(line.split()[:6] == ["ada", "2/70", "5/6", "(83", "%)", "◔"] for line in lines)
    assert any(line.split() == ["bob", "–", "60", "%", "–", "–", "–", "–"] for line in lines)
    assert "  weights              ◔ bob  ◕ ada" in lines
    assert "  1. l1.xor-gate: 2 of 2 learners wrong, 3/3 answers wrong" in lines
    assert max(map(len, lines[1:])) <= 80  # the first names the folder


def test_an_empty_class_and_a_missing_folder(tmp_path):
    with Store.open(tmp_path / "new", "ada", create_learner=True):
        pass
    report = report_of(tmp_path / "new")
    assert [r.answers for r in report.learners] == [0] and report.hardest == []
    assert "No quiz answers yet." in classroom.render_text(report)

    result = run_class("--data-dir", str(tmp_path / "missing"))
    assert result.returncode == 1
    assert result.stderr.startswith("nntui: cannot read the class: there is no progress file")
    assert not (tmp_path / "missing").exists()  # nothing created


def run_class(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nntui", "class", *args], text=True,
                          capture_output=True, timeout=60)


def test_the_command_prints_the_report_and_changes_nothing(class_folder):
    progress = class_folder / FILENAME
    before = hashlib.sha256(progress.read_bytes()).hexdigest()
    result = run_class("--data-dir", str(class_folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Class: 3 learners in ")
    assert "Questions the class gets wrong most" in result.stdout
    assert hashlib.sha256(progress.read_bytes()).hexdigest() == before
    with Store.open(class_folder, "ada", create_learner=False) as store:
        assert store.all_learners() == ["ada", "bob", "cy"]  # the teacher was not added


def test_the_snapshot_opens_the_file_read_only(class_folder, monkeypatch):
    import sqlite3

    real_connect = sqlite3.connect
    calls = []

    def connect(target, *args, **kwargs):
        calls.append(target)
        conn = real_connect(target, *args, **kwargs)
        if "mode=ro" in str(target):  # SQLite itself refuses writes through it
            try:
                conn.execute("CREATE TABLE intruder (x)")
            except sqlite3.OperationalError as error:
                assert "readonly" in str(error)
            else:
                raise AssertionError("a mode=ro connection wrote")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    read_class_snapshot(class_folder)
    assert calls == [f"{(class_folder / FILENAME).as_uri()}?mode=ro"]
