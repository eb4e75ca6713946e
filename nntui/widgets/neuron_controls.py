"""Five sliders for one two-input neuron (x₁, x₂, w₁, w₂, b), shared by Level 1 lessons."""

from __future__ import annotations

from nntui.engine.neuron import NeuronResult, neuron
from nntui.widgets.number_text import num
from nntui.widgets.slider import Slider

KEYS = ("x1", "x2", "w1", "w2", "b")
LABELS = {"x1": "x₁ input", "x2": "x₂ input", "w1": "w₁ weight", "w2": "w₂ weight",
          "b": "b bias"}


def neuron_sliders(values: dict[str, float], prefix: str) -> list[Slider]:
    """Sliders for the neuron, ids ``{prefix}-x1`` …; inputs in [−2, 2], weights in [−3, 3]."""
    sliders = []
    for key in KEYS:
        span = 2.0 if key.startswith("x") else 3.0
        sliders.append(Slider(LABELS[key], values[key], -span, span, 0.1, 1.0,
                              fmt="{:+.1f}", label_width=9, id=f"{prefix}-{key}"))
    return sliders


def compute(values: dict[str, float], activation: str = "sigmoid") -> NeuronResult:
    return neuron([values["x1"], values["x2"]], [values["w1"], values["w2"]], values["b"],
                  activation)


def result_values(r: NeuronResult) -> dict[str, float]:
    """The numbers a lesson template can show, all from the engine's result."""
    return {"x1": r.x[0], "x2": r.x[1], "w1": r.w[0], "w2": r.w[1], "b": r.b,
            "p1": r.products[0], "p2": r.products[1], "z": r.z, "a": r.a}


def written(values: dict[str, float], decimals: dict[str, int]) -> dict[str, str]:
    """Each value as formula text: ``name`` plain (−0.4) and ``name_f`` as a factor ((−0.4))."""
    out = {}
    for key, places in decimals.items():
        out[key] = num(values[key], places)
        out[f"{key}_f"] = num(values[key], places, brackets=True)
    return out
