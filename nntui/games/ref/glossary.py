"""Glossary: every term of the course, searched as you type (model in ``glossary_model``).

The command palette (``nntui/commands.py``) and the help screen reach an entry through
:func:`open_term`, which remembers the term in the learner's settings and opens the section.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from nntui import sections
from nntui.widgets.option_menu import OptionMenu
from nntui.widgets.ref_table import SearchInput
from nntui.widgets.section import SectionView

from .glossary_model import Term, glossary

SECTION_ID = "ref.glossary"
#: The learner's last (or requested) entry, so a return visit or a palette pick lands on it.
TERM_SETTING = "ref.glossary.term"
MAX_LINKS = 5


def open_term(app, name: str) -> None:
    """Open the glossary at the entry for ``name`` (from the palette, help or anywhere)."""
    app.store.set_setting(TERM_SETTING, name)
    view = getattr(app.screen, "view", None)
    if isinstance(view, GlossaryView) and view.is_attached:
        view.show_term(name)
    else:
        app.open_section(SECTION_ID)


def entry_text(term: Term) -> Text:
    text = Text()
    text.append(term.name, "bold")
    if term.also:
        text.append(f"  (also: {', '.join(term.also)})", "italic")
    text.append(f"\n\n{term.definition}\n\n")
    text.append("Taught in\n", "bold underline")
    for index, section_id in enumerate(term.sections[:MAX_LINKS]):
        section = sections.get(section_id)
        text.append(f" {index + 1} ", "reverse")
        text.append(" ●" if section.ready else " ○")
        text.append(f" {section.title}", "bold")
        text.append(f"  {section_id}\n", "dim")
    text.append("● ready  ○ planned", "dim italic")
    return text


class GlossaryView(SectionView):
    """A search line, the matching terms, and the highlighted term's entry."""

    HELP = ("Type to search: the list keeps the terms whose name (or, further down, whose "
            "definition) contains what you typed. ↓ or enter moves into the list; ↑/↓ pick a "
            "term and its entry shows on the right. 1–5 open a section that teaches the term. "
            "/ goes back to the search line; escape in it clears the search. From anywhere, "
            "ctrl+p and a term's name open its entry here, and g in the help screen opens "
            "this glossary.")
    BINDINGS = [
        Binding("slash", "search", "search", key_display="/"),
        *[Binding(str(i + 1), f"open_link({i})", "open section", show=i == 0,
                  key_display=f"1-{MAX_LINKS}" if i == 0 else None) for i in range(MAX_LINKS)],
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.glossary = glossary()
        self.shown: list[Term] = list(self.glossary.terms)
        self.term: Term | None = None

    def compose(self):
        with Horizontal(id="gl-top"):
            yield Static("search ›", id="gl-prompt")
            yield SearchInput(f"type part of a term ({len(self.glossary)} in all)", id="gl-search")
        with Horizontal(id="gl-body"):
            yield OptionMenu(id="gl-list")
            yield Static(id="gl-entry")
        yield Static(id="gl-count")

    def on_mount(self) -> None:
        self.mark_complete()
        self._fill()
        wanted = self.store.get_setting(TERM_SETTING) if self.store else None
        term = self.glossary.find(wanted) if wanted else None
        if term is not None:
            self.show_term(term.name)
        self.call_after_refresh(self.query_one("#gl-search", SearchInput).focus)

    # -- the list ------------------------------------------------------------------------

    def _fill(self) -> None:
        listing = self.query_one("#gl-list", OptionList)
        listing.clear_options()
        listing.add_options([Option(t.name, id=t.name) for t in self.shown])
        if self.shown:
            listing.highlighted = 0
            self._show(self.shown[0])
        else:
            self.term = None
            self.query_one("#gl-entry", Static).update(Text("No term matches; escape clears."))
        self.query_one("#gl-count", Static).update(
            Text(f"{len(self.shown)} of {len(self.glossary)} terms", "dim"))

    def _show(self, term: Term) -> None:
        self.term = term
        self.query_one("#gl-entry", Static).update(entry_text(term))

    def show_term(self, name: str) -> None:
        """Show the entry for ``name``, clearing a search that hides it."""
        term = self.glossary.find(name)
        if term is None:
            return
        if term not in self.shown:
            self.query_one("#gl-search", SearchInput).value = ""
            self.shown = list(self.glossary.terms)
            self._fill()
        listing = self.query_one("#gl-list", OptionList)
        listing.highlighted = self.shown.index(term)
        self._show(term)
        listing.focus()

    # -- events and keys -----------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        self.shown = self.glossary.search(event.value)
        self._fill()

    def on_search_input_done(self, event: SearchInput.Done) -> None:
        self.query_one("#gl-list", OptionList).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        term = self.glossary.find(event.option.id or "")
        if term is not None:
            self._show(term)
            if self.store:
                self.store.set_setting(TERM_SETTING, term.name)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # the level screen's rail also listens for selections
        self.action_open_link(0)

    def action_search(self) -> None:
        self.query_one("#gl-search", SearchInput).focus()

    def action_open_link(self, index: int) -> None:
        if self.term is None or index >= len(self.term.sections):
            return
        self.app.open_section(self.term.sections[index])
