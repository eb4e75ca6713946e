"""Command palette (ctrl+p): jump to any section by title or id."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from nntui import sections


class SectionCommands(Provider):
    """Every registered section, searchable as "title (id)"."""

    def _entries(self):
        names = {lv.id: lv.name for lv in sections.LEVELS}
        for s in sections.SECTIONS:
            text = f"{s.title} ({s.id})"
            yield s, text, f"{names[s.level]} · {s.kind} · {s.status}"

    async def discover(self) -> Hits:
        for s, text, help_text in self._entries():
            yield DiscoveryHit(text, partial(self.app.open_section, s.id), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for s, text, help_text in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self.app.open_section, s.id),
                          help=help_text)
