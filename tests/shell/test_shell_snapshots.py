"""80×24 snapshots of the main frame (regenerate with `pytest --snapshot-update`, then look)."""

from __future__ import annotations


def test_home_at_80x24(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_level_screen_at_80x24(snap_compare, make_app):
    assert snap_compare(make_app("l2.two-cuts"), terminal_size=(80, 24))


def test_level_screen_with_rail_at_120x30(snap_compare, make_app):
    assert snap_compare(make_app("l2.two-cuts"), terminal_size=(120, 30))
