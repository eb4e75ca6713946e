"""Convergence of gradient descent: the learner sets κ and α; the predicted rate sits next to the
one measured on a real run, and the error of every step is charted on a log axis."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui.widgets.chart import Chart
from nntui.widgets.derivation import DERIVATION_HELP, Derivation, DerivationLesson
from nntui.widgets.keys import FOCUS_BINDINGS
from nntui.widgets.slider import Slider

from .convergence_model import (FRACTION_RANGE, KAPPA_RANGE, N_EIGS, Convergence, for_log_chart,
                                steps_to_shrink, theory_curve)


def derivation_lines(m: Convergence) -> list[str]:
    k, a_opt, rho = m.kappa, m.optimal_lr, m.optimal_rate
    return [
        "f(x) = ½ Σᵢ λᵢxᵢ², so ∇f(x) = Λx with Λ = diag(λ₁, …, λₙ)",
        "one step: xₜ₊₁ = xₜ − αΛxₜ = (I − αΛ)xₜ",
        "each coordinate alone: xᵢ(t) = (1 − αλᵢ)ᵗ · xᵢ(0)",
        "it shrinks iff |1 − αλᵢ| < 1, that is 0 < αλᵢ < 2 for every i",
        "the slowest coordinate sets the pace: ρ(α) = maxᵢ |1 − αλᵢ| (λ₁ or λₙ)",
        f"balance the ends: 1 − αλ₁ = αλₙ − 1 ⇒ α* = 2/(λ₁ + λₙ) = {a_opt:.4f}",
        f"then ρ* = (λₙ − λ₁)/(λₙ + λ₁) = (κ − 1)/(κ + 1) = {rho:.4f}",
        f"error ÷ 1000 in ln 1000/(−ln ρ*) ≈ {steps_to_shrink(rho):.1f} steps (≈ 3.45κ, large κ)",
        "L-smooth f: f(x − α∇f) ≤ f(x) − α(1 − αL/2)‖∇f‖²: 0 < α < 2/L descends",
    ]


class ConvergenceView(DerivationLesson):
    HELP = (
        "↑/↓ pick the κ or the α slider, ←/→ change it (shift: big steps), o sets the optimal "
        "step α* = 2/(λ₁ + λₙ). The quadratic has six curvatures from 1 to κ. The chart shows "
        "the distance to the minimum per step on a log scale: the real run (your α), the "
        "theory's line e₀·ρᵗ, and the run at α*. " + DERIVATION_HELP
    )
    BINDINGS = [*FOCUS_BINDINGS, Binding("o", "optimal", "α*")]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = Convergence()

    def compose(self):
        m = self.model
        yield Slider("κ", m.kappa, *KAPPA_RANGE, 1, 10, fmt="{:.0f}", label_width=5, id="cv-kappa")
        yield Slider("α/α*", m.fraction, *FRACTION_RANGE, 0.01, 0.1, label_width=5,
                     id="cv-fraction")
        yield Static(id="cv-readout")
        yield Chart(id="cv-chart")
        yield Derivation(derivation_lines(m), id="derivation")
        yield self.lesson_text()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#cv-fraction", Slider).focus()
        self.redraw()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        if event.slider.id == "cv-kappa":
            self.model.kappa = event.value
        else:
            self.model.fraction = event.value
        self.redraw()

    def action_optimal(self) -> None:
        self.query_one("#cv-fraction", Slider).value = 1.0

    def values(self) -> dict:
        m = self.model
        return {"kappa": m.kappa, "n": N_EIGS, "lr_opt": m.optimal_lr, "rate_opt": m.optimal_rate,
                "steps_opt": steps_to_shrink(m.optimal_rate),
                "measured_opt": Convergence(m.kappa, 1.0).measured()}

    def redraw(self) -> None:
        m = self.model
        errors = m.errors()
        measured = m.measured()
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"α = {m.lr:.4f}  (α* = {m.optimal_lr:.4f})   αλₙ = {m.lr * m.kappa:.2f} ")
        if m.converges:
            text.append("< 2 ✓ converges\n", "bold")
        else:
            text.append("≥ 2 ✗ does not converge\n", "bold reverse")
        text.append("rate/step: predicted maxᵢ|1−αλᵢ| = ")
        text.append(f"{m.predicted:.4f}", "bold")
        text.append("  measured ")
        text.append("diverged" if measured == float("inf") else f"{measured:.4f}", "bold")
        text.append(f"  best {m.optimal_rate:.4f}")
        self.query_one("#cv-readout", Static).update(text)
        steps = list(range(m.steps + 1))
        self.query_one("#cv-chart", Chart).plot_series({
            "your α": (steps, for_log_chart(errors)),
            "theory e₀ρᵗ": (steps, for_log_chart(theory_curve(errors[0], m.predicted, m.steps))),
            "α*": (steps, for_log_chart(m.optimal_errors())),
        }, xlabel="step t", ylog=True)
        self.derivation.set_lines(derivation_lines(m))
        self.refresh_values()
