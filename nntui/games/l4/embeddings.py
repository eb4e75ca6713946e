"""Embeddings: the section body (model in ``embeddings_model``).

A ``TrainingSection``: every full-batch step runs in the base's worker thread.
"""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.bars import signed_bar_text
from nntui.widgets.canvas import MARKERS, Canvas
from nntui.widgets.keys import axis_keys
from nntui.widgets.number_text import num
from nntui.widgets.playing import TrainingSection

from .embeddings_model import GROUP_NAMES, Embeddings

CHOSEN = "◆"


class EmbeddingsView(TrainingSection):
    """Fifteen words, 2-D vectors trained on which words appear together."""

    HELP = (
        "p trains (and pauses), s trains one step, r scatters the words again. ←/→ (h/l) "
        "choose a word. Each word has a 2-D vector, drawn as a point: ● fruit, ○ animals, "
        "+ royalty, ◆ the chosen word. Training is skip-gram with negative sampling on a small "
        "generated corpus: words seen near each other are pulled to point the same way, "
        "random pairs are pushed apart. The list shows the chosen word's nearest neighbours "
        "by cosine similarity, cos = a·b / (‖a‖‖b‖): 1 for the same direction, −1 for opposite."
    )
    BINDINGS = [*axis_keys("x", "choose({})", "word")]
    CHUNKS_PER_SECOND = 20.0  # one step a beat: about 15 s to settle, slow enough to watch
    STEP_CHUNKS = 1

    #: Steps per run; None = the model's default (tests shorten it).
    max_steps: int | None = None

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = self._new_model()

    def _new_model(self) -> Embeddings:
        return Embeddings() if self.max_steps is None else Embeddings(self.max_steps)

    def compose(self):
        with Horizontal(id="emb-row"):
            yield Canvas(id="emb-canvas")
            yield Static(id="emb-side")
        yield Static(id="emb-status")

    def on_mount(self) -> None:
        self.focus()
        self.refresh_view()
        self.call_after_refresh(self.refresh_view)  # the label's side needs the canvas size

    # --- the training lifecycle (TrainingSection) ------------------------------------

    def train_chunk(self) -> float | None:
        return self.model.train(1)

    @property
    def training_done(self) -> bool:
        return self.model.done

    def restart(self) -> None:
        chosen = self.model.chosen
        self.model = self._new_model()
        self.model.chosen = chosen

    def action_choose(self, step: int) -> None:
        with self.lock:
            self.model.choose(step)
        self.refresh_view()

    # --- drawing ------------------------------------------------------------------

    def refresh_view(self) -> None:
        if self.model.done:
            self.mark_complete()
        self.draw_words()
        self.query_one("#emb-side", Static).update(self.side())
        self.query_one("#emb-status", Static).update(self.status())

    def draw_words(self) -> None:
        canvas = self.query_one("#emb-canvas", Canvas)
        m = self.model
        pos = m.positions()
        reach = 1.15 * float(np.abs(pos).max())
        # Terminal cells are about twice as tall as wide: stretch x so the picture is not squashed.
        canvas.clear()
        canvas.set_limits((-2 * reach, 2 * reach), (-reach, reach))
        canvas.line(-2 * reach, 0, 2 * reach, 0, colour="#555555", char="·")
        canvas.line(0, -reach, 0, reach, colour="#555555", char="·")
        others = np.arange(len(m.words)) != m.chosen
        canvas.points(2 * pos[others, 0], pos[others, 1], classes=m.embedding.groups[others])
        x, y = 2 * pos[m.chosen, 0], pos[m.chosen, 1]
        canvas.points([x], [y], marker=CHOSEN, colours="#ffffff")
        # The chosen word's name beside its point, on the side with room for it.
        cell = 4 * reach / canvas.cell_size.width
        column, _ = canvas.world_to_cell(x, y)
        if column + len(m.word) + 2 < canvas.cell_size.width:
            canvas.text(x + 2 * cell, y, m.word)
        else:
            canvas.text(x - (len(m.word) + 1) * cell, y, m.word)

    def side(self) -> Text:
        m = self.model
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{CHOSEN} {m.word}", "bold")
        text.append(f" ({m.group})\n")
        text.append("nearest by cosine:\n")
        for word, cos in m.neighbours():
            text.append(f" {word:<8} {signed_bar_text(cos, 1.0, 5)} {num(cos, 2, sign=True)}\n")
        same, cross = m.mean_cosine()
        text.append("mean cos\n")
        text.append(f" same group  {num(same, 2, sign=True)}\n")
        text.append(f" other group {num(cross, 2, sign=True)}\n")
        for i, name in enumerate(GROUP_NAMES):
            text.append(f"{MARKERS[i]} {name}  ")
        return text

    def status(self) -> Text:
        m = self.model
        text = Text(no_wrap=True, overflow="ellipsis")
        state = "■ finished" if m.done else "▶ training" if self.playing else "❚❚ paused"
        loss = num(m.embedding.loss(), 3)
        text.append(f"{state} · step {m.steps}/{m.max_steps} · loss {loss}", "bold")
        if m.clustered:
            text.append("  the groups have formed\n")
        elif m.steps == 0:
            text.append("  press p: the words start scattered\n")
        else:
            text.append("  words seen together turn the same way\n")
        return text
