"""Softmax head: the pure model (no Textual).

A classifier's last layer gives one raw score (a logit) per class. The learner sets the logits
and a temperature T; the probabilities are the engine's ``softmax(z / T)``, so they are always
positive and always sum to 1. ``l3.softmax-grad`` builds on the same logits.
"""

from __future__ import annotations

import numpy as np

from nntui.engine.activations import softmax

__all__ = ["CLASSES", "LOGIT_LIMIT", "LOGIT_STEP", "START_LOGITS", "TEMPERATURES", "SoftmaxHead"]

CLASSES = ("cat", "dog", "fox", "owl")
START_LOGITS = (2.0, 1.0, 0.5, -1.0)
LOGIT_STEP = 0.5
LOGIT_LIMIT = 8.0
# The temperature ladder: below 1 sharpens towards the winner, above 1 flattens towards uniform.
TEMPERATURES = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 10.0)
CLASS_COUNTS = (3, 4)


class SoftmaxHead:
    """Logits for 3 or 4 classes, a selected class to adjust, and a temperature."""

    def __init__(self, n_classes: int = 4) -> None:
        self.n_classes = n_classes
        self.logits = np.array(START_LOGITS[:n_classes])
        self.selected = 0
        self.temperature_index = TEMPERATURES.index(1.0)

    # --- state -------------------------------------------------------------------

    @property
    def classes(self) -> tuple[str, ...]:
        return CLASSES[: self.n_classes]

    @property
    def temperature(self) -> float:
        return TEMPERATURES[self.temperature_index]

    @property
    def probabilities(self) -> np.ndarray:
        return softmax(self.logits / self.temperature)

    @property
    def total(self) -> float:
        """Σ pᵢ, computed from the probabilities shown (1 up to rounding)."""
        return float(np.sum(self.probabilities))

    @property
    def winner(self) -> int:
        """The argmax: temperature never changes it, only how sure the head looks."""
        return int(np.argmax(self.logits))

    @property
    def exps(self) -> np.ndarray:
        """e^(zᵢ/T) shifted by the largest logit (what softmax really divides), for display."""
        scaled = self.logits / self.temperature
        return np.exp(scaled - scaled.max())

    # --- actions -----------------------------------------------------------------

    def select(self, index: int) -> None:
        self.selected = index % self.n_classes

    def move_selection(self, steps: int) -> None:
        self.select(self.selected + steps)

    def nudge(self, steps: int) -> None:
        """Change the selected logit by ``steps`` × LOGIT_STEP, within ±LOGIT_LIMIT."""
        value = self.logits[self.selected] + steps * LOGIT_STEP
        self.logits[self.selected] = round(min(LOGIT_LIMIT, max(-LOGIT_LIMIT, value)), 1)

    def change_temperature(self, steps: int) -> None:
        index = self.temperature_index + steps
        self.temperature_index = min(len(TEMPERATURES) - 1, max(0, index))

    def toggle_class_count(self) -> None:
        """3 ↔ 4 classes; the logits that stay keep their values."""
        n = CLASS_COUNTS[(CLASS_COUNTS.index(self.n_classes) + 1) % len(CLASS_COUNTS)]
        kept = list(self.logits[:n])
        kept += list(START_LOGITS[len(kept):n])
        self.n_classes = n
        self.logits = np.array(kept)
        self.select(self.selected)

    def reset(self) -> None:
        self.__init__(self.n_classes)
