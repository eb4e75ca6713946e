"""Level 2 at 80×24: the Footer keeps room for the global keys, and lesson text scrolls by
named keys while the live picture stays in view."""

from __future__ import annotations

import pytest

SIZE = (80, 24)
# The section's own Footer entries end by this column, leaving the rest of the 80 for the
# global keys (escape, next, previous, help) and the command palette.
SECTION_FOOTER_COLUMNS = 48

L2_SECTIONS = ("l2.layers", "l2.forward-relay", "l2.linear-collapse", "l2.solve-xor",
               "l2.two-cuts", "l2.init", "l2.init-race", "l2.build-network")


def section_footer(app) -> dict[str, int]:
    """The section view's own Footer entries: description → right edge (columns)."""
    view = app.screen.view
    own = {b.action for bindings in view._bindings.key_to_bindings.values() for b in bindings}
    return {key.description: key.region.right for key in app.screen.query("FooterKey")
            if key.action in own and key.description}


@pytest.mark.parametrize("section", L2_SECTIONS)
async def test_section_keys_leave_room_for_the_global_keys(opened, section):
    async with opened(section) as (app, pilot, v):
        await pilot.pause()  # the Footer recomposes after the first layout
        footer = section_footer(app)
        assert footer, section
        assert max(footer.values()) <= SECTION_FOOTER_COLUMNS, footer


@pytest.mark.parametrize("section, picture", [
    ("l2.layers", "#layers-net"), ("l2.linear-collapse", "#lc-canvas"),
    ("l2.two-cuts", "#tc-table"), ("l2.init", "#init-hist"),
])
async def test_text_scrolls_by_named_keys_while_the_picture_stays(opened, section, picture):
    async with opened(section) as (app, pilot, v):
        await pilot.pause()
        footer = {key.key_display: key.description for key in app.screen.query("FooterKey")}
        assert footer.get("PgDn") == "more"
        widget = app.screen.query_one(picture)
        before = widget.region
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert v.scroll_y > 0
        assert widget.region == before and widget.region.y >= 1
