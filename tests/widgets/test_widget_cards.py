from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from nntui.widgets.bars import BarChart, Meter, bar_eighths, bar_text
from nntui.widgets.formula import FormulaCard
from nntui.widgets.result import ResultModal


class CardApp(App[None]):
    def compose(self) -> ComposeResult:
        yield FormulaCard("Sigmoid", "σ(z) = 1 / (1 + e⁻ᶻ)", "squashes any number into 0…1",
                          [("z", "weighted sum"), ("e", "Euler's number")])
        yield BarChart([("cat", 0.62), ("dog", 0.31), ("eel", 0.07)], vmax=1.0, bar_width=20)


async def test_formula_card_shows_formula_words_symbols_and_live_line() -> None:
    app = CardApp()
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.query_one(FormulaCard)
        assert card.border_title == "Sigmoid"
        texts = [str(s.render()) for s in card.query(Static)]
        joined = "\n".join(texts)
        assert "σ(z) = 1 / (1 + e⁻ᶻ)" in joined
        assert "In words: squashes" in joined
        live = card.query_one(".formula--live")
        assert not live.display or live.size.height == 0
        height_before = card.size.height
        card.set_live("σ(0.8) = 0.69")
        await pilot.pause()
        assert live.display and "σ(0.8) = 0.69" in str(live.render())
        assert card.size.height > height_before
        assert card.size.width <= 80


async def test_result_modal_dismisses_on_enter_and_escape() -> None:
    app = CardApp()
    async with app.run_test(size=(80, 24)) as pilot:
        results: list[object] = []
        app.push_screen(ResultModal("Tune the neuron", "4/4 rows right", won=True),
                        results.append)
        await pilot.pause()
        assert isinstance(app.screen, ResultModal)
        title = str(app.screen.query_one("#result-title", Static).render())
        assert "Won" in title and "Tune the neuron" in title
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ResultModal)
        assert results == [None]
        app.push_screen(ResultModal("Quiz", "2/4", won=False))
        await pilot.pause()
        assert "Not yet" in str(app.screen.query_one("#result-title", Static).render())
        await pilot.press("escape")
        assert not isinstance(app.screen, ResultModal)


def test_bar_widths_are_proportional() -> None:
    assert bar_eighths(0.5, 1.0, 10) == 40
    assert bar_eighths(0.25, 1.0, 10) == 20
    assert bar_eighths(2.0, 1.0, 10) == 80  # clamped
    assert bar_text(1.0, 1.0, 4) == "████"
    assert bar_text(0.5, 1.0, 4) == "██  "
    assert bar_text(0.0625, 1.0, 4) == "▎   "
    assert len(bar_text(0.37, 1.0, 13)) == 13


async def test_bar_chart_rows_and_log_scale() -> None:
    app = CardApp()
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(BarChart)
        rows = chart.row_texts()
        assert rows[0].startswith("cat  ") and rows[0].endswith("0.62")
        lengths = [row.count("█") for row in rows]
        assert lengths == [12, 6, 1]  # 0.62, 0.31, 0.07 of 20 cells
        assert chart.size.height == 3
        chart.log_scale = True
        chart.vmax = None
        chart.set_items([("W1", 1e-4), ("W2", 1e-2), ("W3", 1.0), ("W4", -0.5)])
        await pilot.pause()
        widths = chart.bar_widths(20)
        assert widths[0] < widths[1] < widths[2]
        assert chart.size.height == 4
        assert "−0.50" in chart.row_texts()[3]
        meter = Meter("p(cat)", 0.62)
        await app.mount(meter)
        await pilot.pause()
        assert meter.render().plain.rstrip().endswith("0.62")
