"""Variational autoencoder: the section body (model in ``vae_model``).

A ``TrainingSection``: every training step runs in the base's worker thread.
"""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.canvas import Canvas
from nntui.widgets.keys import axis_keys
from nntui.widgets.number_text import num
from nntui.widgets.playing import TrainingSection

from .vae_model import VaeLab

STEPS_PER_CHUNK = 5
DATA_LIMIT, LATENT_LIMIT = 1.8, 3.2
CIRCLE = np.linspace(0, 2 * np.pi, 73)


class VaeView(TrainingSection):
    """Encode, sample, decode: the codes and the outputs move with σ and ε."""

    HELP = (
        "p trains (and pauses), s trains 5 steps, r starts again untrained. ←/→ (h/l) scale "
        "the sampling noise: z = μ + k·σ⊙ε with k from 0 (just the mean) to 3; e draws a "
        "new ε. Left, data space: · the 40 shown ring points, ● what the decoder makes of "
        "their sampled codes. Right, latent space: ● the sampled codes z, · the circle of "
        "radius 1 of the prior N(0, I). The loss is the reconstruction term "
        "‖x − x̂‖²/(2s²) plus the KL term, which pulls every code toward the prior."
    )
    BINDINGS = [*axis_keys("x", "sigma({})", "σ scale"),
                Binding("e", "resample", "new ε")]
    CHUNKS_PER_SECOND = 20.0
    STEP_CHUNKS = 1

    #: Steps per run; None = the model's default (tests shorten it).
    max_steps: int | None = None

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = self._new_model()

    def _new_model(self) -> VaeLab:
        return VaeLab() if self.max_steps is None else VaeLab(self.max_steps)

    def compose(self):
        yield Static(Text("x → encoder → μ, log σ² → z = μ + k·σ⊙ε → decoder → x̂",
                          no_wrap=True), id="vae-flow")
        with Horizontal(id="vae-row"):
            yield Canvas((-2 * DATA_LIMIT, 2 * DATA_LIMIT), (-DATA_LIMIT, DATA_LIMIT),
                         id="vae-data")
            yield Canvas((-2 * LATENT_LIMIT, 2 * LATENT_LIMIT), (-LATENT_LIMIT, LATENT_LIMIT),
                         id="vae-latent")
        yield Static(id="vae-status")

    def on_mount(self) -> None:
        self.focus()
        self.refresh_view()

    # --- the training lifecycle (TrainingSection) ------------------------------------

    def train_chunk(self) -> float | None:
        return self.model.train(STEPS_PER_CHUNK)

    @property
    def training_done(self) -> bool:
        return self.model.done

    def restart(self) -> None:
        self.model = self._new_model()

    # --- keys ---------------------------------------------------------------------

    def action_sigma(self, step: int) -> None:
        with self.lock:
            self.model.turn_sigma(step)
        self.refresh_view()

    def action_resample(self) -> None:
        with self.lock:
            self.model.resample()
        if self.model.steps and self.model.resamples:
            self.mark_complete()
        self.refresh_view()

    # --- drawing ------------------------------------------------------------------

    def refresh_view(self) -> None:
        m = self.model
        _, _, z = m.codes()
        decoded = m.decoded()
        # Terminal cells are about twice as tall as wide: x is drawn stretched by 2.
        data = self.query_one("#vae-data", Canvas)
        data.clear()
        data.points(2 * m.shown[:, 0], m.shown[:, 1], marker="·", colours="#19a979")
        data.points(2 * decoded[:, 0], decoded[:, 1], marker="●", colours="#e8743b")
        data.text(-2 * DATA_LIMIT, DATA_LIMIT, "data x · and x̂ ●")
        latent = self.query_one("#vae-latent", Canvas)
        latent.clear()
        latent.points(2 * np.cos(CIRCLE), np.sin(CIRCLE), marker="·", colours="#555555")
        latent.points(2 * z[:, 0], z[:, 1], marker="●", colours="#3b8fe8")
        latent.text(-2 * LATENT_LIMIT, LATENT_LIMIT, "codes z ●  prior · ")
        self.query_one("#vae-status", Static).update(self.status())

    def status(self) -> Text:
        m = self.model
        mu, sigma, _ = m.codes()
        recon, kl = m.terms()
        text = Text(no_wrap=True, overflow="ellipsis")
        state = "■ finished" if m.done else "▶ training" if self.playing else "❚❚ paused"
        text.append(f"{state} · step {m.steps}/{m.max_steps}", "bold")
        text.append(f" · noise scale k = {num(m.sigma_scale, 2)} · ε draw {m.resamples + 1}\n")
        text.append(f"reconstruction {num(recon, 2):>7}   KL {num(kl, 2):>6}   "
                    f"loss {num(recon + kl, 2)}\n")
        text.append(f"mean σ of a code {num(float(sigma.mean()), 2)}   mean ‖μ‖ "
                    f"{num(float(np.linalg.norm(mu, axis=1).mean()), 2)}\n")
        if m.steps == 0:
            text.append("press p to train; untrained, the decoder ignores the data")
        elif m.sigma_scale == 0:
            text.append("k = 0: every code is its mean μ, the plain autoencoder")
        elif m.sigma_scale > 1:
            text.append("more noise than trained for: the outputs scatter off the ring")
        else:
            text.append("e draws new noise: the codes jitter, the outputs stay near the ring")
        return text
