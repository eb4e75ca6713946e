"""Universal approximation: fit a 1-D function with n hidden units, live, the fit drawn over the
target; the error against n; and the sawtooth that k layers of 2 ReLUs draw exactly while one
wide layer cannot."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.containers import Horizontal
from textual.widgets import Static
from textual.worker import get_current_worker

from nntui.widgets.chart import Chart
from nntui.widgets.choice import Choice
from nntui.widgets.derivation import DERIVATION_HELP, Derivation, DerivationLesson
from nntui.widgets.keys import FOCUS_BINDINGS
from nntui.widgets.slider import Slider

from .uat_model import DEPTH_RANGE, TARGETS, UNITS_RANGE, UATState, compute

EXACT = 1e-9


def derivation_lines(state: UATState | None) -> list[str]:
    lines = [
        "one hidden layer: f̂(x) = Σⱼ vⱼ σ(aⱼx + bⱼ) + c",
        "a steep σ is a step; two opposite steps make a bump",
        "bumps side by side match any continuous f on [a, b] to any ε > 0",
        "Cybenko 1989 proved it for sigmoidal σ",
        "Hornik 1991: any continuous, bounded, non-constant σ will do",
    ]
    if state is not None:
        lines.append(f"here: {state.units} tanh units, aⱼ, bⱼ random, v and c by least squares: "
                     f"RMS {state.fit.error:.3g}")
    lines += [
        "the theorem says the weights exist — not how many, nor how to find them",
        "depth: the tent T(x) = 2·relu(x) − 4·relu(x − ½) takes 2 ReLUs",
        "T applied k times is a sawtooth with 2ᵏ linear pieces",
        "k layers of 2 ReLUs compute it exactly: 2k units in all",
        "one layer of m ReLUs makes at most m + 1 pieces: it needs m ≥ 2ᵏ − 1",
    ]
    if state is not None:
        d = state.depth
        lines.append(f"k = {d.k}: deep, {d.deep_units} units, RMS {d.deep_error:.2g}; one layer of "
                     f"{d.deep_units}: {d.shallow_error:.2g}; needs {d.shallow_units_needed}")
    lines.append("Telgarsky 2016: some deep nets need exponentially many units if shallow")
    return lines


class UatView(DerivationLesson):
    HELP = (
        "↑/↓ pick the target function, the number of hidden units n or the depth k of the "
        "sawtooth; ←/→ change it (shift: big steps). The left chart draws the target and the "
        "fitted one-layer net on [−π, π]; the right one the RMS error against n (log scale, "
        "your n marked by a vertical line). New settings are fitted in the background. " + DERIVATION_HELP
    )
    BINDINGS = [*FOCUS_BINDINGS]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.target, self.units, self.k = "wave", 8, 4
        self.state: UATState | None = None

    def compose(self):
        yield Choice("target", list(TARGETS), self.target, label_width=10, id="ua-target")
        yield Slider("units n", self.units, *UNITS_RANGE, 1, 8, fmt="{:.0f}", label_width=10,
                     id="ua-units")
        yield Slider("sawtooth k", self.k, *DEPTH_RANGE, 1, 1, fmt="{:.0f}", label_width=10,
                     id="ua-k")
        yield Static(id="ua-readout")
        with Horizontal(id="ua-charts"):
            yield Chart(id="ua-fit")
            yield Chart(id="ua-error")
        yield Derivation(derivation_lines(None), id="derivation")
        yield self.lesson_text()

    @property
    def setting(self) -> tuple[str, int, int]:
        return self.target, self.units, self.k

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#ua-units", Slider).focus()
        self.redraw()
        self.compute(*self.setting)

    def on_choice_changed(self, event: Choice.Changed) -> None:
        self.target = event.value
        self.changed()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        setattr(self, "units" if event.slider.id == "ua-units" else "k", int(event.value))
        self.changed()

    def changed(self) -> None:
        self.state = None
        self.redraw()
        self.compute(*self.setting)

    @work(thread=True, exclusive=True, group="fit")
    def compute(self, target: str, units: int, k: int) -> None:
        state = compute(target, units, k)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_state, state)

    def show_state(self, state: UATState) -> None:
        if self.on_screen and (state.target, state.units, state.k) == self.setting:
            self.state = state
            self.redraw()

    def values(self) -> dict:
        shallow = compute("sin", 1, 5).depth  # the sawtooth figure the text quotes
        return {"k": shallow.k, "pieces": 2 ** shallow.k, "deep_units": shallow.deep_units,
                "needed": shallow.shallow_units_needed}

    def redraw(self) -> None:
        s = self.state
        text = Text(no_wrap=True, overflow="ellipsis")
        if s is None:
            text.append("fitting…\n")
        else:
            text.append(f"{s.target} with {s.units} tanh units: RMS error ")
            text.append(f"{s.fit.error:.3g}\n", "bold")
            d = s.depth
            text.append(f"sawtooth, {2 ** d.k} pieces: {d.k}×2 ReLUs deep ")
            text.append("exact" if d.deep_error < EXACT else f"{d.deep_error:.2g}", "bold")
            text.append(f" · {d.deep_units} in 1 layer: RMS {d.shallow_error:.2g} · needs ")
            text.append(f"{d.shallow_units_needed}", "bold")
            xs = s.fit.x.tolist()
            self.query_one("#ua-fit", Chart).plot_series(
                {"target": (xs, s.fit.target.tolist()), "fit": (xs, s.fit.fit.tolist())})
            units, errors = s.curve
            # A vertical line marks your n: a single point would hide under the legend.
            self.query_one("#ua-error", Chart).plot_series(
                {"RMS": (units.tolist(), errors.tolist()),
                 "your n": ([s.units, s.units], [float(errors.min()), float(errors.max())])},
                ylog=True)
        self.query_one("#ua-readout", Static).update(text)
        self.derivation.set_lines(derivation_lines(s))
