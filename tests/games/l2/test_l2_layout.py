"""Level 2 at 80×24: the Footer keeps room for the global keys, and lesson text scrolls by
named keys while the live picture stays in view.

One app goes through the level, as a learner would, instead of one app per section."""

from __future__ import annotations

SIZE = (80, 24)
# The section's own Footer entries end by this column, leaving the rest of the 80 for the
# global keys (escape, next, previous, help) and the command palette.
SECTION_FOOTER_COLUMNS = 48

L2_SECTIONS = ("l2.layers", "l2.forward-relay", "l2.linear-collapse", "l2.solve-xor",
               "l2.two-cuts", "l2.init", "l2.init-race", "l2.build-network")
# Sections whose lesson text scrolls below a picture that must stay put: the picture's selector
PICTURES = {"l2.layers": "#layers-net", "l2.linear-collapse": "#lc-canvas",
            "l2.two-cuts": "#tc-table", "l2.init": "#init-hist"}


def section_footer(app) -> dict[str, int]:
    """The section view's own Footer entries: description → right edge (columns)."""
    view = app.screen.view
    own = {b.action for bindings in view._bindings.key_to_bindings.values() for b in bindings}
    return {key.description: key.region.right for key in app.screen.query("FooterKey")
            if key.action in own and key.description}


def settled(app) -> bool:
    """The open view has the focus, and the Footer shows (laid out) the keys bound now."""
    screen = app.screen
    view, focused = screen.view, app.focused
    if view is None or focused is None or view not in focused.ancestors_with_self:
        return False
    keys = list(screen.query("FooterKey"))
    bound = {(b.action, b.description) for (_, b, _, _) in screen.active_bindings.values()
             if b.show}
    return {(k.action, k.description) for k in keys} == bound and all(k.region.width for k in keys)


async def test_section_keys_leave_room_and_text_scrolls_while_the_picture_stays(make_app):
    app = make_app(L2_SECTIONS[0])
    async with app.run_test(size=SIZE) as pilot:
        for index, section in enumerate(L2_SECTIONS):
            if index:  # the first one is open since the launch
                app.open_section(section)
            for _ in range(50):  # mount, focus and the Footer's rebuild take a few rounds
                await pilot.pause()
                if settled(app):
                    break
            footer = section_footer(app)
            assert footer, section
            assert max(footer.values()) <= SECTION_FOOTER_COLUMNS, (section, footer)
            if section not in PICTURES:
                continue
            view = app.screen.view
            footer = {key.key_display: key.description for key in app.screen.query("FooterKey")}
            assert footer.get("PgDn") == "more", section
            widget = app.screen.query_one(PICTURES[section])
            before = widget.region
            await pilot.press("pagedown", "pagedown")
            await pilot.pause()
            assert view.scroll_y > 0, section
            assert widget.region == before and widget.region.y >= 1, section
