"""The shared lifecycle of animated and training sections, on tiny stand-in models."""

from __future__ import annotations

import math

from textual.app import App

from nntui import sections
from nntui.widgets.playing import AnimatedSection, TrainingSection


class Counter(AnimatedSection):
    INTERVAL = 0.01

    def __init__(self, **kwargs) -> None:
        super().__init__(sections.get("l1.intro"), **kwargs)
        self.beats = 0
        self.redraws = 0

    def advance(self) -> bool:
        self.beats += 1
        return self.beats < 3

    def restart(self) -> None:
        self.beats = 0

    def refresh_view(self) -> None:
        self.redraws += 1


class Blowup(TrainingSection):
    """Loss doubles each chunk, then turns into inf: a stand-in for too high a learning rate."""

    def __init__(self, **kwargs) -> None:
        super().__init__(sections.get("l2.init-race"), **kwargs)
        self.loss = 1.0
        self.chunks = 0

    def train_chunk(self) -> float:
        self.chunks += 1
        self.loss = self.loss * 1e200 if self.chunks >= 3 else self.loss * 2
        return self.loss

    def restart(self) -> None:
        self.loss, self.chunks = 1.0, 0


class Host(App[None]):
    def __init__(self, view) -> None:
        super().__init__()
        self.view = view

    def compose(self):
        yield self.view


async def test_animation_steps_pauses_when_covered_and_stops_at_its_end():
    view = Counter()
    async with Host(view).run_test() as pilot:
        await pilot.press("s")
        assert view.beats == 1 and not view.playing
        view.section_hidden()
        await pilot.press("p")
        assert view.playing and not view.running  # asked to play, but covered: nothing runs
        await pilot.pause(0.05)
        assert view.beats == 1
        view.section_shown()
        assert view.running
        for _ in range(200):  # the third beat reports the end and stops the timer
            if not view.playing:
                break
            await pilot.pause(0.02)
        assert view.beats == 3
        await pilot.press("r")
        assert view.beats == 0 and not view.playing


async def test_training_turns_an_infinite_loss_into_diverged_and_reset_recovers():
    view = Blowup()
    async with Host(view).run_test() as pilot:
        await pilot.press("s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert view.chunks == 1 and view.last_loss == 2.0 and not view.diverged
        await pilot.press("p")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert view.diverged and not view.playing and math.isinf(view.last_loss)
        await pilot.press("p")  # a diverged run does not play again …
        assert not view.playing
        await pilot.press("r")  # … until it is reset
        assert not view.diverged and view.chunks == 0 and view.last_loss is None
