"""A neuron by hand: numbered steps that recompute whenever x, w or b change."""

from __future__ import annotations

from nntui.engine.neuron import WORKED_EXAMPLE
from nntui.games.focus_keys import FOCUS_BINDINGS
from nntui.widgets.section import LessonView
from nntui.widgets.slider import Slider

from .neuron_controls import KEYS, compute, neuron_sliders, result_values


class WorkedNeuronView(LessonView):
    HELP = ("↑/↓ pick a number, ←/→ change it by 0.1 (shift: by 1). Every step below is "
            "recomputed by the engine. r puts back the worked example x = [1, 0], "
            "w = [0.6, −0.4], b = 0.1.")
    BINDINGS = [*FOCUS_BINDINGS, ("r", "reset", "example values")]
    DEFAULT = {"x1": WORKED_EXAMPLE["x"][0], "x2": WORKED_EXAMPLE["x"][1],
               "w1": WORKED_EXAMPLE["w"][0], "w2": WORKED_EXAMPLE["w"][1],
               "b": WORKED_EXAMPLE["b"]}

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.inputs = dict(self.DEFAULT)

    def compose(self):
        yield from neuron_sliders(self.inputs, "wn")
        yield self.lesson_text()

    def values(self) -> dict:
        r = compute(self.inputs)
        v = result_values(r)
        v["neg_z"] = -r.z
        v["exp_neg_z"] = 1.0 / r.a - 1.0  # e^(−z), read back from the engine's σ(z)
        v["verdict"] = ("leans towards yes" if r.a > 0.5 else
                        "leans towards no" if r.a < 0.5 else "sits exactly on the fence")
        example = compute(self.DEFAULT)  # the closing paragraph quotes the worked example
        v["example_z"], v["example_a"] = example.z, example.a
        return v

    @property
    def result(self):
        return compute(self.inputs)

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.inputs[event.slider.id.removeprefix("wn-")] = event.value
        self.refresh_values()

    def action_reset(self) -> None:
        for key in KEYS:
            self.query_one(f"#wn-{key}", Slider).value = self.DEFAULT[key]
