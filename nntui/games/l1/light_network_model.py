"""Light the network: the pure model (no Textual).

Two input switches (0 or 1) feed one sigmoid neuron through two weights; the neuron's output is
the bulb's brightness. A game is a fixed set of rounds, each with a target brightness; a check
wins the round when |output − target| ≤ 0.1. A round ends only when it is won, and scores 3
points less one for each check that missed (never below 1); the set's score is the sum.
Rounds already won (this visit or, restored from the store, an earlier one) are not served again.
"""

from __future__ import annotations

from typing import Iterable

from nntui.engine.neuron import NeuronResult, neuron

__all__ = ["TOLERANCE", "WEIGHT_RANGE", "ROUND_TARGETS", "ROUND_POINTS", "LightNetwork"]

TOLERANCE = 0.1
WEIGHT_RANGE = (-5.0, 5.0)
# Every target stays away from 0.5 (what the bulb shows with both switches off) and from the
# extremes, so every round needs a switch on and a real weight setting; dim and bright alternate
# so a round's weights never already solve the next one.
ROUND_TARGETS = (0.85, 0.25, 0.7, 0.1, 0.95)
ROUND_POINTS = 3


def round_score(checks: int) -> int:
    """Points for a round won on the ``checks``-th check: 3, 2, then 1 however many more."""
    return max(1, ROUND_POINTS + 1 - checks)


class LightNetwork:
    def __init__(self, scores: dict[int, int] | None = None):
        """``scores``: round index → points of rounds already won (they are not served again)."""
        self.switches = [0, 0]
        self.weights = [0.0, 0.0]
        self.scores: dict[int, int] = dict(scores or {})
        self.index = self._next_unsolved(0)
        self.round_checks = 0  # checks in the current round
        self.last_check: bool | None = None

    # --- rounds -----------------------------------------------------------------

    def _next_unsolved(self, start: int) -> int:
        """The first round from ``start`` on (wrapping) not yet won; len(ROUND_TARGETS) if none."""
        n = len(ROUND_TARGETS)
        for k in range(n):
            if (start + k) % n not in self.scores:
                return (start + k) % n
        return n

    @property
    def finished(self) -> bool:
        return len(self.scores) == len(ROUND_TARGETS)

    @property
    def round(self) -> int:
        """The current round, counted from 1."""
        return self.index + 1

    @property
    def target(self) -> float | None:
        return None if self.finished else ROUND_TARGETS[self.index]

    @property
    def rounds_won(self) -> int:
        return len(self.scores)

    @property
    def score(self) -> int:
        return sum(self.scores.values())

    @property
    def max_score(self) -> int:
        return ROUND_POINTS * len(ROUND_TARGETS)

    # --- the neuron -------------------------------------------------------------

    @property
    def result(self) -> NeuronResult:
        return neuron(self.switches, self.weights, 0.0)

    @property
    def output(self) -> float:
        return self.result.a

    @property
    def gap(self) -> float:
        return abs(self.output - self.target) if self.target is not None else 0.0

    @property
    def close_enough(self) -> bool:
        return self.target is not None and self.gap <= TOLERANCE

    def toggle(self, index: int) -> None:
        self.switches[index] = 1 - self.switches[index]
        self.last_check = None

    def set_weight(self, index: int, value: float) -> None:
        lo, hi = WEIGHT_RANGE
        self.weights[index] = float(min(max(value, lo), hi))
        self.last_check = None

    # --- playing ------------------------------------------------------------------

    def check(self) -> bool:
        """Lock in the current setting; a hit wins the round (and scores it)."""
        if self.finished:
            return False
        self.round_checks += 1
        self.last_check = self.close_enough
        if self.last_check:
            self.scores[self.index] = round_score(self.round_checks)
        return self.last_check

    def next_round(self) -> None:
        """On to the next round not yet won; switches and weights stay."""
        self.index = self._next_unsolved(self.index)
        self.round_checks = 0
        self.last_check = None

    def replay(self) -> None:
        """Play the whole set again from round 1."""
        self.scores.clear()
        self.index = 0
        self.round_checks = 0
        self.last_check = None
