"""What is a neural network? Three pictures of it, and pulses flowing through a small one."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from nntui.games.l1.intro_model import SIZES, IntroPulses
from nntui.widgets.network import NODE_WIDTH, NetworkDiagram
from nntui.widgets.playing import AnimatedSection
from nntui.widgets.section import LessonView

#: Written on the wires into each layer, so the picture reads without a legend.
WIRE_LABEL = " weights "
LAYER_NAMES = ["inputs", "neurons", "outputs"]
MARKS_IN_WORDS = "marks by each neuron: its weights · ━ strong ─ weak · ┅ ┄ negative"


class LabelledDiagram(NetworkDiagram):
    """The network diagram with its wires labelled "weights" and its columns named in words."""

    def describe_highlight(self) -> str:
        return MARKS_IN_WORDS

    def render(self) -> Text:
        out = super().render()
        lines = out.split("\n", allow_blank=True)
        starts = self._columns(self.content_size.width or 80)
        for layer in range(len(self.layers) - 1):
            row = self._node_rows(self.layers[layer + 1])[0]
            bus = starts[layer] + NODE_WIDTH + 1
            strip = starts[layer + 1] - 1 - self.layers[layer]
            room = strip - bus - 1
            if room < len(WIRE_LABEL) or row >= len(lines):
                continue
            at = bus + 1 + (room - len(WIRE_LABEL)) // 2
            line = lines[row]
            lines[row] = Text.assemble(line[:at], (WIRE_LABEL, "italic"), line[at + len(WIRE_LABEL):])
        return Text("\n", no_wrap=True, overflow="crop", end="").join(lines)


class IntroView(AnimatedSection, LessonView):
    """A wave of numbers flows through a small network above the text, which scrolls alone."""

    HELP = ("The small network at the top sends a new wave of numbers from left to right, "
            "one layer a beat; p pauses and resumes it, s moves it one beat, r starts the "
            "waves again. Page up/down scroll the text while the network stays in view; the "
            "lesson counts as read once you have reached the end of the text.")
    INTERVAL = 0.8
    AUTOPLAY = True
    COMPLETE_ON_OPEN = False
    COMPLETE_AT_END = True

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.pulses = IntroPulses()

    def compose(self):
        yield LabelledDiagram(list(SIZES), layer_names=LAYER_NAMES, id="in-net")
        yield Static(id="in-caption")
        yield self.reading_pane()

    def on_mount(self) -> None:
        self.query_one("#in-net", NetworkDiagram).set_weights(self.pulses.model.weights)
        self.refresh_view()

    def advance(self) -> bool:
        self.pulses.beat()
        return True  # the waves never run out

    def restart(self) -> None:
        self.pulses = IntroPulses()

    def refresh_view(self) -> None:
        self.query_one("#in-net", NetworkDiagram).set_values(
            self.pulses.lighting.values_by_layer())
        state = "flowing (p pauses)" if self.playing else "paused (p plays, s steps)"
        self.query_one("#in-caption", Static).update(
            f"Wave {self.pulses.waves + 1}: {self.pulses.lit_layers}/{len(SIZES)} layers lit · "
            f"{state}")
