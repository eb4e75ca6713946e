"""Overfitting and its cures: a lesson with a live demo (model in ``overfitting_model``).

The demo is a ``TrainingSection``: an over-parameterised MLP trains on twelve noisy points in
the base's worker while the two loss curves grow on the chart; w switches weight decay and
trains again. The lesson counts as done once the learner has run the demo to its end.
"""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.chart import Chart
from nntui.widgets.playing import TrainingSection
from nntui.widgets.section import LessonView

from .overfitting_model import DECAY, N_TRAIN, RECORD_EVERY, STEPS, OverfitRun

FIT_XS = np.linspace(-1.0, 1.0, 120)[:, None]
FIT_YLIM = (-2.0, 2.0)
LOSS_YLIM = (0.0, 0.3)  # a linear axis shows the validation loss turning up; the start is clipped


class OverfittingView(TrainingSection, LessonView):
    """Watch a network memorize noise, then cure it with weight decay."""

    HELP = (
        "p trains the demo network (p again pauses), s trains 100 steps, r starts it again. "
        "w switches weight decay (λ = 0.001) on or off and starts a fresh run, so you can "
        "compare the two. Left: the two mean squared errors (the axis stops at 0.3, so the "
        "first steps are off the top); the point named best val marks the step with the "
        "lowest validation loss (where early stopping would keep the weights). Right: the "
        "network's curve over the 12 training points and the 40 validation points. "
        "PgDn/PgUp scroll the lesson under the charts. The lesson is complete once a run "
        "has reached its last step."
    )
    BINDINGS = [Binding("w", "decay", "weight decay")]
    COMPLETE_ON_OPEN = False
    CHUNKS_PER_SECOND = 40.0  # 400 steps a second: a run takes five seconds to watch
    STEP_CHUNKS = 10

    #: Steps per run; tests shrink it.
    STEPS = STEPS

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.run = OverfitRun(steps=self.STEPS)

    def compose(self):
        yield Static(id="of-status")
        with Horizontal(id="of-charts"):
            yield Chart(id="of-loss")
            yield Chart(id="of-fit")
        yield self.lesson_text()

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        self.refresh_view()

    # --- TrainingSection --------------------------------------------------------------

    def train_chunk(self) -> float | None:
        return self.run.train(RECORD_EVERY)

    @property
    def training_done(self) -> bool:
        return self.run.done

    def restart(self) -> None:
        self.run = OverfitRun(self.run.weight_decay, steps=self.STEPS)

    def action_decay(self) -> None:
        self.playing = False
        self.workers.cancel_group(self, "training")
        with self.lock:
            self.run = OverfitRun(0.0 if self.run.weight_decay else DECAY, steps=self.STEPS)
        self.refresh_values()
        self.refresh_view()

    # --- the lesson's live values -----------------------------------------------------

    def values(self) -> dict:
        return {"params": self.run.model.n_params, "n_train": N_TRAIN, "steps": self.STEPS,
                "decay": DECAY}

    # --- drawing --------------------------------------------------------------------

    def refresh_view(self) -> None:
        if not self.is_attached:
            return
        run = self.run
        if run.done:
            self.mark_complete()
        self.query_one("#of-status", Static).update(self.status_text())
        steps = [h[0] for h in run.history]
        best_step, best_val = run.best
        loss = self.query_one("#of-loss", Chart)
        loss.plot_series({"train": (steps, [h[1] for h in run.history]),
                          "validation": (steps, [h[2] for h in run.history]),
                          "best": ([best_step], [best_val])},
                         title=loss.legend_for(["train", "val", "best val"]),
                         scatter=["best"], xlim=(0, self.STEPS), ylim=LOSS_YLIM, legend=False)
        d = run.data
        fit = self.query_one("#of-fit", Chart)
        fit.plot_series({"network": (FIT_XS[:, 0].tolist(), run.model.forward(FIT_XS)[:, 0].tolist()),
                         "train": (d.x_train[:, 0].tolist(), d.y_train[:, 0].tolist()),
                         "validation": (d.x_val[:, 0].tolist(), d.y_val[:, 0].tolist())},
                        title=fit.legend_for(["net", "train", "val"]),
                        scatter=["train", "validation"], xlim=(-1, 1), ylim=FIT_YLIM,
                        legend=False)

    def status_text(self) -> Text:
        run = self.run
        train, val = run.history[-1][1:]
        best_step, best_val = run.best
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"λ = {run.weight_decay:g}", "bold reverse")
        state = "▶" if self.playing else ("■" if run.done else "❚❚")
        text.append(f" {state} step {run.steps_done}/{self.STEPS}  train {train:.4f}  "
                    f"val {val:.3f}  best val {best_val:.3f} at {best_step}")
        return text
