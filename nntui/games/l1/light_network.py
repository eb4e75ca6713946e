"""Light the network: the section body (model in ``light_network_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.activation_curve import ActivationCurve
from nntui.widgets.bars import bar_text
from nntui.widgets.canvas import shade_char
from nntui.widgets.keys import FOCUS_BINDINGS
from nntui.widgets.number_text import num
from nntui.widgets.result import ResultModal
from nntui.widgets.section import LessonText, ReadingPane, SectionView
from nntui.widgets.slider import Slider

from .light_network_model import (ROUND_POINTS, ROUND_TARGETS, TOLERANCE, WEIGHT_RANGE,
                                  LightNetwork)

BAR = 20
#: The weights reach |z| = 10; the curve shows where σ still moves.
Z_RANGE = (-6.0, 6.0)


def circuit_text(game: LightNetwork) -> Text:
    """Two switches, their weights, and the bulb filled with a shade for its brightness."""
    r = game.result
    glow = shade_char(game.output) * 5
    sw = ["[ON ]" if s else "[off]" for s in game.switches]
    w = [num(v, sign=True) for v in game.weights]
    lines = [
        f"x₁ {sw[0]} ── w₁ {w[0]} ──╮      ╭─────╮",
        f"                      ├─ Σ ─▶│{glow}│ {game.output:.3f}",
        f"x₂ {sw[1]} ── w₂ {w[1]} ──╯      ╰─────╯",
        "",
        f"z = {num(r.w[0], brackets=True)}·{r.x[0]:.0f} + {num(r.w[1], brackets=True)}"
        f"·{r.x[1]:.0f} = {num(r.z, 2)}",
        f"bulb   ▕{bar_text(game.output, 1.0, BAR)}▏ {game.output:.3f}",
    ]
    if game.target is not None:
        lines.append(f"target ▕{bar_text(game.target, 1.0, BAR)}▏ {game.target:.2f} ± {TOLERANCE}")
    return Text("\n".join(lines), no_wrap=True, overflow="crop")


class LightNetworkView(SectionView):
    """Flip the switches and turn the weights until the bulb matches the target."""

    HELP = (f"1 and 2 flip the input switches. ↑/↓ choose a weight, ←/→ turn it by 0.1 "
            f"(shift: by 1). The curve is σ: the dot is your sum z and its height the bulb's "
            f"brightness; the shaded band is the target ± {TOLERANCE}. Press enter to check: a "
            f"dot inside the band wins the round. There are {len(ROUND_TARGETS)} rounds; a "
            f"round scores {ROUND_POINTS} less one for each miss (at least 1). Each won round "
            f"is kept in your progress and not served again; r plays the set again.")
    BINDINGS = [
        *FOCUS_BINDINGS,
        Binding("1", "flip(0)", "flip x₁"),
        Binding("2", "flip(1)", "flip x₂"),
        Binding("enter", "check", "check"),
        Binding("r", "replay", "play the set again", show=False),
    ]

    def compose(self):
        self.game = LightNetwork(self.saved_scores())
        yield Static(id="ln-target")
        with Horizontal(id="ln-top"):
            yield Static(id="ln-circuit")
            yield ActivationCurve("sigmoid", Z_RANGE, id="ln-curve")
        lo, hi = WEIGHT_RANGE
        for i in (0, 1):
            yield Slider(f"w{'₁₂'[i]}", 0.0, lo, hi, 0.1, 1.0, fmt="{:+.1f}",
                         label_width=3, id=f"ln-w{i}")
        yield Static(id="ln-status")
        yield ReadingPane(LessonText(self.section.id, {"both_off": self.game.output}))

    def saved_scores(self) -> dict[int, int]:
        """Rounds this learner has won before (best points each), so they are not served again."""
        store = self.store
        scores: dict[int, int] = {}
        for a in store.attempts(self.section.id) if store else []:
            index = (a.details or {}).get("round", 0) - 1
            if a.won and 0 <= index < len(ROUND_TARGETS) \
                    and (a.details or {}).get("target") == ROUND_TARGETS[index]:
                scores[index] = max(scores.get(index, 0), int(a.score))
        return scores

    def on_mount(self) -> None:
        self.redraw()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        self.game.set_weight(int(event.slider.id[-1]), event.value)
        self.redraw()

    def action_flip(self, index: int) -> None:
        self.game.toggle(index)
        self.redraw()

    def action_replay(self) -> None:
        self.game.replay()
        self.redraw()

    def action_check(self) -> None:
        g = self.game
        if g.finished:
            return
        # A key can arrive before the slider's Changed message: read the sliders themselves.
        for i in (0, 1):
            g.set_weight(i, self.query_one(f"#ln-w{i}", Slider).value)
        if g.check():
            points = g.scores[g.index]
            # One attempt per round, recorded when the round is won.
            self.record_attempt(points, ROUND_POINTS, True, {
                "round": g.round, "target": g.target, "checks": g.round_checks,
                "output": round(g.output, 4), "switches": list(g.switches),
                "weights": list(g.weights)})
            misses = g.round_checks - 1
            body = (f"The bulb shows {g.output:.3f}, the target was {g.target:.2f}. "
                    f"{points}/{ROUND_POINTS} points ({misses} miss{'es' if misses != 1 else ''}).")
            g.next_round()
            if g.finished:
                body += (f" All {len(ROUND_TARGETS)} rounds lit: score {g.score}/{g.max_score}."
                         " r plays the set again.")
            self.app.push_screen(ResultModal("Round won", body, won=True))
        self.redraw()

    def status(self) -> str:
        g = self.game
        done = f"won {g.rounds_won}/{len(ROUND_TARGETS)} · score {g.score}/{g.max_score}"
        if g.finished:
            return f"★ All rounds lit · {done} · r plays the set again"
        gap = f"|bulb − target| = {g.gap:.3f}"
        if g.last_check is False:
            return f"✗ Miss: {gap}, it must be ≤ {TOLERANCE} · {done}"
        near = "✓ in the band: enter" if g.close_enough else f"needs ≤ {TOLERANCE}"
        return f"{gap} ({near}) · {done}"

    def redraw(self) -> None:
        g = self.game
        if g.finished:
            head = f"All {len(ROUND_TARGETS)} rounds lit · score {g.score}/{g.max_score}"
        else:
            head = (f"Round {g.round}/{len(ROUND_TARGETS)} · make the bulb glow at "
                    f"{g.target:.2f} (± {TOLERANCE}) · enter checks")
        self.query_one("#ln-target", Static).update(head)
        self.query_one("#ln-circuit", Static).update(circuit_text(g))
        band = None if g.target is None else (g.target - TOLERANCE, g.target + TOLERANCE)
        self.query_one("#ln-curve", ActivationCurve).show(g.result.z, band)
        self.query_one("#ln-status", Static).update(self.status())
