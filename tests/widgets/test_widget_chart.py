from __future__ import annotations

import math

from textual.app import App, ComposeResult

from nntui.widgets.chart import Chart


class ChartApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Chart()


async def test_plot_series_keeps_data_and_renders() -> None:
    app = ChartApp()
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(Chart)
        xs = [0, 1, 2, 3]
        chart.plot_series({"train": (xs, [1.0, 0.5, 0.25, 0.1]),
                           "val": (xs, [1.2, 0.7, float("nan"), 0.3])},
                          title="loss", xlabel="epoch", ylabel="loss")
        await pilot.pause()
        assert chart.series["train"] == ([0.0, 1.0, 2.0, 3.0], [1.0, 0.5, 0.25, 0.1])
        assert chart.series["val"] == ([0.0, 1.0, 3.0], [1.2, 0.7, 0.3])  # nan skipped
        text = chart.render().plain
        assert "loss" in text and "epoch" in text and "train" in text
        # log axis renders repeatedly (plotext would re-apply log on each build)
        chart.plot_series({"train": (xs, [1.0, 0.1, 0.01, 0.0])}, ylog=True)
        await pilot.pause()
        for _ in range(2):
            text = chart.render().plain
        assert chart.series["train"] == ([0.0, 1.0, 2.0], [1.0, 0.1, 0.01])
        assert "0.01" in text and "0.1" in text


async def test_xy_path_scatter_and_theme_following() -> None:
    app = ChartApp()
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(Chart)
        path = [(math.cos(t / 5), math.sin(t / 5)) for t in range(20)]
        chart.plot_series({"adam": ([p[0] for p in path], [p[1] for p in path]),
                           "start": ([1.0], [0.0])}, scatter=["start"])
        await pilot.pause()
        assert chart.series["start"] == ([1.0], [0.0])
        app.theme = "textual-dark"
        await pilot.pause()
        dark_bg = chart.render().spans[0].style.bgcolor
        app.theme = "textual-light"
        await pilot.pause()
        light_bg = chart.render().spans[0].style.bgcolor
        assert dark_bg != light_bg
        assert light_bg.triplet.red > dark_bg.triplet.red


async def test_no_color_uses_clear_theme_and_markers(monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = ChartApp()
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(Chart)
        assert chart.theme == "clear"
        chart.plot_series({"a": ([0, 1, 2], [0, 1, 2]), "b": ([0, 1, 2], [2, 1, 0])})
        await pilot.pause()
        text = chart.render().plain
        assert "•" in text and "x" in text


async def test_legend_can_be_left_off_and_markers_named() -> None:
    app = ChartApp()
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(Chart)
        chart.plot_series({"train": ([0, 1], [0.2, 0.8]), "validation": ([0, 1], [0.3, 0.5])},
                          legend=False)
        await pilot.pause()
        assert "validation" not in chart.render().plain
        assert chart.marker_of(1) != chart.marker_of(0)


async def test_legend_can_leave_the_plot_and_be_shown_outside() -> None:
    app = ChartApp()
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(Chart)
        xs = list(range(10))
        series = {"zero": (xs, [0.7] * 10), "large": (xs, [0.9 - 0.01 * x for x in xs])}
        chart.plot_series(series, legend=False, colors={"zero": "cyan", "large": "red"})
        await pilot.pause()
        assert "zero" not in chart.render().plain        # nothing covers the first steps
        key = chart.legend_text()
        assert key.plain == "⠒ zero   • large"
        assert any(str(span.style) == "red" for span in key.spans)
        chart.plot_series(series)                         # the default keeps plotext's legend
        await pilot.pause()
        assert "zero" in chart.render().plain
