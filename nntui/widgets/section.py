"""The base every section body builds on, and the two generic bodies: a lesson and a planned card.

A section body is a ``SectionView``: the level screen mounts it in its main pane when the learner
opens the section and removes it when they leave (so its timers and workers stop with it). It
records progress through ``record_attempt`` / ``mark_complete``, which also tell the screen to
refresh the rail's ✓ marks. Animations override ``section_hidden`` / ``section_shown`` to pause
while a modal (help, a result) covers them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Markdown, Static

from nntui import content

if TYPE_CHECKING:
    from nntui.sections import Section
    from nntui.store import Store


class SectionView(VerticalScroll):
    """Base class for a section body. Subclasses compose their own widgets."""

    DEFAULT_CSS = """
    SectionView { height: 1fr; padding: 0 1; }
    """

    #: Markdown shown under "This section" in the help screen (keys beyond the Footer, tips).
    HELP: str = ""

    # Page keys scroll the section even while arrows drive one of its widgets; the Footer names
    # them whenever there is more to read than fits.
    BINDINGS = [
        Binding("pagedown", "page_down", "more", key_display="PgDn"),
        Binding("pageup", "page_up", "back", key_display="PgUp", show=False),
    ]

    class ProgressChanged(Message):
        """A visit, completion or attempt was recorded; the rail and header should refresh."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # A section's styles live beside it (games/l1/tune_neuron.tcss). Loading them as the
        # class's default CSS means Textual parses them only when the section is first opened,
        # not every stylesheet of the course at start-up.
        if "DEFAULT_CSS" not in cls.__dict__:
            module = sys.modules.get(cls.__module__)
            path = Path(getattr(module, "__file__", "") or "").with_suffix(".tcss")
            if path.name and path.is_file():
                cls.DEFAULT_CSS = path.read_text(encoding="utf-8")

    def __init__(self, section: Section, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.section = section

    @property
    def on_screen(self) -> bool:
        """Still shown: not left, nor being taken down. A worker's result that arrives later
        than this is dropped (removal is asynchronous: children go before the view itself)."""
        return self.is_attached and not (self._closing or self._closed)

    @property
    def store(self) -> Store | None:
        return getattr(self.app, "store", None)

    def record_attempt(self, score: float, max_score: float, won: bool,
                       details: dict | None = None) -> int | None:
        """Keep a game or quiz outcome; a win also completes the section."""
        store = self.store
        if store is None:
            return None
        attempt_id = store.record_attempt(self.section.id, score, max_score, won, details)
        self.post_message(self.ProgressChanged())
        return attempt_id

    def mark_complete(self) -> None:
        store = self.store
        if store is not None and self.section.id not in store.completed_sections():
            store.record_completion(self.section.id)
            self.post_message(self.ProgressChanged())

    @property
    def page_target(self) -> VerticalScroll:
        """What the page keys scroll: the reading pane under a pinned picture, if the section
        has one, else the whole section."""
        panes = self.query(ReadingPane)
        return panes.first() if panes else self

    def action_page_down(self) -> None:
        self.page_target.scroll_page_down()

    def action_page_up(self) -> None:
        self.page_target.scroll_page_up()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("page_down", "page_up"):
            return self.page_target.max_scroll_y > 0
        return True

    def on_resize(self) -> None:
        self.refresh_bindings()  # whether there is more to read may have changed

    def section_hidden(self) -> None:
        """Something covers the section (help, a modal): pause timers here."""

    def section_shown(self) -> None:
        """The section is visible again."""


class ReadingPane(VerticalScroll):
    """The text's own scroll area, below a picture and controls that stay in view.

    A section that pins its live widget puts its text in one of these: the page keys (named in
    the Footer) scroll only the text, so the picture the text talks about never scrolls away.
    It posts ``EndShown`` once the end of the text has been on screen.
    """

    DEFAULT_CSS = """
    ReadingPane { height: 1fr; min-height: 3; scrollbar-size-vertical: 1; scrollbar-gutter: stable; }
    ReadingPane > Markdown { margin: 0 1 0 0; }
    """
    # The section's page keys drive this pane; arrows belong to the section's controls.
    # No keys of its own, so the help screen does not list a scroll area's arrow keys.
    can_focus = False
    BINDINGS = []

    class EndShown(Message):
        """The last line of the text has been on screen."""

    def __init__(self, *children, **kwargs: Any) -> None:
        super().__init__(*children, **kwargs)
        self.end_shown = False

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._check_end()

    def on_resize(self) -> None:
        self.screen.refresh_bindings()  # whether there is more to read may have changed
        self.call_after_refresh(self._check_end)

    def _check_end(self) -> None:
        if not self.end_shown and self.is_mounted and self.size.height \
                and self.scroll_y >= self.max_scroll_y:
            self.end_shown = True
            self.post_message(self.EndShown())


class LessonText(Markdown):
    """Lesson Markdown whose ``{{figures}}`` are filled from live values.

    Rebuilding Markdown takes longer than a held key's repeat, so updates are coalesced: while
    one is being laid out, newer values wait, and only the latest is applied when it is done.
    The text never falls behind the keys by more than one rebuild, and never misses the last.
    """

    def __init__(self, section_id: str, values: dict | None = None, **kwargs: Any) -> None:
        self.template = content.lesson_text(section_id)
        super().__init__(content.fill(self.template, values or {}), **kwargs)
        self._rebuilding = False
        self._waiting: dict | None = None

    def set_values(self, values: dict) -> None:
        if self._rebuilding:
            self._waiting = values  # replaces any older values still waiting
            return
        self._rebuilding = True
        # The text (``source``) changes now; laying out its blocks finishes in the worker.
        rebuilt = self.update(content.fill(self.template, values))
        self.run_worker(self._then_latest(rebuilt), group="lesson-text")

    async def _then_latest(self, rebuilt) -> None:
        try:
            await rebuilt
            while self._waiting is not None:
                values, self._waiting = self._waiting, None
                await self.update(content.fill(self.template, values))
        finally:
            self._rebuilding = False


class LessonView(SectionView):
    """A lesson: its Markdown, filled from ``values()``. Reading it completes it.

    Subclasses that add live widgets override ``compose`` (yielding ``self.lesson_text()`` where
    the text goes) and call ``refresh_values()`` when an input changes.
    """

    #: Opening a lesson counts as reading it. A lesson that asks for more (visit every event
    #: of a timeline, say) sets this False and calls ``mark_complete()`` itself.
    COMPLETE_ON_OPEN = True
    #: Complete once the end of the text in the ``ReadingPane`` has been on screen.
    COMPLETE_AT_END = False

    def values(self) -> dict:
        """Figures for the text, computed with the engine from the current state."""
        return {}

    def lesson_text(self) -> LessonText:
        return LessonText(self.section.id, self.values(), id="lesson-text")

    def reading_pane(self) -> ReadingPane:
        """The lesson text in its own scroll area, for a lesson that pins a picture above it."""
        return ReadingPane(self.lesson_text())

    def on_reading_pane_end_shown(self, event: ReadingPane.EndShown) -> None:
        if self.COMPLETE_AT_END:
            self.mark_complete()

    def compose(self):
        yield self.lesson_text()

    def on_mount(self) -> None:
        if self.COMPLETE_ON_OPEN:
            self.mark_complete()

    def refresh_values(self) -> None:
        self.query_one("#lesson-text", LessonText).set_values(self.values())


class PlannedView(SectionView):
    """The honest card for a section that is on the map but not built yet."""

    def compose(self):
        s = self.section
        concepts = ", ".join(s.concepts)
        yield Static(
            f"[b]{s.title}[/b]  ·  {s.kind}  ·  {s.id}\n\n"
            f"{s.summary}\n\n"
            f"Concepts: {concepts}\n\n"
            "[i]Planned: this section is on the course map but not built yet.[/i]\n"
            "Press n for the next section, b for the previous one, escape for home.",
            markup=True,
        )
