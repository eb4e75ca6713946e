"""A half-block drawing surface with world coordinates.

Each terminal cell holds two vertical "pixels" drawn with ``▀`` (foreground = top
pixel, background = bottom pixel). Drawing calls record operations; they are
rasterised to the current widget size on the next paint, so the canvas adapts to
resizes. For ``NO_COLOR`` (or ``shade=True``) a heatmap is drawn with shade
characters ``' ░▒▓█'`` (one per cell, by value) instead of colour alone, and points
are always drawn as distinct characters per class (``● ○ + x ◆ ■``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

__all__ = ["Canvas", "SHADES", "MARKERS", "shade_char", "clip_segment"]

SHADES = " ░▒▓█"
"""Shade characters from low to high value."""

MARKERS = ("●", "○", "+", "x", "◆", "■")
"""Point markers per class; distinct without colour."""

PALETTE = ("#e8743b", "#3b8fe8", "#19a979", "#ed4a7b", "#945ecf", "#f2b134")

DEFAULT_CMAP = ("#3b6fb6", "#e8743b")


def shade_char(value: float) -> str:
    """The shade character for a value in [0, 1]."""
    v = min(max(float(value), 0.0), 1.0)
    return SHADES[min(len(SHADES) - 1, int(v * len(SHADES)))]


def clip_segment(
    x0: float, y0: float, x1: float, y1: float,
    xlim: tuple[float, float], ylim: tuple[float, float],
) -> tuple[float, float, float, float] | None:
    """The part of the segment (x0, y0)–(x1, y1) inside the box xlim × ylim (Liang–Barsky),
    or None when none of it is inside. A line that leaves the canvas must end at the border,
    not be pushed along it."""
    dx, dy = x1 - x0, y1 - y0
    t_in, t_out = 0.0, 1.0
    # Each edge as (p, q): the segment is inside that edge where p·t ≤ q.
    for p, q in ((-dx, x0 - xlim[0]), (dx, xlim[1] - x0),
                 (-dy, y0 - ylim[0]), (dy, ylim[1] - y0)):
        if p == 0:
            if q < 0:  # parallel to this edge and outside it
                return None
            continue
        t = q / p
        if p < 0:
            t_in = max(t_in, t)
        else:
            t_out = min(t_out, t)
        if t_in > t_out:
            return None
    return x0 + t_in * dx, y0 + t_in * dy, x0 + t_out * dx, y0 + t_out * dy


def _rgb(colour: Any) -> tuple[int, int, int]:
    if isinstance(colour, tuple) and len(colour) == 3:
        return tuple(int(c) for c in colour)  # type: ignore[return-value]
    return Color.parse(colour).rgb


@dataclass
class _Op:
    kind: str
    args: dict[str, Any] = field(default_factory=dict)


class Canvas(Widget):
    """Half-block canvas. World coordinates: x grows right, y grows up.

    Arrays given to :meth:`heatmap` and :meth:`fill_region` are indexed ``[row, col]``
    with row 0 at ``ylim[0]`` (the bottom, like ``np.meshgrid(xs, ys)`` with ascending
    ``ys``); pass ``origin="upper"`` when row 0 is the top.
    """

    DEFAULT_CSS = """
    Canvas {
        width: 1fr;
        height: 1fr;
        min-height: 4;
    }
    """

    def __init__(
        self,
        xlim: tuple[float, float] = (-1.0, 1.0),
        ylim: tuple[float, float] = (-1.0, 1.0),
        *,
        shade: bool | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.xlim = (float(xlim[0]), float(xlim[1]))
        self.ylim = (float(ylim[0]), float(ylim[1]))
        self._shade_setting = shade
        self._ops: list[_Op] = []
        self._strips: list[Strip] | None = None
        self._raster_size: Size | None = None
        self._style_cache: dict[tuple, Style] = {}

    # -- configuration ---------------------------------------------------

    @property
    def shade(self) -> bool:
        """Whether heatmaps are drawn with shade characters (auto: on under NO_COLOR)."""
        if self._shade_setting is not None:
            return self._shade_setting
        try:
            return bool(self.app.no_color)
        except Exception:
            return False

    @shade.setter
    def shade(self, value: bool | None) -> None:
        self._shade_setting = value
        self.refresh_canvas()

    def set_limits(self, xlim: tuple[float, float], ylim: tuple[float, float]) -> None:
        self.xlim = (float(xlim[0]), float(xlim[1]))
        self.ylim = (float(ylim[0]), float(ylim[1]))
        self.refresh_canvas()

    @property
    def cell_size(self) -> Size:
        size = self.content_size
        return Size(max(1, size.width), max(1, size.height))

    @property
    def pixel_size(self) -> Size:
        """(width, height) in pixels: one pixel per column, two per row."""
        cells = self.cell_size
        return Size(cells.width, cells.height * 2)

    # -- coordinate mapping -----------------------------------------------

    def world_to_pixel(self, x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
        """Map world coordinates to (column, pixel-row) indices, clipped to the canvas."""
        pw, ph = self.pixel_size
        (x0, x1), (y0, y1) = self.xlim, self.ylim
        fx = (np.asarray(x, dtype=float) - x0) / ((x1 - x0) or 1.0)
        fy = (y1 - np.asarray(y, dtype=float)) / ((y1 - y0) or 1.0)
        px = np.clip(np.floor(fx * pw), 0, pw - 1).astype(int)
        py = np.clip(np.floor(fy * ph), 0, ph - 1).astype(int)
        return px, py

    def world_to_cell(self, x: float, y: float) -> tuple[int, int]:
        """Map a world point to the (column, row) of the terminal cell it falls in."""
        px, py = self.world_to_pixel(x, y)
        return int(px), int(py) // 2

    def cell_to_world(self, column: int, row: int) -> tuple[float, float]:
        """The world coordinates of a cell's centre."""
        cw, chh = self.cell_size
        (x0, x1), (y0, y1) = self.xlim, self.ylim
        return (x0 + (column + 0.5) / cw * (x1 - x0), y1 - (row + 0.5) / chh * (y1 - y0))

    # -- drawing API ---------------------------------------------------------

    def _add(self, kind: str, **args: Any) -> "Canvas":
        self._ops.append(_Op(kind, args))
        self.refresh_canvas()
        return self

    def clear(self) -> "Canvas":
        """Remove everything drawn."""
        self._ops.clear()
        self.refresh_canvas()
        return self

    def heatmap(
        self,
        values: Any,
        vmin: float | None = None,
        vmax: float | None = None,
        cmap: Sequence[Any] = DEFAULT_CMAP,
        origin: str = "lower",
    ) -> "Canvas":
        """Fill the canvas with a 2-D array (stretched over xlim × ylim).

        Values are normalised with ``vmin``/``vmax`` (default 0 and 1 when the data lies
        in [0, 1], else the data range). ``cmap`` is two (low, high) or three (low, mid,
        high) colours.
        """
        data = np.asarray(values, dtype=float)
        if data.ndim != 2:
            raise ValueError("heatmap values must be a 2-D array")
        finite = data[np.isfinite(data)]
        if vmin is None:
            vmin = 0.0 if finite.size == 0 or finite.min() >= 0 else float(finite.min())
        if vmax is None:
            vmax = 1.0 if finite.size == 0 or finite.max() <= 1 else float(finite.max())
        span = (vmax - vmin) or 1.0
        norm = np.clip((np.nan_to_num(data, nan=vmin) - vmin) / span, 0.0, 1.0)
        if origin == "lower":
            norm = norm[::-1]
        return self._add("heatmap", values=norm, cmap=[_rgb(c) for c in cmap])

    def fill_region(
        self, mask: Any, colour: Any = "#888888", char: str = "░", origin: str = "lower"
    ) -> "Canvas":
        """Colour the pixels where a 2-D boolean ``mask`` is true (stretched like a heatmap).

        In shade mode the cells are marked with ``char`` instead.
        """
        data = np.asarray(mask, dtype=bool)
        if data.ndim != 2:
            raise ValueError("mask must be a 2-D array")
        if origin == "lower":
            data = data[::-1]
        return self._add("fill", mask=data, colour=_rgb(colour), char=char)

    def points(
        self,
        xs: Any,
        ys: Any,
        classes: Any = None,
        colours: Any = None,
        marker: str | Sequence[str] | None = None,
    ) -> "Canvas":
        """Draw points as characters: one marker per class (``● ○ + x …``).

        ``classes`` are integer labels (default all 0); ``colours`` is one colour, or
        one per class. ``marker`` overrides the markers (a string, or one per class).
        """
        xs = np.asarray(xs, dtype=float).ravel()
        ys = np.asarray(ys, dtype=float).ravel()
        labels = (np.zeros(xs.shape, dtype=int) if classes is None
                  else np.asarray(classes).astype(int).ravel())
        if marker is None:
            markers: Sequence[str] = MARKERS
        elif isinstance(marker, str):
            markers = [marker]
        else:
            markers = list(marker)
        if colours is None:
            palette = [_rgb(c) for c in PALETTE]
        elif isinstance(colours, (str, tuple)):
            palette = [_rgb(colours)]
        else:
            palette = [_rgb(c) for c in colours]
        return self._add("points", xs=xs, ys=ys, labels=labels, markers=list(markers),
                         palette=palette)

    def line(
        self, x0: float, y0: float, x1: float, y1: float,
        colour: Any = "#ffffff", char: str | None = None,
    ) -> "Canvas":
        """Draw a straight line in pixels; in shade mode (or with ``char``) as characters.

        The part outside xlim × ylim is cut off (never drawn along the border)."""
        return self._add("line", p0=(x0, y0), p1=(x1, y1), colour=_rgb(colour), char=char)

    def text(self, x: float, y: float, text: str, colour: Any = "#ffffff") -> "Canvas":
        """Write a short text label starting at a world position."""
        return self._add("text", x=x, y=y, text=text, colour=_rgb(colour))

    def refresh_canvas(self) -> None:
        """Re-rasterise the drawing on the next paint."""
        self._strips = None
        self.refresh()

    # -- rasterising ------------------------------------------------------------

    def _rasterise(self) -> None:
        cw, chh = self.cell_size
        pw, ph = cw, chh * 2
        shade_mode = self.shade
        base = self.rich_style
        bg = base.bgcolor.get_truecolor() if base.bgcolor else None
        background = np.array(tuple(bg) if bg else (0, 0, 0), dtype=np.uint8)
        pixels = np.empty((ph, pw, 3), dtype=np.uint8)
        pixels[:] = background
        painted = np.zeros((ph, pw), dtype=bool)
        shade = np.full((chh, cw), "", dtype=object)
        glyphs: dict[tuple[int, int], tuple[str, tuple[int, int, int]]] = {}

        def stretch(array: np.ndarray, rows: int, cols: int) -> np.ndarray:
            r = (np.arange(rows) * array.shape[0] // rows).clip(0, array.shape[0] - 1)
            c = (np.arange(cols) * array.shape[1] // cols).clip(0, array.shape[1] - 1)
            return array[np.ix_(r, c)]

        for op in self._ops:
            a = op.args
            if op.kind == "heatmap":
                norm = stretch(a["values"], ph, pw)
                cmap = np.array(a["cmap"], dtype=float)
                if len(cmap) == 2:
                    rgb = cmap[0] + norm[..., None] * (cmap[1] - cmap[0])
                else:
                    t = norm[..., None]
                    lo = cmap[0] + np.clip(t * 2, 0, 1) * (cmap[1] - cmap[0])
                    hi = cmap[1] + np.clip(t * 2 - 1, 0, 1) * (cmap[2] - cmap[1])
                    rgb = np.where(t < 0.5, lo, hi)
                pixels[:] = rgb.round().astype(np.uint8)
                painted[:] = True
                cell_values = stretch(a["values"], chh, cw)
                idx = np.minimum((cell_values * len(SHADES)).astype(int), len(SHADES) - 1)
                shade = np.array(list(SHADES), dtype=object)[idx]
            elif op.kind == "fill":
                mask = stretch(a["mask"], ph, pw)
                pixels[mask] = a["colour"]
                painted |= mask
                cell_mask = stretch(a["mask"], chh, cw)
                shade[cell_mask] = a["char"]
            elif op.kind == "line":
                clipped = clip_segment(*a["p0"], *a["p1"], self.xlim, self.ylim)
                if clipped is None:
                    continue
                x0, y0, x1, y1 = clipped
                n = int(max(pw, ph) * 2) + 2
                t = np.linspace(0.0, 1.0, n)
                px, py = self.world_to_pixel(x0 + t * (x1 - x0), y0 + t * (y1 - y0))
                pixels[py, px] = a["colour"]
                painted[py, px] = True
                char = a["char"] or ("•" if shade_mode else None)
                if char:
                    for cx, cy in set(zip(px.tolist(), (py // 2).tolist())):
                        glyphs[(cx, cy)] = (char, a["colour"])
            elif op.kind == "points":
                px, py = self.world_to_pixel(a["xs"], a["ys"])
                markers, palette = a["markers"], a["palette"]
                for cx, cy, label in zip(px.tolist(), (py // 2).tolist(), a["labels"].tolist()):
                    glyphs[(cx, cy)] = (markers[label % len(markers)],
                                        palette[label % len(palette)])
            elif op.kind == "text":
                cx, cy = self.world_to_cell(a["x"], a["y"])
                for offset, ch in enumerate(a["text"]):
                    if 0 <= cx + offset < cw:
                        glyphs[(cx + offset, cy)] = (ch, a["colour"])

        self._strips = [
            self._build_strip(row, pixels, painted, shade, glyphs, shade_mode, base)
            for row in range(chh)
        ]
        self._raster_size = Size(cw, chh)

    def _style(self, fg: tuple | None, bg: tuple | None, bold: bool = False) -> Style:
        key = (fg, bg, bold)
        style = self._style_cache.get(key)
        if style is None:
            if len(self._style_cache) > 8192:  # animated heatmaps: keep memory bounded
                self._style_cache.clear()
            style = Style(
                color=None if fg is None else f"rgb({fg[0]},{fg[1]},{fg[2]})",
                bgcolor=None if bg is None else f"rgb({bg[0]},{bg[1]},{bg[2]})",
                bold=bold or None,
            )
            self._style_cache[key] = style
        return style

    def _build_strip(self, row, pixels, painted, shade, glyphs, shade_mode, base) -> Strip:
        cw = pixels.shape[1]
        top, bottom = pixels[2 * row], pixels[2 * row + 1]
        ptop, pbottom = painted[2 * row], painted[2 * row + 1]
        segments: list[Segment] = []
        text_parts: list[str] = []
        current: Style | None = None
        for col in range(cw):
            glyph = glyphs.get((col, row))
            t = tuple(top[col].tolist()) if ptop[col] else None
            b = tuple(bottom[col].tolist()) if pbottom[col] else None
            if glyph is not None:
                char, colour = glyph
                under = t or b
                style = self._style(colour, None if shade_mode else under, bold=True)
            elif shade_mode:
                char = shade[row, col] or " "
                mix = t or b
                style = self._style(mix, None)
            elif t is None and b is None:
                char, style = " ", self._style(None, None)
            elif t is None:
                char, style = "▄", self._style(b, None)
            elif b is None:
                char, style = "▀", self._style(t, None)
            elif t == b:
                char, style = " ", self._style(None, t)
            else:
                char, style = "▀", self._style(t, b)
            if style is not current and text_parts:
                segments.append(Segment("".join(text_parts), base + current))
                text_parts = []
            current = style
            text_parts.append(char)
        if text_parts:
            segments.append(Segment("".join(text_parts), base + current))
        return Strip(segments, cw)

    def render_line(self, y: int) -> Strip:
        if self._strips is None or self._raster_size != self.cell_size:
            self._rasterise()
        assert self._strips is not None
        if 0 <= y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.cell_size.width, self.rich_style)

    def on_resize(self) -> None:
        self.refresh_canvas()

    def on_mount(self) -> None:
        # the empty background comes from the theme: re-rasterise when it changes
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.refresh_canvas())

    # -- inspection (tests, screen readers) ---------------------------------------

    def cell_text(self, row: int) -> str:
        """The characters of one rendered row."""
        return self.render_line(row).text
