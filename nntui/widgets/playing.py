"""The two section bases for things that run on their own: ``AnimatedSection`` and
``TrainingSection``.

Both share one lifecycle, written once here:

* a reactive ``playing``; ``p`` plays and pauses, ``s`` steps (and pauses), ``r`` resets;
* nothing runs while the section is covered (help, a modal) or after it is left, and a section
  that was playing when covered plays again when uncovered;
* a subclass supplies only the model's behaviour: ``advance`` or ``train_chunk``, ``restart`` and
  ``refresh_view``.

``AnimatedSection`` drives ``advance()`` from one timer, created paused, so an idle section costs
no CPU. ``TrainingSection`` runs every training step — played or stepped — in one exclusive thread
worker, with a lock around the model so two threads can never update the same arrays; it posts at
most ``POSTS_PER_SECOND`` redraws, stops when the screen is left, and turns a NaN/inf loss into a
"diverged" state instead of a crash.
"""

from __future__ import annotations

import math
import threading
import time

from textual import work
from textual.binding import Binding
from textual.reactive import reactive
from textual.timer import Timer
from textual.worker import get_current_worker

from nntui.widgets.section import SectionView

__all__ = ["PlayableSection", "AnimatedSection", "ModelAnimation", "TrainingSection"]


class PlayableSection(SectionView):
    """What animated and training sections share: play/step/reset and the hide/show rules."""

    BINDINGS = [
        Binding("p", "toggle_play", "play"),  # p again pauses (the help says so)
        Binding("s", "step", "step"),
        Binding("r", "reset", "reset"),
    ]

    #: Playing, as the learner asked for it. While the section is covered nothing runs, but
    #: ``playing`` keeps its value so the section resumes when it is shown again.
    playing: reactive[bool] = reactive(False, init=False)

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self._covered = False

    # --- what a subclass provides ------------------------------------------------------

    @property
    def finished(self) -> bool:
        """True when there is nothing left to play (``p`` then does nothing)."""
        return False

    def restart(self) -> None:
        """Put the model back at its start (``r``)."""

    def refresh_view(self) -> None:
        """Redraw from the model. Called after every change the base makes."""

    # --- the lifecycle ----------------------------------------------------------------

    @property
    def running(self) -> bool:
        """Actually running now: playing, and not covered or left."""
        return self.playing and not self._covered and self.is_attached

    def watch_playing(self, playing: bool) -> None:
        self._sync()
        self.refresh_view()

    def section_hidden(self) -> None:
        self._covered = True
        self._sync()

    def section_shown(self) -> None:
        self._covered = False
        self._sync()

    def on_unmount(self) -> None:
        self._covered = True
        self._sync()

    def _sync(self) -> None:
        self._run(self.running)

    def _run(self, run: bool) -> None:
        """Start or stop whatever drives the section."""
        raise NotImplementedError

    # --- keys -------------------------------------------------------------------------

    def action_toggle_play(self) -> None:
        self.playing = not self.playing and not self.finished

    def action_reset(self) -> None:
        self.playing = False
        self.restart()
        self.refresh_view()


class AnimatedSection(PlayableSection):
    """A section that plays by calling ``advance()`` every ``INTERVAL`` seconds on one timer."""

    #: Seconds between two beats while playing.
    INTERVAL: float = 0.5
    #: Start playing as soon as the section opens.
    AUTOPLAY: bool = False

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self._timer: Timer | None = None

    def advance(self) -> bool:
        """One beat of the animation; return False when it has reached its end."""
        raise NotImplementedError

    def on_mount(self) -> None:
        # The one timer, created paused: a paused animation costs nothing.
        self._timer = self.set_interval(self.INTERVAL, self._beat, pause=True)
        if self.AUTOPLAY:
            self.playing = True
        self._sync()  # a subclass may have set ``playing`` before the timer existed

    def _run(self, run: bool) -> None:
        if self._timer is None:
            return
        if run:
            self._timer.resume()
        else:
            self._timer.pause()

    def _beat(self) -> None:
        if not self.on_screen:  # a beat that fires while the section is being taken down
            return
        if not self.advance():
            self.playing = False  # refreshes the view too
        else:
            self.refresh_view()

    def action_step(self) -> None:
        self.playing = False
        self.advance()
        self.refresh_view()


class ModelAnimation(AnimatedSection):
    """An animation whose pure model walks itself: ``self.model`` has ``advance() -> bool``
    (False once nothing moved) and ``done``; the section completes when the walk has ended."""

    @property
    def finished(self) -> bool:
        return self.model.done

    def advance(self) -> bool:
        moved = self.model.advance()
        if self.model.done:
            self.mark_complete()
        return moved


