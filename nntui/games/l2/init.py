"""Initialization: zero, too-large and scaled starts, with a calculator for the scaling rules
and, beside it, what each start does to the signal: a histogram of every layer's activations.

The picture is docked at the top, so it stays in view while the lesson text scrolls.
"""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from nntui.engine import init as I
from nntui.engine.deep import ActivationStats, activation_stats
from nntui.widgets.keys import FOCUS_BINDINGS, digit_bindings
from nntui.widgets.section import LessonView
from nntui.widgets.slider import Slider

DEPTHS = (2, 8)  # the probe's depth, fewest to most layers (one histogram row each)
DEFAULT_DEPTH = 6
PROBE_WIDTH_LIMIT = 256  # keeps the live probe instant
BINS = 21
STARTS = (("zeros", "zero"), ("large", f"N(0,1)·{I.LARGE_STD:g}"), ("xavier_uniform", "Xavier"))
BLOCKS = " ▁▂▃▄▅▆▇█"


def probe(init: str, width: int, depth: int) -> ActivationStats:
    """The engine's measurement of a tanh stack ``depth`` layers deep and ``width`` wide."""
    return activation_stats(depth=depth, width=width, init=init, activation="tanh", seed=0,
                            bins=BINS)


def histogram_strip(counts) -> str:
    """One layer's histogram as a row of block heights, scaled to its tallest bin; a bin
    that holds anything shows at least ▁ so a thin tail is never invisible."""
    counts = np.asarray(counts, dtype=float)
    top = counts.max()
    if top <= 0:
        return " " * len(counts)
    levels = np.ceil(counts / top * (len(BLOCKS) - 1)).astype(int)
    return "".join(BLOCKS[k] for k in levels)


class InitView(LessonView):
    COMPLETE_ON_OPEN = False  # complete once the learner has used the live control
    HELP = ("↑/↓ pick n_in or n_out, ←/→ change it by 1 (shift: by 32). 1, 2 and 3 pick the "
            "start (zero, too large, Xavier) and [ and ] take a layer off or add one. Each "
            "row of the histograms is one tanh layer of the probe: how its units' outputs "
            "spread from −1 (left) to +1 (right), the tallest bin full height. Every bound "
            "and histogram is recomputed with the engine. PgDn/PgUp scroll the text.")
    BINDINGS = [
        *FOCUS_BINDINGS,
        *digit_bindings("start", [label for _, label in STARTS], "start"),
        Binding("left_square_bracket", "depth(-1)", "depth", key_display="[]"),
        Binding("right_square_bracket", "depth(1)", "depth", show=False, key_display="[]"),
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.n_in, self.n_out = 64, 32
        self.start = 2  # Xavier
        self.depth = DEFAULT_DEPTH

    def compose(self):
        with Vertical(id="init-top"):
            yield Slider("n_in ", self.n_in, 1, 512, 1, 32, fmt="{:.0f}", id="init-n_in")
            yield Slider("n_out", self.n_out, 1, 512, 1, 32, fmt="{:.0f}", id="init-n_out")
            with Horizontal(id="init-panels"):
                yield Static(id="init-calc")
                yield Static(id="init-hist")
        yield self.lesson_text()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#init-n_in", Slider).focus()
        self.redraw()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.mark_complete()  # the learner has tried the calculator
        setattr(self, event.slider.id.removeprefix("init-"), int(event.value))
        self.refresh_values()
        self.redraw()

    def action_start(self, index: int) -> None:
        self.start = index
        self.redraw()

    def action_depth(self, delta: int) -> None:
        self.depth = min(DEPTHS[1], max(DEPTHS[0], self.depth + delta))
        self.refresh_values()
        self.redraw()

    @property
    def probe_width(self) -> int:
        return min(self.n_in, PROBE_WIDTH_LIMIT)

    def values(self) -> dict:
        return {"xavier_bound": I.xavier_uniform_bound(self.n_in, self.n_out),
                "n_in": self.n_in, "n_out": self.n_out, "n_sum": self.n_in + self.n_out,
                "he_std": I.he_normal_std(self.n_in), "lecun_std": I.lecun_normal_std(self.n_in),
                "large_std": I.LARGE_STD, "depth": self.depth, "probe_width": self.probe_width}

    def redraw(self) -> None:
        self.query_one("#init-calc", Static).update(self.bounds_text())
        self.query_one("#init-hist", Static).update(self.histograms_text())

    def bounds_text(self) -> Text:
        n_in, n_out = self.n_in, self.n_out
        rows = [
            ("Xavier U", "a=√(6/(n_in+n_out))", I.xavier_uniform_bound(n_in, n_out)),
            ("Xavier N", "σ=√(2/(n_in+n_out))", I.xavier_normal_std(n_in, n_out)),
            ("He U", "a=√(6/n_in)", I.he_uniform_bound(n_in)),
            ("He N", "σ=√(2/n_in)", I.he_normal_std(n_in)),
            ("LeCun N", "σ=√(1/n_in)", I.lecun_normal_std(n_in)),
        ]
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("scale for one layer\n", "bold")
        for index, (name, rule, value) in enumerate(rows):
            text.append(f"{name:<9}{rule:<20}")
            text.append(f"{value:.4f}" + ("\n" if index < len(rows) - 1 else ""), "bold")
        return text

    def histograms_text(self) -> Text:
        init, label = STARTS[self.start]
        stats = probe(init, self.probe_width, self.depth)
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{label}, {self.depth} tanh × {self.probe_width}\n", "bold")
        top = f"{stats.edges[-1]:.2f}"
        axis = f"−{top}".ljust(BINS // 2) + "0" + top.rjust(BINS // 2)
        text.append(f"    {axis}\n", "dim")
        for layer, (counts, std) in enumerate(zip(stats.counts, stats.std), start=1):
            text.append(f"L{layer} ▕")
            text.append(histogram_strip(counts), "bold")
            text.append(f"▏σ {std:.2f}" + ("\n" if layer < self.depth else ""))
        return text
