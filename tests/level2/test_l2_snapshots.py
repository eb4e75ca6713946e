"""Snapshots of the Level 2 games at the design size (everything in them is seeded)."""

SIZE = (80, 24)


def test_snap_solve_xor_phase2(snap_compare, make_app):
    assert snap_compare(make_app("l2.solve-xor"), terminal_size=SIZE,
                        press=["space", "1", "shift+left"])


def test_snap_forward_relay_fired(snap_compare, make_app):
    assert snap_compare(make_app("l2.forward-relay"), terminal_size=SIZE,
                        press=["right", "space", "enter"])


def test_snap_build_network_invalid(snap_compare, make_app):
    assert snap_compare(make_app("l2.build-network"), terminal_size=SIZE,
                        press=["k", "k", "k", "k", "2"])


def test_snap_init_race_stepped(snap_compare, make_app):
    assert snap_compare(make_app("l2.init-race"), terminal_size=SIZE, press=["s", "s"])
