"""A compact network map with a cursor: one column per layer, one row per node.

Where ``NetworkDiagram`` draws every weight and needs a wide terminal, this map fits a
7-input, six-hidden-layer, eight-wide network in 40 columns and 10 rows, so a learner can
walk a cursor over its nodes at 80×24::

     in   h1   h2   out
    ▸x₁    ○    ○    ◉
     x₂    ○    ○
    ·x₁²   ○
     …
    2→4→2→1 · 25 parameters

Input rows list every feature; one that is off starts with ``·`` (and is dim). The node under
the cursor is ``◉`` (inputs: ``▸``) and reversed, so it reads without colour.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from nntui.widgets.keys import axis_keys

__all__ = ["NetworkMap"]

COLUMN = 5  # cells per layer column


class NetworkMap(Widget, can_focus=True):
    """Layer 0 lists ``inputs`` (label, on); layers 1… are the given widths; the cursor is
    ``(layer, row)``. Moving it posts ``NetworkMap.Moved``."""

    # Kept out of the Footer (the section's own keys need the room); the help lists them.
    BINDINGS = [replace(binding, show=False) for binding in (
        *axis_keys("x", "move(0, {})", "move between layers"),
        *axis_keys("y", "move({}, 0)", "move within a layer", reverse=True))]
    COMPONENT_CLASSES = {"map--node", "map--off", "map--cursor", "map--caption"}
    DEFAULT_CSS = """
    NetworkMap { width: 1fr; height: auto; }
    NetworkMap:focus { background: $boost; }
    NetworkMap > .map--off { color: $text-muted; }
    NetworkMap > .map--cursor { text-style: bold reverse; }
    NetworkMap > .map--caption { color: $text-muted; }
    """

    class Moved(Message):
        """The cursor moved to ``(layer, row)``."""

        def __init__(self, network_map: "NetworkMap", layer: int, row: int) -> None:
            super().__init__()
            self.network_map = network_map
            self.layer = layer
            self.row = row

        @property
        def control(self) -> "NetworkMap":
            return self.network_map

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.inputs: list[tuple[str, bool]] = []
        self.widths: list[int] = [1]
        self.caption = ""
        self.cursor = (0, 0)

    def set_network(self, inputs: Sequence[tuple[str, bool]], widths: Sequence[int],
                    caption: str = "") -> None:
        """The input rows (label, switched on) and the widths of the hidden and output layers."""
        self.inputs = list(inputs)
        self.widths = [int(w) for w in widths]
        self.caption = caption
        self._clamp()
        self.refresh(layout=True)

    def _height_of(self, layer: int) -> int:
        return len(self.inputs) if layer == 0 else self.widths[layer - 1]

    def _clamp(self) -> None:
        layers = 1 + len(self.widths)
        layer = min(max(self.cursor[0], 0), layers - 1)
        row = min(max(self.cursor[1], 0), max(0, self._height_of(layer) - 1))
        self.cursor = (layer, row)

    def move_to(self, layer: int, row: int) -> None:
        old = self.cursor
        self.cursor = (layer, row)
        self._clamp()
        if self.cursor != old:
            self.post_message(self.Moved(self, *self.cursor))
        self.refresh()

    def action_move(self, rows: int, layers: int) -> None:
        self.move_to(self.cursor[0] + layers, self.cursor[1] + rows)

    def get_content_height(self, container, viewport, width: int) -> int:
        return 1 + max([len(self.inputs), *self.widths]) + (1 if self.caption else 0)

    def render(self) -> Text:
        styles = {name: self.get_component_rich_style(f"map--{name}")
                  for name in ("node", "off", "cursor", "caption")}
        layers = 1 + len(self.widths)
        names = ["in", *(f"h{i}" for i in range(1, layers - 1)), "out"]
        text = Text(no_wrap=True, overflow="crop", end="")
        text.append("".join(name.center(COLUMN) for name in names).rstrip() + "\n",
                    styles["caption"])
        for row in range(max([len(self.inputs), *self.widths])):
            for layer in range(layers):
                here = self.cursor == (layer, row)
                if row >= self._height_of(layer):
                    text.append(" " * COLUMN)
                elif layer == 0:
                    label, on = self.inputs[row]
                    mark = "▸" if here else (" " if on else "·")
                    text.append((mark + label).ljust(COLUMN)[:COLUMN],
                                styles["cursor"] if here else styles["node" if on else "off"])
                else:
                    text.append("  ◉  " if here else "  ○  ",
                                styles["cursor"] if here else styles["node"])
            text.append("\n")
        if self.caption:
            text.append(self.caption, styles["caption"])
        return text
