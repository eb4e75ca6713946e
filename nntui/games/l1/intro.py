"""What is a neural network? Three pictures of it, and pulses flowing through a small one."""

from __future__ import annotations

from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import Static

from nntui.games.l1.intro_model import SIZES, IntroPulses
from nntui.widgets.network import NetworkDiagram
from nntui.widgets.section import LessonView

BEAT_SECONDS = 0.8


class IntroView(LessonView):
    HELP = ("The small network at the top sends a new wave of numbers from left to right "
            "every few seconds; p pauses and resumes it. Page up/down scroll the text.")
    BINDINGS = [Binding("p", "play", "pause/play pulses")]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.pulses = IntroPulses()
        self.timer: Timer | None = None
        self.paused = False

    def compose(self):
        yield NetworkDiagram(list(SIZES), id="in-net")
        yield Static(id="in-caption")
        yield self.lesson_text()

    def on_mount(self) -> None:
        self.query_one("#in-net", NetworkDiagram).set_weights(self.pulses.model.weights)
        self.redraw()
        self.start()

    def start(self) -> None:
        if self.timer is None and not self.paused:
            self.timer = self.set_interval(BEAT_SECONDS, self.beat)

    def stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None

    def section_hidden(self) -> None:
        self.stop()

    def section_shown(self) -> None:
        self.start()

    def action_play(self) -> None:
        self.paused = not self.paused
        self.stop() if self.paused else self.start()
        self.redraw()

    def beat(self) -> None:
        self.pulses.beat()
        self.redraw()

    def redraw(self) -> None:
        self.query_one("#in-net", NetworkDiagram).set_values(
            self.pulses.lighting.values_by_layer())
        state = "paused (p plays)" if self.paused else "flowing (p pauses)"
        self.query_one("#in-caption", Static).update(
            f"Wave {self.pulses.waves + 1}: {self.pulses.lit_layers}/{len(SIZES)} layers lit · "
            f"{state}")
