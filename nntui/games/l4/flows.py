"""Normalizing flows: the section body (model in ``flows_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.bars import signed_bar_text
from nntui.widgets.canvas import Canvas
from nntui.widgets.keys import axis_keys
from nntui.widgets.number_text import num, sci
from nntui.widgets.playing import TrainingSection

from .flows_model import N_LAYERS, TOTAL_STEPS, Flows

CACHE_KEY = "l4.flows.trained"
LIMIT = 3.2  # the canvas shows [−LIMIT, LIMIT]²
QUARTER_MARKERS = ("●", "○", "+", "x")


class FlowsView(TrainingSection):
    """A Gaussian cloud bent step by step by a trained coupling flow, and straightened back."""

    HELP = (
        "The dots start as a standard Gaussian cloud (marker = the quarter each dot started "
        "in); the faint · dots are the target shape. p trains the flow (Adam on the exact "
        "log-likelihood, 1500 steps, kept once done), s trains a little, r starts from an "
        "untrained flow. → (l) pushes the cloud forward through the next coupling step, "
        "← (h) runs that step's inverse. Right: each step's mean log|det J| (> 0 spreads the "
        "cloud, < 0 squeezes it) and the largest difference between the cloud on show and "
        "the same stage computed from the start — after going forward and back it is the "
        "round-trip error, about 10⁻¹⁶. t switches the target: two moons or a ring. Going "
        "through every step of a trained flow and back completes the section."
    )
    BINDINGS = [*axis_keys("x", "layer({})", "layer"), Binding("t", "target", "target")]
    STEP_CHUNKS = 4

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = Flows()
        self.reached_end = False
        self.cached_steps: int | None = None

    def compose(self):
        with Horizontal(id="fl-body"):
            yield Canvas((-LIMIT, LIMIT), (-LIMIT, LIMIT), id="fl-canvas")
            yield Static(id="fl-side")
        yield Static(id="fl-status")

    def on_mount(self) -> None:
        self._load_cache()
        self.focus()
        self.refresh_view()

    # --- the cache of trained flows ------------------------------------------------------------

    def _cache(self) -> dict:
        cached = self.store.get_setting(CACHE_KEY) if self.store is not None else None
        return cached if isinstance(cached, dict) else {}

    def _load_cache(self) -> None:
        saved = self._cache().get(self.model.target)
        if isinstance(saved, dict) and self.model.restore(saved):
            self.cached_steps = self.model.steps

    def _save_cache(self) -> None:
        if self.store is None or self.cached_steps == self.model.steps:
            return
        with self.lock:
            snapshot = self.model.snapshot()
        self.store.set_setting(CACHE_KEY, {**self._cache(), self.model.target: snapshot})
        self.cached_steps = self.model.steps

    # --- TrainingSection ---------------------------------------------------------------------

    def train_chunk(self) -> float:
        return self.model.train_chunk()

    @property
    def training_done(self) -> bool:
        return self.model.trained

    def restart(self) -> None:
        self.model.set_target(self.model.target)
        self.reached_end = False

    # --- keys -----------------------------------------------------------------------------

    def action_layer(self, delta: int) -> None:
        with self.lock:
            moved = self.model.forward() if delta > 0 else self.model.reverse()
        if moved and self.model.trained:
            if self.model.stage == N_LAYERS:
                self.reached_end = True
            elif self.model.stage == 0 and self.reached_end:
                self.mark_complete()
        self.refresh_view()

    def action_target(self) -> None:
        self.playing = False
        self.workers.cancel_group(self, "training")
        with self.lock:
            self.model.switch_target()
        self.reached_end = False
        self.cached_steps = None
        self._load_cache()
        self.refresh_view()

    # --- drawing ----------------------------------------------------------------------------

    def refresh_view(self) -> None:
        if not self.is_attached:  # is_mounted turns True only after on_mount
            return
        m = self.model
        if m.trained:
            self._save_cache()
        with self.lock:
            cloud, logdets, error = m.cloud.copy(), m.step_logdets(), m.max_error
        canvas = self.query_one("#fl-canvas", Canvas)
        canvas.clear()
        canvas.points(m.target_points[:, 0], m.target_points[:, 1], colours="#777777",
                      marker="·")
        canvas.points(cloud[:, 0], cloud[:, 1], classes=m.quarter, marker=QUARTER_MARKERS)
        self.query_one("#fl-side", Static).update(self._side(logdets, error))
        self.query_one("#fl-status", Static).update(self._status())

    def _side(self, logdets: list[float], error: float) -> Text:
        m = self.model
        side = Text(no_wrap=True, overflow="ellipsis")
        side.append(f"{m.target} · after step {m.stage}/{N_LAYERS}\n", "bold")
        side.append("mean log|det J| per step\n")
        top = max(0.5, max(abs(v) for v in logdets))
        for k, value in enumerate(logdets, 1):
            here = k == m.stage
            side.append(f"{'▶' if here else ' '}{k} {num(value, 2, sign=True):>6} "
                        f"{signed_bar_text(value, top, 5)}\n", "bold" if here else "")
        side.append(f"  sum {num(sum(logdets[:m.stage]), 2, sign=True):>6} (steps 1–{m.stage})\n"
                    if m.stage else "  sum  +0.00 (no step yet)\n")
        side.append("\nmax |x − x₀→ₖ| ", "bold")
        side.append(sci(error) if error else "0")
        side.append("\n(x on show vs. the same\n stage computed from the start)")
        return side

    def _status(self) -> Text:
        m = self.model
        status = Text()
        if m.steps == 0:
            status.append("untrained: the flow is the identity — p trains it. ", "bold")
        else:
            state = "trained" if m.trained else "training"
            nll = "—" if m.nll is None else num(m.nll, 3)
            status.append(f"{state} {m.steps}/{TOTAL_STEPS} steps · NLL {nll} nats"
                          + (" (kept) " if m.trained else " "), "bold")
        status.append("→/← step the cloud through the layers.")
        return status
