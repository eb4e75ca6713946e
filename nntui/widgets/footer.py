"""Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer rebuilds itself (unmounts and mounts every key, restyles each one) whenever
the screen's bindings *may* have changed: every focus move, every ``refresh_bindings``. A
section calls that several times per key press, so the rebuild was most of the cost of a key
press, and a repaint of the bottom line sent to the terminal, for a Footer that usually reads
the same. Here the rebuilds asked for in one refresh collapse into one, and it is skipped when
the keys on show (key, label, enabled, tooltip) are unchanged.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple | None = None
        self._rebuild_pending = False

    def shown_keys(self) -> tuple:
        """What the Footer would show now: everything its compose reads from the screen."""
        keys = tuple(
            (binding.key, self.app.get_key_display(binding), binding.description,
             binding.action, enabled, tooltip, binding.group)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show)
        return keys, self.show_command_palette, self.compact

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self.shown_keys()
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._rebuild_pending = False
        if self.is_attached and self.shown_keys() != self._shown:
            await self.recompose()
