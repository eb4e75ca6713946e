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


def quiet_dropout_section(data_dir) -> None:
    """Leave a finished sweep for Dial the dropout, as an earlier visit would, so opening it
    from a glossary link does not start its minute-long sweep in the background."""
    from nntui.games.l4.dropout import SWEEP_KEY, DropoutView
    from nntui.games.l4.dropout_model import Sweep
    from nntui.store import Store

    rates = DropoutView.SETUP.rates
    done = Sweep(rates, (1.0,) * len(rates), (0.5,) * len(rates))
    with Store.open(data_dir, "test") as store:
        store.set_setting(SWEEP_KEY, {"setup": DropoutView.SETUP.key, "sweep": done.to_json()})


async def test_help_search_links_and_the_palette_lead_through_the_glossary(opened, data_dir):
    """One learner's way around: g in help opens the glossary; typing filters it; a term's
    entry links to the section that teaches it; the palette opens the glossary at a term."""
    from textual.command import CommandPalette
    from textual.widgets import Input

    quiet_dropout_section(data_dir)
    async with opened("l1.intro") as (app, pilot, view):
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        await pilot.pause()
        view = app.screen.view
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

        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        # typing into the palette is Textual's; one change runs one search
        app.screen.query_one(Input).value = "Glossary: Saddle point"
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
