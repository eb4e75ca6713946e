"""A keyboard slider: ``label  ━━━━━●────  0.60``."""

from __future__ import annotations

import math

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ._util import decimals_of

__all__ = ["Slider"]


class Slider(Widget, can_focus=True):
    """A focusable numeric slider driven by the keyboard (mouse clicks also work).

    The value always lies on the grid ``minimum + k·step`` (or is exactly ``maximum``),
    and is rounded to the step's decimals so that repeated presses never accumulate
    floating-point error.
    """

    # One Footer entry ("←→ adjust"): at 80 columns the Footer holds about six, and a game's own
    # keys (check, play, step) must stay visible. The help screen lists the rest.
    BINDINGS = [
        Binding("left", "decrease", "adjust", key_display="←→"),
        Binding("right", "increase", "adjust", show=False, key_display="←→"),
        Binding("h", "decrease", "adjust", show=False, key_display="h/l"),
        Binding("l", "increase", "adjust", show=False, key_display="h/l"),
        Binding("shift+left", "decrease_coarse", "adjust in big steps", show=False,
                key_display="shift+←→"),
        Binding("shift+right", "increase_coarse", "adjust in big steps", show=False,
                key_display="shift+←→"),
        Binding("H", "decrease_coarse", "adjust in big steps", show=False, key_display="H/L"),
        Binding("L", "increase_coarse", "adjust in big steps", show=False, key_display="H/L"),
        Binding("home", "to_minimum", "lowest / highest value", show=False,
                key_display="home/end"),
        Binding("end", "to_maximum", "lowest / highest value", show=False,
                key_display="home/end"),
    ]

    COMPONENT_CLASSES = {
        "slider--label",
        "slider--filled",
        "slider--empty",
        "slider--knob",
        "slider--value",
    }

    DEFAULT_CSS = """
    Slider {
        width: 1fr;
        height: auto;
        min-height: 1;
        padding: 0 1 0 0;
    }
    Slider:focus {
        background: $boost;
    }
    Slider > .slider--label { color: $text; }
    Slider:focus > .slider--label { text-style: bold; }
    Slider > .slider--filled { color: $accent; }
    Slider > .slider--empty { color: $text-muted; }
    Slider > .slider--knob { color: $accent; text-style: bold; }
    Slider:focus > .slider--knob { color: $text; }
    Slider > .slider--value { text-style: bold; }
    """

    value: reactive[float] = reactive(0.0, init=False)

    class Changed(Message):
        """Posted whenever the slider's value changes."""

        def __init__(self, slider: "Slider", value: float) -> None:
            super().__init__()
            self.slider = slider
            self.value = value

        @property
        def control(self) -> "Slider":
            return self.slider

    def __init__(
        self,
        label: str,
        value: float,
        minimum: float,
        maximum: float,
        step: float,
        coarse_step: float | None = None,
        fmt: str = "{:.2f}",
        *,
        label_width: int | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        if maximum < minimum:
            raise ValueError("maximum must be ≥ minimum")
        if step <= 0:
            raise ValueError("step must be > 0")
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.label = label
        self.minimum = float(minimum)
        self.maximum = float(maximum)
        self.step = float(step)
        self.coarse_step = float(coarse_step) if coarse_step else self.step * 10
        self.fmt = fmt
        self.label_width = label_width
        self._decimals = max(decimals_of(self.step), decimals_of(self.minimum))
        self.set_reactive(Slider.value, self._snap(value))

    # -- value handling -------------------------------------------------

    def _snap(self, value: float) -> float:
        """Clamp to [minimum, maximum] and round onto the step grid."""
        value = float(value)
        if math.isnan(value):
            return self.minimum
        if value >= self.maximum:
            return self.maximum
        if value <= self.minimum:
            return self.minimum
        k = round((value - self.minimum) / self.step)
        snapped = round(self.minimum + k * self.step, self._decimals)
        return min(max(snapped, self.minimum), self.maximum)

    def validate_value(self, value: float) -> float:
        return self._snap(value)

    def watch_value(self, old: float, new: float) -> None:
        if old != new:
            self.post_message(self.Changed(self, new))

    @property
    def fraction(self) -> float:
        span = self.maximum - self.minimum
        return 0.0 if span == 0 else (self.value - self.minimum) / span

    def nudge(self, amount: float) -> None:
        """Move by `amount` (positive or negative) from the current value."""
        self.value = self._snap(self.value + amount)

    # -- actions ----------------------------------------------------------

    def action_increase(self) -> None:
        self.nudge(self.step)

    def action_decrease(self) -> None:
        self.nudge(-self.step)

    def action_increase_coarse(self) -> None:
        self.nudge(self.coarse_step)

    def action_decrease_coarse(self) -> None:
        self.nudge(-self.coarse_step)

    def action_to_minimum(self) -> None:
        self.value = self.minimum

    def action_to_maximum(self) -> None:
        self.value = self.maximum

    # -- rendering ----------------------------------------------------------

    def _layout(self, width: int) -> tuple[str, str, int, int]:
        """Return (prefix, value text, bar start column, bar width)."""
        label = self.label
        if self.label_width is not None:
            label = label[: self.label_width].ljust(self.label_width)
        prefix = f"{'▶' if self.has_focus else ' '} {label}  "
        value_text = "  " + self.fmt.format(self.value).replace("-", "−")  # a true minus
        bar_width = max(3, width - len(prefix) - len(value_text))
        return prefix, value_text, len(prefix), bar_width

    def render(self) -> Text:
        width = self.content_size.width or 40
        prefix, value_text, _, bar_width = self._layout(width)
        knob = min(bar_width - 1, max(0, round(self.fraction * (bar_width - 1))))
        text = Text(no_wrap=True, overflow="crop", end="")
        text.append(prefix, self.get_component_rich_style("slider--label"))
        text.append("━" * knob, self.get_component_rich_style("slider--filled"))
        text.append("●", self.get_component_rich_style("slider--knob"))
        text.append("─" * (bar_width - knob - 1), self.get_component_rich_style("slider--empty"))
        text.append(value_text, self.get_component_rich_style("slider--value"))
        return text

    def on_click(self, event: events.Click) -> None:
        _, _, start, bar_width = self._layout(self.content_size.width or 40)
        offset = event.x - start
        if 0 <= offset < bar_width and bar_width > 1:
            self.value = self._snap(
                self.minimum + offset / (bar_width - 1) * (self.maximum - self.minimum)
            )
        self.focus()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
