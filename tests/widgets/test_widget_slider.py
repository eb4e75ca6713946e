from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer

from nntui.widgets.slider import Slider


class SliderApp(App[None]):
    def __init__(self, **kwargs) -> None:
        super().__init__()
        self.kwargs = kwargs
        self.changes: list[float] = []
        self.sources: list[Slider] = []

    def compose(self) -> ComposeResult:
        yield Slider(**self.kwargs)
        yield Footer()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.sources.append(event.control)
        self.changes.append(event.value)


def make(**overrides) -> SliderApp:
    kwargs = dict(label="w", value=0.5, minimum=0.0, maximum=1.0, step=0.1,
                  coarse_step=0.3, id="s")
    kwargs.update(overrides)
    return SliderApp(**kwargs)


async def test_right_three_times_adds_three_steps_without_float_drift() -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        slider = app.query_one(Slider)
        slider.focus()
        await pilot.press("right", "right", "right")
        assert slider.value == 0.8  # exact: rounded onto the 0.1 grid
        assert app.changes == [0.6, 0.7, 0.8]
        await pilot.press("left", "h")
        assert slider.value == 0.6
        await pilot.press("l")
        assert slider.value == 0.7


async def test_coarse_steps_and_clamping() -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        slider = app.query_one(Slider)
        slider.focus()
        await pilot.press("shift+right")
        assert slider.value == 0.8
        assert app.sources == [slider]
        await pilot.press("shift+right", "right")
        assert slider.value == 1.0
        assert app.changes[-1] == 1.0
        n = len(app.changes)
        await pilot.press("right")  # already at max: no change, no message
        assert slider.value == 1.0 and len(app.changes) == n
        await pilot.press("H")
        assert slider.value == 0.7
        await pilot.press("home")
        assert slider.value == 0.0
        await pilot.press("left")
        assert slider.value == 0.0
        await pilot.press("end")
        assert slider.value == 1.0


async def test_many_small_steps_stay_on_grid() -> None:
    app = make(value=-2.0, minimum=-2.0, maximum=2.0, step=0.05, coarse_step=0.5)
    async with app.run_test(size=(80, 24)):
        slider = app.query_one(Slider)
        slider.focus()
        for _ in range(41):
            slider.action_increase()
        assert slider.value == 0.05
        assert repr(slider.value) == "0.05"
        slider.value = 0.333  # programmatic values snap too
        assert slider.value == 0.35


async def test_render_shows_bar_value_and_focus_marker() -> None:
    app = make(value=0.6)
    async with app.run_test(size=(80, 24)) as pilot:
        slider = app.query_one(Slider)
        slider.blur()
        await pilot.pause()
        plain = slider.render().plain
        assert plain.startswith("  w")
        assert "●" in plain and "━" in plain and "─" in plain
        assert plain.rstrip().endswith("0.60")
        assert len(plain) <= 80
        bar = plain[plain.index("━"): plain.rindex("─") + 1]
        assert abs(bar.index("●") / (len(bar) - 1) - 0.6) < 0.05
        slider.focus()
        await pilot.pause()
        assert slider.render().plain.startswith("▶ w")


async def test_footer_lists_slider_keys() -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(Slider).focus()
        await pilot.pause()
        shown = {b.key for _, b, enabled, _ in app.active_bindings.values() if b.show}
        assert "left" in shown  # one Footer entry, "←→ adjust", leaves room for a game's keys
        assert not shown & {"right", "shift+left", "shift+right", "h", "l", "home", "end"}
        from nntui.screens.help import section_keys_markdown  # the rest are in the help

        class View:  # the help lists every described binding of a view's widgets
            HELP = ""
            section = type("S", (), {"title": "t"})
            BINDINGS = []

            def query(self, _):
                return [app.query_one(Slider)]

        table = section_keys_markdown(View())
        assert all(k in table for k in ("`←→`", "`shift+←→`", "`home/end`", "`h/l`"))
