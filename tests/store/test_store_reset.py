"""--reset-progress: a backup first, then this learner's rows go (and nobody else's)."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timezone

import pytest

from nntui import store as store_module
from nntui.store import FILENAME, Store

T0 = datetime(2024, 5, 10, 12, tzinfo=timezone.utc)
BAK = re.compile(re.escape(FILENAME) + r"\.bak-\d{8}-\d{6}(-\d+)?$")


def fill(s: Store, tag: str) -> None:
    s.record_visit(f"{tag}.intro", now=T0)
    s.record_completion(f"{tag}.intro", now=T0)
    attempt = s.record_attempt(f"{tag}.game", 3, 4, True, {"tag": tag}, now=T0)
    s.record_answer(f"{tag}.quiz", "q1", True, f"{tag} says hi", 2.0, True, attempt, now=T0)
    s.set_setting("design", {"tag": tag})
    s.save_card("q1", f'{{"tag": "{tag}"}}', T0)


def counts(path) -> dict[str, dict[str, int]]:
    """Rows per table per learner, read straight from a file."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in ("visits", "completions", "attempts", "answers", "settings", "cards"):
            out[table] = dict(conn.execute(
                f"SELECT l.name, count(*) FROM {table} t JOIN learners l ON l.id = t.learner_id "
                "GROUP BY l.name").fetchall())
        return out
    finally:
        conn.close()


@pytest.fixture
def two(tmp_path):
    ada, bob = Store.open(tmp_path, "ada"), Store.open(tmp_path, "bob")
    fill(ada, "a")
    fill(bob, "b")
    yield ada, bob
    ada.close()
    bob.close()


def test_reset_backs_up_then_empties_only_this_learner(two, tmp_path):
    ada, bob = two
    backup = ada.reset()
    assert backup is not None and backup.parent == tmp_path and BAK.match(backup.name)
    # the backup is a complete, standalone database holding everyone's rows as they were
    assert not (tmp_path / (backup.name + "-wal")).exists()
    before = counts(backup)
    assert all(per == {"ada": 1, "bob": 1} for per in before.values()), before
    # ada's rows are gone, bob's are untouched
    after = counts(tmp_path / FILENAME)
    assert all(per == {"bob": 1} for per in after.values()), after
    assert ada.last_visited() is None and ada.completed_sections() == set()
    assert ada.best("a.game") is None and ada.answers() == [] and ada.load_cards() == {}
    assert ada.get_setting("design") is None and ada.activity_days() == []
    assert bob.best("b.game").details == {"tag": "b"}
    assert bob.answers()[0].response == "b says hi"
    assert bob.get_setting("design") == {"tag": "b"}
    assert bob.completed_sections() == {"b.intro", "b.game"}
    # the learner still exists and can start again
    assert ada.all_learners() == ["ada", "bob"]
    ada.record_visit("a.again")
    assert ada.last_visited() == "a.again"


def test_backup_opens_as_a_store_with_the_old_progress(two, tmp_path):
    ada, _ = two
    backup = ada.reset()
    restored = tmp_path / "restored"
    restored.mkdir()
    backup.rename(restored / FILENAME)
    with Store.open(restored, "ada") as old:
        assert old.notice is None
        assert old.best("a.game").score == 3
        assert old.answers()[0].response == "a says hi"


def test_reset_without_backup(two, tmp_path):
    ada, bob = two
    assert ada.reset(backup=False) is None
    assert not [p for p in tmp_path.iterdir() if BAK.match(p.name)]
    assert ada.all_attempts() == [] and len(bob.all_attempts()) == 1


def test_reset_every_learner(two, tmp_path):
    ada, bob = two
    backup = ada.reset(learner_only=False)
    assert BAK.match(backup.name)
    assert all(per == {} for per in counts(tmp_path / FILENAME).values())
    assert bob.all_attempts(all_learners=True) == [] and bob.all_answers(True) == []
    assert counts(backup)["attempts"] == {"ada": 1, "bob": 1}


def test_two_resets_in_one_second_keep_both_backups(two, tmp_path, monkeypatch):
    ada, bob = two
    monkeypatch.setattr(store_module, "_stamp", lambda: "20240510-120000")
    first = ada.reset()
    second = bob.reset()
    assert first.name == f"{FILENAME}.bak-20240510-120000"
    assert second.name == f"{FILENAME}.bak-20240510-120000-2"
    assert counts(first)["attempts"] == {"ada": 1, "bob": 1}
    assert counts(second)["attempts"] == {"bob": 1}


def test_failed_backup_deletes_nothing(two, monkeypatch):
    ada, _ = two

    def boom(self):
        raise OSError("disk full")

    monkeypatch.setattr(Store, "_backup_locked", boom)
    with pytest.raises(OSError):
        ada.reset()
    assert len(ada.all_attempts()) == 1 and ada.last_visited() == "a.intro"
    ada.record_visit("still.works")  # no transaction left open
    assert ada.last_visited() == "still.works"


def test_reset_through_the_cli_path(tmp_path):
    """What ``nntui --reset-progress`` does: open, reset(backup=True), report the path."""
    with Store.open(tmp_path, "ada") as s:
        fill(s, "a")
    with Store.open(tmp_path, "ada") as s:
        backup = s.reset(backup=True)
    assert backup.exists()
    with Store.open(tmp_path, "ada") as s:
        assert s.all_attempts() == []
