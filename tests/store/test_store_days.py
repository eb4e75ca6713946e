"""Activity days and streaks, with chosen timestamps (``now=``) and an injected ``today``."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from nntui.store import Store

TODAY = date(2024, 5, 10)


def local_noon(day: date, hour: int = 12) -> datetime:
    """An aware datetime at ``hour`` on ``day`` in the machine's local zone (days are local)."""
    return datetime(day.year, day.month, day.day, hour).astimezone()


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path, "ada") as s:
        yield s


def days_ago(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=n) for n in offsets]


def test_no_activity(store):
    assert store.activity_days() == []
    assert store.streak(TODAY) == 0


def test_activity_days_sorted_distinct_from_every_kind(store):
    store.record_answer("s", "q", True, "x", 1, True, now=local_noon(TODAY))
    store.record_visit("s", now=local_noon(TODAY - timedelta(days=9)))
    store.record_visit("s", now=local_noon(TODAY - timedelta(days=9), hour=20))
    store.record_completion("s", now=local_noon(TODAY - timedelta(days=5)))
    store.record_attempt("s", 1, 2, False, now=local_noon(TODAY - timedelta(days=2)))
    store.set_setting("not-activity", 1)  # settings and cards are not study activity
    store.save_card("q", "{}", local_noon(TODAY + timedelta(days=1)))
    assert store.activity_days() == days_ago(9, 5, 2, 0)


def test_days_are_local_calendar_days(store):
    # 00:30 and 23:30 local on the same day are one day, whatever the UTC dates are.
    store.record_visit("s", now=local_noon(TODAY, hour=0).replace(minute=30))
    store.record_visit("s", now=local_noon(TODAY, hour=23).replace(minute=30))
    assert store.activity_days() == [TODAY]


@pytest.mark.parametrize("offsets, expected", [
    ((0,), 1),
    ((0, 1, 2), 3),
    ((1, 2, 3), 3),          # ends yesterday: still alive until today is over
    ((2, 3, 4), 0),          # ended the day before yesterday: broken
    ((0, 1, 3, 4, 5), 2),    # a gap stops the count
    ((0, 2, 3), 1),
    ((-1, 0, 1), 2),         # a future-dated day does not extend today's streak
])
def test_streak_counts_consecutive_days(store, offsets, expected):
    for n in offsets:
        store.record_visit("s", now=local_noon(TODAY - timedelta(days=n)))
    assert store.streak(TODAY) == expected


def test_streak_several_events_per_day_count_once(store):
    for n in (0, 1):
        for hour in (8, 12, 22):
            store.record_attempt("g", 1, 1, True, now=local_noon(TODAY - timedelta(days=n), hour))
    assert store.streak(TODAY) == 2


def test_streak_default_today_is_now(store):
    store.record_visit("s")
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    store.record_visit("s", now=yesterday)
    assert store.streak() == 2


def test_streak_is_per_learner(tmp_path):
    with Store.open(tmp_path, "ada") as ada, Store.open(tmp_path, "bob") as bob:
        for n in range(4):
            ada.record_visit("s", now=local_noon(TODAY - timedelta(days=n)))
        bob.record_visit("s", now=local_noon(TODAY))
        assert (ada.streak(TODAY), bob.streak(TODAY)) == (4, 1)


def test_long_streak_across_month_boundary(store):
    for n in range(40):
        store.record_visit("s", now=local_noon(TODAY - timedelta(days=n)))
    assert store.streak(TODAY) == 40
    assert store.activity_days()[0] == TODAY - timedelta(days=39)


@pytest.fixture
def zone(monkeypatch):
    """Switch the process's local zone (POSIX TZ strings need no tz database)."""
    import time

    def set_zone(tz: str) -> None:
        monkeypatch.setenv("TZ", tz)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("tz", ["HST+10", "LINT-14", "UTC0"])
def test_local_days_hold_far_from_utc(store, zone, tz):
    zone(tz)
    # late evening and early morning local: on the far side of a UTC midnight in some zones
    store.record_visit("s", now=local_noon(TODAY, hour=23))
    store.record_visit("s", now=local_noon(TODAY - timedelta(days=1), hour=1))
    assert store.activity_days() == days_ago(1, 0)
    assert store.streak(TODAY) == 2


def test_day_follows_the_zone_at_reading_time(store, zone):
    zone("UTC0")
    store.record_visit("s", now="2024-05-10T23:30:00Z")
    assert store.activity_days() == [date(2024, 5, 10)]
    zone("HST+10")  # 13:30 on the 10th in Hawaii
    assert store.activity_days() == [date(2024, 5, 10)]
    zone("LINT-14")  # 13:30 on the 11th in Kiribati
    assert store.activity_days() == [date(2024, 5, 11)]
