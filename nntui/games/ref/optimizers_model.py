"""Optimizers reference: the pure model (no Textual). The memory column is measured on the
engine's optimizers: how many numbers of state each keeps per parameter after a step."""

from __future__ import annotations

import numpy as np

from nntui.engine.optim import OPTIMIZERS

__all__ = ["state_per_parameter", "memory_label"]


def state_per_parameter(name: str, size: int = 10) -> float:
    """Numbers of optimizer state per parameter, after one step on ``size`` parameters."""
    optimizer = OPTIMIZERS[name](0.01)
    params = [np.zeros(size)]
    optimizer.step(params, [np.ones(size)])
    held = 0
    for value in vars(optimizer).values():
        if isinstance(value, list) and all(isinstance(a, np.ndarray) for a in value):
            held += sum(a.size for a in value)
    return held / size


def memory_label(name: str) -> str:
    buffers = int(state_per_parameter(name))
    return "none" if buffers == 0 else f"{buffers} buffer" + ("s" if buffers > 1 else "")
