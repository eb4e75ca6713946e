from __future__ import annotations


import numpy as np
from textual.app import App, ComposeResult

from nntui.widgets.canvas import SHADES, Canvas, shade_char


class CanvasApp(App[None]):
    CSS = "Canvas { width: 40; height: 10; }"

    def __init__(self, shade: bool | None = None) -> None:
        super().__init__()
        self.shade = shade

    def compose(self) -> ComposeResult:
        yield Canvas(xlim=(0, 4), ylim=(0, 2), shade=self.shade)


async def test_world_coordinates_map_to_cells() -> None:
    app = CanvasApp()
    async with app.run_test(size=(80, 24)) as pilot:
        canvas = app.query_one(Canvas)
        assert canvas.cell_size == (40, 10)
        assert canvas.world_to_cell(0, 2) == (0, 0)  # top-left
        assert canvas.world_to_cell(4, 0) == (39, 9)  # bottom-right (clipped)
        assert canvas.world_to_cell(2, 1) == (20, 5)  # centre
        assert canvas.world_to_cell(0.05, 1.95) == (0, 0)
        assert canvas.world_to_cell(0.15, 0.05) == (1, 9)
        cx, cy = canvas.cell_to_world(20, 5)
        assert canvas.world_to_cell(cx, cy) == (20, 5)

        canvas.points([0.05, 3.95, 2.0], [1.95, 0.05, 1.0], classes=[0, 1, 2])
        await pilot.pause()
        assert canvas.cell_text(0)[0] == "●"
        assert canvas.cell_text(9)[39] == "○"
        assert canvas.cell_text(5)[20] == "+"
        assert canvas.cell_text(3).strip() == ""


async def test_heatmap_half_blocks_and_points_on_top() -> None:
    app = CanvasApp(shade=False)
    async with app.run_test(size=(80, 24)) as pilot:
        canvas = app.query_one(Canvas)
        # vertical gradient: bottom rows low, top rows high; 40x60 grid
        grid = np.tile(np.linspace(0, 1, 40)[:, None], (1, 60))
        canvas.heatmap(grid)
        canvas.points([1.0], [1.0], classes=[1])
        await pilot.pause()
        row = canvas.render_line(5)
        assert set(row.text) <= {"▀", " ", "○"}
        assert "○" in row.text
        top_colour = canvas.render_line(0)._segments[0].style.color.triplet
        bottom_colour = canvas.render_line(9)._segments[0].style.bgcolor.triplet
        assert top_colour != bottom_colour


async def test_heatmap_shade_characters_order_by_value() -> None:
    app = CanvasApp(shade=True)
    async with app.run_test(size=(80, 24)) as pilot:
        canvas = app.query_one(Canvas)
        # left → right increasing values over x (origin lower: rows are y)
        grid = np.tile(np.linspace(0, 1, 50)[None, :], (30, 1))
        canvas.heatmap(grid)
        await pilot.pause()
        text = canvas.cell_text(5)
        levels = [SHADES.index(c) for c in text]
        assert levels == sorted(levels)
        assert levels[0] == 0 and levels[-1] == len(SHADES) - 1
        assert set(text) == set(SHADES)
        # vmin/vmax: same data on a wider scale never reaches full shade
        canvas.clear()
        canvas.heatmap(grid * 10, vmin=0, vmax=20)
        await pilot.pause()
        assert "█" not in canvas.cell_text(5)
        assert shade_char(0.0) == " " and shade_char(1.0) == "█"


async def test_shade_is_automatic_under_no_color(monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = CanvasApp()
    async with app.run_test(size=(80, 24)) as pilot:
        canvas = app.query_one(Canvas)
        assert canvas.shade
        canvas.heatmap(np.array([[0.0, 1.0]]))
        canvas.line(0, 0, 4, 2)
        await pilot.pause()
        assert canvas.cell_text(0)[-1] == "•"  # the line's top-right end
        assert canvas.cell_text(9)[0] == "•"
        assert "█" in canvas.cell_text(5) and " " in canvas.cell_text(5)


async def test_fill_region_and_resize() -> None:
    app = CanvasApp(shade=True)
    async with app.run_test(size=(80, 24)) as pilot:
        canvas = app.query_one(Canvas)
        mask = np.zeros((2, 2), dtype=bool)
        mask[1, 0] = True  # upper-left quarter (row 1 = top with origin lower)
        canvas.fill_region(mask, char="▒")
        await pilot.pause()
        assert canvas.cell_text(0) == "▒" * 20 + " " * 20
        assert canvas.cell_text(9).strip() == ""
        canvas.styles.width = 20
        canvas.styles.height = 4
        await pilot.pause()
        assert canvas.cell_size == (20, 4)
        assert canvas.cell_text(0) == "▒" * 10 + " " * 10


def test_clip_segment_cuts_at_the_border_liang_barsky() -> None:
    from nntui.widgets.canvas import clip_segment

    box = ((0.0, 4.0), (0.0, 2.0))
    assert clip_segment(1, 1, 3, 1, *box) == (1, 1, 3, 1)  # inside: unchanged
    assert clip_segment(0, 0, 4, 4, *box) == (0, 0, 2, 2)  # leaves through the top at x = 2
    assert clip_segment(-2, 1, 6, 1, *box) == (0, 1, 4, 1)  # crosses both sides
    assert clip_segment(5, 3, 4, 4, *box) is None  # wholly outside
    assert clip_segment(-1, 3, 5, 3, *box) is None  # parallel to the top, above it
    x0, y0, x1, y1 = clip_segment(-1, -1, 5, 2, *box)  # enters left-bottom, leaves right
    assert (x0, y0) == (1, 0) and (x1, y1) == (4, 1.5)


async def test_a_line_leaving_the_canvas_is_cut_not_bent_along_the_border() -> None:
    app = CanvasApp(shade=True)
    async with app.run_test(size=(80, 24)) as pilot:
        canvas = app.query_one(Canvas)
        canvas.line(0, 0, 4, 4)  # y = x: leaves the top (y = 2) at x = 2, the middle column
        await pilot.pause()
        top = canvas.cell_text(0)
        assert top.rstrip().endswith("•") and len(top.rstrip()) <= 22  # clamping ran to col 39
        assert top[30:].strip() == ""
        canvas.clear().line(5, 0, 6, 2)  # wholly to the right: nothing at all
        await pilot.pause()
        assert all(canvas.cell_text(r).strip() == "" for r in range(10))
