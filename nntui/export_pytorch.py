"""The network of ``l3.train-brain`` written out as a runnable, self-contained PyTorch script.

Pure text generation (no Textual, and no PyTorch: the script is written whether or not PyTorch
is installed here). Used by the ``l4.pytorch`` section's export key and by
``nntui export --format pytorch``.

Train a brain saves its *setup* per learner (store setting ``SETUP_KEY``), not its trained
weights; so the exported weights are the network that setup starts from — freshly initialised
from its weight seed — and the script and the note say so. Without a saved setup the default
setup is exported, also freshly initialised.

The script holds the architecture as an ``nn.Module`` (the lines of ``module_lines``, each paired
with its formula for the section's two-column view), the weights as float literals (``repr``
round-trips every float64 exactly), the input features and a ``predict`` function. nntui keeps a
dense weight as W (n_in, n_out) and computes x·W + b; ``nn.Linear`` keeps ``weight`` as
(n_out, n_in) and computes x·weightᵀ + bias, so the script loads Wᵀ.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nntui.engine.data import FEATURE_LABELS
from nntui.games.l3.train_brain_model import Playground, normalize_setup

__all__ = ["SETUP_KEY", "BrainExport", "CodeLine", "export_brain", "layer_mark", "module_lines"]

#: Where Train a brain keeps the learner's setup in the store (its view saves it there).
SETUP_KEY = "l3.train-brain.setup"

#: ``torch`` call and formula symbol of each activation Train a brain offers.
_ACTIVATIONS = {
    "tanh": ("torch.tanh", "tanh"),
    "relu": ("torch.relu", "ReLU"),
    "sigmoid": ("torch.sigmoid", "σ"),
    "linear": ("", ""),
}
#: The Python expression of each input feature, in the exported ``features(x1, x2)``.
_FEATURE_CODE = {
    "x1": "x1", "x2": "x2", "x1^2": "x1 * x1", "x2^2": "x2 * x2", "x1x2": "x1 * x2",
    "sin_x1": "math.sin(x1)", "sin_x2": "math.sin(x2)",
}
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class CodeLine:
    """One line of the ``nn.Module`` and the maths it stands for ("" when it is plumbing).

    ``layer`` is the weight layer (1-based) the line builds or applies, 0 for none; the section
    shows that layer's live values for the highlighted line.
    """

    code: str
    maths: str
    layer: int = 0
    #: Which part of the module it is: "class", "init", "linear", "forward", "apply", "".
    kind: str = ""


def _power(n: int) -> str:
    return str(n).translate(_SUPERSCRIPT)


def layer_mark(n: int) -> str:
    """The layer superscript of a formula: ⁽³⁾ for 3."""
    return f"⁽{_power(n)}⁾"


def _layer_name(index: int, n_layers: int) -> str:
    return "out" if index == n_layers else f"layer{index}"


def _applied(activation: str, inner: str) -> str:
    call = _ACTIVATIONS[activation][0]
    return f"{call}({inner})" if call else inner


def _formula(activation: str, inner: str) -> str:
    symbol = _ACTIVATIONS[activation][1]
    return f"{symbol}({inner})" if symbol else inner


def module_lines(setup: dict) -> list[CodeLine]:
    """The ``nn.Module`` of a Train a brain setup, line by line, each with its formula."""
    s = normalize_setup(setup)
    sizes = [max(1, len(s["features"])), *s["hidden"], 1]
    n_layers = len(sizes) - 1
    output = "sigmoid" if s["problem"] == "classification" else "linear"
    lines = [
        CodeLine("class Brain(nn.Module):",
                 f"f: ℝ{_power(sizes[0])} → ℝ, {n_layers} weight layer"
                 f"{'s' if n_layers > 1 else ''}", kind="class"),
        CodeLine("    def __init__(self):", "the parameters θ, made once", kind="init"),
        CodeLine("        super().__init__()", ""),
    ]
    for k, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:]), 1):
        lines.append(CodeLine(
            f"        self.{_layer_name(k, n_layers)} = nn.Linear({n_in}, {n_out})",
            f"W{layer_mark(k)} ∈ ℝ{_power(n_in)}ˣ{_power(n_out)}, b{layer_mark(k)} ∈ ℝ{_power(n_out)}",
            k, "linear"))
    lines.append(CodeLine("", ""))
    lines.append(CodeLine("    def forward(self, x):", "x: a row of features per point",
                          kind="forward"))
    previous = "x"
    for k in range(1, n_layers):
        inner = f"self.{_layer_name(k, n_layers)}({previous})"
        lines.append(CodeLine(
            f"        h = {_applied(s['activation'], inner)}",
            f"h{layer_mark(k)} = {_formula(s['activation'], f'{_math_name(k - 1)}W{layer_mark(k)} + b{layer_mark(k)}')}",
            k, "apply"))
        previous = "h"
    inner = f"self.out({previous})"
    lines.append(CodeLine(
        f"        return {_applied(output, inner)}",
        f"ŷ = {_formula(output, f'{_math_name(n_layers - 1)}W{layer_mark(n_layers)} + b{layer_mark(n_layers)}')}",
        n_layers, "apply"))
    return lines


def _math_name(layer: int) -> str:
    """The formula name of layer ``layer``'s output: x for the inputs, h⁽ᵏ⁾ after."""
    return "x" if layer == 0 else f"h{layer_mark(layer)}"


