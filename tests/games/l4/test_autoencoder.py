"""Autoencoder: a smaller bottleneck rebuilds worse (measured); networks are kept per k; keys."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.engine import fit
from nntui.games.l4 import autoencoder_model as am
from nntui.games.l4.autoencoder import AutoencoderView, code_bars, column_width
from nntui.games.l4.autoencoder_model import KS, PRESETS, Bank, Pad, rebuild

STEPS = 150  # enough for the ordering to show, fast enough for a test


@pytest.fixture(autouse=True)
def fresh_memory():
    am._MEMORY.clear()
    yield
    am._MEMORY.clear()


def test_error_rises_as_k_falls(tmp_path):
    bank = Bank(tmp_path, steps=STEPS)
    shapes = fit.shape_images()
    errors = [fit.reconstruction_error(bank.load_or_train(k), shapes) for k in (16, 4, 1)]
    assert errors[0] < errors[1] < errors[2]
    square = [rebuild(bank.get(k), PRESETS["square"]).error for k in (16, 1)]
    assert square[0] < square[1]


def test_a_trained_network_is_kept_in_memory_and_on_disk(tmp_path):
    bank = Bank(tmp_path, steps=20)
    assert bank.get(2) is None
    model = bank.load_or_train(2)
    assert bank.get(2) is model and bank.weight_file(2).exists()
    am._MEMORY.clear()
    again = Bank(tmp_path, steps=20).load_or_train(2)
    assert all(np.array_equal(a, b) for a, b in zip(model.params, again.params))
    assert Bank(tmp_path, steps=21).weight_file(2) != bank.weight_file(2)


def test_rebuild_has_k_numbers_and_an_image():
    model = Bank(None, steps=20).load_or_train(8)
    result = rebuild(model, PRESETS["cross"])
    assert result.code.shape == (8,) and result.output.shape == (8, 8)
    assert result.error == pytest.approx(np.mean((result.output - PRESETS["cross"]) ** 2))


def test_pad_draws_and_steps_k_within_the_range():
    pad = Pad()
    pad.clear()
    pad.move(-9, 9)
    assert pad.cursor == (0, 7)
    pad.toggle()
    assert pad.image.sum() == 1 and pad.image[0, 7] == 1
    pad.change_k(9)
    assert pad.k == KS[-1]
    pad.change_k(-9)
    assert pad.k == KS[0]


def test_code_bars_scale_to_the_largest_number():
    rows = code_bars(np.array([2.0, 1.0, 0.0, -2.0]))
    width = column_width(4)
    assert len(rows) == 4 and all(len(r) == 4 * width for r in rows)
    assert rows[0].count("█") == 2 * (width - 2)  # only the two biggest reach the top
    assert rows[-1][2 * width:3 * width].strip() == ""  # zero has no bar


async def test_keys_train_in_the_background_and_change_k(opened, monkeypatch):
    monkeypatch.setattr(AutoencoderView, "STEPS", 20)
    async with opened("l4.autoencoder") as (app, pilot, view):
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.pad.k == 4 and view.bank.get(4) is not None
        assert "error mean" in str(view.query_one("#ae-status").render())
        await pilot.press("2", "plus")
        assert view.pad.k == 8 and view.pad.image[3, 3] == 1  # the cross
        await app.workers.wait_for_complete()
        await pilot.pause()
        errors = str(view.query_one("#ae-errors").render())
        assert "k=4 0." in errors and "k=8 0." in errors and "k=1 —" in errors
        assert "l4.autoencoder" in app.store.completed_sections()
