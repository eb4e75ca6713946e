"""Command palette (ctrl+p): jump to any section by title or id, or to a glossary entry."""

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
        for term in _glossary_terms():
            text = f"Glossary: {term.name}"
            score = max([matcher.match(text), *(matcher.match(n) for n in term.also)])
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(_open_term, self.app, term.name),
                          help=term.definition)


def _glossary_terms():
    """The glossary's terms, read only when the palette is first searched."""
    from nntui.games.ref.glossary_model import glossary

    return glossary().terms


def _open_term(app, name: str) -> None:
    from nntui.games.ref.glossary import open_term

    open_term(app, name)