class TrainingSection(PlayableSection):
    """A section whose model trains in a thread worker while keys stay live.

    The subclass implements ``train_chunk()`` — a few real training steps on the model, run only
    in the worker, under ``lock`` — returning the latest loss. ``s`` trains ``STEP_CHUNKS`` chunks
    in the same worker, never on the UI thread. Anything the UI changes in the model while a
    worker may run (a setting, the architecture) it changes inside ``with self.lock:``.
    """

    #: Redraws posted to the UI at most this often while training.
    POSTS_PER_SECOND: float = 20.0
    #: Chunks per second at most (None: as fast as the machine allows). A cap keeps a room of
    #: learners on a shared two-core server from each taking a whole core.
    CHUNKS_PER_SECOND: float | None = None
    #: Chunks trained by one press of ``s``.
    STEP_CHUNKS: int = 1
    #: Shown when the loss stops being a finite number.
    DIVERGED_HINT = "diverged — the loss is no longer a finite number; lower the learning rate"

    diverged: reactive[bool] = reactive(False, init=False)

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        #: Held by the worker for every chunk, and by the UI for any change to the model.
        self.lock = threading.Lock()
        self.last_loss: float | None = None
        # A worker that has trained its last chunk and is only returning: cancelling it then
        # would merely mark it "cancelled" (and make waiting for it raise).
        self._ending_worker = None

    def train_chunk(self) -> float | None:
        """A few training steps on the model (worker thread, under ``lock``); the last loss."""
        raise NotImplementedError

    @property
    def training_done(self) -> bool:
        """True when the model has trained all it will (a fixed-length run, say)."""
        return False

    @property
    def finished(self) -> bool:
        return self.diverged or self.training_done

    def _run(self, run: bool) -> None:
        if run:
            self._train(None)
        else:
            self._stop_training()

    def _stop_training(self) -> None:
        for worker in self.workers:
            if (worker.node is self and worker.group == "training"
                    and worker is not self._ending_worker):
                worker.cancel()

    def action_step(self) -> None:
        self.playing = False
        if not self.finished:
            self._train(self.STEP_CHUNKS)

    def action_reset(self) -> None:
        self.playing = False
        self._stop_training()
        # A worker that is still inside a chunk finishes it on the old model under the lock;
        # the restart waits for that chunk so it never rebuilds arrays being written.
        with self.lock:
            self.diverged = False
            self.last_loss = None
            self.restart()
        self.refresh_view()

    @work(thread=True, exclusive=True, group="training")
    def _train(self, chunks: int | None) -> None:
        worker = get_current_worker()
        post_every = 1.0 / self.POSTS_PER_SECOND
        min_chunk = 0.0 if self.CHUNKS_PER_SECOND is None else 1.0 / self.CHUNKS_PER_SECOND
        last_post = 0.0
        done = 0
        while True:
            started = time.monotonic()
            # Exclusive workers cancel the previous one, but a thread cannot be stopped inside a
            # chunk: the lock makes the new worker wait until the old one has finished it.
            with self.lock:
                if worker.is_cancelled:
                    return
                loss = self.train_chunk()
            done += 1
            diverged = loss is not None and not math.isfinite(loss)
            stop = diverged or self.finished or (chunks is not None and done >= chunks)
            now = time.monotonic()
            if stop or now - last_post >= post_every:
                last_post = now
                if not self._post(self._after_chunk, worker, loss, diverged, stop):
                    return
            if stop or worker.is_cancelled:
                return
            rest = min_chunk - (time.monotonic() - started)
            if rest > 0:
                time.sleep(rest)

    def _post(self, callback, *args) -> bool:
        try:
            self.app.call_from_thread(callback, *args)
        except RuntimeError:  # the app is closing
            return False
        return True

    def _after_chunk(self, worker, loss: float | None, diverged: bool, stop: bool) -> None:
        # This runs on the UI thread while the worker waits for it, so the model is not being
        # written: a newer worker cannot have taken the lock yet, and an older one was cancelled.
        if worker.is_cancelled or not self.on_screen:
            return
        self.last_loss = loss
        if diverged:
            self.diverged = True
        if stop:
            self._ending_worker = worker  # it returns right after this callback
        if stop and self.playing:
            self.playing = False  # refreshes the view
        else:
            self.refresh_view()
