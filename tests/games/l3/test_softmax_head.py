"""Tests for the softmax head: model and Pilot."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from nntui.games.l3.softmax_head_model import LOGIT_LIMIT, TEMPERATURES, SoftmaxHead


def test_probabilities_sum_to_one_for_every_temperature_and_extreme_logits():
    head = SoftmaxHead()
    for logits in ([0.0, 0.0, 0.0, 0.0], [8.0, -8.0, 8.0, -8.0], [2.0, 1.0, 0.5, -1.0]):
        head.logits = np.array(logits)
        for index in range(len(TEMPERATURES)):
            head.temperature_index = index
            p = head.probabilities
            assert np.all(p >= 0)
            assert head.total == pytest.approx(1.0, abs=1e-12)


def test_probabilities_are_exp_over_sum_and_shift_invariant():
    head = SoftmaxHead(3)
    e = np.exp(head.logits)
    np.testing.assert_allclose(head.probabilities, e / e.sum())
    before = head.probabilities
    head.logits = head.logits + 3.0
    np.testing.assert_allclose(head.probabilities, before)


def test_raising_a_logit_takes_probability_from_every_other_class():
    head = SoftmaxHead()
    head.select(2)
    before = head.probabilities
    head.nudge(2)
    after = head.probabilities
    assert after[2] > before[2]
    assert np.all(np.delete(after, 2) < np.delete(before, 2))


def test_temperature_keeps_the_winner_and_sharpens_or_flattens():
    head = SoftmaxHead()
    peaks = []
    for index in range(len(TEMPERATURES)):
        head.temperature_index = index
        assert head.winner == 0 == int(np.argmax(head.probabilities))
        peaks.append(head.probabilities.max())
    assert all(a > b for a, b in itertools.pairwise(peaks))  # higher T, flatter head
    assert peaks[-1] < 0.35 and peaks[0] > 0.99


def test_logits_stay_within_their_range_and_classes_switch_between_three_and_four():
    head = SoftmaxHead()
    head.nudge(100)
    assert head.logits[0] == LOGIT_LIMIT
    head.select(3)
    head.toggle_class_count()
    assert head.n_classes == 3 and head.selected == 0 and head.logits[0] == LOGIT_LIMIT
    head.toggle_class_count()
    assert head.n_classes == 4 and len(head.probabilities) == 4


async def test_softmax_head_keys_move_logits_and_temperature(opened):
    async with opened("l3.softmax-head") as (app, pilot, view):
        await pilot.press("down", "right", "right", "right", "right")  # dog +1 → +3
        assert view.head.logits[1] == 3.0 and view.head.winner == 1
        table = str(view.query_one("#sh-table").render())
        assert "▶ dog" in table and "+3.0" in table
        assert "l3.softmax-head" not in app.store.completed_sections()  # T not moved yet
        await pilot.press("right_square_bracket")
        assert view.head.temperature == 2.0
        assert "l3.softmax-head" in app.store.completed_sections()
        total = str(view.query_one("#sh-sum").render())
        assert "= 1.000" in total and "★ dog" in total
