"""Learning-rate schedules reference: the pure model (no Textual). Every rate comes from
``nntui.engine.schedules``; each schedule has one parameter the learner can step.

Reduce-on-plateau depends on the loss, not the step, so it is fed a made-up loss that falls
as 1/(1 + 0.1t) until step ``PLATEAU_AT`` and is flat after: the rate drops once the flat
stretch outlasts the patience.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nntui.engine.schedules import SCHEDULES, ReduceOnPlateau, Schedule

__all__ = ["KNOBS", "STEPS", "PROBES", "PLATEAU_AT", "Knob", "SchedulePlot", "plateau_loss"]

STEPS = 100
BASE_LR = 0.1
PROBES = (0, 25, 50, 99)
PLATEAU_AT = 40


@dataclass(frozen=True)
class Knob:
    """The one parameter of a schedule the learner can change, and its ladder of values."""

    schedule: str
    param: str
    label: str
    ladder: tuple[float, ...]
    start: float


KNOBS: dict[str, Knob] = {k.schedule: k for k in [
    Knob("step", "step_size", "every s", (10, 20, 25, 30, 50), 30),
    Knob("exponential", "gamma", "γ", (0.9, 0.95, 0.97, 0.98, 0.99), 0.97),
    Knob("cosine", "min_lr", "η_min", (0.0, 0.01, 0.02, 0.05), 0.0),
    Knob("warmup_cosine", "warmup_steps", "warm-up W", (1, 5, 10, 20, 40), 10),
    Knob("plateau", "patience", "patience", (2, 5, 10, 20), 5),
    Knob("one_cycle", "pct_start", "peak at", (0.1, 0.2, 0.3, 0.4, 0.5), 0.3),
]}


def plateau_loss(t: int) -> float:
    return 1.0 / (1.0 + 0.1 * min(t, PLATEAU_AT))


class SchedulePlot:
    """Every schedule with its current parameter value."""

    def __init__(self) -> None:
        self.values = {name: knob.start for name, knob in KNOBS.items()}

    def build(self, name: str) -> Schedule:
        knob = KNOBS[name]
        kwargs = {knob.param: self.values[name]}
        if name in ("cosine", "warmup_cosine", "one_cycle"):
            kwargs["total_steps"] = STEPS
        if name == "one_cycle":
            kwargs["max_lr"] = BASE_LR
        else:
            kwargs["base_lr"] = BASE_LR
        return SCHEDULES[name](**kwargs)

    def rates(self, name: str, n: int = STEPS) -> np.ndarray:
        schedule = self.build(name)
        if isinstance(schedule, ReduceOnPlateau):
            out = []
            for t in range(n):  # the rate used at step t, then the epoch's loss is observed
                out.append(schedule.lr_at(t))
                schedule.observe(plateau_loss(t))
            return np.array(out)
        return schedule.lrs(n)

    def step(self, name: str, steps: int) -> None:
        ladder = KNOBS[name].ladder
        index = ladder.index(self.values[name]) + steps
        self.values[name] = ladder[int(np.clip(index, 0, len(ladder) - 1))]
