"""Pulses through a small network for the introduction (pure, no Textual).

A 3 → 4 → 2 network; each beat lights the next layer with the values the engine computes,
then the lights go off and a new input enters, so the wave keeps flowing left to right.
"""

from __future__ import annotations

import numpy as np

from nntui.engine.mlp import MLP

from nntui.widgets.lighting import Lighting

__all__ = ["IntroPulses"]

SIZES = (3, 4, 2)


class IntroPulses:
    def __init__(self, seed: int = 1):
        self.rng = np.random.default_rng(seed)
        self.model = MLP(list(SIZES), hidden="sigmoid", output="sigmoid", seed=seed)
        self.lighting = Lighting(self.model, self._new_input())
        self.waves = 0

    def _new_input(self) -> np.ndarray:
        return self.rng.uniform(0.0, 1.0, SIZES[0]).round(2)

    @property
    def lit_layers(self) -> int:
        """How many layers are lit (0 … 3)."""
        return len({s.layer for s in self.lighting.lit})

    def beat(self) -> None:
        """Light the next layer; after the output has shown, start a new wave."""
        if self.lighting.done:
            self.lighting.set_input(self._new_input())
            self.waves += 1
        else:
            self.lighting.step_layer()
