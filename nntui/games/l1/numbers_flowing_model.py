"""Numbers flowing: a 2 → 3 → 1 sigmoid network lit neuron by neuron (pure, no Textual).

The weights are the engine's Xavier start for a fixed seed, so every learner sees the same
network; the inputs are the learner's. Lighting order and values come from ``Lighting``
(the engine's forward trace).
"""

from __future__ import annotations

from nntui.engine.mlp import MLP

from nntui.widgets.lighting import Lighting

__all__ = ["SIZES", "INPUT_RANGE", "NumbersFlowing"]

SIZES = (2, 3, 1)
INPUT_RANGE = (-2.0, 2.0)
SEED = 4


class NumbersFlowing:
    def __init__(self, x1: float = 1.0, x2: float = 0.5, seed: int = SEED):
        self.model = MLP(list(SIZES), hidden="sigmoid", output="sigmoid", seed=seed)
        self.lighting = Lighting(self.model, [x1, x2])

    @property
    def inputs(self) -> tuple[float, float]:
        return float(self.lighting.x[0]), float(self.lighting.x[1])

    def set_input(self, index: int, value: float) -> None:
        """Change one input; the whole network re-lights at once with the new values."""
        lo, hi = INPUT_RANGE
        x = list(self.inputs)
        x[index] = min(max(float(value), lo), hi)
        self.lighting.set_input(x)
        self.light_all()

    @property
    def output(self) -> float:
        """ŷ for the current inputs: the engine's forward pass, lit or not."""
        return float(self.lighting.output[0])

    def light_all(self) -> None:
        """Every neuron lit at once: what the network answers for these inputs."""
        while self.lighting.step():
            pass

    def step(self):
        """Light the next neuron; after the last one, the next step starts a new wave."""
        if self.lighting.done:
            self.lighting.reset()
        return self.lighting.step()

    def reset(self) -> None:
        self.lighting.reset()
