"""Sequence to sequence: model and Pilot."""

from __future__ import annotations

import numpy as np

from nntui.engine.rnn import END
from nntui.games.l3.seq2seq import Seq2seqView
from nntui.games.l3.seq2seq_model import PAIRS, Walkthrough, load_or_train, weight_file


def test_trained_translator_translates_every_pair_and_is_kept_for_next_time(tmp_path):
    model, from_file = load_or_train(tmp_path)
    assert not from_file and weight_file(tmp_path).is_file()
    assert ("the cat sits", "le chat est assis") in PAIRS and len(PAIRS) >= 8
    for english, french in PAIRS:
        assert model.translate(english).text == french
    again, from_file = load_or_train(tmp_path)
    assert from_file and again.losses == model.losses
    for mine, theirs in zip(model.params, again.params):
        np.testing.assert_array_equal(mine.data, theirs.data)


def test_walkthrough_reads_each_word_then_the_context_then_emits_until_end(tmp_path):
    model, _ = load_or_train(tmp_path, epochs=5)  # the order of beats needs no good model
    walk = Walkthrough(model, phrase=0)
    source = walk.translation.source
    assert source == ["the", "cat", "sits", END]
    for i in range(len(source)):
        walk.advance()
        assert walk.current.kind == "encode" and walk.words_read == i + 1
    walk.advance()
    assert walk.current.kind == "context" and walk.context_shown
    while walk.advance():
        assert walk.current.kind == "decode"
    assert walk.done and walk.decoder_steps == len(walk.translation.decoder_states)
    walk.choose(-1)
    assert walk.phrase == len(PAIRS) - 1 and walk.position == 0


async def test_seq2seq_by_keys(opened, monkeypatch):
    monkeypatch.setattr(Seq2seqView, "epochs", 5)  # the wiring, not the translation
    async with opened("l3.seq2seq") as (app, pilot, view):
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.walk is not None and not view.loaded_from_file
        assert weight_file(app.data_dir, 5).is_file()
        await pilot.press("s", "s")
        encoder = str(app.screen.query_one("#s2s-encoder").render())
        assert "h₂" in encoder and "(32 numbers)" in encoder
        await pilot.press("right")
        assert view.walk.phrase == 1 and view.walk.position == 0
        await pilot.press("s")  # by key once, the rest of the walk straight to the view
        for _ in range(len(view.walk.beats) - 1):
            view.action_step()
        assert view.walk.done and "l3.seq2seq" in app.store.completed_sections()
        assert "French:" in str(app.screen.query_one("#s2s-note").render())
