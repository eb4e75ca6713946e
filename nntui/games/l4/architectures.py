"""The architecture family: the section body (model in ``architectures_model``). A grid of
tiles picked with the arrows; the detail pane says what the tile's network is, what it is for,
its key equation, and enter opens the section that runs one where it is ready."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui import sections
from nntui.widgets.section import SectionView

from .architectures_model import COLUMNS, Family, Tile

TILE_WIDTH = 19


def jump_target(tile: Tile) -> sections.Section | None:
    """The ready section a tile opens, or None."""
    if tile.section is None:
        return None
    section = sections.get(tile.section)
    return section if section.ready else None


class ArchitecturesView(SectionView):
    """Thirteen kinds of network, one tile each."""

    HELP = (
        "The arrows (or h/j/k/l) move between the tiles; the pane below describes the "
        "chosen one: what it is, what it is for and its key equation. enter opens the nntui "
        "section that runs that kind of network, when it is built; a planned one is named "
        "instead. The lesson completes once you have looked at every tile."
    )
    BINDINGS = [
        Binding("left", "move(-1, 0)", "move", key_display="←↑↓→"),
        Binding("right", "move(1, 0)", "move", show=False),
        Binding("up", "move(0, -1)", "move", show=False),
        Binding("down", "move(0, 1)", "move", show=False),
        Binding("h", "move(-1, 0)", "move", show=False),
        Binding("l", "move(1, 0)", "move", show=False),
        Binding("k", "move(0, -1)", "move", show=False),
        Binding("j", "move(0, 1)", "move", show=False),
        Binding("enter", "open", "open its section"),
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = Family()

    def compose(self):
        yield Static(id="arch-grid")
        yield Static(id="arch-detail")

    def on_mount(self) -> None:
        self.focus()
        self.redraw()

    def action_move(self, dx: int, dy: int) -> None:
        self.model.move(dx, dy)
        if self.model.all_seen:
            self.mark_complete()
        self.redraw()

    def action_open(self) -> None:
        target = jump_target(self.model.tile)
        if target is not None:
            self.app.open_section(target.id)

    def redraw(self) -> None:
        self.query_one("#arch-grid", Static).update(self.grid())
        self.query_one("#arch-detail", Static).update(self.detail())

    def grid(self) -> Text:
        m = self.model
        text = Text(no_wrap=True, overflow="ellipsis")
        for i, tile in enumerate(m.tiles):
            chosen = i == m.index
            mark = "▶" if chosen else ("·" if i in m.seen else " ")
            text.append(f"{mark}{tile.title:<{TILE_WIDTH - 2}} ", "bold reverse" if chosen else "")
            if i % COLUMNS == COLUMNS - 1 or i == len(m.tiles) - 1:
                text.append("\n")
        text.append(f"seen {len(m.seen)}/{len(m.tiles)}", "dim")
        return text

    def detail(self) -> Text:
        tile = self.model.tile
        text = Text()
        text.append(f"{tile.title}\n", "bold underline")
        text.append("what  ", "bold")
        text.append(tile.what + "\n")
        text.append("for   ", "bold")
        text.append(tile.use + "\n")
        text.append("key   ", "bold")
        text.append(tile.equation + "\n", "bold")
        target = jump_target(tile)
        if target is not None:
            text.append(f"enter: open its section, “{target.title}”", "reverse")
        elif tile.section is not None:
            text.append(f"its section, “{sections.get(tile.section).title}”, is planned")
        else:
            text.append("no section in nntui runs one yet")
        return text
