"""The artificial neuron: the formula symbol by symbol, and a live neuron to poke."""

from __future__ import annotations

from nntui.engine.neuron import neuron
from nntui.widgets.keys import FOCUS_BINDINGS
from nntui.widgets.number_text import num
from nntui.widgets.formula import FormulaCard
from nntui.widgets.section import LessonView
from nntui.widgets.slider import Slider

from nntui.widgets.neuron_controls import compute, neuron_sliders, result_values

SYMBOLS = [
    ("xᵢ", "the inputs: the numbers arriving at the neuron"),
    ("wᵢ", "the weights: how loudly each input is heard, and with which sign"),
    ("Σ", "add up every weighted input"),
    ("b", "the bias: a head start (or handicap) before any input arrives"),
    ("σ", "the activation, here the sigmoid, squashing the sum into (0, 1)"),
    ("y", "the output: how strongly the neuron fires"),
]


class PerceptronView(LessonView):
    HELP = ("↑/↓ pick an input, weight or the bias; ←/→ change it by 0.1 (shift: by 1). "
            "The live line under the formula is the engine's answer for those numbers.")
    BINDINGS = FOCUS_BINDINGS

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.inputs = {"x1": 1.0, "x2": 1.0, "w1": 0.5, "w2": -1.0, "b": 0.2}

    def compose(self):
        yield from neuron_sliders(self.inputs, "pc")
        yield FormulaCard("The artificial neuron", "y = σ(Σ wᵢxᵢ + b) = σ(w₁x₁ + w₂x₂ + b)",
                          "weigh each input, add them and the bias, then squash the total",
                          SYMBOLS, id="pc-card")
        yield self.lesson_text()

    def on_mount(self) -> None:
        self.show_live()

    def values(self) -> dict:
        v = result_values(compute(self.inputs))
        return {**v, "z_text": num(v["z"], 2), "sigma_at_zero": neuron([0.0], [0.0], 0.0).a}

    def live_line(self) -> str:
        v = self.values()
        w1, x1, w2, x2, b = (num(v[k], brackets=True) for k in ("w1", "x1", "w2", "x2", "b"))
        return f"y = σ({w1}×{x1} + {w2}×{x2} + {b}) = σ({v['z_text']}) = {v['a']:.3f}"

    def show_live(self) -> None:
        self.query_one("#pc-card", FormulaCard).set_live(self.live_line())

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.inputs[event.slider.id.removeprefix("pc-")] = event.value
        self.show_live()
        self.refresh_values()
