"""Initialization theory: variance through 50 layers, predicted and measured, per init and
activation; the learner sets the activation and a gain g and sees both move."""

from __future__ import annotations

import math

from rich.text import Text
from textual import work
from textual.widgets import Static
from textual.worker import get_current_worker

from nntui.engine import theory
from nntui.widgets.chart import Chart
from nntui.widgets.choice import Choice
from nntui.widgets.derivation import DERIVATION_HELP, Derivation, DerivationLesson
from nntui.widgets.keys import FOCUS_BINDINGS
from nntui.widgets.slider import Slider

from .init_theory_model import (ACTIVATIONS, CHECK_LAYERS, DEPTH, GAIN_RANGE, WIDTH, curves,
                                layer_factor, theory_std)


def derivation_lines(activation: str, gain: float, measured: dict | None) -> list[str]:
    factor = layer_factor(gain, activation)
    c = theory.SECOND_MOMENT[activation]
    lines = [
        "zⱼ⁽ˡ⁾ = Σᵢ Wᵢⱼ hᵢ⁽ˡ⁻¹⁾: n independent terms with mean 0",
        "variances of independent terms add: Var(zⱼ) = n · Var(W) · E[h²]",
        "h = f(z): E[f(z)²] = c·Var(z), c = 1 linear (tanh near 0), c = ½ ReLU",
        "with Var(W) = g²/n: Var(z⁽ˡ⁺¹⁾) = g²c · Var(z⁽ˡ⁾), a factor per layer",
        f"your g = {gain:.2f}, {activation} (c = {c:g}): g²c = {factor:.3f}, "
        f"after {DEPTH - 1} layers ×{factor ** (DEPTH - 1):.3g}",
        "forward signal steady ⇔ g²c = 1 ⇔ Var(W) = 1/(c · n_in)",
        "the same argument on the gradients going down: Var(W) = 1/(c · n_out)",
        "Glorot & Bengio's compromise, c = 1: Var(W) = 2/(n_in + n_out), Xavier",
        "He et al.: ReLU halves E[h²], c = ½ ⇒ Var(W) = 2/n_in, g = √2",
        "tanh bends below its tangent: c < 1 once |z| is large, so std sinks",
    ]
    if measured is not None:
        xavier, he = (measured[k].std[-1] for k in ("Xavier", "He"))
        lines.append(f"measured, {activation}, layer {DEPTH}: Xavier std {xavier:.3g}, "
                     f"He std {he:.3g}")
    return lines


class InitTheoryView(DerivationLesson):
    HELP = (
        "↑/↓ pick the activation or the gain g, ←/→ change it. Weights are N(0, g²/n) in 50 "
        f"square layers of {WIDTH}; Xavier normal is g = 1 there and He normal g = √2. The "
        "chart shows the std of each layer's pre-activations z (log scale): the theory's "
        "line for your g next to real forward passes; the table lists the activations' std. "
        "A new setting is measured in the background. " + DERIVATION_HELP
    )
    BINDINGS = [*FOCUS_BINDINGS]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.activation, self.gain = "relu", 1.0
        self.measured: dict | None = None

    def compose(self):
        yield Choice("activation", list(ACTIVATIONS), self.activation, label_width=10,
                     id="it-activation")
        yield Slider("gain g", self.gain, *GAIN_RANGE, 0.05, 0.25, label_width=10, id="it-gain")
        yield Static(id="it-readout")
        yield Chart(id="it-chart")
        yield Derivation(self.lines(), id="derivation")
        yield self.lesson_text()

    def lines(self) -> list[str]:
        return derivation_lines(self.activation, self.gain, self.measured)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#it-gain", Slider).focus()
        self.redraw()
        self.measure(self.activation, self.gain)

    def on_choice_changed(self, event: Choice.Changed) -> None:
        self.activation = event.value
        self.changed()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.gain = event.value
        self.changed()

    def changed(self) -> None:
        self.measured = None
        self.redraw()
        self.measure(self.activation, self.gain)

    @work(thread=True, exclusive=True, group="measure")
    def measure(self, activation: str, gain: float) -> None:
        result = curves(activation, gain)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_measured, activation, gain, result)

    def show_measured(self, activation: str, gain: float, result: dict) -> None:
        if self.on_screen and (activation, gain) == (self.activation, self.gain):
            self.measured = result
            self.redraw()

    def values(self) -> dict:
        return {"width": WIDTH, "depth": DEPTH, "he_std": math.sqrt(2.0 / WIDTH),
                "xavier_std": math.sqrt(2.0 / (2 * WIDTH)),
                "relu_xavier_end": 0.5 ** ((DEPTH - 1) / 2)}

    def redraw(self) -> None:
        theory_line = theory_std(self.gain, self.activation)
        layers = list(range(1, DEPTH + 1))
        series = {"theory (your g)": (layers, theory_line.tolist())}
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"theory: std of z at layer {DEPTH} = ")
        text.append(f"{theory_line[-1]:.3g}", "bold")
        if self.measured is None:
            text.append("   measuring…\n")
        else:
            text.append("   measured ")
            text.append(f"{self.measured['your g'].pre_std[-1]:.3g}\n", "bold")
            for label, stats in self.measured.items():
                series[label] = (layers, stats.pre_std.tolist())
        text.append("std of f(z) at layer " + " ".join(f"{n:>8}" for n in CHECK_LAYERS))
        for label in ("Xavier", "He", "your g"):
            text.append(f"\n  {label:<18}")
            if self.measured is not None:
                std = self.measured[label].std
                text.append(" ".join(f"{std[n - 1]:8.2g}" for n in CHECK_LAYERS))
        self.query_one("#it-readout", Static).update(text)
        self.query_one("#it-chart", Chart).plot_series(series, ylog=True)
        self.derivation.set_lines(self.lines())
