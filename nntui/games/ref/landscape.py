"""Loss landscape: the elongated bowl f = 0.05x² + 5y² with one learning rate for the four
classic optimizers. It is the Level 3 optimizer race (model and picture) pinned to the bowl."""

from __future__ import annotations

from rich.text import Text

from nntui.games.l3.optimizer_race import OptimizerRaceView, short
from nntui.games.l3.optimizer_race_model import OptimizerRace

CLASSIC = ("sgd", "momentum", "rmsprop", "adam")
START_LR = 0.15
#: Race keys that do not apply here: the surface is fixed, the runners are the four classics
#: and a single learning rate drives them all.
FIXED = {"surface", "adaptive_lr", "toggle"}


class LandscapeView(OptimizerRaceView):
    """SGD, Momentum (β = 0.9), RMSprop and Adam on the bowl, one learning rate for all."""

    HELP = ("The bowl is 100× steeper along y than along x. ←/→ change the one learning rate "
            "all four optimizers use (shift: three rungs); p plays, s steps, r restarts, e "
            "jumps to the end. Plain SGD is stable only while lr < 2/10 = 0.2: watch it "
            "zig-zag across the steep direction above 0.1 and blow up (✗) past 0.2, while "
            "RMSprop and Adam, which scale each direction by its own gradient size, keep "
            "going. Letters mark each runner (S, M, R, A); ○ is the start, ★ the minimum.")

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.race = OptimizerRace("bowl", racers=CLASSIC, lr=START_LR, adaptive_lr=START_LR)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in FIXED:
            return False
        return super().check_action(action, parameters)

    def action_lr(self, steps: int) -> None:
        self.race.change_lr(steps)
        self.race.set_lr(self.race.lr, adaptive=True)
        self.refresh_view()

    def top_text(self) -> Text:
        race = self.race
        text = Text(no_wrap=True, overflow="crop")
        text.append(f"{race.surface.formula}", "bold")
        state = "playing" if self.playing else ("finished" if race.finished else "p plays")
        text.append(f"   step {race.k}/{race.steps} · {state}\n")
        text.append(f"lr {race.lr:g}", "bold")
        text.append(" for all four (←→)   SGD needs lr < 0.2")
        return text

    def table_text(self) -> Text:
        race = self.race
        text = Text(no_wrap=True, overflow="crop")
        text.append(f"f after {race.k} steps\n", "bold")
        leader = race.leader()
        for lane, loss, gone in race.standings():
            text.append(f"{lane.racer.head} ", "bold")
            text.append(f"{lane.racer.label:<9}")
            if gone:
                text.append("✗ diverged", "bold")
            else:
                text.append(f"{short(loss):>8}")
                text.append(" ◀" if lane is leader else "", "bold")
            text.append("\n")
        text.append("◀ lowest", "italic")
        return text
