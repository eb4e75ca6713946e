"""The derivation stepper: lines revealed by s/enter, b back, b falls through on the first line."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from nntui import sections
from nntui.widgets.derivation import Derivation, DerivationLesson
from nntui.widgets.slider import Slider

LINES = ["f(x) = ½λx²", "f′(x) = λx", "x ← x − αλx = (1 − αλ)x", "|1 − αλ| < 1 ⇔ 0 < αλ < 2"]


class Steps(DerivationLesson):
    def compose(self) -> ComposeResult:
        yield Slider("α", 0.5, 0, 1, 0.1, id="alpha")
        yield Derivation(LINES, window=2, id="derivation")


class LevelLike(Screen):
    """Binds b to "previous section" like the level screen does."""

    BINDINGS = [Binding("b", "previous", "Prev")]

    def __init__(self) -> None:
        super().__init__()
        self.previous_pressed = 0

    def compose(self) -> ComposeResult:
        yield Steps(sections.get("fx.convergence"))
        yield Footer()

    def action_previous(self) -> None:
        self.previous_pressed += 1


class StepsApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(LevelLike())


def test_derivation_steps_and_clamps():
    d = Derivation(LINES, window=2)
    assert d.at_start and d.current == LINES[0]
    d.back()
    assert d.step == 0
    for _ in range(10):
        d.forward()
    assert d.at_end and d.step == 3
    assert [i for i, _ in d.visible()] == [2, 3]  # the window of the newest two
    assert "▶ " + LINES[3] in d.text().plain and LINES[1] not in d.text().plain
    d.set_lines(LINES[:2])  # fewer lines: the step is clamped
    assert d.step == 1 and d.at_end
    with pytest.raises(ValueError):
        Derivation([])


async def test_keys_step_forward_and_back_and_b_falls_through_on_the_first_line():
    app = StepsApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        lesson = screen.query_one(Steps)
        screen.query_one("#alpha").focus()
        d = lesson.derivation
        await pilot.press("s", "enter")
        assert d.step == 2
        assert "step 3/4" in d.border_title
        await pilot.press("right")  # the focused slider keeps its own keys
        assert screen.query_one("#alpha", Slider).value == pytest.approx(0.6)
        await pilot.press("b")
        assert d.step == 1 and screen.previous_pressed == 0
        await pilot.press("b")
        assert d.step == 0 and screen.previous_pressed == 0
        await pilot.press("b")  # first line: the screen's b (previous section) gets the key
        assert d.step == 0 and screen.previous_pressed == 1
        await pilot.press("s", "s", "s", "s")  # stops at the last line
        assert d.at_end and "end" in d.border_subtitle
        assert screen.active_bindings["b"].binding.description == "back"
