"""Lesson text and the question bank: data, not code.

Lessons are Markdown files in ``content/lessons/<section id>.md``. A figure in the text is written
as ``{{name}}`` or ``{{name:.3f}}`` and filled from values the section computes with the engine,
so the number on screen is never typed by hand.
"""

from __future__ import annotations

import re
from importlib import resources

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?::([^}]*))?\}\}")


def lesson_text(section_id: str) -> str:
    """The raw Markdown of a lesson; FileNotFoundError if it has none."""
    return resources.files(__package__).joinpath("lessons", f"{section_id}.md").read_text("utf-8")


def placeholders(template: str) -> set[str]:
    """The names a template needs."""
    return {m.group(1) for m in _PLACEHOLDER.finditer(template)}


def fill(template: str, values: dict) -> str:
    """Fill ``{{name:spec}}`` placeholders; a missing value is an error, never a blank."""

    def replace(match: re.Match) -> str:
        name, spec = match.group(1), match.group(2) or ""
        if name not in values:
            raise KeyError(f"lesson placeholder {{{{{name}}}}} has no value")
        return format(values[name], spec)

    return _PLACEHOLDER.sub(replace, template)


def reference(name: str) -> dict:
    """A reference-lab data file, ``content/reference/<name>.toml``, parsed."""
    import tomllib

    text = resources.files(__package__).joinpath("reference", f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)
