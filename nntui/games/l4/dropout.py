"""Dial the dropout: the section body (model in ``dropout_model``).

A ``TrainingSection``: the learner's run trains in the base's worker; the sweep of every rate
runs in a second background worker on opening (once — it is then kept in the store), so the
green zone is known by the time the learner's run ends, and keys never wait for it.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.containers import Horizontal, Vertical
from textual.widgets import Static
from textual.worker import get_current_worker

from nntui.widgets.bars import bar_text
from nntui.widgets.chart import Chart
from nntui.widgets.keys import axis_keys
from nntui.widgets.network import NetworkDiagram
from nntui.widgets.playing import TrainingSection
from nntui.widgets.result import ResultModal

from .dropout_model import DialGame, Setup, Sweep, sweep

SWEEP_KEY = "l4.dropout.sweep"
STEPS_PER_CHUNK = 5
SHOWN_POINT = 0  # the training point whose dropout mask the diagram shows
ACC_LIMITS = (0.5, 1.0)



def pct(value: float) -> str:
    return f"{100 * value:.0f}%"


def rate_text(rate: float) -> str:
    return f"{rate:.2f}"


def zone_text(s: Sweep) -> str:
    """The zone's rates, as ranges where they run on: "0.15–0.25" or "0.05, 0.15–0.25"."""
    step = round(s.rates[1] - s.rates[0], 2) if len(s.rates) > 1 else 0.0
    parts: list[list[float]] = []
    for r in s.zone:
        if parts and round(r - parts[-1][-1], 2) == step:
            parts[-1].append(r)
        else:
            parts.append([r])
    return ", ".join(rate_text(p[0]) if len(p) == 1 else f"{rate_text(p[0])}–{rate_text(p[-1])}"
                     for p in parts)


