"""Horizontal bars drawn with block characters, always with the number printed.

``bar_text(0.62, 1.0, 12)`` → ``'███████▍    '``; a ``BarChart`` shows rows like
``cat  ███████▍     0.62``.
"""

from __future__ import annotations

import math
from typing import Sequence

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

__all__ = ["bar_text", "bar_eighths", "signed_bar_text", "Meter", "BarChart"]

_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar_eighths(value: float, vmax: float, width: int) -> int:
    """Length of the bar in eighths of a cell (0 … 8·width), proportional to value/vmax."""
    if vmax <= 0 or not math.isfinite(value):
        return 0
    fraction = min(max(abs(value) / vmax, 0.0), 1.0)
    return round(fraction * width * 8)


def bar_text(value: float, vmax: float, width: int) -> str:
    """A bar of exactly `width` cells, using eighth blocks for the fractional end."""
    eighths = bar_eighths(value, vmax, width)
    full, part = divmod(eighths, 8)
    text = "█" * full + (_EIGHTHS[part] if part else "")
    return text.ljust(width)


def _log_fraction(value: float, lo: float, hi: float) -> float:
    if value <= 0 or hi <= lo:
        return 0.0 if value <= 0 else 1.0
    return min(max((math.log10(value) - lo) / (hi - lo), 0.0), 1.0)


class Meter(Widget):
    """One labelled bar: ``p(cat)  ████████▌    0.62``."""

    DEFAULT_CSS = """
    Meter { height: 1; width: 1fr; }
    Meter > .bar--bar { color: $accent; }
    Meter > .bar--value { text-style: bold; }
    """
    COMPONENT_CLASSES = {"bar--bar", "bar--value"}

    value: reactive[float] = reactive(0.0)

    def __init__(
        self, label: str, value: float = 0.0, vmax: float = 1.0, fmt: str = "{:.2f}",
        *, label_width: int | None = None, name: str | None = None, id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.label = label
        self.vmax = vmax
        self.fmt = fmt
        self.label_width = label_width
        self.set_reactive(Meter.value, float(value))

    def render(self) -> Text:
        label = self.label.ljust(self.label_width or len(self.label))
        number = self.fmt.format(self.value)
        width = max(4, (self.content_size.width or 40) - len(label) - len(number) - 4)
        return Text.assemble(
            label + "  ",
            (bar_text(self.value, self.vmax, width), self.get_component_rich_style("bar--bar")),
            "  ",
            (number, self.get_component_rich_style("bar--value")),
            no_wrap=True, end="",
        )


class BarChart(Widget):
    """Labelled horizontal bars for probabilities, gradient norms, …

    ``BarChart([("cat", 0.62), ("dog", 0.30)], vmax=1.0)``; ``log=True`` scales bars by
    log10 (for gradient norms spanning decades). Negative values get a ``−`` sign and a
    bar for their size.
    """

    DEFAULT_CSS = """
    BarChart { height: auto; width: 1fr; }
    BarChart > .bar--bar { color: $accent; }
    BarChart > .bar--value { text-style: bold; }
    """
    COMPONENT_CLASSES = {"bar--bar", "bar--value"}

    items: reactive[tuple[tuple[str, float], ...]] = reactive((), layout=True)

    def __init__(
        self, items: Sequence[tuple[str, float]] = (), vmax: float | None = None,
        log: bool = False, fmt: str = "{:.2f}", *, bar_width: int | None = None,
        name: str | None = None, id: str | None = None, classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.vmax = vmax
        self.log_scale = log
        self.fmt = fmt
        self.bar_width = bar_width
        self.set_reactive(BarChart.items, tuple((str(k), float(v)) for k, v in items))

    def set_items(self, items: Sequence[tuple[str, float]]) -> None:
        self.items = tuple((str(k), float(v)) for k, v in items)

    def _numbers(self) -> list[str]:
        out = []
        for _, v in self.items:
            text = self.fmt.format(v) if math.isfinite(v) else ("nan" if v != v else "∞")
            out.append(text.replace("-", "−"))
        return out

    def bar_widths(self, width: int) -> list[int]:
        """Bar lengths in eighths of a cell, for a bar area `width` cells wide."""
        values = [abs(v) if math.isfinite(v) else 0.0 for _, v in self.items]
        if not values:
            return []
        if self.log_scale:
            positive = [v for v in values if v > 0]
            if not positive:
                return [0] * len(values)
            hi = math.log10(self.vmax if self.vmax else max(positive))
            lo = math.floor(math.log10(min(positive))) - (1 if len(positive) == 1 else 0)
            lo = min(lo, hi - 1)
            return [round(_log_fraction(v, lo, hi) * width * 8) for v in values]
        vmax = self.vmax if self.vmax else max(values)
        return [bar_eighths(v, vmax, width) for v in values]

    def _layout(self) -> tuple[int, int, int]:
        label_w = max((len(k) for k, _ in self.items), default=0)
        number_w = max((len(n) for n in self._numbers()), default=0)
        width = self.bar_width or max(4, (self.content_size.width or 60) - label_w - number_w - 4)
        return label_w, number_w, width

    def get_content_height(self, container, viewport, width: int) -> int:
        return max(1, len(self.items))

    def render(self) -> Text:
        if not self.items:
            return Text("(no data)", style="italic")
        label_w, number_w, width = self._layout()
        bar_style = self.get_component_rich_style("bar--bar")
        value_style = self.get_component_rich_style("bar--value")
        lines = Text(no_wrap=True, end="")
        for row, ((label, _), number, eighths) in enumerate(
            zip(self.items, self._numbers(), self.bar_widths(width))
        ):
            full, part = divmod(eighths, 8)
            bar = ("█" * full + (_EIGHTHS[part] if part else "")).ljust(width)
            if row:
                lines.append("\n")
            lines.append(label.ljust(label_w) + "  ")
            lines.append(bar, bar_style)
            lines.append("  " + number.rjust(number_w), value_style)
        return lines

    def row_texts(self) -> list[str]:
        """The plain text of each row (for tests and accessibility)."""
        rendered = self.render()
        return rendered.plain.split("\n") if isinstance(rendered, Text) else []


def signed_bar_text(value: float, vmax: float, half_width: int) -> str:
    """A bar that grows left of a centre line ``│`` for negatives and right of it for
    positives, in half cells: ``signed_bar_text(-0.5, 1, 4)`` → ``'  ██│    '``. The side
    carries the sign, so it reads without colour."""
    halves = 0 if vmax <= 0 or not math.isfinite(value) else round(
        min(abs(value) / vmax, 1.0) * half_width * 2)
    full, half = divmod(halves, 2)
    if value < 0:
        left, right = ("▐" if half else "") + "█" * full, ""
    else:
        left, right = "", "█" * full + ("▌" if half else "")
    return left.rjust(half_width) + "│" + right.ljust(half_width)
