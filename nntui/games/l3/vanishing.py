"""Vanishing gradients: the section body (model in ``vanishing_model``).

An ``AnimatedSection``: each beat the gradient reaches one more layer, top first, and that
layer's bar (its real gradient norm, measured by backprop in the engine) appears.
"""

from __future__ import annotations

import math

import numpy as np
from rich.text import Text
from textual.widgets import Static

from nntui.engine.deep import SIGMOID_MAX_SLOPE, vanishing_factor
from nntui.widgets.choice import Choice
from nntui.widgets.keys import FOCUS_BINDINGS
from nntui.widgets.number_text import sci
from nntui.widgets.playing import AnimatedSection
from nntui.widgets.slider import Slider

from .vanishing_model import ACTIVATIONS, DEPTHS, MAX_SLOPE, SCALES, WIDTH, Vanishing

CHART_ROWS = 10
MIN_DECADES = 8
AXIS_WIDTH = 7  # "10⁻¹⁸ ┤"
PARTIAL = " ▁▂▃▄▅▆▇"  # eighths of a cell, bottom up
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power(exponent: int) -> str:
    return "10" + str(exponent).translate(_SUPERSCRIPT)


def layer_weight(layer: int) -> str:
    """W⁽ˡ⁾ for a layer number."""
    return f"W⁽{str(layer).translate(_SUPERSCRIPT)}⁾"


def decade_range(norms: np.ndarray) -> tuple[int, int]:
    """Whole decades (lo, hi) that hold every norm: the chart's log axis."""
    logs = np.log10(norms[norms > 0]) if np.any(norms > 0) else np.zeros(1)
    hi = math.ceil(logs.max())
    # At least MIN_DECADES tall: norms that hardly change then look level, as they are.
    return min(math.floor(logs.min()), hi - MIN_DECADES), hi


def bar_eighths(norm: float, lo: int, hi: int, rows: int) -> int:
    """A bar's height in eighths of a cell on the log axis lo…hi (at least a sliver)."""
    if norm <= 0:
        return 0
    fraction = (math.log10(norm) - lo) / (hi - lo)
    return max(1, round(min(max(fraction, 0.0), 1.0) * rows * 8))


def bar_chart(model: Vanishing, rows: int = CHART_ROWS) -> Text:
    """Vertical bars, layer 1 on the left, on a log axis; layers not yet reached stay empty."""
    lo, hi = decade_range(model.norms)
    heights = [bar_eighths(n, lo, hi, rows) if model.is_reached(layer) else 0
               for layer, n in enumerate(model.norms, start=1)]
    # The top and bottom rows name the axis ends; the middle row names a decade inside it.
    labels = {0: power(hi), rows - 1: power(lo)}
    middle = rows // 2
    top_of_middle = hi - (hi - lo) * middle / rows
    decade = math.floor(top_of_middle)
    if decade > top_of_middle - (hi - lo) / rows:
        labels[middle] = power(decade)
    text = Text(no_wrap=True, overflow="crop")
    for line in range(rows):
        level = rows - 1 - line  # 0 is the bottom row
        text.append(f"{labels.get(line, ''):>{AXIS_WIDTH - 2}} ┤", "dim")
        for layer, eighths in enumerate(heights, start=1):
            fill = eighths - level * 8
            cell = "██" if fill >= 8 else (PARTIAL[fill] * 2 if fill > 0 else "  ")
            current = layer == model.current_layer
            text.append(" " + cell, "bold reverse" if current and fill > 0 else "bold")
        text.append("\n")
    text.append(" " * (AXIS_WIDTH - 1) + "└" + "───" * model.depth + "\n", "dim")
    text.append(" " * (AXIS_WIDTH - 2) + "layer")
    for layer in range(1, model.depth + 1):
        style = "bold reverse" if layer == model.current_layer else ""
        text.append(" ")
        text.append(f"{layer:>2}", style)
    return text


