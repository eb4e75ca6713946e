"""Recurrent networks: the pure model (no Textual).

A short word is read one letter at a time. Each letter is a one-hot vector over a small
alphabet (a "·" is a step with no input at all, so the pulse word shows memory fading), and
the engine's cell folds it into the hidden state: a plain RNN, h_t = tanh(x_t W_x + h_{t−1} W_h
+ b), or an LSTM with its gates i, f, o, the candidate c̃ (g) and the cell state c. Every state
of the walk is kept, so the view can draw the history as rows, one per letter read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nntui.engine.lstm import lstm_init, lstm_step, rnn_init, rnn_step

__all__ = ["ALPHABET", "BLANK", "WORDS", "HIDDEN", "MODES", "Step", "encode", "RecurrentWalk"]

ALPHABET = "abehlno"
BLANK = "·"  # a step that feeds nothing in: x_t = 0
WORDS = ("hello", "banana", "noble", "abba", "a·····")
HIDDEN = 6
MODES = ("RNN", "LSTM")
SEED = 3


def encode(letter: str) -> np.ndarray:
    """One-hot vector of a letter over ``ALPHABET``; the blank is all zeros."""
    x = np.zeros(len(ALPHABET))
    if letter != BLANK:
        x[ALPHABET.index(letter)] = 1.0
    return x


@dataclass(frozen=True)
class Step:
    """What one letter did: the new hidden state h, and for the LSTM its gates and cell c."""

    letter: str
    h: np.ndarray
    c: np.ndarray | None = None
    gates: dict[str, np.ndarray] | None = None


def run(word: str, mode: str, params: dict) -> list[Step]:
    """Feed every letter of ``word`` through the cell from a zero state."""
    h = np.zeros(HIDDEN)
    c = np.zeros(HIDDEN)
    steps = []
    for letter in word:
        x = encode(letter)
        if mode == "LSTM":
            h, c, gates = lstm_step(x, h, c, params)
            steps.append(Step(letter, h, c, gates))
        else:
            h = rnn_step(x, h, params)
            steps.append(Step(letter, h))
    return steps


@dataclass
class RecurrentWalk:
    """A word stepped through the chosen cell; ``shown`` letters have been read so far."""

    word: str = WORDS[0]
    mode: str = MODES[0]
    shown: int = 0
    #: Modes in which the learner has read a whole word (the section completes with both).
    finished_modes: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.params = {"RNN": rnn_init(len(ALPHABET), HIDDEN, seed=SEED),
                       "LSTM": lstm_init(len(ALPHABET), HIDDEN, seed=SEED)}
        self._compute()

    def _compute(self) -> None:
        self.steps = run(self.word, self.mode, self.params[self.mode])
        self.shown = 0

    def choose(self, word: str) -> None:
        self.word = word
        self._compute()

    def toggle_mode(self) -> None:
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        self._compute()

    @property
    def done(self) -> bool:
        return self.shown >= len(self.steps)

    def advance(self) -> bool:
        """Read the next letter; False when the word is used up."""
        if self.done:
            return False
        self.shown += 1
        if self.done:
            self.finished_modes.add(self.mode)
        return True

    def rewind(self) -> None:
        self.shown = 0

    @property
    def current(self) -> Step | None:
        return self.steps[self.shown - 1] if self.shown else None

    @property
    def history(self) -> list[Step]:
        return self.steps[:self.shown]

    def order_gap(self) -> float:
        """‖h_T(word) − h_T(reversed word)‖: the same letters read in the other order leave
        a different final state — the state remembers order, not just content."""
        params = self.params[self.mode]
        mine = run(self.word, self.mode, params)[-1].h
        theirs = run(self.word[::-1], self.mode, params)[-1].h
        return float(np.linalg.norm(mine - theirs))

