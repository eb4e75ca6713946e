"""A plotext chart that follows the app theme (``textual-plotext``'s ``PlotextPlot``).

With the default ``theme = "auto"`` the plot's background and text follow the
current Textual theme (dark or light) and change with it. Under ``NO_COLOR`` the
plotext ``"clear"`` theme is used and every series gets its own marker character, so
series are told apart without colour.

plotext always draws its legend in the plot's top-left corner, where curves usually start.
``plot_series(..., legend=False)`` leaves it out; ``legend_text()`` then gives the same key
(marker and name, in the series' colour when one was given) for the section to place outside.
"""

from __future__ import annotations

import math
from typing import Any, Mapping, Sequence

from rich.text import Text
from textual_plotext import PlotextPlot

__all__ = ["Chart"]

NO_COLOR_MARKERS = ("•", "x", "+", "o", "*", "#")
# In colour too, each series after the first gets its own marker: colour alone must never be
# the only way to tell two curves apart (the legend shows the marker beside each name).
COLOUR_MARKERS = ("braille", "•", "x", "+", "o", "*")
# How a marker is shown in an outside legend (braille dots draw a thin line).
LEGEND_GLYPHS = {"braille": "⠒"}


def _clean(xs: Sequence[float], ys: Sequence[float], ylog: bool) -> tuple[list[float], list[float]]:
    """Drop non-finite points (and non-positive y on a log axis)."""
    out_x: list[float] = []
    out_y: list[float] = []
    for x, y in zip(xs, ys):
        x, y = float(x), float(y)
        if math.isfinite(x) and math.isfinite(y) and (y > 0 or not ylog):
            out_x.append(x)
            out_y.append(y)
    return out_x, out_y


def _log_ticks(values: Sequence[float]) -> tuple[list[float], list[str]]:
    """Ticks (in log10 units) and labels for a log y axis.

    plotext's own ``yscale("log")`` re-applies the logarithm every time the figure is
    built, and textual-plotext builds on every paint, so the chart plots ``log10(y)``
    on a linear axis and labels it with the original values.
    """
    if not values:
        return [], []
    lo = math.floor(math.log10(min(values)))
    hi = math.ceil(math.log10(max(values)))
    exponents = list(range(lo, hi + 1))
    ticks: list[float] = []
    for e in exponents:
        mantissas = (1, 2, 5) if len(exponents) <= 3 else (1,)
        ticks.extend(e + math.log10(m) for m in mantissas)
    ticks = [t for t in ticks if t <= hi]
    return ticks, [f"{10 ** t:.3g}" for t in ticks]


class Chart(PlotextPlot):
    """Line or scatter plots of named series: loss curves, 2-D optimiser paths, …"""

    DEFAULT_CSS = """
    Chart {
        width: 1fr;
        height: 1fr;
        min-height: 8;
    }
    """

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.series: dict[str, tuple[list[float], list[float]]] = {}
        self.options: dict[str, Any] = {}
        #: label → (marker glyph, colour or None) of the series last plotted.
        self.keys: dict[str, tuple[str, str | None]] = {}

    def on_mount(self) -> None:
        if self.app.no_color:
            self.theme = "clear"

    def plot_series(
        self,
        series: Mapping[str, tuple[Sequence[float], Sequence[float]]],
        title: str = "",
        xlabel: str = "",
        ylabel: str = "",
        ylog: bool = False,
        *,
        scatter: bool | Sequence[str] = False,
        xlim: tuple[float, float] | None = None,
        ylim: tuple[float, float] | None = None,
        legend: bool = True,
        colors: Mapping[str, str] | None = None,
    ) -> None:
        """Replace the plot with `series` (name → (xs, ys)) and redraw.

        ``legend=False`` leaves the names off the plot (plotext puts them in the top-left
        corner, over the data); the caller then names the markers (``marker_of``) itself.

        ``scatter`` is True for all series as points, or the names of the series to
        draw as points (the rest as lines). Non-finite points are skipped (a diverged
        loss doesn't break the chart); on a log axis, so are values ≤ 0. ``legend=False``
        keeps the legend off the plot (see ``legend_text``); ``colors`` names a colour per
        series (plotext colour names such as "red", "cyan"; ignored under NO_COLOR).
        """
        plt = self.plt
        plt.clear_figure()
        cleaned: dict[str, tuple[list[float], list[float]]] = {}
        self.keys = {}
        for index, (label, (xs, ys)) in enumerate(series.items()):
            if len(xs) != len(ys):
                raise ValueError(f"series {label!r}: {len(xs)} x values but {len(ys)} y values")
            px, py = _clean(xs, ys, ylog)
            cleaned[label] = (px, py)
            if not px:
                continue
            as_points = scatter is True or (not isinstance(scatter, bool) and label in scatter)
            marker = self.marker_of(index)
            if as_points and marker == "braille":
                marker = "dot"
            color = None if self._no_color or not colors else colors.get(label)
            self.keys[label] = (LEGEND_GLYPHS.get(marker, "•" if marker == "dot" else marker),
                                color)
            if ylog:  # see _log_ticks: we plot log10(y) ourselves
                py = [math.log10(y) for y in py]
            style = {"label": label if legend else None, "marker": marker}
            if color is not None:
                style["color"] = color
            if as_points:
                plt.scatter(px, py, **style)
            else:
                plt.plot(px, py, **style)
        if title:
            plt.title(title)
        if xlabel:
            plt.xlabel(xlabel)
        if ylabel:
            plt.ylabel(ylabel)
        if xlim is not None:
            plt.xlim(*xlim)
        if ylim is not None:
            plt.ylim(*((math.log10(v) for v in ylim) if ylog else ylim))
        if ylog:
            ticks, labels = _log_ticks([y for _, ys in cleaned.values() for y in ys])
            if ticks:
                plt.yticks(ticks, labels)
        self.series = cleaned
        self.options = dict(title=title, xlabel=xlabel, ylabel=ylabel, ylog=ylog,
                            scatter=scatter, xlim=xlim, ylim=ylim, legend=legend)
        self.refresh()

    @property
    def _no_color(self) -> bool:
        return bool(self.is_mounted and self.app.no_color)

    def marker_of(self, index: int) -> str:
        """The plotext marker of the index-th series ("braille" draws a fine line)."""
        markers = NO_COLOR_MARKERS if self._no_color else COLOUR_MARKERS
        return markers[index % len(markers)]

    def legend_for(self, names: Sequence[str], separator: str = "  ") -> str:
        """"⠒ train  • val": the names of the series about to be plotted in this order, each
        with its glyph — for a title or a line beside the plot instead of plotext's legend."""
        glyphs = (LEGEND_GLYPHS.get(self.marker_of(i), self.marker_of(i)) for i in range(len(names)))
        return separator.join(f"{glyph} {name}" for glyph, name in zip(glyphs, names))

    @property
    def markers(self) -> dict[str, str]:
        """label → the glyph its series is drawn with, for a legend outside the plot."""
        return {label: glyph for label, (glyph, _) in self.keys.items()}

    def legend_text(self, separator: str = "   ") -> Text:
        """The key of the series last plotted — "⠒ zero   • too large" — in their colours."""
        text = Text(no_wrap=True, overflow="ellipsis")
        for index, (label, (glyph, color)) in enumerate(self.keys.items()):
            if index:
                text.append(separator)
            text.append(f"{glyph} {label}", color or "")
        return text

    def clear(self) -> None:
        """Remove all series."""
        self.plt.clear_figure()
        self.series = {}
        self.keys = {}
        self.refresh()

    def on_resize(self) -> None:
        self.refresh()
