"""Two cuts make XOR: the worked 2 → 2 → 1 solution with its real weights and a live table."""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from nntui.engine.mlp import MLP
from nntui.widgets.keys import FOCUS_BINDINGS
from nntui.games.l2.solve_xor_model import XOR_X, XOR_Y
from nntui.widgets.section import LessonView
from nntui.widgets.slider import Slider

DEFAULT_SHARPNESS = 10.0
K_MIN, K_MAX = 1.0, 20.0


def xor_network(k: float) -> MLP:
    """H1 fires above x₁ + x₂ = 0.5 (OR), H2 above x₁ + x₂ = 1.5 (AND); the output fires on
    H1 − H2 above 0.5 (H1 AND NOT H2). k scales every weight: larger k, sharper cuts."""
    net = MLP([2, 2, 1], hidden="sigmoid", output="sigmoid", init="zeros")
    net.set_params([k * np.array([[1.0, 1.0], [1.0, 1.0]]), k * np.array([-0.5, -1.5]),
                    k * np.array([[1.0], [-1.0]]), k * np.array([-0.5])])
    return net


def signed(value: float) -> str:
    """"+ 10" or "− 0.5": a term as a formula reads, with a true minus sign."""
    return f"{'−' if value < 0 else '+'} {abs(value):g}"


def neuron_formula(name: str, inputs: tuple[str, str], weights, bias: float) -> str:
    """"H1 = σ(10·x₁ + 10·x₂ − 5)" from one neuron's two weights and its bias."""
    w1, w2 = weights
    first = f"{'−' if w1 < 0 else ''}{abs(w1):g}·{inputs[0]}"
    return f"{name} = σ({first} {signed(w2)}·{inputs[1]} {signed(bias)})"


def lowest_sharpness(values) -> float | None:
    """The smallest k among ``values`` whose network gets all four XOR rows right."""
    for k in values:
        out = xor_network(k).forward(XOR_X)[:, 0]
        if np.array_equal(out >= 0.5, XOR_Y == 1):
            return k
    return None


class TwoCutsView(LessonView):
    COMPLETE_ON_OPEN = False  # complete once the learner has used the live control
    HELP = ("←/→ change the sharpness k that multiplies every weight (shift: by 5). The "
            "truth table is the engine's forward pass of the network with these weights. "
            "PgDn/PgUp scroll the text while the table stays in view.")
    BINDINGS = [*FOCUS_BINDINGS]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.k = DEFAULT_SHARPNESS

    def compose(self):
        with Vertical(id="tc-top"):
            yield Slider("sharpness k", self.k, K_MIN, K_MAX, 1.0, 5.0, fmt="{:.0f}", id="tc-k")
            yield Static(id="tc-table")
        yield self.lesson_text()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#tc-k", Slider).focus()
        self.redraw()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.k = event.value
        self.refresh_values()
        self.mark_complete()  # the learner has moved the sharpness and watched the table
        self.redraw()

    def trace(self):
        _, acts = xor_network(self.k).forward_trace(XOR_X)
        return acts[1], acts[2][:, 0]

    def formulas(self) -> dict[str, str]:
        W1, b1, W2, b2 = xor_network(self.k).params
        return {"h1": neuron_formula("H1", ("x₁", "x₂"), W1[:, 0], b1[0]),
                "h2": neuron_formula("H2", ("x₁", "x₂"), W1[:, 1], b1[1]),
                "out": neuron_formula("ŷ", ("H1", "H2"), W2[:, 0], b2[0])}

    def values(self) -> dict:
        _, out = self.trace()
        return {**self.formulas(), "worst": float(np.max(np.abs(out - XOR_Y))),
                "min_k": lowest_sharpness(np.arange(K_MIN, K_MAX + 1))}

    def redraw(self) -> None:
        hidden, out = self.trace()
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("x₁ x₂   H1 (OR)  H2 (AND)   output   XOR\n", "bold")
        for (x1, x2), (h1, h2), o, want in zip(XOR_X, hidden, out, XOR_Y):
            ok = (o >= 0.5) == bool(want)
            text.append(f" {x1:.0f}  {x2:.0f}    {h1:.3f}    {h2:.3f}     {o:.3f}    "
                        f"{want:.0f} ")
            text.append("✓\n" if ok else "✗\n", "bold")
        f = self.formulas()
        text.append(f"{f['h1']}   {f['h2']}\n{f['out']}")
        self.query_one("#tc-table", Static).update(text)
