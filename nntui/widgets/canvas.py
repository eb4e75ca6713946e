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
from textual.geometry import Region, Size
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
        self._style_cache: dict[int, Style] = {}
        # What each cell shows (a style key and a character), to send only the cells that change.
        self._cell_keys: np.ndarray | None = None
        self._cell_chars: np.ndarray | None = None
        self._raster_base: Style | None = None
        self._stale = True
        self._update_scheduled = False

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
        """Re-rasterise the drawing once the current drawing calls are done.

        When the canvas has been drawn before at the same size, only the cells whose character
        or colours changed are repainted, so an animated heatmap sends little to the terminal.
        """
        self._stale = True
        if self._cell_keys is None or not self.is_mounted:
            self.refresh()
        elif not self._update_scheduled:
            self._update_scheduled = True
            self.call_next(self._repaint_changed)

    def _repaint_changed(self) -> None:
        self._update_scheduled = False
        if not self._stale or not self.is_mounted:
            return
        old_keys, old_chars, old_size = self._cell_keys, self._cell_chars, self._raster_size
        self._rasterise()
        if old_keys is None or old_chars is None or old_size != self._raster_size:
            self.refresh()
            return
        changed = (old_keys != self._cell_keys) | (old_chars != self._cell_chars)
        self.refresh(*_changed_regions(changed))

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

        chars, keys = _cell_looks(pixels, painted, shade, glyphs, shade_mode)
        self._strips = [self._build_strip(chars[row], keys[row], base) for row in range(chh)]
        self._cell_chars, self._cell_keys = chars, keys
        self._raster_size = Size(cw, chh)
        self._raster_base = base
        self._stale = False

    def _style(self, key: int) -> Style:
        """The Rich style of a cell key (see ``_cell_looks``), cached."""
        style = self._style_cache.get(key)
        if style is None:
            if len(self._style_cache) > 8192:  # animated heatmaps: keep memory bounded
                self._style_cache.clear()
            fg, bg, bold = _unpack_key(key)
            style = Style(
                color=None if fg is None else f"rgb({fg[0]},{fg[1]},{fg[2]})",
                bgcolor=None if bg is None else f"rgb({bg[0]},{bg[1]},{bg[2]})",
                bold=bold or None,
            )
            self._style_cache[key] = style
        return style

    def _build_strip(self, chars: np.ndarray, keys: np.ndarray, base: Style) -> Strip:
        """One row as segments: one segment per run of cells with the same style."""
        text = "".join(chars.tolist())
        starts = [0, *(np.flatnonzero(keys[1:] != keys[:-1]) + 1).tolist(), len(keys)]
        segments = [Segment(text[a:b], base + self._style(int(keys[a])))
                    for a, b in zip(starts[:-1], starts[1:])]
        return Strip(segments, len(keys))

    def render_line(self, y: int) -> Strip:
        if (self._strips is None or self._stale or self._raster_size != self.cell_size
                or self._raster_base != self.rich_style):
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


# -- cell looks, vectorised ------------------------------------------------------------

_NONE = -1  # "no colour" in a packed colour array


def _pack(rgb: np.ndarray) -> np.ndarray:
    """(…, 3) uint8 colours → (…) int64 0xRRGGBB."""
    rgb = rgb.astype(np.int64)
    return (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]


def _key(fg: np.ndarray, bg: np.ndarray, bold: np.ndarray | bool) -> np.ndarray:
    """One int64 per cell naming its style: foreground, background (each −1 for none), bold."""
    return ((fg + 1) << 26) | ((bg + 1) << 1) | np.asarray(bold, dtype=np.int64)


def _unpack_key(key: int) -> tuple[tuple | None, tuple | None, bool]:
    fg, bg = (key >> 26) - 1, ((key >> 1) & ((1 << 25) - 1)) - 1

    def rgb(v: int) -> tuple | None:
        return None if v < 0 else ((v >> 16) & 255, (v >> 8) & 255, v & 255)

    return rgb(fg), rgb(bg), bool(key & 1)


def _cell_looks(pixels, painted, shade, glyphs, shade_mode) -> tuple[np.ndarray, np.ndarray]:
    """Each cell's character and style key, from the two pixels it holds (``▀``: foreground
    is the top pixel, background the bottom one), the shade characters and the glyphs."""
    packed = np.where(painted, _pack(pixels), _NONE)
    top, bottom = packed[0::2], packed[1::2]
    if shade_mode:
        chars = np.where(shade == "", " ", shade).astype("<U1")
        fg = np.where(top != _NONE, top, bottom)
        bg = np.full_like(fg, _NONE)
    else:
        chars = np.full(top.shape, "▀", dtype="<U1")
        fg, bg = top.copy(), bottom.copy()
        only_bottom = (top == _NONE) & (bottom != _NONE)
        chars[only_bottom] = "▄"
        fg[only_bottom] = bottom[only_bottom]
        bg[only_bottom] = _NONE
        flat = top == bottom  # both the same colour (or both empty): a space on that background
        chars[flat] = " "
        fg[flat] = _NONE
        bg[flat] = top[flat]
    bold = np.zeros(top.shape, dtype=np.int64)
    rows, cols = top.shape
    for (col, row), (char, colour) in glyphs.items():
        if 0 <= row < rows and 0 <= col < cols:
            under = top[row, col] if top[row, col] != _NONE else bottom[row, col]
            chars[row, col] = char
            fg[row, col] = (colour[0] << 16) | (colour[1] << 8) | colour[2]
            bg[row, col] = _NONE if shade_mode else under
            bold[row, col] = 1
    return chars, _key(fg, bg, bold)


def _changed_regions(changed: np.ndarray, gap: int = 4) -> list[Region]:
    """Regions (one row high) covering the changed cells; runs closer than ``gap`` merge."""
    regions = []
    for row in np.flatnonzero(changed.any(axis=1)).tolist():
        cols = np.flatnonzero(changed[row])
        breaks = np.flatnonzero(np.diff(cols) > gap)
        for first, last in zip([0, *(breaks + 1).tolist()], [*breaks.tolist(), len(cols) - 1]):
            regions.append(Region(int(cols[first]), row, int(cols[last] - cols[first] + 1), 1))
    return regions