class VanishingView(AnimatedSection):
    """Depth, activation and weight scale; the gradient sent down, bar by bar."""

    HELP = (
        "↑/↓ choose a control, ←/→ change it (shift: bigger steps). Any change measures the "
        "stack again and sends the gradient down from the top. p plays and pauses the trip, "
        "s moves it down one layer, r takes it back to the top. Bars are ‖∂L/∂W⁽ˡ⁾‖ from "
        "backprop on a log scale: each row of the chart is the same factor, so a bar one row "
        "shorter is that many times smaller. The layer just reached is drawn inverted."
    )
    BINDINGS = FOCUS_BINDINGS
    INTERVAL = 0.12

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.stack = Vanishing(depth=11)

    def compose(self):
        yield Slider("depth", self.stack.depth, *DEPTHS, 1, 5, fmt="{:.0f}", label_width=12,
                     id="vg-depth")
        yield Choice("activation", ACTIVATIONS, self.stack.activation, label_width=12,
                     id="vg-activation")
        yield Slider("weight scale", self.stack.weight_scale, *SCALES, 0.25, 1.0,
                     fmt="{:.2f}", label_width=12, id="vg-scale")
        yield Static(id="vg-now")
        yield Static(id="vg-chart")
        yield Static(id="vg-compare")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#vg-depth", Slider).focus()
        self.refresh_view()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        if event.slider.id == "vg-depth":
            self.stack.configure(depth=int(event.value))
        else:
            self.stack.configure(weight_scale=event.value)
        self.playing = True  # a new stack: send the gradient down it
        self.refresh_view()

    def on_choice_changed(self, event: Choice.Changed) -> None:
        self.stack.configure(activation=event.value)
        self.playing = True
        self.refresh_view()

    # --- the animation (AnimatedSection) -------------------------------------------

    def advance(self) -> bool:
        going = self.stack.advance()
        if self.stack.done:
            self.mark_complete()
        return going

    def action_toggle_play(self) -> None:
        if self.stack.done and not self.playing:
            self.stack.restart()  # p at the bottom sends a fresh gradient from the top
        super().action_toggle_play()

    def restart(self) -> None:
        self.stack.restart()

    # --- drawing ------------------------------------------------------------------

    def refresh_view(self) -> None:
        self.query_one("#vg-now", Static).update(self.now_text())
        self.query_one("#vg-chart", Static).update(bar_chart(self.stack))
        self.query_one("#vg-compare", Static).update(self.compare_text())

    def now_text(self) -> Text:
        s = self.stack
        head = (f"‖∂L/∂W⁽ˡ⁾‖ per layer, log scale · {s.depth} layers of {WIDTH} {s.activation} "
                "units")
        layer = s.current_layer
        if layer is None:
            where = "p sends a gradient down from the top layer (the right end)."
        else:
            where = f"reached layer {layer}: ‖∂L/∂{layer_weight(layer)}‖ = {sci(s.norms[layer - 1])}"
        return Text(f"{head}\n{where}", no_wrap=True, overflow="ellipsis")

    def compare_text(self) -> Text:
        s = self.stack
        text = Text(no_wrap=False)
        text.append(f"σ′ is at most ¼, so ten sigmoid layers let through at most "
                    f"0.25¹⁰ ≈ {sci(vanishing_factor(10, SIGMOID_MAX_SLOPE))}.\n")
        if not s.done:
            text.append("Send the gradient all the way down to compare.", "dim")
            return text
        below = s.depth - 1
        text.append(f"Measured: layer 1 ÷ layer {s.depth} = ", "bold")
        text.append(sci(s.measured_ratio), "bold")
        if MAX_SLOPE[s.activation] < 1:
            text.append(f" over {below} layers; slopes alone allow at most "
                        f"0.25{str(below).translate(_SUPERSCRIPT)} = {sci(s.slope_bound)}.")
        else:
            text.append(f" over {below} layers. {s.activation}′ reaches 1, so the slopes need "
                        "not shrink it: the weight scale decides.")
        return text
