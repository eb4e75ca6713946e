"""Momentum as a damped system: the learner sets κ, β and the step; the theory's rate and bound
move with the measured runs of heavy ball and Nesterov. Then Adam's bias correction, AdamW's
decoupled decay and Lion's sign update, each computed."""

from __future__ import annotations

import math

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui.engine import theory
from nntui.widgets.chart import Chart
from nntui.widgets.derivation import DERIVATION_HELP, Derivation, DerivationLesson
from nntui.widgets.keys import FOCUS_BINDINGS
from nntui.widgets.slider import Slider

from .convergence_model import for_log_chart, theory_curve
from .momentum_model import (BETA_RANGE, CURVATURES, DECAY, KAPPA_RANGE, SCALED_STEP_RANGE,
                             MomentumLab, decay_race, lion_first_step, nesterov_limit)


def _triple(values) -> str:
    return ", ".join(f"{v:.3f}" for v in values)


def derivation_lines(m: MomentumLab, race, adam, lion) -> list[str]:
    o = m.optimum
    return [
        "heavy ball: xₜ₊₁ = xₜ − α∇f(xₜ) + β(xₜ − xₜ₋₁)",
        "one coordinate, ∇f = λx: xₜ₊₁ = (1 + β − αλ)xₜ − βxₜ₋₁",
        "a damped oscillator: xₜ = c₁z₁ᵗ + c₂z₂ᵗ, z² − (1 + β − αλ)z + β = 0",
        "both |z| < 1 ⇔ 0 ≤ β < 1 and 0 < αλᵢ < 2 + 2β for every i",
        f"your β = {m.beta:.2f}: stable up to αλ = {2 + 2 * m.beta:.2f}; plain GD stops at 2",
        "complex roots have |z| = √β: the ball rings and fades at rate √β",
        "Polyak's tuning: α* = 4/(√λ₁ + √λₙ)², β* = ((√κ − 1)/(√κ + 1))²",
        f"rate (√κ − 1)/(√κ + 1) = {o.rate:.4f}, GD's (κ − 1)/(κ + 1) = "
        f"{theory.gd_rate(m.kappa):.4f}",
        "Nesterov: z² − (1 − αλ)(1 + β)z + (1 − αλ)β = 0",
        f"… stable only for αλ < (2 + 2β)/(1 + 2β) = {nesterov_limit(m.beta):.2f}",
        "Adam: m, v start at 0; for a steady g, m = (1 − β₁ᵗ)g, v = (1 − β₂ᵗ)g²",
        f"t = 1: m/√v = {adam.step_raw[0]:.2f}·sign g, too big; m̂/√v̂ = "
        f"{adam.step_corrected[0]:.2f}·sign g",
        "AdamW: w ← w(1 − α·wd) beside the Adam step; L2 puts λw inside g",
        f"c = 100, 1, 0.01, λ = {DECAY}: Adam + L2 ends at w = {_triple(race.l2)}",
        f"AdamW ends at w = {_triple(race.decoupled)}: one pull for all",
        "Lion: w ← w − α·sign(β₁m + (1 − β₁)g) — only the sign counts",
        f"Lion's first step on g = (100, 1, 0.01): |Δw| = {_triple(lion)}",
    ]


class MomentumView(DerivationLesson):
    HELP = (
        "↑/↓ pick κ, β or the step αλₙ; ←/→ change it (shift: big steps). o sets Polyak's "
        "optimal α and β for this κ (snapped to the sliders' grid). The chart shows the distance "
        "to the minimum per step (x: step t, log y): heavy ball, the theory's line e₀ρᵗ for it, "
        "Nesterov with the same α and β, and plain GD at its best step. " + DERIVATION_HELP
    )
    BINDINGS = [*FOCUS_BINDINGS, Binding("o", "optimal", "optimum")]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = MomentumLab()
        # These three do not depend on the sliders: computed once.
        self.race = decay_race()
        self.adam = theory.adam_bias_demo(1.0, steps=10)
        self.lion = lion_first_step()

    def compose(self):
        m = self.model
        yield Slider("κ", m.kappa, *KAPPA_RANGE, 1, 10, fmt="{:.0f}", label_width=4, id="mo-kappa")
        yield Slider("β", m.beta, *BETA_RANGE, 0.01, 0.1, label_width=4, id="mo-beta")
        yield Slider("αλₙ", m.scaled_step, *SCALED_STEP_RANGE, 0.01, 0.1, label_width=4,
                     id="mo-step")
        yield Static(id="mo-readout")
        yield Chart(id="mo-chart")
        yield Derivation(self.lines(), id="derivation")
        yield self.lesson_text()

    def lines(self) -> list[str]:
        return derivation_lines(self.model, self.race, self.adam, self.lion)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#mo-step", Slider).focus()
        self.redraw()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        name = {"mo-kappa": "kappa", "mo-beta": "beta", "mo-step": "scaled_step"}[event.slider.id]
        setattr(self.model, name, event.value)
        self.redraw()

    def action_optimal(self) -> None:
        self.model.set_optimum()
        # The exact optimum, not its snap to the sliders' grid: shown without a Changed message.
        for slider_id, value in (("#mo-beta", self.model.beta),
                                 ("#mo-step", self.model.scaled_step)):
            slider = self.query_one(slider_id, Slider)
            slider.set_reactive(Slider.value, value)
            slider.refresh()
        self.redraw()

    def values(self) -> dict:
        m, adam, race = self.model, self.adam, self.race
        return {"kappa": m.kappa, "rate": m.optimum.rate, "gd_rate": theory.gd_rate(m.kappa),
                "beta_opt": m.optimum.beta, "lr_opt": m.optimum.lr,
                "raw1": adam.step_raw[0], "raw2": adam.step_raw[1], "raw10": adam.step_raw[9],
                "l2_weak": race.l2[-1], "adamw_weak": race.decoupled[-1],
                "weak": CURVATURES[-1], "decay": DECAY}

    def redraw(self) -> None:
        m = self.model
        hb, nesterov_run = m.heavy_ball(), m.nesterov()
        measured = theory.measured_rate(hb)
        limit = 2 + 2 * m.beta
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"α = {m.lr:.4f}  αλₙ = {m.scaled_step:.2f} ")
        text.append(f"< 2 + 2β = {limit:.2f} ✓ stable\n" if m.converges
                    else f"≥ 2 + 2β = {limit:.2f} ✗ unstable\n", "bold")
        text.append("heavy ball rate: predicted ")
        text.append(f"{m.predicted:.4f}", "bold")
        text.append("  measured ")
        text.append("diverged" if math.isinf(measured) else f"{measured:.4f}", "bold")
        text.append(f"  best {m.optimum.rate:.4f}\n")
        nesterov = theory.measured_rate(nesterov_run)
        text.append(f"Nesterov rate:   predicted {m.nesterov_predicted:.4f}  measured ")
        text.append("diverged" if math.isinf(nesterov) else f"{nesterov:.4f}")
        text.append(f"  stable: αλₙ < {nesterov_limit(m.beta):.2f}")
        self.query_one("#mo-readout", Static).update(text)
        steps = list(range(m.steps + 1))
        self.query_one("#mo-chart", Chart).plot_series({
            "heavy ball": (steps, for_log_chart(hb)),
            "theory": (steps, for_log_chart(theory_curve(hb[0], m.predicted, m.steps))),
            "Nesterov": (steps, for_log_chart(nesterov_run)),
            "GD at α*": (steps, for_log_chart(m.gd_optimal())),
        }, ylog=True)
        self.derivation.set_lines(self.lines())
        self.refresh_values()
