"""The architecture family: the section's model (no UI). Tiles read from
``content/reference/family.toml``, a cursor on a grid of them, and which were seen."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

COLUMNS = 4


@dataclass(frozen=True)
class Tile:
    title: str
    what: str
    use: str
    equation: str
    section: str | None = None


def load_tiles() -> list[Tile]:
    path = resources.files("nntui.content") / "reference" / "family.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Tile(**tile) for tile in data["tile"]]


class Family:
    """A grid of tiles, ``COLUMNS`` wide, with a cursor that moves by rows and columns."""

    def __init__(self, tiles: list[Tile] | None = None):
        self.tiles = load_tiles() if tiles is None else tiles
        self.index = 0
        self.seen = {0}

    @property
    def tile(self) -> Tile:
        return self.tiles[self.index]

    @property
    def rows(self) -> int:
        return -(-len(self.tiles) // COLUMNS)

    def move(self, dx: int, dy: int) -> None:
        """Move the cursor; it stops at the edges (and at the last tile of a short row)."""
        row, col = divmod(self.index, COLUMNS)
        row = min(max(row + dy, 0), self.rows - 1)
        col = min(max(col + dx, 0), COLUMNS - 1)
        self.index = min(row * COLUMNS + col, len(self.tiles) - 1)
        self.seen.add(self.index)

    @property
    def all_seen(self) -> bool:
        return len(self.seen) == len(self.tiles)
