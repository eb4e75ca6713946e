"""Two cuts make XOR: the worked 2 → 2 → 1 solution with its real weights and a live table."""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.widgets import Static

from nntui.engine.mlp import MLP
from nntui.games.focus_keys import FOCUS_BINDINGS
from nntui.widgets.section import LessonView
from nntui.widgets.slider import Slider

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
DEFAULT_SHARPNESS = 10.0


def xor_network(k: float) -> MLP:
    """H1 fires above x₁ + x₂ = 0.5 (OR), H2 above x₁ + x₂ = 1.5 (AND); the output fires on
    H1 − H2 above 0.5 (H1 AND NOT H2). k scales every weight: larger k, sharper cuts."""
    net = MLP([2, 2, 1], hidden="sigmoid", output="sigmoid", init="zeros")
    net.set_params([k * np.array([[1.0, 1.0], [1.0, 1.0]]), k * np.array([-0.5, -1.5]),
                    k * np.array([[1.0], [-1.0]]), k * np.array([-0.5])])
    return net


class TwoCutsView(LessonView):
    HELP = ("←/→ change the sharpness k that multiplies every weight (shift: by 5). The "
            "truth table is the engine's forward pass of the network with these weights.")
    BINDINGS = [*FOCUS_BINDINGS]
    DEFAULT_CSS = """
    TwoCutsView #tc-table { height: auto; border: round $primary; padding: 0 1; }
    """

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.k = DEFAULT_SHARPNESS

    def compose(self):
        yield Slider("sharpness k", self.k, 1.0, 20.0, 1.0, 5.0, fmt="{:.0f}", id="tc-k")
        yield Static(id="tc-table")
        yield self.lesson_text()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#tc-k", Slider).focus()
        self.redraw()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.k = event.value
        self.refresh_values()
        self.redraw()

    def trace(self):
        _, acts = xor_network(self.k).forward_trace(XOR_X)
        return acts[1], acts[2][:, 0]

    def values(self) -> dict:
        net = xor_network(self.k)
        W1, b1, W2, b2 = net.params
        hidden, out = self.trace()
        return {"w11": W1[0, 0], "w21": W1[1, 0], "b1": b1[0], "w12": W1[0, 1],
                "w22": W1[1, 1], "b2": b1[1], "v1": W2[0, 0], "v2": W2[1, 0], "c": b2[0],
                "worst": float(np.max(np.abs(out - np.array([0, 1, 1, 0]))))}

    def redraw(self) -> None:
        hidden, out = self.trace()
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("x₁ x₂   H1 (OR)  H2 (AND)   output   XOR\n", "bold")
        for (x1, x2), (h1, h2), o in zip(XOR_X, hidden, out):
            want = int(x1) ^ int(x2)
            ok = (o >= 0.5) == bool(want)
            text.append(f" {x1:.0f}  {x2:.0f}    {h1:.3f}    {h2:.3f}     {o:.3f}    {want} ")
            text.append("✓\n" if ok else "✗\n", "bold")
        self.query_one("#tc-table", Static).update(text)
