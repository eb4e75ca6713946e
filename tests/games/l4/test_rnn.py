"""Recurrent networks: the walk matches the engine's cells step by step; the section's keys."""

from __future__ import annotations

import numpy as np

from nntui.engine.lstm import lstm_step, rnn_step
from nntui.games.l4.rnn_model import ALPHABET, BLANK, HIDDEN, RecurrentWalk, encode


def test_encode_is_one_hot_and_blank_is_zero():
    assert np.array_equal(encode("b"), np.eye(len(ALPHABET))[ALPHABET.index("b")])
    assert not encode(BLANK).any()


def test_rnn_states_follow_the_cell_formula():
    walk = RecurrentWalk(word="hello")
    p = walk.params["RNN"]
    h = np.zeros(HIDDEN)
    for letter, step in zip("hello", walk.steps):
        h = np.tanh(encode(letter) @ p["Wx"] + h @ p["Wh"] + p["b"])
        assert np.allclose(step.h, h)
    assert np.allclose(walk.steps[-1].h, rnn_step(encode("o"), walk.steps[-2].h, p))


def test_lstm_cell_state_is_forget_times_old_plus_input_times_candidate():
    walk = RecurrentWalk(word="banana", mode="LSTM")
    c_prev = np.zeros(HIDDEN)
    for step in walk.steps:
        g = step.gates
        assert all(np.all((g[k] > 0) & (g[k] < 1)) for k in "ifo")
        assert np.allclose(step.c, g["f"] * c_prev + g["i"] * g["g"])
        assert np.allclose(step.h, g["o"] * np.tanh(step.c))
        c_prev = step.c
    h, c, _ = lstm_step(encode("b"), np.zeros(HIDDEN), np.zeros(HIDDEN), walk.params["LSTM"])
    assert np.allclose(walk.steps[0].h, h) and np.allclose(walk.steps[0].c, c)


def test_the_state_remembers_order():
    walk = RecurrentWalk(word="hello")
    assert walk.order_gap() > 0.05
    walk.choose("abba")  # a palindrome reads the same both ways
    assert walk.order_gap() == 0.0


def test_stepping_grows_the_history_and_both_modes_complete():
    walk = RecurrentWalk(word="noble")
    assert walk.history == [] and walk.current is None
    walk.advance()
    walk.advance()
    assert [s.letter for s in walk.history] == ["n", "o"] and walk.current.letter == "o"
    while walk.advance():
        pass
    assert walk.done and walk.finished_modes == {"RNN"}
    walk.toggle_mode()
    assert walk.shown == 0 and walk.mode == "LSTM"
    while walk.advance():
        pass
    assert walk.finished_modes == {"RNN", "LSTM"}


async def test_keys_pick_a_word_step_it_and_switch_to_lstm(opened):
    async with opened("l4.rnn") as (app, pilot, view):
        assert "RNN cell" in str(view.query_one("#rn-status").render())  # drawn on opening
        await pilot.press("4", "s", "s")
        assert view.walk.word == "abba" and view.walk.shown == 2
        assert "'b'" in str(view.query_one("#rn-history").render())
        await pilot.press("s", "s", "m")
        assert view.walk.mode == "LSTM" and view.query_one("#rn-gates").display
        await pilot.press(*["s"] * 4)
        await pilot.pause()
        gates = str(view.query_one("#rn-gates").render()).splitlines()
        assert gates[0].startswith("gates at step 4") and len(gates) == 6  # i f o c̃ c
        assert "l4.rnn" in app.store.completed_sections()
