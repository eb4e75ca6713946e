"""The artificial neuron: the formula symbol by symbol, and a live neuron to poke."""

from __future__ import annotations

from nntui.games.focus_keys import FOCUS_BINDINGS
from nntui.widgets.formula import FormulaCard
from nntui.widgets.section import LessonView
from nntui.widgets.slider import Slider

from .neuron_controls import compute, neuron_sliders, result_values

SYMBOLS = [
    ("xᵢ", "the inputs: the numbers arriving at the neuron"),
    ("wᵢ", "the weights: how loudly each input is heard, and with which sign"),
    ("Σ", "add up every weighted input"),
    ("b", "the bias: a head start (or handicap) before any input arrives"),
    ("σ", "the activation, here the sigmoid, squashing the sum into (0, 1)"),
    ("y", "the output: how strongly the neuron fires"),
]


def num(v: float) -> str:
    """A slider value in a formula: negatives in brackets, one decimal."""
    text = f"{v + 0.0:.1f}".replace("-", "−")
    return f"({text})" if v < 0 else text


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
        return result_values(compute(self.inputs))

    def live_line(self) -> str:
        v = self.values()
        return (f"y = σ({num(v['w1'])}×{num(v['x1'])} + {num(v['w2'])}×{num(v['x2'])} + "
                f"{num(v['b'])}) = σ({v['z']:.2f}) = {v['a']:.3f}")

    def show_live(self) -> None:
        self.query_one("#pc-card", FormulaCard).set_live(self.live_line())

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.inputs[event.slider.id.removeprefix("pc-")] = event.value
        self.show_live()
        self.refresh_values()
