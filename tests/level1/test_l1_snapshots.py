"""Snapshots of the Level 1 games and animations at the design size (80×24)."""

SIZE = (80, 24)


def test_snap_tune_neuron(snap_compare, make_app):
    # OR's weights on the AND gate: three rows of four, so the table shows ✓ and ✗
    assert snap_compare(make_app("l1.tune-neuron"), terminal_size=SIZE,
                        press=["down", "shift+right", "shift+right", "down", "shift+right",
                               "shift+right", "down", "shift+left"])


def test_snap_light_network(snap_compare, make_app):
    assert snap_compare(make_app("l1.light-network"), terminal_size=SIZE,
                        press=["1", "right", "right", "right", "right", "right"])


def test_snap_perceptron_rule_xor_cycle(snap_compare, make_app):
    assert snap_compare(make_app("l1.perceptron-rule"), terminal_size=SIZE,
                        press=["4", "e", "e", "e", "e"])


def test_snap_numbers_flowing(snap_compare, make_app):
    assert snap_compare(make_app("l1.numbers-flowing"), terminal_size=SIZE,
                        press=["s", "s", "s", "s"])
