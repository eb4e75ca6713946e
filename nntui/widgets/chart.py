"""A plotext chart that follows the app theme (``textual-plotext``'s ``PlotextPlot``).

With the default ``theme = "auto"`` the plot's background and text follow the
current Textual theme (dark or light) and change with it. Under ``NO_COLOR`` the
plotext ``"clear"`` theme is used and every series gets its own marker character, so
series are told apart without colour.
"""

from __future__ import annotations

import math
from typing import Any, Mapping, Sequence

from textual_plotext import PlotextPlot

__all__ = ["Chart"]

NO_COLOR_MARKERS = ("•", "x", "+", "o", "*", "#")
# In colour too, each series after the first gets its own marker: colour alone must never be
# the only way to tell two curves apart (the legend shows the marker beside each name).
COLOUR_MARKERS = ("braille", "•", "x", "+", "o", "*")


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
        #: The character each series is drawn with, for a legend outside the plot.
        self.markers: dict[str, str] = {}

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
    ) -> None:
        """Replace the plot with `series` (name → (xs, ys)) and redraw.

        ``legend=False`` leaves the names off the plot (plotext puts them in the top-left
        corner, over the data); the caller then names the markers (``marker_of``) itself.

        ``scatter`` is True for all series as points, or the names of the series to
        draw as points (the rest as lines). Non-finite points are skipped (a diverged
        loss doesn't break the chart); on a log axis, so are values ≤ 0.
        ``legend=False`` leaves the legend out of the plot (it can cover data): show
        ``markers`` beside the chart instead.
        """
        plt = self.plt
        plt.clear_figure()
        cleaned: dict[str, tuple[list[float], list[float]]] = {}
        self.markers = {}
        for index, (label, (xs, ys)) in enumerate(series.items()):
            if len(xs) != len(ys):
                raise ValueError(f"series {label!r}: {len(xs)} x values but {len(ys)} y values")
            px, py = _clean(xs, ys, ylog)
            cleaned[label] = (px, py)
            if not px:
                continue
            as_points = scatter is True or (not isinstance(scatter, bool) and label in scatter)
            marker = self.marker_of(index)
            if ylog:  # see _log_ticks: we plot log10(y) ourselves
                py = [math.log10(y) for y in py]
            shown_label = label if legend else None
            if as_points:
                plt.scatter(px, py, label=shown_label,
                            marker="dot" if marker == "braille" else marker)
                self.markers[label] = "•" if marker == "braille" else marker
            else:
                plt.plot(px, py, label=shown_label, marker=marker)
                self.markers[label] = "⢕" if marker == "braille" else marker
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

    def marker_of(self, index: int) -> str:
        """The marker of the index-th series ("braille" draws a fine line)."""
        no_color = bool(self.is_mounted and self.app.no_color)
        markers = NO_COLOR_MARKERS if no_color else COLOUR_MARKERS
        return markers[index % len(markers)]

    def clear(self) -> None:
        """Remove all series."""
        self.plt.clear_figure()
        self.series = {}
        self.refresh()

    def on_resize(self) -> None:
        self.refresh()
