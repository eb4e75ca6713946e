"""nntui's maths: pure NumPy, float64, no UI imports.

Submodules: activations, losses, init, mlp, optim, schedules, data, surfaces,
perceptron, neuron, params, autograd, attention, rnn, transformer (and any added
later: ``import nntui.engine.<name>`` works as for any package). The most used
names are re-exported here.

Nothing is imported until it is first used: ``import nntui.engine`` costs
nothing, and ``nntui.engine.MLP`` (or ``from nntui.engine import MLP``) loads
only ``mlp`` and what it needs, through the module ``__getattr__`` below.
"""

from __future__ import annotations

import importlib

# Re-exported name → (submodule, name in that submodule).
_EXPORTS: dict[str, tuple[str, str]] = {
    "ACTIVATIONS": ("activations", "ACTIVATIONS"),
    "max_slope": ("activations", "max_slope"),
    "softmax": ("activations", "softmax"),
    "FEATURES": ("data", "FEATURES"),
    "features": ("data", "features"),
    "make": ("data", "make"),
    "split": ("data", "split"),
    "INITS": ("init", "INITS"),
    "LOSSES": ("losses", "LOSSES"),
    "MLP": ("mlp", "MLP"),
    "accuracy": ("mlp", "accuracy"),
    "grid_predict": ("mlp", "grid_predict"),
    "train_epoch": ("mlp", "train_epoch"),
    "train_step": ("mlp", "train_step"),
    "neuron_output": ("neuron", "neuron"),
    "OPTIMIZERS": ("optim", "OPTIMIZERS"),
    "SGD": ("optim", "SGD"),
    "Momentum": ("optim", "Momentum"),
    "RMSprop": ("optim", "RMSprop"),
    "Adam": ("optim", "Adam"),
    "AdamW": ("optim", "AdamW"),
    "Lion": ("optim", "Lion"),
    "GATES": ("perceptron", "GATES"),
    "Perceptron": ("perceptron", "Perceptron"),
    "SCHEDULES": ("schedules", "SCHEDULES"),
    "SURFACES": ("surfaces", "SURFACES"),
    "path": ("surfaces", "path"),
    "Tensor": ("autograd", "Tensor"),
}

_SUBMODULES = (
    "activations", "data", "init", "losses", "mlp", "neuron", "optim", "params", "perceptron",
    "schedules", "surfaces", "autograd", "attention", "rnn", "transformer",
)

__all__ = [*_SUBMODULES, *_EXPORTS]


def __getattr__(name: str):
    if name in _EXPORTS:
        module, attr = _EXPORTS[name]
        value = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"{__name__}.{name}")
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
