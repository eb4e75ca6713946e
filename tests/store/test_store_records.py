"""Visits, completions, attempts, answers, settings and cards: what goes in comes back."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from nntui.store import FILENAME, Answer, Attempt, Store, StoreError, UnknownLearnerError

T0 = datetime(2024, 5, 10, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "data", "ada") as s:
        yield s


def test_open_creates_folder_and_one_file(tmp_path):
    folder = tmp_path / "a" / "b"
    with Store.open(folder, "ada") as s:
        assert s.path == folder / FILENAME
        assert s.learner == "ada"
        assert s.notice is None
        s.record_visit("l1.intro")
    assert (folder / FILENAME).is_file()
    conn = sqlite3.connect(folder / FILENAME)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_data_survives_reopen(tmp_path):
    with Store.open(tmp_path, "ada") as s:
        s.record_visit("l1.intro")
        s.record_attempt("l1.tune-neuron", 3, 4, True)
    with Store.open(tmp_path, "ada") as s:
        assert s.last_visited() == "l1.intro"
        assert s.best("l1.tune-neuron").score == 3


def test_best_picks_highest_fraction_not_highest_raw_score(store):
    store.record_attempt("g", 5, 10, False, now=T0)               # 0.50
    store.record_attempt("g", 3, 4, True, now=T0 + timedelta(1))  # 0.75  <- best
    store.record_attempt("g", 6, 12, False, now=T0 + timedelta(2))  # 0.50, biggest raw score
    best = store.best("g")
    assert (best.score, best.max_score, best.won) == (3, 4, True)
    assert best.fraction == pytest.approx(0.75)
    assert best.when == T0 + timedelta(1)


def test_best_tie_prefers_won_then_earliest(store):
    store.record_attempt("g", 1, 2, False, now=T0)
    store.record_attempt("g", 2, 4, True, now=T0 + timedelta(hours=1))
    store.record_attempt("g", 1, 2, True, now=T0 + timedelta(hours=2))
    best = store.best("g")
    assert best.won and best.when == T0 + timedelta(hours=1)


def test_best_is_none_without_attempts_and_per_section(store):
    assert store.best("g") is None
    store.record_attempt("other", 1, 1, True)
    assert store.best("g") is None


def test_attempts_oldest_first_with_details_roundtrip(store):
    first = store.record_attempt("g", 1, 4, False, {"moves": [1, 2], "note": "é"},
                                 now=T0 + timedelta(minutes=5))
    second = store.record_attempt("g", 4, 4, True, now=T0)  # recorded later, happened earlier
    rows = store.attempts("g")
    assert [r.id for r in rows] == [second, first]
    assert rows[1].details == {"moves": [1, 2], "note": "é"}
    assert rows[0].details is None
    assert rows[0] == Attempt(second, "ada", "g", 4.0, 4.0, True, None, T0)
    assert isinstance(first, int) and first != second


def test_attempt_timestamp_is_utc_iso(store):
    local = datetime(2024, 5, 10, 14, 30, 15, 123456, tzinfo=timezone(timedelta(hours=2)))
    store.record_attempt("g", 1, 1, True, now=local)
    raw = store.conn.execute("SELECT ts FROM attempts").fetchone()[0]
    assert raw == "2024-05-10T12:30:15.123Z"
    assert store.attempts("g")[0].when == datetime(2024, 5, 10, 12, 30, 15, 123000,
                                                   tzinfo=timezone.utc)
    # default timestamp: now, UTC
    store.record_attempt("h", 1, 1, True)
    when = store.attempts("h")[0].when
    assert when.tzinfo is not None
    assert abs(when - datetime.now(timezone.utc)) < timedelta(seconds=5)


def test_details_accept_numpy_values(store):
    np = pytest.importorskip("numpy")
    store.record_attempt("g", np.float64(0.5), np.int64(1), np.bool_(True),
                         {"w": np.array([0.25, -1.0]), "loss": np.float32(0.5)})
    a = store.attempts("g")[0]
    assert a.details == {"w": [0.25, -1.0], "loss": 0.5}
    assert (a.score, a.max_score, a.won) == (0.5, 1.0, True)
    assert type(a.won) is bool


@pytest.mark.parametrize("score, max_score", [(1, 0), (1, -2), (float("nan"), 1),
                                              (1, float("inf"))])
def test_bad_scores_rejected(store, score, max_score):
    with pytest.raises(ValueError):
        store.record_attempt("g", score, max_score, False)
    assert store.attempts("g") == []


def test_bad_ids_rejected(store):
    for bad in ("", "   ", None, 3):
        with pytest.raises(ValueError):
            store.record_visit(bad)
    with pytest.raises(TypeError):
        store.record_attempt("g", 1, 1, True, details=[1, 2])


def test_completed_includes_completions_and_won_attempts_only(store):
    store.record_completion("l1.intro")
    store.record_attempt("l1.tune-neuron", 4, 4, True)
    store.record_attempt("l1.light-network", 1, 4, False)
    store.record_attempt("l1.light-network", 2, 4, False)
    store.record_visit("l1.history")
    assert store.completed_sections() == {"l1.intro", "l1.tune-neuron"}


def test_last_visited_and_visits_count(store):
    assert store.last_visited() is None
    store.record_visit("a", now=T0)
    store.record_visit("b", now=T0 + timedelta(minutes=1))
    store.record_visit("a", now=T0 + timedelta(minutes=2))
    store.record_visit("c", now=T0 - timedelta(days=3))  # back-dated: not the latest
    assert store.last_visited() == "a"
    assert store.visits_count("a") == 2
    assert store.visits_count("b") == 1
    assert store.visits_count("zzz") == 0


def test_last_visited_same_timestamp_uses_insertion_order(store):
    store.record_visit("a", now=T0)
    store.record_visit("b", now=T0)
    assert store.last_visited() == "b"


def test_learners_share_a_file_but_not_progress(tmp_path):
    with Store.open(tmp_path, "ada") as ada, Store.open(tmp_path, "bob") as bob:
        ada.record_visit("l1.intro")
        ada.record_attempt("g", 1, 1, True)
        ada.record_answer("q", "q1", True, "yes", 1.0, True)
        ada.set_setting("k", 1)
        ada.save_card("q1", "{}", T0)
        assert bob.last_visited() is None
        assert bob.completed_sections() == set()
        assert bob.best("g") is None
        assert bob.answers() == []
        assert bob.get_setting("k") is None
        assert bob.load_cards() == {}
        assert bob.activity_days() == []
        assert ada.all_learners() == bob.all_learners() == ["ada", "bob"]
        assert ada.path == bob.path


def test_reopening_learner_does_not_duplicate_it(tmp_path):
    for _ in range(3):
        Store.open(tmp_path, "ada").close()
    with Store.open(tmp_path, "  ada  ") as s:  # surrounding spaces are not a new learner
        assert s.all_learners() == ["ada"]


def test_default_learner_used_when_none(tmp_path, monkeypatch):
    import getpass

    monkeypatch.setattr(getpass, "getuser", lambda: "osuser")
    with Store.open(tmp_path) as s:
        assert s.learner == "osuser"



def test_open_without_creating_the_learner(tmp_path):
    with pytest.raises(UnknownLearnerError, match="nobody has progress there yet") as caught:
        Store.open(tmp_path, "ada", create_learner=False)
    assert caught.value.learners == [] and not (tmp_path / FILENAME).exists()  # nothing made
    Store.open(tmp_path, "bob").close()
    Store.open(tmp_path, "ada").close()
    with pytest.raises(UnknownLearnerError, match=r"no learner 'cy' .*learners there: ada, bob"):
        Store.open(tmp_path, "cy", create_learner=False)
    with Store.open(tmp_path, "bob", create_learner=False) as s:
        assert s.all_learners() == ["ada", "bob"]  # cy was not added


def test_a_new_learner_that_cannot_be_written_is_a_store_error(tmp_path, monkeypatch):
    Store.open(tmp_path, "ada").close()
    # A read-only connection: adding a learner fails as on a read-only file (see the note in
    # test_store_full_disk.py on why chmod cannot show this).
    read_only = sqlite3.connect(f"file:{tmp_path / FILENAME}?mode=ro", uri=True,
                                isolation_level=None)
    monkeypatch.setattr(Store, "_connect_and_migrate", staticmethod(lambda path: read_only))
    with pytest.raises(StoreError, match="cannot add the learner 'bob'.*readonly"):
        Store.open(tmp_path, "bob")
    monkeypatch.undo()
    with Store.open(tmp_path, "ada", create_learner=False) as s:  # nothing half-done
        assert s.all_learners() == ["ada"]


# --- answers ---------------------------------------------------------------------------------

NASTY = [
    "[bold]not markup[/bold]",
    "it's \"quoted\" and 'single'",
    "'; DROP TABLE answers; --",
    "Robert'); DROP TABLE learners;--",
    "σ(z) = 1/(1+e⁻ᶻ) ∂L/∂w ✓ 🧠",
    "line one\nline two\ttabbed\\backslash",
    "%s %(x)s ? ?1 :name",
    "",
]


def test_answers_stored_verbatim_with_parameterized_queries(store):
    for i, text in enumerate(NASTY):
        store.record_answer("l1.checkpoint", f"q{i}", i % 2 == 0, text, 1.25 * i, True)
    got = store.answers()
    assert [a.response for a in got] == NASTY
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_schema "
                                               "WHERE type = 'table'")}
    assert {"answers", "learners", "attempts"} <= tables
    # the nasty text as an id is just an id too
    store.record_answer(NASTY[2], NASTY[3], False, NASTY[0], 0, False)
    assert store.answers(question_id=NASTY[3])[0].section_id == NASTY[2]
    assert store.answers(section_id=NASTY[2])[0].response == NASTY[0]


def test_answer_fields_and_filters(store):
    attempt = store.record_attempt("l1.checkpoint", 1, 2, False)
    a1 = store.record_answer("l1.checkpoint", "q1", True, "0.5", 3.5, True, attempt, now=T0)
    store.record_answer("l1.checkpoint", "q2", False, "tanh", 7.0, True, attempt,
                        now=T0 + timedelta(seconds=10))
    store.record_answer("l2.checkpoint", "q1", True, "0.50", 1.0, False,
                        now=T0 + timedelta(seconds=20))
    assert store.answers(question_id="q1")[0] == Answer(
        a1, "ada", "l1.checkpoint", "q1", True, "0.5", 3.5, True, attempt, T0)
    assert [a.response for a in store.answers(question_id="q1")] == ["0.5", "0.50"]
    assert [a.question_id for a in store.answers(section_id="l1.checkpoint")] == ["q1", "q2"]
    assert [a.response for a in store.answers("q1", "l2.checkpoint")] == ["0.50"]
    assert store.answers(question_id="nope") == []
    last = store.answers()[-1]
    assert (last.first_try, last.attempt_id, type(last.correct)) == (False, None, bool)


def test_rows_are_frozen_dataclasses(store):
    store.record_attempt("g", 1, 2, False)
    store.record_answer("g", "q", True, "x", 1, True)
    store.record_visit("g")
    for row in (store.attempts("g")[0], store.answers()[0], store.all_visits()[0]):
        assert dataclasses.is_dataclass(row)
        with pytest.raises(dataclasses.FrozenInstanceError):
            row.section_id = "other"


# --- settings --------------------------------------------------------------------------------

def test_settings_roundtrip_json(store):
    design = {"layers": [2, 4, 1], "activation": "tanh", "lr": 0.03, "name": "it's [mine]"}
    assert store.get_setting("design") is None
    assert store.get_setting("design", {"default": True}) == {"default": True}
    store.set_setting("design", design)
    assert store.get_setting("design") == design
    store.set_setting("design", [1, 2])  # replaced, not duplicated
    assert store.get_setting("design") == [1, 2]
    store.set_setting("flag", False)
    assert store.get_setting("flag", True) is False  # a stored falsy value beats the default
    store.set_setting("nothing", None)
    assert store.get_setting("nothing", "d") is None
    store.delete_setting("flag")
    assert store.get_setting("flag", "gone") == "gone"
    assert store.conn.execute("SELECT count(*) FROM settings WHERE key = 'design'"
                              ).fetchone()[0] == 1


def test_setting_must_be_json_able(store):
    with pytest.raises(TypeError):
        store.set_setting("bad", object())
    assert store.get_setting("bad") is None


# --- cards -----------------------------------------------------------------------------------

def test_cards_save_load_and_due(store):
    store.save_card("q1", '{"card_id": 1, "state": 1}', "2024-05-10T12:00:00+00:00")
    store.save_card("q2", '{"card_id": 2}', T0 + timedelta(days=2))
    store.save_card("q3", '{"card_id": 3}', "2024-05-09T12:00:00.123456Z")
    assert store.load_cards() == {"q1": '{"card_id": 1, "state": 1}', "q2": '{"card_id": 2}',
                                  "q3": '{"card_id": 3}'}
    # earliest due first; different ISO spellings compare as times, not as text
    assert store.due_cards(T0) == ["q3", "q1"]
    assert store.due_cards("2024-05-10T14:00:00+02:00") == ["q3", "q1"]  # same instant as T0
    assert store.due_cards("2024-05-10T13:59:59+02:00") == ["q3"]
    assert store.due_cards(T0 + timedelta(days=3)) == ["q3", "q1", "q2"]
    assert store.due_cards(datetime(2000, 1, 1, tzinfo=timezone.utc)) == []
    # updating a card replaces it and moves its due time
    store.save_card("q3", '{"card_id": 3, "v": 2}', T0 + timedelta(days=10))
    assert store.due_cards(T0) == ["q1"]
    assert json.loads(store.load_cards()["q3"]) == {"card_id": 3, "v": 2}
    store.delete_card("q1")
    assert set(store.load_cards()) == {"q2", "q3"}


def test_due_cards_default_now(store):
    store.save_card("past", "{}", datetime.now(timezone.utc) - timedelta(minutes=1))
    store.save_card("future", "{}", datetime.now(timezone.utc) + timedelta(hours=1))
    assert store.due_cards() == ["past"]


def test_fsrs_card_roundtrip(store):
    fsrs = pytest.importorskip("fsrs")
    scheduler, card = fsrs.Scheduler(), fsrs.Card()
    card, _ = scheduler.review_card(card, fsrs.Rating.Good, T0)
    store.save_card("q1", card.to_json(), card.due)
    back = fsrs.Card.from_json(store.load_cards()["q1"])
    assert back.due == card.due
    assert store.due_cards(card.due) == ["q1"]
    assert store.due_cards(card.due - timedelta(seconds=1)) == []


# --- export accessors ------------------------------------------------------------------------

def test_all_accessors_scope_and_learner_names(tmp_path):
    with Store.open(tmp_path, "ada") as ada, Store.open(tmp_path, "bob") as bob:
        ada.record_attempt("g", 1, 2, False, now=T0)
        bob.record_attempt("g", 2, 2, True, now=T0 + timedelta(1))
        ada.record_answer("g", "q", True, "a", 1, True, now=T0)
        bob.record_answer("g", "q", False, "b", 2, True, now=T0 + timedelta(1))
        ada.record_completion("l1.intro", now=T0)
        bob.record_visit("l1.intro", now=T0)
        assert [a.learner for a in ada.all_attempts()] == ["ada"]
        assert [(a.learner, a.won) for a in ada.all_attempts(all_learners=True)] == [
            ("ada", False), ("bob", True)]
        assert [a.learner for a in bob.all_answers()] == ["bob"]
        assert [(a.learner, a.response) for a in bob.all_answers(True)] == [
            ("ada", "a"), ("bob", "b")]
        assert [(c.learner, c.section_id, c.when) for c in bob.all_completions(True)] == [
            ("ada", "l1.intro", T0)]
        assert bob.all_completions() == []
        assert [v.learner for v in ada.all_visits(True)] == ["bob"]


# --- lifecycle -------------------------------------------------------------------------------

def test_context_manager_closes_and_close_is_idempotent(tmp_path):
    with Store.open(tmp_path, "ada") as s:
        assert not s.closed
    assert s.closed
    s.close()
    with pytest.raises(StoreError):
        s.record_visit("x")


def test_failed_write_rolls_back_and_store_stays_usable(store):
    with pytest.raises(sqlite3.IntegrityError):
        with store._write() as c:
            c.execute("INSERT INTO visits (learner_id, section_id, ts) VALUES (?, 'a', 'x')",
                      (store._learner_id,))
            c.execute("INSERT INTO visits (learner_id, section_id, ts) VALUES (?, NULL, 'x')",
                      (store._learner_id,))
    assert store.visits_count("a") == 0  # the first insert was rolled back with the second
    assert not store.conn.in_transaction
    store.record_visit("a")
    assert store.visits_count("a") == 1


def test_unwritable_folder_raises_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError):
        Store.open(blocker / "sub", "ada")
