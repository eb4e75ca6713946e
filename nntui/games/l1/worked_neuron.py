"""A neuron by hand: numbered steps that recompute whenever x, w or b change."""

from __future__ import annotations

from nntui.engine.neuron import WORKED_EXAMPLE
from nntui.widgets.keys import FOCUS_BINDINGS
from nntui.widgets.number_text import num
from nntui.widgets.section import LessonView
from nntui.widgets.slider import Slider

from nntui.widgets.neuron_controls import KEYS, compute, neuron_sliders, result_values, written

# Decimals per figure: the sliders move by 0.1, the products and the sum get three places.
PLACES = {"x1": 1, "x2": 1, "w1": 1, "w2": 1, "b": 1, "p1": 3, "p2": 3, "z": 3}


class WorkedNeuronView(LessonView):
    HELP = ("↑/↓ pick a number, ←/→ change it by 0.1 (shift: by 1). Every step below is "
            "recomputed by the engine. r puts back the worked example x = [1, 0], "
            "w = [0.6, −0.4], b = 0.1. The lesson counts as done once you have changed a "
            "number.")
    BINDINGS = [*FOCUS_BINDINGS, ("r", "reset", "example")]
    COMPLETE_ON_OPEN = False  # done once the learner has changed a number
    DEFAULT = {"x1": WORKED_EXAMPLE["x"][0], "x2": WORKED_EXAMPLE["x"][1],
               "w1": WORKED_EXAMPLE["w"][0], "w2": WORKED_EXAMPLE["w"][1],
               "b": WORKED_EXAMPLE["b"]}

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.inputs = dict(self.DEFAULT)

    def compose(self):
        yield from neuron_sliders(self.inputs, "wn")
        yield self.reading_pane()  # the sliders stay in view while the steps scroll

    def values(self) -> dict:
        """The five steps' figures as formula text; ``z`` and ``a`` also as numbers."""
        r = compute(self.inputs)
        numbers = result_values(r)
        v = {**written(numbers, PLACES), "z_value": r.z, "a": r.a,
             "neg_z": num(-r.z, 3), "exp_neg_z": 1.0 / r.a - 1.0}  # e^(−z), from the engine's σ
        v["verdict"] = ("leans towards yes" if r.a > 0.5 else
                        "leans towards no" if r.a < 0.5 else "sits exactly on the fence")
        start = compute(self.DEFAULT)  # the closing paragraph quotes the worked example
        v.update({f"start_{k}": text for k, text in written(result_values(start), {
            "x1": 0, "x2": 0, "w1": 1, "w2": 1, "b": 1, "z": 1}).items()})
        v["start_a"] = start.a
        return v

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.inputs[event.slider.id.removeprefix("wn-")] = event.value
        self.refresh_values()
        if self.inputs != self.DEFAULT:
            self.mark_complete()

    def action_reset(self) -> None:
        for key in KEYS:
            self.query_one(f"#wn-{key}", Slider).value = self.DEFAULT[key]
