from __future__ import annotations

import subprocess
import sys

import numpy as np
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer

import nntui.widgets as kit


def test_every_exported_name_resolves() -> None:
    for name in kit.__all__:
        assert getattr(kit, name) is not None


def test_importing_a_widget_module_is_cheap() -> None:
    code = (
        "import sys, nntui.widgets, nntui.widgets.slider, nntui.widgets.choice;"
        "from nntui.widgets import Canvas, NetworkDiagram;"
        "print(any(m.startswith(('plotext', 'textual_plotext')) for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


class KitApp(App[None]):
    CSS = "#top { height: 6; } #left { width: 42; } Canvas { width: 30; height: 6; }"

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            with Vertical(id="left"):
                yield kit.Slider("lr", 0.6, 0, 1, 0.05, label_width=4)
                yield kit.Choice("act", ["sigmoid", "tanh", "relu"], label_width=4)
                yield kit.Toggle("bias", True)
                yield kit.BarChart([("cat", 0.62), ("dog", 0.3)])
            yield kit.Canvas(xlim=(-1, 1), ylim=(-1, 1))
        yield kit.NetworkDiagram([2, 8, 8, 1])
        yield Footer()


async def test_kit_reads_at_80x24_without_colour(monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = KitApp()
    async with app.run_test(size=(80, 24)) as pilot:
        xs = np.linspace(-1, 1, 60)
        gx, gy = np.meshgrid(xs, np.linspace(-1, 1, 40))
        canvas = app.query_one(kit.Canvas)
        canvas.heatmap(1 / (1 + np.exp(-4 * (gx + gy))))
        canvas.points([-0.5, 0.5], [-0.5, 0.5], classes=[0, 1])
        app.query_one(kit.NetworkDiagram).set_values(
            [[0.5, -0.2], np.linspace(0, 1, 8), np.linspace(-1, 1, 8), [0.67]])
        app.query_one(kit.Slider).focus()
        await pilot.pause()
        # The Footer recomposes on the bindings-changed signal that the focus change sends,
        # one message hop later: under load a single pause can read the old Footer.
        await pilot.pause()
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        screen = "\n".join(lines)
        assert len(lines) == 24 and all(len(line) == 80 for line in lines)
        assert "▶ lr" in screen and "0.60" in screen  # focus marker without colour
        assert "[x] bias" in screen and "◀ sigmoid ▶" in screen
        assert all(c in screen for c in "░▒▓█")  # heatmap as shades
        assert "●" in screen and "○" in screen  # both classes as characters
        assert "0.67" in screen and "out (1)" in screen
        assert "←→ adjust" in lines[-1]  # the footer names the slider's keys in one entry
