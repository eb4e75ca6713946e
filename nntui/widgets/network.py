"""A network diagram: nodes in columns with their values, and every weight shown.

Drawing all edges of, say, a 2-8-8-1 network as separate lines is unreadable in a
terminal, so each layer pair is drawn as a *bus* (the layer is fully connected) and
each node carries a strip of marks for its incoming weights, one mark per node of the
previous layer, top to bottom::

    ○ 0.50 ─┬─ ▲▽▸ ○ 0.67
            │
    ○ 0.20 ─┴─ △▼▸ ○ 0.33

Marks tell sign and size apart by shape, and none looks like a wire: ``▲`` large positive,
``△`` small positive, ``▼`` large negative, ``▽`` small negative, ``·`` near zero (relative to
the largest |w|). Highlights use reverse/bold *and* a character (``◉`` nodes, ``↑`` under an
edge's mark), and the bottom line spells out what is highlighted, so nothing relies on colour.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

import numpy as np
from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from ._util import compact_number

__all__ = ["NetworkDiagram", "weight_mark"]

NODE_WIDTH = 7  # "○ -0.67"
LEGEND = "weights into a node: ▲ +large △ +small ▼ −large ▽ −small · ≈0"

# (up, down, left, right) → box-drawing character for the bus
_BOX = {
    (False, False, False, False): "│", (True, True, False, False): "│",
    (False, True, False, False): "│", (True, False, False, False): "│",
    (False, True, True, False): "┐", (False, True, False, True): "┌",
    (False, True, True, True): "┬", (True, False, True, False): "┘",
    (True, False, False, True): "└", (True, False, True, True): "┴",
    (True, True, True, False): "┤", (True, True, False, True): "├",
    (True, True, True, True): "┼", (False, False, True, True): "─",
    (False, False, True, False): "─", (False, False, False, True): "─",
}


def weight_mark(weight: float, scale: float) -> str:
    """The character for one weight, relative to `scale` (the largest |w|)."""
    if scale <= 0 or not np.isfinite(weight):
        return "?" if not np.isfinite(weight) else "·"
    r = abs(weight) / scale
    if r < 0.1:
        return "·"
    if weight > 0:
        return "▲" if r >= 0.5 else "△"
    return "▼" if r >= 0.5 else "▽"


def _layer_name(index: int, count: int) -> str:
    if index == 0:
        return "in"
    if index == count - 1:
        return "out"
    return f"h{index}"


class NetworkDiagram(Widget):
    """Shows a dense network's layers, node values and weights."""

    DEFAULT_CSS = """
    NetworkDiagram {
        width: 1fr;
        height: auto;
    }
    NetworkDiagram > .network--node { text-style: bold; }
    NetworkDiagram > .network--pos { color: $primary; }
    NetworkDiagram > .network--neg { color: $error; }
    NetworkDiagram > .network--wire { color: $text-muted; }
    NetworkDiagram > .network--highlight { text-style: bold reverse; }
    NetworkDiagram > .network--legend { color: $text-muted; }
    """
    COMPONENT_CLASSES = {
        "network--node", "network--pos", "network--neg", "network--wire",
        "network--highlight", "network--legend",
    }

    layers: reactive[tuple[int, ...]] = reactive((), layout=True, init=False)

    def __init__(
        self,
        layers: Sequence[int],
        *,
        layer_names: Sequence[str] | None = None,
        spacing: int | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        if len(layers) < 1 or any(n < 1 for n in layers):
            raise ValueError("layers must be positive sizes")
        self.set_reactive(NetworkDiagram.layers, tuple(int(n) for n in layers))
        self.layer_names = list(layer_names) if layer_names else None
        #: Rows from one node to the next; None: 2 for layers of up to 12 nodes, else 1.
        self.spacing = spacing
        self._values: list[np.ndarray | None] = [None] * len(layers)
        self._weights: list[np.ndarray | None] = [None] * (len(layers) - 1)
        self._hl_nodes: set[tuple[int, int]] = set()
        self._hl_edges: set[tuple[int, int, int]] = set()
        self._badges: dict[tuple[int, int], str] = {}  # node → symbol drawn instead of ○

    # -- state -------------------------------------------------------------

    def watch_layers(self, layers: tuple[int, ...]) -> None:
        self._badges = {}
        self._values = [None] * len(layers)
        self._weights = [None] * (len(layers) - 1)
        self.clear_highlight()

    def set_layers(self, layers: Sequence[int]) -> None:
        self.layers = tuple(int(n) for n in layers)

    def set_values(self, layer_values: Sequence[Any | None]) -> None:
        """Set the node values, one sequence (or None) per layer.

        A None inside a layer's sequence marks a node with no value yet (an animation that has
        not reached it): it is drawn as a dot, like a layer that is None.
        """
        if len(layer_values) != len(self.layers):
            raise ValueError(f"expected {len(self.layers)} layers of values")
        values: list[np.ndarray | None] = []
        for n, vals in zip(self.layers, layer_values):
            if vals is None:
                values.append(None)
                continue
            vals = [np.nan if v is None else v for v in np.ravel(np.asarray(vals, dtype=object))]
            arr = np.asarray(vals, dtype=float)
            if arr.size != n:
                raise ValueError(f"layer of {n} nodes got {arr.size} values")
            values.append(arr)
        self._values = values
        self.refresh()

    def set_badge(self, node: tuple[int, int], symbol: str | None) -> None:
        """Draw ``symbol`` (one cell, e.g. ★) instead of the node's circle, so a state such as
        "won" shows without colour; None puts the circle back."""
        if symbol is None:
            self._badges.pop(tuple(node), None)
        else:
            self._badges[tuple(node)] = symbol
        self.refresh()

    def set_weights(self, weights: Sequence[Any | None]) -> None:
        """Set the weight matrices, each of shape (n_in, n_out) as in the engine."""
        if len(weights) != len(self.layers) - 1:
            raise ValueError(f"expected {len(self.layers) - 1} weight matrices")
        mats: list[np.ndarray | None] = []
        for index, w in enumerate(weights):
            if w is None:
                mats.append(None)
                continue
            arr = np.asarray(w, dtype=float)
            shape = (self.layers[index], self.layers[index + 1])
            if arr.shape != shape:
                raise ValueError(f"weights {index} have shape {arr.shape}, expected {shape}")
            mats.append(arr)
        self._weights = mats
        self.refresh()

    def highlight(
        self,
        node: tuple[int, int] | None = None,
        edge: tuple[int, int, int] | None = None,
        path: Iterable[tuple[int, int]] | None = None,
    ) -> None:
        """Highlight a node ``(layer, i)``, an edge ``(layer, i, j)`` (from node i of
        `layer` to node j of `layer + 1`) and/or a path of nodes in successive layers."""
        self._hl_nodes.clear()
        self._hl_edges.clear()
        if node is not None:
            self._hl_nodes.add((int(node[0]), int(node[1])))
        if edge is not None:
            self._hl_edges.add((int(edge[0]), int(edge[1]), int(edge[2])))
        if path is not None:
            steps = [(int(l), int(i)) for l, i in path]
            self._hl_nodes.update(steps)
            for (l0, i0), (l1, i1) in zip(steps, steps[1:]):
                if l1 == l0 + 1:
                    self._hl_edges.add((l0, i0, i1))
        self.refresh()

    def clear_highlight(self) -> None:
        self._hl_nodes.clear()
        self._hl_edges.clear()
        self.refresh()

    @property
    def highlighted(self) -> tuple[set[tuple[int, int]], set[tuple[int, int, int]]]:
        return set(self._hl_nodes), set(self._hl_edges)

    # -- layout --------------------------------------------------------------

    def _spacing(self) -> int:
        if self.spacing is not None:
            return self.spacing
        return 2 if max(self.layers) <= 12 else 1

    def _grid_rows(self) -> int:
        return (max(self.layers) - 1) * self._spacing() + 1

    def get_content_height(self, container, viewport, width: int) -> int:
        return self._grid_rows() + 2

    def _node_rows(self, n: int) -> list[int]:
        spacing = self._spacing()
        offset = (self._grid_rows() - ((n - 1) * spacing + 1)) // 2
        return [offset + i * spacing for i in range(n)]

    def _columns(self, width: int) -> list[int]:
        """Start column of each layer's nodes."""
        layers = self.layers
        gaps_min = [n_in + 4 for n_in in layers[:-1]]
        total_min = len(layers) * NODE_WIDTH + sum(gaps_min)
        extra = max(0, width - total_min)
        # share the spare columns between the gaps, but don't stretch wires on wide screens
        share = min(extra // len(gaps_min), 12) if len(gaps_min) else 0
        starts, x = [], 0
        for index in range(len(layers)):
            starts.append(x)
            x += NODE_WIDTH
            if index < len(gaps_min):
                x += gaps_min[index] + share
        return starts

    def _scale(self) -> float:
        mats = [np.abs(w).max() for w in self._weights if w is not None and w.size]
        finite = [m for m in mats if np.isfinite(m)]
        return float(max(finite)) if finite else 0.0

    # -- rendering -------------------------------------------------------------

    def render(self) -> Text:
        width = self.content_size.width or 80
        rows = self._grid_rows()
        starts = self._columns(width)
        grid_w = max(width, starts[-1] + NODE_WIDTH)
        chars = [[" "] * grid_w for _ in range(rows)]
        kinds = [[""] * grid_w for _ in range(rows)]
        under: set[tuple[int, int]] = set()  # (row, col) that get a ↑ below
        scale = self._scale()

        def put(r: int, c: int, ch: str, kind: str) -> None:
            if 0 <= r < rows and 0 <= c < grid_w:
                chars[r][c] = ch
                kinds[r][c] = kind

        # nodes
        for l, n in enumerate(self.layers):
            vals = self._values[l]
            for i, r in enumerate(self._node_rows(n)):
                hl = (l, i) in self._hl_nodes
                unset = vals is None or np.isnan(vals[i])
                symbol = self._badges.get((l, i)) or ("◉" if hl else "○")
                text = symbol + " " + compact_number(
                    None if unset else vals[i], NODE_WIDTH - 2)
                for k, ch in enumerate(text):
                    put(r, starts[l] + k, ch, "highlight" if hl else "node")

        # buses and fan-in strips
        for l in range(len(self.layers) - 1):
            n_in, n_out = self.layers[l], self.layers[l + 1]
            src_rows, dst_rows = self._node_rows(n_in), self._node_rows(n_out)
            x_end = starts[l] + NODE_WIDTH
            bus = x_end + 1
            x_next = starts[l + 1]
            strip0 = x_next - 1 - n_in
            top = min(src_rows[0], dst_rows[0])
            bottom = max(src_rows[-1], dst_rows[-1])
            for r in src_rows:
                put(r, x_end, "─", "wire")
            for r in range(top, bottom + 1):
                key = (r > top, r < bottom, r in src_rows, r in dst_rows)
                put(r, bus, _BOX.get(key, "│"), "wire")
            w = self._weights[l]
            for j, r in enumerate(dst_rows):
                for c in range(bus + 1, strip0):
                    put(r, c, "─", "wire")
                for i in range(n_in):
                    if w is None:
                        ch, kind = "─", "wire"
                    else:
                        ch = weight_mark(w[i, j], scale)
                        kind = "pos" if w[i, j] > 0 else "neg" if w[i, j] < 0 else "wire"
                    if (l, i, j) in self._hl_edges:
                        kind = "highlight"
                        under.add((r + 1, strip0 + i))
                    put(r, strip0 + i, ch, kind)
                put(r, x_next - 1, "▸", "wire")
        if self._spacing() > 1:
            for r, c in under:
                put(r, c, "↑", "highlight")

        styles = {
            kind: self.get_component_rich_style(f"network--{kind}")
            for kind in ("node", "pos", "neg", "wire", "highlight", "legend")
        }
        styles[""] = Style()
        out = Text(no_wrap=True, overflow="crop", end="")
        for r in range(rows):
            self._append_row(out, chars[r][:width], kinds[r][:width], styles)
            out.append("\n")
        names = [" "] * width
        for l, x in enumerate(starts):
            label = f"{self._caption(l)} ({self.layers[l]})"[: NODE_WIDTH + 4]
            for k, ch in enumerate(label):
                if x + k < width:
                    names[x + k] = ch
        out.append("".join(names).rstrip(), styles["legend"])
        out.append("\n")
        out.append(self.describe_highlight() or LEGEND, styles["legend"])
        return out

    @staticmethod
    def _append_row(out: Text, chars: list[str], kinds: list[str], styles) -> None:
        start = 0
        for k in range(1, len(chars) + 1):
            if k == len(chars) or kinds[k] != kinds[start]:
                out.append("".join(chars[start:k]), styles[kinds[start]])
                start = k

    def _caption(self, layer: int) -> str:
        """The layer's caption: the given layer_names, else in / h1… / out."""
        if self.layer_names and layer < len(self.layer_names):
            return self.layer_names[layer]
        return _layer_name(layer, len(self.layers))

    def describe_highlight(self) -> str:
        """A plain-text description of what is highlighted (shown on the bottom line), with
        true minus signs like the rest of the app."""
        return self._describe_highlight().replace("-", "−")

    def _describe_highlight(self) -> str:
        if len(self._hl_nodes) > 2 and self._hl_edges:
            # a path: list the nodes compactly, then the weights along it
            nodes = sorted(self._hl_nodes)
            route = "→".join(f"{self._caption(l)}[{i + 1}]" for l, i in nodes)
            ws = [self._weights[l][i, j] for l, i, j in sorted(self._hl_edges)
                  if l < len(self._weights) and self._weights[l] is not None]
            weights = f"  w: {', '.join(f'{w:+.2f}' for w in ws)}" if ws else ""
            return f"◉ path {route}{weights}"
        parts = []
        for l, i in sorted(self._hl_nodes):
            vals = self._values[l] if l < len(self._values) else None
            value = "" if vals is None or i >= len(vals) else f" = {vals[i]:.3g}"
            parts.append(f"◉ {self._caption(l)}[{i + 1}]{value}")
        for l, i, j in sorted(self._hl_edges):
            w = self._weights[l] if l < len(self._weights) else None
            value = "" if w is None else f" = {w[i, j]:+.3g}"
            parts.append(f"↑ w {self._caption(l)}[{i + 1}]→{self._caption(l + 1)}[{j + 1}]{value}")
        return "  ".join(parts)
