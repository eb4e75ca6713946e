from __future__ import annotations

from textual.app import App, ComposeResult

from nntui.widgets.choice import Choice, Toggle


class PickApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[str, object]] = []

    def compose(self) -> ComposeResult:
        yield Choice("act", ["sigmoid", "tanh", "relu"], value="tanh", id="c")
        yield Choice("loss", [("Mean squared", "mse"), ("Cross-entropy", "ce")], id="c2")
        yield Toggle("bias", id="t")

    def on_choice_changed(self, event: Choice.Changed) -> None:
        self.events.append(("choice", event.value))

    def on_toggle_changed(self, event: Toggle.Changed) -> None:
        self.events.append(("toggle", event.value))


async def test_choice_cycles_and_wraps() -> None:
    app = PickApp()
    async with app.run_test(size=(80, 24)) as pilot:
        choice = app.query_one("#c", Choice)
        choice.focus()
        assert choice.value == "tanh"
        await pilot.press("right")
        assert choice.value == "relu"
        await pilot.press("right")  # wraps to the first
        assert choice.value == "sigmoid"
        await pilot.press("left")  # wraps to the last
        assert choice.value == "relu"
        await pilot.press("h")
        assert choice.value == "tanh"
        assert app.events == [("choice", "relu"), ("choice", "sigmoid"),
                              ("choice", "relu"), ("choice", "tanh")]
        await pilot.pause()
        plain = choice.render().plain
        assert plain.startswith("▶ act")
        assert "◀" in plain and "tanh" in plain and "▶" in plain[5:]


async def test_choice_label_value_pairs() -> None:
    app = PickApp()
    async with app.run_test(size=(80, 24)) as pilot:
        choice = app.query_one("#c2", Choice)
        choice.focus()
        await pilot.press("right")
        assert choice.value == "ce"
        assert "Cross-entropy" in choice.render().plain


async def test_toggle_flips_with_space_and_enter() -> None:
    app = PickApp()
    async with app.run_test(size=(80, 24)) as pilot:
        toggle = app.query_one(Toggle)
        toggle.focus()
        await pilot.pause()
        assert "[ ] bias" in toggle.render().plain
        await pilot.press("space")
        assert toggle.value is True
        assert "[x] bias" in toggle.render().plain
        await pilot.press("enter")
        assert toggle.value is False
        assert app.events == [("toggle", True), ("toggle", False)]
