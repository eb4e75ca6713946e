"""The artificial neuron: the formula symbol by symbol, and a live neuron to poke."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.engine.neuron import neuron
from nntui.widgets.activation_curve import ActivationCurve
from nntui.widgets.formula import FormulaCard
from nntui.widgets.keys import FOCUS_BINDINGS
from nntui.widgets.neuron_controls import compute, neuron_sliders, result_values
from nntui.widgets.number_text import num
from nntui.widgets.section import LessonView, ReadingPane
from nntui.widgets.slider import Slider

SYMBOLS = [
    ("xᵢ", "the inputs: the numbers arriving at the neuron"),
    ("wᵢ", "the weights: how loudly each input is heard, and with which sign"),
    ("Σ", "add up every weighted input"),
    ("b", "the bias: a head start (or handicap) before any input arrives"),
    ("σ", "the activation, here the sigmoid, squashing the sum into (0, 1)"),
    ("y", "the output: how strongly the neuron fires"),
]
#: The sliders reach |z| = 2·3·2 + 3 = 15; σ is flat to three decimals well before ±8.
Z_RANGE = (-8.0, 8.0)


class PerceptronView(LessonView):
    HELP = ("↑/↓ pick an input, weight or the bias; ←/→ change it by 0.1 (shift: by 1). "
            "The curve is σ: the dot sits at your sum z and the output is read off the "
            "curve, as the dotted guides show. Page up/down scroll the text; the lesson "
            "counts as done once you have moved a number.")
    BINDINGS = FOCUS_BINDINGS
    COMPLETE_ON_OPEN = False  # done once the learner has moved a number

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.inputs = {"x1": 1.0, "x2": 1.0, "w1": 0.5, "w2": -1.0, "b": 0.2}

    def compose(self):
        yield from neuron_sliders(self.inputs, "pc")
        with Horizontal(id="pc-top"):
            yield ActivationCurve("sigmoid", Z_RANGE, id="pc-curve")
            yield Static(id="pc-live")
        with ReadingPane():
            yield FormulaCard("The artificial neuron", "y = σ(Σ wᵢxᵢ + b) = σ(w₁x₁ + w₂x₂ + b)",
                              "weigh each input, add them and the bias, then squash the total",
                              SYMBOLS, id="pc-card")
            yield self.lesson_text()

    def on_mount(self) -> None:
        self.show_live()

    def values(self) -> dict:
        v = result_values(compute(self.inputs))
        return {**v, "z_text": num(v["z"], 2), "sigma_at_zero": neuron([0.0], [0.0], 0.0).a}

    def live_text(self) -> Text:
        """The formula worked with the current numbers, one move a line."""
        v = self.values()
        w1, x1, w2, x2, b = (num(v[k], brackets=True) for k in ("w1", "x1", "w2", "x2", "b"))
        lines = ["y = σ(w₁x₁ + w₂x₂ + b)",
                 f"  = σ({w1}×{x1} + {w2}×{x2} + {b})",
                 f"  = σ({v['z_text']})",
                 f"  = {v['a']:.3f}",
                 "",
                 "z is the dot's place along",
                 "the curve; y is its height."]
        return Text("\n".join(lines), no_wrap=True, overflow="crop")

    def show_live(self) -> None:
        v = self.values()
        self.query_one("#pc-curve", ActivationCurve).show(v["z"])
        self.query_one("#pc-live", Static).update(self.live_text())

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.inputs[event.slider.id.removeprefix("pc-")] = event.value
        self.show_live()
        self.refresh_values()
        self.mark_complete()