class DropoutView(TrainingSection):
    """Pick a dropout rate, train for real, land in the green zone."""

    HELP = (
        "**Goal**: pick the dropout rate p with ←/→ (shift: 0.25 at a time), press p to train. "
        "The network has 105 weights for 40 training points, one label in five flipped on "
        "purpose: without dropout it learns the flipped labels by heart. At each step every "
        "hidden unit is switched off with probability p (✗ on the diagram: the real mask the "
        "engine drew for training point 1 at the last step); the units that stay are scaled "
        "by 1/(1 − p). The left chart shows train and validation accuracy as it trains.\n\n"
        "When the run ends it is judged against a sweep: the same network trained at every "
        "rate on the dial, computed in the background the first time you open this section. "
        "You win when your rate's validation accuracy is within 4 points of the best rate's "
        "(the green zone, ◆ on the right chart). s trains 10 steps, r trains the same rate "
        "again from the start."
    )
    BINDINGS = [*axis_keys("x", "turn({})", "rate", coarse=5, coarse_label="rate ±0.25")]
    CHUNKS_PER_SECOND = 20.0  # 100 steps a second: a run lasts seven seconds, long enough to watch
    STEP_CHUNKS = 2

    #: The setup; tests shrink it.
    SETUP = Setup()

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.game = DialGame(self.SETUP)
        self.judged = False
        self.revealed = False  # the sweep is shown once the learner has finished an attempt
        self.sweep_progress = (0, len(self.SETUP.rates))

    def compose(self):
        yield Static(id="do-status")
        with Horizontal(id="do-top"):
            yield NetworkDiagram(self.SETUP.sizes, spacing=1, id="do-net",
                                 layer_names=["x", "h1", "h2", "ŷ"])
            yield Static(id="do-side")
        with Horizontal(id="do-charts"):
            yield Chart(id="do-train-chart")
            with Vertical(id="do-sweep-box"):
                yield Chart(id="do-sweep-chart")
                yield Static(id="do-sweep-wait")
        yield Static(id="do-verdict")

    def on_mount(self) -> None:
        self.focus()
        store = self.store
        cached = store.get_setting(SWEEP_KEY) if store is not None else None
        if cached and cached.get("setup") == self.SETUP.key:
            self.game.sweep = Sweep.from_json(cached["sweep"])
        else:
            self.compute_sweep()
        self.revealed = bool(store and store.attempts(self.section.id))
        self.refresh_view()

    # --- the sweep (its own background worker) ------------------------------------------

    @work(thread=True, exclusive=True, group="sweep")
    def compute_sweep(self) -> None:
        worker = get_current_worker()
        result = sweep(self.SETUP,
                       progress=lambda i, n: self._post(self._sweep_step, worker, i, n),
                       should_stop=lambda: worker.is_cancelled)
        if result is not None:
            self._post(self._sweep_done, worker, result)

    # Both run on the UI thread; a worker cancelled by leaving the section may still have
    # posted one, after the section's widgets are gone.
    def _sweep_step(self, worker, done: int, total: int) -> None:
        if worker.is_cancelled or not self.on_screen:
            return
        self.sweep_progress = (done, total)
        self.refresh_view()

    def _sweep_done(self, worker, result: Sweep) -> None:
        if worker.is_cancelled or not self.on_screen:
            return
        self.game.sweep = result
        if self.store is not None:
            self.store.set_setting(SWEEP_KEY, {"setup": self.SETUP.key, "sweep": result.to_json()})
        self.refresh_view()

    # --- keys -----------------------------------------------------------------------

    def action_turn(self, steps: int) -> None:
        self.playing = False
        with self.lock:
            moved = self.game.turn(steps)
            if moved:
                self.judged = False
        self.refresh_view()

    # --- the training lifecycle (TrainingSection) ------------------------------------

    def train_chunk(self) -> float | None:
        return self.game.run.step(STEPS_PER_CHUNK)

    @property
    def training_done(self) -> bool:
        return self.game.run.done

    def restart(self) -> None:
        self.game.restart()
        self.judged = False

    # --- judging ----------------------------------------------------------------------

    def judge(self) -> None:
        verdict = self.game.verdict()
        if verdict is None or self.judged:
            return
        self.judged = True
        self.revealed = True
        s = verdict.sweep
        self.record_attempt(round(100 * verdict.val, 1), 100, verdict.won, {
            "rate": verdict.rate, "val": verdict.val, "train": verdict.train,
            "best": s.best, "best_rate": s.best_rate, "zone": list(s.zone)})
        if verdict.won:
            message = (f"p = {rate_text(verdict.rate)}: validation {pct(verdict.val)}, the best "
                       f"rate reached {pct(s.best)}. The green zone is p {zone_text(s)}.")
        else:
            side = "too little: it memorized the noise" if verdict.rate < s.best_rate \
                else "too much: it could not learn the pattern"
            message = (f"p = {rate_text(verdict.rate)}: validation {pct(verdict.val)}, "
                       f"{100 * verdict.gap:.0f} points below the best ({pct(s.best)} at p "
                       f"{rate_text(s.best_rate)}) — {side}. Try p {zone_text(s)}.")
        self.app.push_screen(ResultModal("Dial the dropout", message, won=verdict.won))

    # --- drawing --------------------------------------------------------------------

    def refresh_view(self) -> None:
        if not self.is_mounted or not self.is_attached:
            return
        run = self.game.run
        if run.done and not self.judged:
            self.judge()
        self.query_one("#do-status", Static).update(self.status_text())
        self.draw_network()
        self.query_one("#do-side", Static).update(self.side_text())
        self.draw_training()
        self.draw_sweep()
        self.query_one("#do-verdict", Static).update(self.verdict_text())

    def status_text(self) -> Text:
        run = self.game.run
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"p = {rate_text(self.game.rate)} ", "bold reverse")
        state = "▶ training" if self.playing else ("■ done" if run.done else "❚❚ paused")
        text.append(f"  {state} · step {run.steps_done}/{self.SETUP.steps} · "
                    f"train {pct(run.train_accuracy)} · validation {pct(run.val_accuracy)}")
        return text

    def draw_network(self) -> None:
        run = self.game.run
        net = self.query_one("#do-net", NetworkDiagram)
        x = run.data.X_train[SHOWN_POINT]
        hidden = run.hidden_values(SHOWN_POINT)
        dropped = run.dropped(SHOWN_POINT)
        out = run.model.forward(x[None, :])[0]
        net.set_weights(run.model.weights)
        net.set_values([x, *[[None if d else v for v, d in zip(h, off)]
                             for h, off in zip(hidden, dropped)], out])
        for layer, off in enumerate(dropped, start=1):
            for unit, is_off in enumerate(off):
                net.set_badge((layer, unit), "✗" if is_off else None)

    def side_text(self) -> Text:
        run = self.game.run
        rate = self.game.rate
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("dropout rate p\n", "bold")
        text.append(f"▕{bar_text(rate, 1.0, 10)}▏{rate_text(rate)}\n")
        text.append(f"keep 1−p  {1 - rate:.2f}\n")
        text.append(f"× 1/(1−p) = {1 / (1 - rate):.2f}\n")
        text.append("dropped now\n", "bold")
        for layer, off in enumerate(run.dropped(SHOWN_POINT), start=1):
            text.append(f" h{layer} ✗ {int(off.sum())} of {len(off)}\n")
        text.append(self.best_text())
        return text

    def best_text(self) -> str:
        best = self.store.best(self.section.id) if self.store is not None else None
        if best is None:
            return "best: no run yet"
        rate = (best.details or {}).get("rate")
        mark = "★" if best.won else ""
        where = f" p {rate_text(rate)}" if rate is not None else ""
        return f"best {best.score:.0f}%{where} {mark}"

    def draw_training(self) -> None:
        history = self.game.run.history
        steps = [p.step for p in history]
        chart = self.query_one("#do-train-chart", Chart)
        chart.plot_series({"train": (steps, [p.train for p in history]),
                           "validation": (steps, [p.val for p in history])},
                          title=chart.legend_for(["train", "validation"]) + "  by step",
                          xlim=(0, self.SETUP.steps), ylim=ACC_LIMITS, legend=False)

    def draw_sweep(self) -> None:
        s = self.game.sweep
        chart = self.query_one("#do-sweep-chart", Chart)
        wait = self.query_one("#do-sweep-wait", Static)
        shown = s is not None and self.revealed
        chart.display = shown
        wait.display = not shown
        if not shown:
            done, total = self.sweep_progress
            wait.update(Text(
                "The sweep: this network trained at every rate on the dial.\n\n"
                + (f"Computing… {done}/{total} rates done.\n" if s is None else "Ready.\n")
                + "It is shown when your first run ends.", no_wrap=False))
            return
        rate = self.game.rate
        zone = s.zone
        chart.plot_series({
            "validation": (list(s.rates), list(s.val)),
            "green zone": (list(zone), [s.val_at(r) for r in zone]),
            "you": ([rate], [s.val_at(rate)]),
        }, title=chart.legend_for(["val", "zone", "you"]) + "  by p", scatter=["green zone", "you"],
            xlim=(s.rates[0], s.rates[-1]), ylim=ACC_LIMITS, legend=False)

    def verdict_text(self) -> Text:
        text = Text(no_wrap=False)
        verdict = self.game.verdict()
        if verdict is not None:
            s = verdict.sweep
            if verdict.won:
                text.append("★ In the green zone! ", "bold")
            else:
                text.append("✗ Outside the green zone. ", "bold")
            text.append(f"Best {pct(s.best)} at p {rate_text(s.best_rate)}; zone p "
                        f"{zone_text(s)}. Move ←→ to try another rate.")
        elif self.game.run.done:
            text.append("Run finished — judging as soon as the sweep is ready…")
        else:
            text.append(f"Find a rate whose validation accuracy is within "
                        f"{100 * self.SETUP.tolerance:.0f} points of the best rate's. ←→ rate, "
                        "p train.")
        return text
