"""Glossary: the pure model (no Textual). Terms come from ``content/reference/glossary.toml``.

A search ranks the terms whose name starts with the query first, then those with another name
that starts with it, then those whose names contain it, then those whose definition does, so
typing a few letters finds a term fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from nntui import content

__all__ = ["Term", "Glossary", "glossary"]


@dataclass(frozen=True)
class Term:
    name: str
    definition: str
    sections: tuple[str, ...]  # ids of the sections that teach it
    also: tuple[str, ...] = ()  # other names a search should find

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.also)


class Glossary:
    """Every term of the course, in alphabetical order."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = sorted(terms, key=lambda t: t.name.casefold())
        self._by_name = {name.casefold(): t for t in self.terms for name in t.names}

    @classmethod
    def from_data(cls, data: dict) -> "Glossary":
        return cls([Term(row["name"], row["def"], tuple(row["see"]), tuple(row.get("also", ())))
                    for row in data["term"]])

    def __len__(self) -> int:
        return len(self.terms)

    def find(self, name: str) -> Term | None:
        """The term with this name (or other name), any case."""
        return self._by_name.get(name.strip().casefold())

    def search(self, query: str) -> list[Term]:
        """Terms matching ``query``, best first; every term for an empty query."""
        q = query.strip().casefold()
        if not q:
            return list(self.terms)

        def rank(term: Term) -> int | None:
            names = [n.casefold() for n in term.names]
            if names[0].startswith(q):
                return 0
            if any(n.startswith(q) for n in names):
                return 1
            if any(q in n for n in names):
                return 2
            if q in term.definition.casefold():
                return 3
            return None

        ranked = [(r, i, t) for i, t in enumerate(self.terms) if (r := rank(t)) is not None]
        return [t for _, _, t in sorted(ranked)]

    def taught_in(self, section_id: str) -> list[Term]:
        return [t for t in self.terms if section_id in t.sections]


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    """The course glossary, read once."""
    return Glossary.from_data(content.reference("glossary"))
