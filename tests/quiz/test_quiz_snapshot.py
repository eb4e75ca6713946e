"""What a learner sees at 80×24: a curve question, and the progress screen."""

from __future__ import annotations

import pytest

from nntui.games.quizzes import QuizView


@pytest.fixture(autouse=True)
def fixed_order(monkeypatch):
    monkeypatch.setattr(QuizView, "seed", 3)


def test_snapshot_checkpoint_feedback(snap_compare, make_app):
    assert snap_compare(make_app("l1.checkpoint"), terminal_size=(80, 24), press=["1", "enter"])


def test_snapshot_progress_empty(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["p"])
