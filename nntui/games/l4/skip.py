"""Skip connections: the section body (model in ``skip_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui.widgets.keys import axis_keys
from nntui.widgets.playing import ModelAnimation

from .skip_model import Skip, log_rows

ROWS = 12
EIGHTHS = " ▁▂▃▄▅▆▇█"


def column(height: float, row: int, full: str) -> str:
    """The cell of a vertical bar at ``row`` (0 = bottom): full, a partial block, or blank."""
    if height >= row + 1:
        return full
    part = height - row
    if part <= 0:
        return " "
    return full if full != "█" else EIGHTHS[max(1, round(part * 8))]


def sci(value: float) -> str:
    """Two significant digits with a true minus sign: 4.3e−13."""
    return f"{value:.2g}".replace("-", "−")


class SkipView(ModelAnimation):
    """Plain vs residual stack: the real gradient each layer receives."""

    HELP = (
        "p sends the gradient down the stack one layer a beat (s: one layer, r: from the top "
        "again). ←/→ change the depth (shift: 5 layers), a switches the activation "
        "(sigmoid, tanh, ReLU). Each layer has two bars on a log scale: ░ the plain stack, "
        "█ the same stack with a skip path around every layer. Layer 1 (the input side) is on "
        "the left; the gradient starts at the top layer, on the right."
    )
    BINDINGS = [*axis_keys("x", "depth({})", "depth", coarse=5, coarse_label="depth ±5"),
                Binding("a", "activation", "activation")]
    INTERVAL = 0.15

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = Skip()

    def compose(self):
        yield Static(id="sk-status")
        yield Static(id="sk-bars")
        yield Static(id="sk-caption")

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        self.refresh_view()

    def restart(self) -> None:
        self.model.reached = 0

    def action_depth(self, steps: int) -> None:
        self.playing = False
        self.model.set_depth(steps)
        self.refresh_view()

    def action_activation(self) -> None:
        self.playing = False
        self.model.next_activation()
        self.refresh_view()

    def refresh_view(self) -> None:
        if not self.is_attached:  # is_mounted turns True only after on_mount
            return
        m = self.model
        status = Text(no_wrap=True, overflow="ellipsis")
        status.append(f"depth {m.depth} · {m.activation}", "bold")
        status.append(f"   gradient reached {m.reached}/{m.depth}   ░ plain  █ residual")
        self.query_one("#sk-status", Static).update(status)
        self.query_one("#sk-bars", Static).update(self.bars())
        caption = Text(no_wrap=False)
        if m.done:
            caption.append(f"Layer 1 receives ‖∂L/∂W⁽¹⁾‖ = {sci(m.plain[0])} without skips and "
                           f"{sci(m.residual[0])} with them: {sci(m.ratio())}× as much. ", "bold")
            caption.append("The skip path hands the gradient down unchanged (∂h⁽ˡ⁾/∂h⁽ˡ⁻¹⁾ = "
                           "1 + …), so it never has to pass through every f′ and W.")
        else:
            caption.append("Without a skip, each layer multiplies the gradient by f′(z)·Wᵀ; "
                           "press p to send it down from the top.")
        self.query_one("#sk-caption", Static).update(caption)

    def bars(self) -> Text:
        m = self.model
        lo, hi = m.decades()
        text = Text(no_wrap=True)
        for row in range(ROWS - 1, -1, -1):
            exponent = lo + (hi - lo) * (row + 1) / ROWS
            label = f"1e{exponent:+.0f}".replace("-", "−") if row % 3 == 2 else ""
            text.append(f"{label:>6} ┤")
            for layer in range(1, m.depth + 1):
                if not m.shown(layer):
                    text.append("  ")
                    continue
                i = layer - 1
                text.append(column(log_rows(m.plain[i], lo, hi, ROWS), row, "░"))
                text.append(column(log_rows(m.residual[i], lo, hi, ROWS), row, "█"))
            text.append("\n")
        text.append("       └" + "──" * m.depth + "\n")
        ticks = "".join(f"{layer:<2}" if layer % 5 == 0 or layer == 1 else "  "
                        for layer in range(1, m.depth + 1))
        text.append("  layer " + ticks)
        return text
