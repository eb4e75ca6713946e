"""Numbers flowing: the section body (model in ``numbers_flowing_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui.widgets.keys import FOCUS_BINDINGS
from nntui.widgets.lighting import LightStep
from nntui.widgets.network import NetworkDiagram
from nntui.widgets.number_text import num
from nntui.widgets.playing import AnimatedSection
from nntui.widgets.section import LessonText, ReadingPane
from nntui.widgets.slider import Slider

from .numbers_flowing_model import INPUT_RANGE, SIZES, NumbersFlowing

NAMES = ("x", "h", "ŷ")


def node_name(layer: int, neuron: int) -> str:
    if layer == len(SIZES) - 1:
        return "ŷ"
    return f"{NAMES[layer]}{'₁₂₃₄'[neuron]}"


def describe(step: LightStep | None) -> str:
    if step is None:
        return "All dark. Press p to play or s to light one neuron."
    name = node_name(step.layer, step.neuron)
    if step.is_input:
        return f"{name} = {step.value:.2f}: an input just passes its number on."
    terms = " + ".join(f"{num(w, 2, brackets=True)}·{num(a, 2, brackets=True)}"
                       for w, a in zip(step.weights, step.incoming))
    return (f"{name} = σ({terms} + {num(step.bias, 2, brackets=True)}) = σ({num(step.z, 3)})"
            f" = {step.value:.3f}")


def weights_text(flow: NumbersFlowing) -> Text:
    W1, W2 = flow.model.weights
    b1, b2 = flow.model.biases
    lines = []
    for j in range(SIZES[1]):
        ws = "  ".join(f"{node_name(0, i)}→{num(W1[i, j], 2, sign=True)}"
                       for i in range(SIZES[0]))
        lines.append(f"into {node_name(1, j)}: {ws}  bias {num(b1[j], 2, sign=True)}")
    ws = "  ".join(f"{node_name(1, i)}→{num(W2[i, 0], 2, sign=True)}" for i in range(SIZES[1]))
    lines.append(f"into ŷ:  {ws}  bias {num(b2[0], 2, sign=True)}")
    return Text("\n".join(lines), no_wrap=True, overflow="crop")


class FlowDiagram(NetworkDiagram):
    """The diagram with its legend kept under a lit neuron: the line below the diagram
    already names that neuron (h₂ = σ(…)), and the diagram's own "h1[2]" would give the
    same neuron a second name."""

    def describe_highlight(self) -> str:
        return ""


class NumbersFlowingView(AnimatedSection):
    """Set two inputs and the network re-lights at once; play or step a wave through it."""

    HELP = ("↑/↓ choose x₁ or x₂, ←/→ change it by 0.1 (shift: by 1): the whole network "
            "re-lights at once with the new values, so ŷ follows your keys. p plays a wave "
            "neuron by neuron (p again pauses), s or enter lights the next neuron, r switches "
            "every light off. ◉ marks the neuron that just lit. Page up/down scroll the text.")
    BINDINGS = [
        *FOCUS_BINDINGS,
        Binding("enter", "step", "step", show=False),
    ]
    INTERVAL = 0.7

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.flow = NumbersFlowing()
        self.flow.light_all()  # ŷ is on show from the start; p replays the wave from dark

    def compose(self):
        lo, hi = INPUT_RANGE
        for i in (0, 1):
            yield Slider(f"x{'₁₂'[i]}", self.flow.inputs[i], lo, hi, 0.1, 1.0,
                         fmt="{:+.1f}", label_width=3, id=f"nf-x{i}")
        yield FlowDiagram(list(SIZES), layer_names=["in", "hidden", "out"], id="nf-net")
        yield Static(id="nf-now")
        yield Static(weights_text(self.flow), id="nf-weights")
        first = self.flow.model.weights[0][0, 0]  # the text reads the first wire as an example
        yield ReadingPane(LessonText(self.section.id,
                                     {"first_weight": num(first, 2, sign=True)}))

    def on_mount(self) -> None:
        self.query_one("#nf-net", NetworkDiagram).set_weights(self.flow.model.weights)
        self.refresh_view()

    # --- inputs --------------------------------------------------------------------

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.sync_inputs()

    def sync_inputs(self) -> None:
        """Take the inputs from the sliders; a changed input re-lights the whole network.

        A key (s, p) can overtake the slider's Changed message, so the actions call this too:
        otherwise the late message would re-light the network over the wave the key began."""
        changed = False
        for i in (0, 1):
            value = self.query_one(f"#nf-x{i}", Slider).value
            if value != self.flow.inputs[i]:
                self.flow.set_input(i, value)
                changed = True
        if changed:
            self.playing = False
            self.refresh_view()

    # --- the base's hooks ----------------------------------------------------------

    def action_toggle_play(self) -> None:
        self.sync_inputs()
        if not self.playing and self.flow.lighting.done:
            self.flow.reset()  # a new wave starts from dark
        super().action_toggle_play()

    def action_step(self) -> None:
        self.sync_inputs()
        super().action_step()

    def advance(self) -> bool:
        self.flow.step()
        if self.flow.lighting.done:
            self.mark_complete()  # a whole wave has been watched
        return not self.flow.lighting.done

    def restart(self) -> None:
        self.flow.reset()

    def refresh_view(self) -> None:
        light = self.flow.lighting
        net = self.query_one("#nf-net", NetworkDiagram)
        net.set_values(light.values_by_layer())
        current = light.current
        if current is None:
            net.clear_highlight()
        else:
            net.highlight(node=(current.layer, current.neuron))
        state = " ▶" if self.playing else ""
        self.query_one("#nf-now", Static).update(
            Text(f"{light.position}/{len(light.steps)} lit{state} · {describe(current)}"))
