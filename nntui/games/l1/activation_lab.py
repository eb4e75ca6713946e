"""Activation lab: the section body (model in ``activation_lab_model``)."""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.engine.activations import ACTIVATIONS, max_slope
from nntui.widgets.chart import Chart
from nntui.widgets.choice import Choice
from nntui.widgets.section import LessonText, ReadingPane, SectionView
from nntui.widgets.slider import Slider

from .activation_lab_model import LAB_ACTIVATIONS, ActivationLab
from nntui.widgets.keys import FOCUS_BINDINGS, digit_bindings
from nntui.widgets.number_text import num


def ticks(lo: float, hi: float, count: int = 5) -> tuple[list[float], list[str]]:
    """Evenly spaced ticks from lo to hi, labelled with true minus signs (plotext writes "-")."""
    values = [round(float(v), 2) for v in np.linspace(lo, hi, count)]
    return values, [f"{v:g}".replace("-", "−") for v in values]


def label_axes(chart: Chart, xs, curves) -> None:
    """Put our own tick labels on a chart just plotted: x over the grid, y over the curves."""
    finite = np.concatenate([np.asarray(c)[np.isfinite(c)] for c in curves])
    lo, hi = float(finite.min()), float(finite.max())
    if hi - lo < 1e-9:
        lo, hi = lo - 1.0, hi + 1.0
    chart.plt.xticks(*ticks(float(xs[0]), float(xs[-1])))
    chart.plt.yticks(*ticks(lo, hi))
    chart.refresh()


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
        *digit_bindings("pick", LAB_ACTIVATIONS, "curve"),
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
        yield ReadingPane(LessonText(self.section.id, {f"{name}_peak": max_slope(name)
                                                       for name in ("sigmoid", "tanh", "relu")}))

    def on_mount(self) -> None:
        self.redraw()

    def on_choice_changed(self, event: Choice.Changed) -> None:
        self.lab.name = event.value
        self.after_change()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        setattr(self.lab, event.slider.id.removeprefix("al-"), event.value)
        self.after_change()

    def action_pick(self, index: int) -> None:
        self.query_one("#al-pick", Choice).index = index
        self.lab.name = LAB_ACTIVATIONS[index]
        self.after_change()

    def after_change(self) -> None:
        self.redraw()
        # Done once the learner has compared: another curve, or a bent one.
        if self.lab.name != "sigmoid" or (self.lab.w, self.lab.b) != (1.0, 0.0):
            self.mark_complete()

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
        f_chart, df_chart = self.query_one("#al-f", Chart), self.query_one("#al-df", Chart)
        f_chart.plot_series(series, title=name)
        label_axes(f_chart, xs, [ys for _, ys in series.values()])
        df_chart.plot_series({"f′(x)": (xs, ds)}, title=f"{name} slope")
        label_axes(df_chart, xs, [ds])
        self.query_one("#al-facts", Static).update(facts_text(lab))
