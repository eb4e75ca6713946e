"""Generalization: the double-descent curve computed live (random-features regression) with its
peak at the interpolation threshold p = n, and gradient descent's implicit preference for the
smallest-norm fit."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.widgets import Static
from textual.worker import get_current_worker

from nntui.widgets.chart import Chart
from nntui.widgets.derivation import DERIVATION_HELP, Derivation, DerivationLesson
from nntui.widgets.keys import FOCUS_BINDINGS
from nntui.widgets.slider import Slider

from .convergence_model import for_log_chart
from .generalization_model import N_TRAIN_RANGE, NOISE_RANGE, curve, implicit_bias


def derivation_lines(dd, bias) -> list[str]:
    lines = [
        "p random features φ(x) = relu(xW), W fixed; least squares fits w",
        "p < n: more equations than unknowns — the fit must miss some points",
        "p = n: exactly one w fits every point, ‖w‖ ~ ‖y‖/σ_min(Φ)",
        "near p = n, σ_min(Φ) → 0: w is huge and follows the noise — the peak",
        "p > n: many w fit exactly; least squares returns the smallest ‖w‖",
        "more features, more fits to choose from: a smaller, smoother one",
    ]
    if dd is not None:
        n = dd.n_train
        lines.append(f"measured, n = {n}: peak at p = {dd.peak}, test MSE "
                     f"{dd.test_error.max():.3g}; at p = {dd.feature_counts[-1]}: "
                     f"{dd.test_error[-1]:.3g}")
    lines += [
        "implicit regularization: GD on ‖Aw − y‖² moves w only along A's rows",
        f"from w = 0 it ends at the least-norm fit (gap {bias.from_zero_gap:.0e})",
        f"from a random w₀ it keeps w₀'s other part: ‖w‖ = {bias.from_random:.2f} "
        f"vs {bias.min_norm:.2f}",
        "the optimizer, not only the model, picks which perfect fit you get",
    ]
    return lines


class GeneralizationView(DerivationLesson):
    HELP = (
        "↑/↓ pick the number of training points n or the label noise, ←/→ change it. The "
        "chart (log y) shows the test and training error of random-features regression "
        "against the number of features p, as a multiple of n; the threshold p = n is marked. "
        "Each new setting is computed in the background. " + DERIVATION_HELP
    )
    BINDINGS = [*FOCUS_BINDINGS]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.n_train, self.noise = 40, 0.5
        self.dd = None
        self.bias = implicit_bias()

    def compose(self):
        yield Slider("n train", self.n_train, *N_TRAIN_RANGE, 10, 20, fmt="{:.0f}",
                     label_width=7, id="ge-n")
        yield Slider("noise", self.noise, *NOISE_RANGE, 0.1, 0.3, fmt="{:.1f}", label_width=7,
                     id="ge-noise")
        yield Static(id="ge-readout")
        yield Chart(id="ge-chart")
        yield Derivation(derivation_lines(self.dd, self.bias), id="derivation")
        yield self.lesson_text()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#ge-n", Slider).focus()
        self.redraw()
        self.compute(self.n_train, self.noise)

    def on_slider_changed(self, event: Slider.Changed) -> None:
        if event.slider.id == "ge-n":
            self.n_train = int(event.value)
        else:
            self.noise = event.value
        self.dd = None
        self.redraw()
        self.compute(self.n_train, self.noise)

    @work(thread=True, exclusive=True, group="curve")
    def compute(self, n_train: int, noise: float) -> None:
        result = curve(n_train, noise)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_curve, n_train, noise, result)

    def show_curve(self, n_train: int, noise: float, result) -> None:
        if self.on_screen and (n_train, noise) == (self.n_train, self.noise):
            self.dd = result
            self.redraw()

    def values(self) -> dict:
        b = self.bias
        return {"n": b.n, "p": b.p, "min_norm": b.min_norm, "from_zero": b.from_zero,
                "from_random": b.from_random}

    def redraw(self) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"threshold p = n = {self.n_train}   ")
        series = {}
        dd = self.dd
        if dd is None:
            text.append("computing…")
        else:
            text.append("measured peak at p = ")
            text.append(f"{dd.peak}", "bold")
            text.append(f"  (test MSE {dd.test_error.max():.3g})")
            ratio = (dd.feature_counts / dd.n_train).tolist()
            series = {"test": (ratio, for_log_chart(dd.test_error)),
                      "train": (ratio, for_log_chart(dd.train_error))}
            top = float(max(dd.test_error.max(), 1.0))
            series["p = n"] = ([1.0, 1.0], [float(dd.test_error.min()), top])
        b = self.bias
        text.append(f"\np = {b.p} > n = {b.n}, GD from 0: ‖w‖ = {b.from_zero:.3f} (least: "
                    f"{b.min_norm:.3f}); from random: {b.from_random:.3f}")
        self.query_one("#ge-readout", Static).update(text)
        self.query_one("#ge-chart", Chart).plot_series(series, xlabel="features p / n",
                                                       ylog=True)
        self.derivation.set_lines(derivation_lines(dd, self.bias))
