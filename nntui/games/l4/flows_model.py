"""Normalizing flows: the pure model (no Textual).

A Gaussian cloud of ``N_POINTS`` points and an engine ``CouplingFlow`` trained to bend it into a
target (ring or two moons). ``forward()`` / ``reverse()`` move the cloud through one coupling
step at a time with the flow's own forward and inverse; ``max_error`` compares the cloud on show
with the same stage computed straight from the start, so after going forward and back it is the
round-trip error (about 10⁻¹⁶). Trained weights can be saved and loaded (``snapshot``/``restore``)
so a finished training is kept.
"""

from __future__ import annotations

import numpy as np

from nntui.engine.flows import TARGETS, CouplingFlow, sample_target, train
from nntui.engine.optim import Adam

N_POINTS = 400
N_TARGET = 150
N_LAYERS = 8
HIDDEN = 16
#: Adam steps of one training run, and per chunk (one redraw).
TOTAL_STEPS = 1500
CHUNK_STEPS = 15
LEARNING_RATE = 0.01
BATCH = 256


class Flows:
    """One target, one flow, the fixed start cloud and where the learner is in the stack."""

    def __init__(self, target: str = "moons", seed: int = 0) -> None:
        self.seed = seed
        rng = np.random.default_rng(seed)
        self.start = rng.standard_normal((N_POINTS, 2))
        #: Which quarter of the plane each start point came from: its marker on the canvas.
        self.quarter = (self.start[:, 0] < 0).astype(int) + 2 * (self.start[:, 1] < 0)
        self.set_target(target)

    def set_target(self, target: str) -> None:
        """A fresh, untrained flow for ``target`` (the identity: the cloud does not move)."""
        self.target = target
        self.target_points = sample_target(target, N_TARGET, np.random.default_rng(self.seed + 1))
        self.flow = CouplingFlow(N_LAYERS, HIDDEN, seed=self.seed)
        self.optimizer = Adam(lr=LEARNING_RATE)
        self.rng = np.random.default_rng(self.seed + 2)
        self.steps = 0
        self.nll: float | None = None
        self.stage = 0
        self.cloud = self.start.copy()

    def switch_target(self) -> None:
        names = list(TARGETS)
        self.set_target(names[(names.index(self.target) + 1) % len(names)])

    # --- training ---------------------------------------------------------------------------

    @property
    def trained(self) -> bool:
        return self.steps >= TOTAL_STEPS

    def train_chunk(self) -> float:
        """``CHUNK_STEPS`` Adam steps; the cloud on show is recomputed with the new weights."""
        self.nll = train(self.flow, self.target, CHUNK_STEPS, BATCH, self.optimizer, self.rng)
        self.steps += CHUNK_STEPS
        self.cloud = self.stage_cloud(self.stage)
        return self.nll

    def snapshot(self) -> dict:
        return {"target": self.target, "steps": self.steps, "nll": self.nll,
                "params": [p.tolist() for p in self.flow.get_params()]}

    def restore(self, saved: dict) -> bool:
        """Load a snapshot of the current target; False (nothing changed) if it does not fit."""
        try:
            if saved["target"] != self.target:
                return False
            params = [np.asarray(p, dtype=np.float64) for p in saved["params"]]
            if [p.shape for p in params] != [p.data.shape for p in self.flow.params]:
                return False
            self.flow.set_params(params)
            self.steps, self.nll = int(saved["steps"]), saved.get("nll")
        except (KeyError, TypeError, ValueError):
            return False
        self.cloud = self.stage_cloud(self.stage)
        return True

    # --- stepping through the layers ----------------------------------------------------------

    def stage_cloud(self, stage: int) -> np.ndarray:
        """The start cloud pushed forward through the first ``stage`` steps."""
        return self.flow.stages(self.start)[0][stage] if stage else self.start.copy()

    def forward(self) -> bool:
        if self.stage >= N_LAYERS:
            return False
        self.cloud, _ = self.flow.layer_forward(self.stage, self.cloud)
        self.stage += 1
        return True

    def reverse(self) -> bool:
        if self.stage <= 0:
            return False
        self.stage -= 1
        self.cloud, _ = self.flow.layer_inverse(self.stage, self.cloud)
        return True

    @property
    def max_error(self) -> float:
        """max |cloud − the same stage computed forward from the start| over all coordinates."""
        return float(np.abs(self.cloud - self.stage_cloud(self.stage)).max())

    def step_logdets(self) -> list[float]:
        """Mean log|det J| of every step over the start cloud: > 0 spreads, < 0 squeezes."""
        return [float(ld.mean()) for ld in self.flow.stages(self.start)[1]]
