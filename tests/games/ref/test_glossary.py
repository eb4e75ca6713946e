"""ref.glossary: the terms, their sections, the search, the palette entry and the help key."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from nntui import sections
from nntui.games.ref.glossary import TERM_SETTING, GlossaryView
from nntui.games.ref.glossary_model import glossary


def test_the_glossary_has_at_least_120_terms_each_with_a_one_line_definition():
    terms = glossary().terms
    assert len(terms) >= 120
    assert len({t.name.casefold() for t in terms}) == len(terms), "duplicate term"
    for term in terms:
        assert term.definition and "\n" not in term.definition, term.name
        assert len(term.definition) <= 120, term.name
        assert term.sections, f"{term.name} names no section"


def test_every_section_a_term_names_exists():
    missing = [(t.name, s) for t in glossary().terms for s in t.sections
               if s not in sections.SECTION_BY_ID]
    assert not missing


def test_search_puts_name_matches_before_definition_matches():
    found = glossary().search("grad")
    names = [t.name for t in found]
    assert names[0] == "Gradient"  # the name starts with the query
    assert "Vanishing gradients" in names  # the name contains it
    assert names.index("Gradient") < names.index("Vanishing gradients")
    # "Backpropagation" only mentions gradients in its definition: it comes after the names.
    assert names.index("Vanishing gradients") < names.index("Backpropagation")
    assert glossary().search("zzzz") == []
    assert len(glossary().search("")) == len(glossary())


def test_other_names_find_their_term():
    assert glossary().find("mse").name == "Mean squared error"
    assert glossary().search("BPTT")[0].name == "Backpropagation through time"


async def test_typing_filters_the_list_and_a_term_opens_its_entry(opened):
    async with opened("ref.glossary") as (app, pilot, view):
        assert isinstance(view, GlossaryView)
        listing = view.query_one("#gl-list", OptionList)
        assert listing.option_count == len(glossary())
        await pilot.press(*"dropout")  # the search line has the focus on arrival
        await pilot.pause()
        assert listing.option_count == len(glossary().search("dropout"))
        assert listing.get_option_at_index(0).id == "Dropout"
        await pilot.press("down")  # into the list
        await pilot.pause()
        entry = str(view.query_one("#gl-entry", Static).render())
        assert "Dropout" in entry and "1/(1 − p)" in entry
        assert "Dial the dropout" in entry  # the section that teaches it
        await pilot.press("1")  # open the first section that teaches it
        await pilot.pause()
        assert app.screen.view.section.id == "l4.dropout"


async def test_a_palette_entry_opens_the_glossary_at_that_term(opened):
    from textual.command import CommandPalette

    async with opened("l1.intro") as (app, pilot, view):
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Glossary: Saddle point")
        for _ in range(20):  # the palette searches in the background
            await pilot.pause(0.05)
            if app.screen.query("CommandList Option") or app.screen.query(".option-list--option"):
                break
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        glossary_view = app.screen.view
        assert isinstance(glossary_view, GlossaryView)
        assert glossary_view.term.name == "Saddle point"
        assert app.store.get_setting(TERM_SETTING) == "Saddle point"


async def test_g_in_help_opens_the_glossary(opened):
    async with opened("l1.intro") as (app, pilot, view):
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen.view, GlossaryView)
