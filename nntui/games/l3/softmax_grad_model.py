"""Softmax meets cross-entropy: the pure model (no Textual).

The same logits as the softmax head, plus a true class. The loss is the engine's softmax
cross-entropy ``ce``; its gradient into the logits is p − y. One gradient step
z ← z − η(p − y) is previewed before it is taken, so the learner sees which way each
probability will move.
"""

from __future__ import annotations

import numpy as np

from nntui.engine.activations import softmax
from nntui.engine.losses import ce, one_hot

from .softmax_head_model import CLASSES, LOGIT_LIMIT, LOGIT_STEP, START_LOGITS

__all__ = ["CLASSES", "LEARNING_RATES", "SoftmaxGrad"]

LEARNING_RATES = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0)
START_TRUE = 2  # fox: not the current winner, so the first step visibly changes things


class SoftmaxGrad:
    """Logits, the true class, a learning rate; the gradient p − y and one step's effect."""

    def __init__(self) -> None:
        self.logits = np.array(START_LOGITS)
        self.true_class = START_TRUE
        self.selected = 0
        self.lr_index = LEARNING_RATES.index(1.0)
        self.steps_taken = 0

    @property
    def classes(self) -> tuple[str, ...]:
        return CLASSES[: len(self.logits)]

    @property
    def lr(self) -> float:
        return LEARNING_RATES[self.lr_index]

    @property
    def target(self) -> np.ndarray:
        """y: the one-hot row of the true class."""
        return one_hot([self.true_class], len(self.logits))[0]

    @property
    def probabilities(self) -> np.ndarray:
        return softmax(self.logits)

    @property
    def loss(self) -> float:
        return ce(self.logits, self.true_class)[0]

    @property
    def gradient(self) -> np.ndarray:
        """∂L/∂z from the engine's cross-entropy: it equals p − y."""
        return ce(self.logits, self.true_class)[1]

    @property
    def logits_after(self) -> np.ndarray:
        """The logits one gradient step later: z − η(p − y)."""
        return self.logits - self.lr * self.gradient

    @property
    def probabilities_after(self) -> np.ndarray:
        return softmax(self.logits_after)

    @property
    def loss_after(self) -> float:
        return ce(self.logits_after, self.true_class)[0]

    # --- actions ---------------------------------------------------------------------

    def choose_true(self, index: int) -> None:
        self.true_class = index % len(self.logits)

    def move_selection(self, steps: int) -> None:
        self.selected = (self.selected + steps) % len(self.logits)

    def nudge(self, steps: int) -> None:
        value = self.logits[self.selected] + steps * LOGIT_STEP
        self.logits[self.selected] = round(min(LOGIT_LIMIT, max(-LOGIT_LIMIT, value)), 1)

    def change_lr(self, steps: int) -> None:
        self.lr_index = min(len(LEARNING_RATES) - 1, max(0, self.lr_index + steps))

    def take_step(self) -> None:
        """z ← z − η(p − y): the step that was previewed."""
        self.logits = self.logits_after
        self.steps_taken += 1

    def reset(self) -> None:
        self.__init__()
