"""Activation lab: the section body (model in ``activation_lab_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.engine.activations import ACTIVATIONS, max_slope
from nntui.widgets.chart import Chart
from nntui.widgets.choice import Choice
from nntui.widgets.section import LessonText, SectionView
from nntui.widgets.slider import Slider

from .activation_lab_model import LAB_ACTIVATIONS, ActivationLab
from nntui.widgets.keys import FOCUS_BINDINGS, digit_bindings
from nntui.widgets.number_text import num


def facts_text(lab: ActivationLab) -> Text:
    f = lab.facts()
    centred = "✓ zero-centred" if f.zero_centred else "✗ not zero-centred"
    lines = [f"{f.formula}    {f.derivative}",
             f"range {f.range} · {centred} · max slope {f.max_slope:.3g}",
             f"{f.note}"]
    return Text("\n".join(lines))


class ActivationLabView(SectionView):
    """Pick an activation; see f and f′ side by side and bend a neuron's output curve."""

    HELP = ("←/→ on the first row (or 1–9) picks the activation. ↑/↓ move to the w and b "
            "sliders; ←/→ change them by 0.1 (shift: 1). The left chart shows f(x) and the "
            "neuron's output f(w·x + b); the right chart shows the slope f′(x). r resets w "
            "and b.")
    BINDINGS = [
        *FOCUS_BINDINGS,
        *digit_bindings("pick", LAB_ACTIVATIONS, "pick"),
        Binding("r", "reset", "reset w, b"),
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.lab = ActivationLab("sigmoid")

    def compose(self):
        options = [(ACTIVATIONS[n].display, n) for n in LAB_ACTIVATIONS]
        yield Choice("activation", options, "sigmoid", id="al-pick")
        for key, start in (("w", 1.0), ("b", 0.0)):
            yield Slider(key, start, -3.0, 3.0, 0.1, 1.0, fmt="{:+.1f}", label_width=10,
                                id=f"al-{key}")
        with Horizontal(id="al-charts"):
            yield Chart(id="al-f")
            yield Chart(id="al-df")
        yield Static(id="al-facts")
        yield LessonText(self.section.id, {f"{name}_peak": max_slope(name)
                                           for name in ("sigmoid", "tanh", "relu")})

    def on_mount(self) -> None:
        self.redraw()
        self.mark_complete()

    def on_choice_changed(self, event: Choice.Changed) -> None:
        self.lab.name = event.value
        self.redraw()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        setattr(self.lab, event.slider.id.removeprefix("al-"), event.value)
        self.redraw()

    def action_pick(self, index: int) -> None:
        self.query_one("#al-pick", Choice).index = index
        self.lab.name = LAB_ACTIVATIONS[index]
        self.redraw()

    def action_reset(self) -> None:
        self.query_one("#al-w", Slider).value = 1.0
        self.query_one("#al-b", Slider).value = 0.0

    def redraw(self) -> None:
        lab = self.lab
        name = lab.facts().display
        xs, ys = lab.curve()
        _, ns = lab.neuron_curve()
        _, ds = lab.slope()
        if lab.w == 1.0 and lab.b == 0.0:  # the neuron's curve would hide f(x) exactly
            series = {"f(x) = neuron": (xs, ys)}
        else:
            plus = "−" if lab.b < 0 else "+"
            series = {"f(x)": (xs, ys), f"f({num(lab.w)}x {plus} {num(abs(lab.b))})": (xs, ns)}
        self.query_one("#al-f", Chart).plot_series(series, title=name)
        self.query_one("#al-df", Chart).plot_series({"f′(x)": (xs, ds)}, title=f"{name} slope")
        self.query_one("#al-facts", Static).update(facts_text(lab))
