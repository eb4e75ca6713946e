"""Forward relay: the section body (model in ``forward_relay_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui.widgets.keys import axis_keys
from nntui.widgets.network import NetworkDiagram
from nntui.widgets.playing import AnimatedSection
from nntui.widgets.result import ResultModal

from .forward_relay_model import THRESHOLD, WIDTHS, ForwardRelay

ABOUT = (
    "Each hidden neuron takes a weighted vote of both inputs, adds its bias and squashes the "
    "sum with tanh into −1…1. The output neuron does the same with the hidden values and "
    "squashes with σ into 0…1. The marks before a neuron are the weights into it, one per "
    "neuron of the layer before: ▲ large and △ small positive, ▼ large and ▽ small negative. "
    "A negative weight means raising that input pulls the next neuron down."
)


class ForwardRelayView(AnimatedSection):
    """Pick a width, set two inputs, fire: the layers light in turn; gold above 0.5 wins."""

    HELP = (
        "←/→ set x₁ and ↓/↑ set x₂ (steps of 0.1, shift for 0.5); [ and ] change the number "
        "of hidden neurons. space fires the signal: the inputs light, then each hidden "
        "neuron (tanh of its weighted sum), then the output (sigmoid). p pauses and resumes "
        "the signal, s lights one neuron at a time, enter lights the rest at once, r puts the "
        "inputs back to 0. Weights stay fixed for the round; passing 0.5 turns the output gold "
        "(★) and the next round brings new weights. Your wins are kept."
    )
    BINDINGS = [
        Binding("space", "fire", "fire"),
        *axis_keys("x", "input(0, {})", "x₁", coarse=5, coarse_label="x₁ ±0.5"),
        *axis_keys("y", "input(1, {})", "x₂", coarse=5, coarse_label="x₂ ±0.5"),
        Binding("left_square_bracket", "width(-1)", "width", key_display="[]"),
        Binding("right_square_bracket", "width(1)", "width", show=False, key_display="[]"),
        Binding("enter", "finish", "light all", show=False),
        # The base's keys, kept short so the game keys fit the Footer at 80 columns.
        Binding("p", "toggle_play", "play"),
        Binding("s", "step", "step", show=False),
        Binding("r", "reset", "reset", show=False),
    ]
    INTERVAL = 0.3  # one neuron lights per beat

    def __init__(self, section, seed: int = 0, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.game = ForwardRelay(seed)

    def compose(self):
        yield Static(id="relay-controls")
        yield NetworkDiagram(self.game.model.sizes, id="relay-net")
        yield Static(id="relay-status")
        yield Static(ABOUT, id="relay-about")

    def on_mount(self) -> None:
        super().on_mount()
        self.restore()
        self.focus()
        self.refresh_view()

    def restore(self) -> None:
        """A return visit goes on after the rounds already won, with their count."""
        store = self.store
        won = [a for a in store.attempts(self.section.id) if a.won] if store else []
        if won:
            last_seed = (won[-1].details or {}).get("seed", len(won) - 1)
            self.game = ForwardRelay(last_seed + 1, wins=len(won))
            self.query_one("#relay-net", NetworkDiagram).set_layers(self.game.model.sizes)

    # --- the animation (AnimatedSection) -----------------------------------------------

    def advance(self) -> bool:
        lighting = self.game.advance()
        if not lighting:
            self.after_light()
        return lighting

    def restart(self) -> None:
        self.game.clear()

    # --- actions ---------------------------------------------------------------

    def action_fire(self) -> None:
        self.game.fire()
        self.playing = True

    def action_finish(self) -> None:
        self.playing = False
        if self.game.landed:
            return
        self.game.finish()
        self.after_light()
        self.refresh_view()

    def action_input(self, index: int, steps: int) -> None:
        self.playing = False
        self.game.nudge_input(index, steps)
        self.refresh_view()

    def action_width(self, delta: int) -> None:
        self.playing = False
        self.game.set_width(self.game.width + delta)
        self.query_one("#relay-net", NetworkDiagram).set_layers(self.game.model.sizes)
        self.refresh_view()

    def after_light(self) -> None:
        g = self.game
        if g.won:
            g.record_win()
            self.record_attempt(1, 1, True, {"round": g.round, "fires": g.fires, "seed": g.seed,
                                             "width": g.width, "x": list(g.x)})
            self.app.push_screen(
                ResultModal("Forward relay", f"Output {g.output:.3f} > {THRESHOLD}: gold! "
                            f"Round {g.round} took {g.fires} fire(s). New weights next.",
                            won=True),
                callback=lambda _: self.next_round())

    def next_round(self) -> None:
        self.game.new_round()
        self.query_one("#relay-net", NetworkDiagram).set_layers(self.game.model.sizes)
        self.refresh_view()

    # --- drawing ---------------------------------------------------------------

    def refresh_view(self) -> None:
        g = self.game
        controls = Text(no_wrap=True, overflow="crop")
        controls.append(f"Round {g.round} · wins {g.wins}   ", "bold")
        controls.append(f"x₁ = {g.x[0]:+.1f}   x₂ = {g.x[1]:+.1f}   hidden {g.width} "
                        f"(of {WIDTHS[0]}–{WIDTHS[-1]})   fires {g.fires}".replace("-", "−"))
        self.query_one("#relay-controls", Static).update(controls)
        net = self.query_one("#relay-net", NetworkDiagram)
        lit = g.lighting
        net.set_weights(g.model.weights)
        net.set_values([lit.layer_values(layer) if any(
            v is not None for v in lit.layer_values(layer)) else None
            for layer in range(len(g.model.sizes))])
        net.set_class(g.won, "-gold")
        net.set_badge((len(g.model.sizes) - 1, 0), "★" if g.won else None)  # gold without colour
        if g.won:
            net.highlight(node=(len(g.model.sizes) - 1, 0))
        elif lit.current is not None:
            net.highlight(node=(lit.current.layer, lit.current.neuron))
        else:
            net.clear_highlight()
        self.query_one("#relay-status", Static).update(self.status())

    def status(self) -> Text:
        g = self.game
        step = g.lighting.current
        text = Text(no_wrap=False)
        if g.won:
            text.append(f"★ GOLD: output {g.output:.3f} > {THRESHOLD}", "bold")
        elif g.landed:
            text.append(f"✗ output {g.output:.3f} ≤ {THRESHOLD}: not yet. Change the inputs "
                        "or the width and fire again.", "bold")
        elif step is not None and not step.is_input:
            terms = " + ".join(f"({w:+.2f})·({a:+.2f})"
                               for w, a in zip(step.weights, step.incoming))
            kind = "tanh" if step.layer < len(g.model.sizes) - 1 else "σ"
            text.append(f"z = {terms} + ({step.bias:+.2f}) = {step.z:+.3f};  {kind}(z) = "
                        f"{step.value:.3f}".replace("-", "−"))
        elif step is not None:
            text.append(f"input x{'₁₂'[step.neuron]} = {step.value:+.1f}".replace("-", "−"))
        else:
            text.append("Set the inputs, then press space to fire. Goal: output above "
                        f"{THRESHOLD}.")
        return text
