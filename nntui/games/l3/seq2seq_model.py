"""Sequence to sequence: the pure model (no Textual).

The translator is the engine's encoder–decoder RNN (``nntui.engine.rnn``), trained once on its
phrase book and kept as a weight file in the learner's data folder. ``Walkthrough`` replays one
real ``translate`` call beat by beat: each source word entering the encoder (and the hidden
state it leaves), the context vector, then each word the decoder emits, until ⟨end⟩.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from nntui.engine import rnn, weights

__all__ = ["EPOCHS", "SEED", "PAIRS", "weight_file", "load_or_train", "Beat", "Walkthrough"]

EPOCHS = 300  # full-batch Adam steps: well under a second, and every pair comes out right
SEED = 0
PAIRS = rnn.PHRASE_BOOK


def weight_file(folder: str | Path, epochs: int | None = None) -> Path:
    """Where the trained weights live; the name changes with anything that changes them."""
    recipe = repr((PAIRS, epochs or EPOCHS, SEED)).encode()
    return Path(folder) / "models" / f"seq2seq-{hashlib.sha1(recipe).hexdigest()[:10]}.npz"


def load_or_train(folder: str | Path, epochs: int | None = None) -> tuple[rnn.Seq2Seq, bool]:
    """The trained translator and whether it came from the weight file (else it trained now
    and was saved there)."""
    epochs = epochs or EPOCHS
    path = weight_file(folder, epochs)
    model = rnn.Seq2Seq(PAIRS, seed=SEED)
    extra = weights.load(path, model.params)
    if extra is not None:
        model.losses = [float(v) for v in extra.get("losses", ())]
        return model, True
    model = rnn.train(PAIRS, epochs=epochs, seed=SEED)
    weights.save(path, model.params, losses=model.losses)
    return model, False


@dataclass(frozen=True)
class Beat:
    """One step of the walkthrough: ``kind`` is "encode", "context" or "decode"; ``index`` is
    the source word read or the decoder step taken (0-based)."""

    kind: str
    index: int = 0


class Walkthrough:
    """One phrase's translation, replayed a beat at a time."""

    def __init__(self, model: rnn.Seq2Seq, phrase: int = 0) -> None:
        self.model = model
        self.choose(phrase)

    def choose(self, phrase: int) -> None:
        """Pick a phrase of the book (wrapping around) and go back to its first beat."""
        self.phrase = phrase % len(PAIRS)
        self.source_text, self.expected = PAIRS[self.phrase]
        self.translation = self.model.translate(self.source_text)
        t = self.translation
        self.beats = ([Beat("encode", i) for i in range(len(t.source))] + [Beat("context")]
                      + [Beat("decode", j) for j in range(len(t.decoder_states))])
        self.position = 0  # beats shown so far

    @property
    def current(self) -> Beat | None:
        return self.beats[self.position - 1] if self.position else None

    @property
    def done(self) -> bool:
        return self.position == len(self.beats)

    def advance(self) -> bool:
        """Show the next beat; False once the decoder has said ⟨end⟩."""
        if not self.done:
            self.position += 1
        return not self.done

    def restart(self) -> None:
        self.position = 0

    # --- what has been shown so far -----------------------------------------------------

    @property
    def words_read(self) -> int:
        return sum(b.kind == "encode" for b in self.beats[:self.position])

    @property
    def context_shown(self) -> bool:
        return any(b.kind == "context" for b in self.beats[:self.position])

    @property
    def decoder_steps(self) -> int:
        return sum(b.kind == "decode" for b in self.beats[:self.position])

    def emitted(self, step: int) -> str:
        """The word the decoder put out at ``step`` (⟨end⟩ as the engine's END token)."""
        t = self.translation
        return t.tokens[step] if step < len(t.tokens) else rnn.END

    @property
    def output(self) -> list[str]:
        return [self.emitted(j) for j in range(self.decoder_steps) if self.emitted(j) != rnn.END]

    @property
    def correct(self) -> bool:
        return self.translation.text == self.expected
