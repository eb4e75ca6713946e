"""Initialization: zero, too-large and scaled starts, with a calculator for the scaling rules
and a live look at how big the signal stays after a few layers from each start."""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.widgets import Static

from nntui.engine import init as I
from nntui.engine.mlp import MLP
from nntui.widgets.keys import FOCUS_BINDINGS
from nntui.widgets.section import LessonView
from nntui.widgets.slider import Slider

DEPTH = 6
PROBE_WIDTH_LIMIT = 256  # keeps the live probe instant
STARTS = (("zeros", "zero"), ("large", f"N(0,1)·{I.LARGE_STD:g}"), ("xavier_uniform", "Xavier"))


def signal_spread(init: str, width: int, depth: int = DEPTH, seed: int = 0) -> list[float]:
    """Standard deviation of each tanh layer's outputs for 200 random inputs."""
    net = MLP([width] * (depth + 1) + [1], hidden="tanh", init=init, seed=seed)
    x = np.random.default_rng(seed).standard_normal((200, width))
    _, acts = net.forward_trace(x)
    return [float(a.std()) for a in acts[1:depth + 1]]


class InitView(LessonView):
    HELP = ("↑/↓ pick n_in or n_out, ←/→ change it by 1 (shift: by 32). Every bound and "
            "spread is recomputed with the engine's init functions.")
    BINDINGS = [*FOCUS_BINDINGS]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.n_in, self.n_out = 64, 32

    def compose(self):
        yield Slider("n_in ", self.n_in, 1, 512, 1, 32, fmt="{:.0f}", id="init-n_in")
        yield Slider("n_out", self.n_out, 1, 512, 1, 32, fmt="{:.0f}", id="init-n_out")
        yield Static(id="init-calc")
        yield self.lesson_text()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#init-n_in", Slider).focus()
        self.redraw()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        setattr(self, event.slider.id.removeprefix("init-"), int(event.value))
        self.refresh_values()
        self.redraw()

    def values(self) -> dict:
        return {"xavier_bound": I.xavier_uniform_bound(self.n_in, self.n_out),
                "n_in": self.n_in, "n_out": self.n_out, "n_sum": self.n_in + self.n_out,
                "he_std": I.he_normal_std(self.n_in), "lecun_std": I.lecun_normal_std(self.n_in),
                "large_std": I.LARGE_STD, "depth": DEPTH,
                "probe_width": min(self.n_in, PROBE_WIDTH_LIMIT)}

    def redraw(self) -> None:
        n_in, n_out = self.n_in, self.n_out
        rows = [
            ("Xavier uniform", "a = √(6/(n_in+n_out))", I.xavier_uniform_bound(n_in, n_out)),
            ("Xavier normal", "σ = √(2/(n_in+n_out))", I.xavier_normal_std(n_in, n_out)),
            ("He uniform", "a = √(6/n_in)", I.he_uniform_bound(n_in)),
            ("He normal", "σ = √(2/n_in)", I.he_normal_std(n_in)),
            ("LeCun normal", "σ = √(1/n_in)", I.lecun_normal_std(n_in)),
        ]
        text = Text(no_wrap=True, overflow="ellipsis")
        for name, rule, value in rows:
            text.append(f"{name:<15}{rule:<23}= ")
            text.append(f"{value:.4f}\n", "bold")
        width = min(n_in, PROBE_WIDTH_LIMIT)
        text.append(f"\nspread (std) of each layer's output, {DEPTH} tanh layers of {width}:\n",
                    "bold")
        for init, label in STARTS:
            spread = signal_spread(init, width)
            text.append(f"{label:<9}" + " ".join(f"{s:5.2f}" for s in spread) + "\n")
        self.query_one("#init-calc", Static).update(text)
