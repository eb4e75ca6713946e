"""Light the network: the pure model (no Textual).

Two input switches (0 or 1) feed one sigmoid neuron through two weights; the neuron's output is
the bulb's brightness. Each round sets a target brightness; a check wins the round when
|output − target| ≤ 0.1. Targets come from a seeded generator, so a round is reproducible.
"""

from __future__ import annotations

import numpy as np

from nntui.engine.neuron import NeuronResult, neuron

__all__ = ["TOLERANCE", "WEIGHT_RANGE", "LightNetwork"]

TOLERANCE = 0.1
WEIGHT_RANGE = (-5.0, 5.0)
# Targets stay away from 0.5 (what the bulb shows with both switches off) and from the
# extremes, so every round needs at least one switch and a real weight setting.
TARGET_CHOICES = tuple(round(t, 2) for t in np.arange(0.1, 0.95, 0.05) if abs(t - 0.5) > 0.12)


class LightNetwork:
    def __init__(self, seed: int = 0):
        self.rng = np.random.default_rng(seed)
        self.switches = [0, 0]
        self.weights = [0.0, 0.0]
        self.round = 1
        self.rounds_won = 0
        self.checks = 0
        self.last_check: bool | None = None
        self.target = self._new_target()

    def _new_target(self) -> float:
        return float(self.rng.choice(TARGET_CHOICES))

    @property
    def result(self) -> NeuronResult:
        return neuron(self.switches, self.weights, 0.0)

    @property
    def output(self) -> float:
        return self.result.a

    @property
    def gap(self) -> float:
        return abs(self.output - self.target)

    @property
    def close_enough(self) -> bool:
        return self.gap <= TOLERANCE

    def toggle(self, index: int) -> None:
        self.switches[index] = 1 - self.switches[index]
        self.last_check = None

    def set_weight(self, index: int, value: float) -> None:
        lo, hi = WEIGHT_RANGE
        self.weights[index] = float(min(max(value, lo), hi))
        self.last_check = None

    def check(self) -> bool:
        """Lock in the current setting: one attempt, won when within the tolerance."""
        self.checks += 1
        self.last_check = self.close_enough
        if self.last_check:
            self.rounds_won += 1
        return self.last_check

    def next_round(self) -> None:
        """A new target that differs from the last one; switches and weights stay."""
        old = self.target
        while self.target == old:
            self.target = self._new_target()
        self.round += 1
        self.last_check = None
