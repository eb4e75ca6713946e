"""How long the half-block Canvas takes to redraw a full-screen decision-boundary heatmap.

Train-a-Brain-style sections repaint the boundary up to 20 times a second, so one redraw of a
60×40 grid on an 80×24 canvas should take well under the 50 ms frame budget. The figure is
printed next to that budget (and next to NumPy computing the grid's colours alone, measured in
the same run, for a sense of the floor); nothing here asserts a time.
"""

from __future__ import annotations

import asyncio
import statistics
import time

import numpy as np
from textual.app import App

from nntui.widgets.canvas import Canvas

FRAME_BUDGET = 0.050
REPEATS = 30


class Host(App):
    def compose(self):
        yield Canvas(xlim=(-6, 6), ylim=(-6, 6))


async def measure() -> tuple[float, float]:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        canvas = app.query_one(Canvas)
        await pilot.pause()
        grid = np.random.default_rng(0).random((40, 60))
        redraws, floor = [], []
        for _ in range(REPEATS):
            start = time.perf_counter()
            canvas.heatmap(grid)
            canvas._rasterise()
            redraws.append(time.perf_counter() - start)
            start = time.perf_counter()
            np.clip(grid, 0, 1) * 255  # the colour arithmetic alone
            floor.append(time.perf_counter() - start)
    return statistics.median(redraws), statistics.median(floor)


def main() -> None:
    redraw, floor = asyncio.run(measure())
    print(f"60×40 heatmap on an 80×24 canvas: median {redraw * 1000:.2f} ms per redraw "
          f"({REPEATS} runs)")
    print(f"share of the 20 fps frame budget : {redraw / FRAME_BUDGET:.2f}  (target < 1)")
    print(f"NumPy colour arithmetic alone    : {floor * 1000:.3f} ms")


if __name__ == "__main__":
    main()
