"""Light the network: the section body (model in ``light_network_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui.widgets.bars import bar_text
from nntui.widgets.canvas import shade_char
from nntui.widgets.result import ResultModal
from nntui.widgets.section import LessonText, SectionView
from nntui.widgets.slider import Slider

from nntui.widgets.keys import FOCUS_BINDINGS
from .light_network_model import TOLERANCE, WEIGHT_RANGE, LightNetwork
from nntui.widgets.number_text import num

BAR = 30


def circuit_text(game: LightNetwork) -> Text:
    """Two switches, their weights, and the bulb filled with a shade for its brightness."""
    r = game.result
    glow = shade_char(game.output) * 5
    sw = ["[ON ]" if s else "[off]" for s in game.switches]
    w = [num(v, sign=True) for v in game.weights]
    lines = [
        f" x₁ {sw[0]} ─── w₁ = {w[0]} ──╮        ╭─────╮",
        f"                          ├─ Σ ──▶ │{glow}│  brightness {game.output:.3f}",
        f" x₂ {sw[1]} ─── w₂ = {w[1]} ──╯        ╰─────╯",
        "",
        f" z = w₁·x₁ + w₂·x₂ = {num(r.w[0], brackets=True)}·{r.x[0]:.0f}"
        f" + {num(r.w[1], brackets=True)}·{r.x[1]:.0f} = {num(r.z, 2)}    σ(z) = {r.a:.3f}",
        f" bulb   ▕{bar_text(game.output, 1.0, BAR)}▏ {game.output:.3f}",
        f" target ▕{bar_text(game.target, 1.0, BAR)}▏ {game.target:.3f}",
    ]
    return Text("\n".join(lines), no_wrap=True, overflow="crop")


class LightNetworkView(SectionView):
    """Flip the switches and turn the weights until the bulb matches the target."""

    HELP = ("1 and 2 flip the input switches. ↑/↓ choose a weight, ←/→ turn it by 0.1 "
            "(shift: by 1). Press enter to check: within 0.1 of the target wins the round "
            "and a new target appears. Every check is kept in your progress.")
    BINDINGS = [
        *FOCUS_BINDINGS,
        Binding("1", "flip(0)", "flip x₁"),
        Binding("2", "flip(1)", "flip x₂"),
        Binding("enter", "check", "check"),
    ]

    def compose(self):
        # Seeded by how many checks this learner has made, so a return visit brings new
        # targets while a fresh progress file (and every test) starts the same way.
        store = self.store
        self.game = LightNetwork(seed=len(store.attempts(self.section.id)) if store else 0)
        yield Static(id="ln-target")
        yield Static(id="ln-circuit")
        lo, hi = WEIGHT_RANGE
        for i in (0, 1):
            yield Slider(f"w{'₁₂'[i]}", 0.0, lo, hi, 0.1, 1.0, fmt="{:+.1f}",
                                label_width=3, id=f"ln-w{i}")
        yield Static(id="ln-status")
        yield LessonText(self.section.id, {"both_off": self.game.output})  # switches start off

    def on_mount(self) -> None:
        self.redraw()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.game.set_weight(int(event.slider.id[-1]), event.value)
        self.redraw()

    def action_flip(self, index: int) -> None:
        self.game.toggle(index)
        self.redraw()

    def action_check(self) -> None:
        g = self.game
        # A key can arrive before the slider's Changed message: read the sliders themselves.
        for i in (0, 1):
            g.set_weight(i, self.query_one(f"#ln-w{i}", Slider).value)
        won = g.check()
        self.record_attempt(1 if won else 0, 1, won, {
            "round": g.round, "target": g.target, "output": round(g.output, 4),
            "switches": list(g.switches), "weights": list(g.weights)})
        if won:
            self.app.push_screen(ResultModal(
                f"Round {g.round}", f"The bulb shows {g.output:.3f}, the target was "
                f"{g.target:.2f}: off by only {g.gap:.3f}. A new target is waiting.", won=True),
                lambda _: self.next_round())
        self.redraw()

    def next_round(self) -> None:
        self.game.next_round()
        self.redraw()

    def status(self) -> str:
        g = self.game
        gap = f"|brightness − target| = {g.gap:.3f}"
        if g.last_check is False:
            return f"✗ Not yet: {gap}, it must be ≤ {TOLERANCE}. Adjust and press enter again."
        near = "✓ close enough: press enter" if g.close_enough else f"needs ≤ {TOLERANCE}"
        return f"{gap} ({near}) · won {g.rounds_won} of {g.checks} checks"

    def redraw(self) -> None:
        g = self.game
        self.query_one("#ln-target", Static).update(
            f"Round {g.round} · make the bulb glow at {g.target:.2f} (within {TOLERANCE}) · "
            "enter checks")
        self.query_one("#ln-circuit", Static).update(circuit_text(g))
        self.query_one("#ln-status", Static).update(self.status())
