"""Fixtures for the shell tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def small_background_training(monkeypatch):
    """The sections that train in a worker thread train a few steps, as their own tests make
    them: the shell tests open and leave them, and what they learn does not matter there. (Full
    trainings kept a thread computing for seconds, through every pause of the test and after.)"""
    from nntui.games.l3.seq2seq import Seq2seqView
    from nntui.games.l3.transformer import TransformerView
    from nntui.games.l4.autoencoder import AutoencoderView
    from nntui.games.l4.dropout import DropoutView
    from nntui.games.l4.dropout_model import Setup

    monkeypatch.setattr(Seq2seqView, "epochs", 5)
    monkeypatch.setattr(TransformerView, "steps", 20)
    monkeypatch.setattr(AutoencoderView, "STEPS", 20)
    monkeypatch.setattr(DropoutView, "SETUP", Setup(steps=30, rates=(0.0, 0.3, 0.6, 0.9)))