@dataclass(frozen=True)
class BrainExport:
    """What an export writes, and the engine network whose weights it holds."""

    script: str
    playground: Playground
    #: The learner had a saved setup (False: the default setup was used).
    saved: bool

    @property
    def note(self) -> str:
        """One line for the learner: what the file holds."""
        return _note(self.playground, self.saved)


def _note(pg: Playground, saved: bool) -> str:
    what = ("your saved Train a brain setup" if saved
            else "the default setup (no saved Train a brain network)")
    return (f"{what}, freshly initialised from weight seed {pg.setup['weight_seed']} "
            "(trained weights are not saved)")


def export_brain(saved_setup: dict | None) -> BrainExport:
    """The PyTorch script for a saved setup (``None``: the default setup)."""
    pg = Playground(saved_setup)
    saved = saved_setup is not None
    return BrainExport(_script(pg, _note(pg, saved)), pg, saved)


def _literal(array: np.ndarray) -> str:
    """A nested list of exact float literals (``repr`` round-trips a float64)."""
    if array.ndim == 1:
        return "[" + ", ".join(repr(float(v)) for v in array) + "]"
    return "[" + ", ".join(_literal(row) for row in array) + "]"


def _script(pg: Playground, note: str) -> str:
    s = pg.setup
    names = s["features"]
    columns = ", ".join(_FEATURE_CODE[n] for n in names) if names else "0.0"
    labels = ", ".join(FEATURE_LABELS[n] for n in names) if names else "none (one input, always 0)"
    output = ("the probability of class 1 (sigmoid output)" if s["problem"] == "classification"
              else "the predicted value (linear output)")
    weights = "\n".join(
        f"    ({_literal(W)},\n     {_literal(b)}),  # {_layer_name(k, len(pg.net.weights))}: "
        f"W {W.shape[0]}×{W.shape[1]}, b {b.shape[0]}"
        for k, (W, b) in enumerate(zip(pg.net.weights, pg.net.biases), 1))
    layers = [_layer_name(k, len(pg.net.weights)) for k in range(1, len(pg.net.weights) + 1)]
    module = "\n".join(line.code for line in module_lines(s))
    return f'''"""A network from nntui's Train a brain, as a PyTorch script.

Weights: {note}.
Setup: {s["problem"]} on {s["dataset"]}, features {labels}, hidden layers {s["hidden"] or "none"},
{s["activation"]} activation, sizes {" → ".join(map(str, pg.sizes))}.
Output: {output}.

Run it with PyTorch installed (pip install torch): python3 this_file.py
"""

import math

import torch
from torch import nn

#: The input features, in the order of the network's inputs.
FEATURES = {names!r}


def features(x1, x2):
    """The network's input row for the point (x1, x2)."""
    return [{columns}]


{module}


# nntui keeps each weight matrix as W (inputs × outputs) and computes x·W + b; nn.Linear
# keeps weight as (outputs × inputs), so load_weights copies Wᵀ.
WEIGHTS = [
{weights}
]


def load_weights(model):
    layers = [{", ".join(f"model.{name}" for name in layers)}]
    with torch.no_grad():
        for layer, (W, b) in zip(layers, WEIGHTS):
            layer.weight.copy_(torch.tensor(W, dtype=torch.float64).T)
            layer.bias.copy_(torch.tensor(b, dtype=torch.float64))


def build():
    """The network in float64 (as nntui computes), weights loaded, in eval mode."""
    model = Brain().double()
    load_weights(model)
    return model.eval()


def predict(model, points):
    """The network's output for a list of points [(x1, x2), ...]."""
    x = torch.tensor([features(x1, x2) for x1, x2 in points], dtype=torch.float64)
    with torch.no_grad():
        return model(x).squeeze(1).tolist()


if __name__ == "__main__":
    net = build()
    demo = [(0.0, 0.0), (2.0, -1.0), (-4.5, 3.5)]
    for (x1, x2), value in zip(demo, predict(net, demo)):
        print(f"f({{x1:+.1f}}, {{x2:+.1f}}) = {{value:.6f}}")
'''
