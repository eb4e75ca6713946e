"""A class folder with three learners, written through the real store at fixed times."""

from __future__ import annotations

import pytest

from nntui.store import Store

DAY = "2024-05-0{day}T{hour:02d}:00:00Z"


def at(day: int, hour: int) -> str:
    return DAY.format(day=day, hour=hour)


def populate(folder) -> None:
    """ada: two sections done, a won checkpoint, `weights` answered right five times, the XOR
    question wrong once. bob: the checkpoint twice, never won; XOR and a weights question wrong.
    cy: only looked at the first lesson."""
    with Store.open(folder, "ada") as ada:
        ada.record_visit("l1.intro", now=at(1, 9))
        ada.record_completion("l1.intro", now=at(1, 9))
        attempt = ada.record_attempt("l1.checkpoint", 4, 5, True, now=at(1, 10))
        for i in range(5):
            ada.record_answer("l1.checkpoint", "l1.weight-meaning", True, "0", 3.0, i == 0,
                              attempt, now=at(1, 10))
        ada.record_answer("l1.checkpoint", "l1.xor-gate", False, "2", 9.0, True, attempt,
                          now=at(1, 11))
    with Store.open(folder, "bob") as bob:
        bob.record_attempt("l1.checkpoint", 2, 5, False, now=at(2, 10))
        bob.record_attempt("l1.checkpoint", 3, 5, False, now=at(2, 11))
        bob.record_answer("l1.checkpoint", "l1.xor-gate", False, "1", 5.0, True, now=at(2, 11))
        bob.record_answer("l1.checkpoint", "l1.xor-gate", False, "3", 5.0, False, now=at(2, 11))
        bob.record_answer("l1.checkpoint", "l1.weight-meaning", False, "2", 4.0, True,
                          now=at(2, 12))
    with Store.open(folder, "cy") as cy:
        cy.record_visit("l1.intro", now=at(3, 8))


@pytest.fixture
def class_folder(tmp_path):
    folder = tmp_path / "class"
    populate(folder)
    return folder
