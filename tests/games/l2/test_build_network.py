"""Tests for build network: model and Pilot."""

from __future__ import annotations

import pytest

from nntui.games.l2.build_network import SETTING_KEY
from nntui.games.l2.build_network_model import Layer, NetworkBuilder, analyse, param_formula

SIZE = (80, 24)


def dense(units):
    return Layer("Dense", {"units": units})


def test_builder_counts_match_the_standard_formulas():
    img = Layer("Input", {"form": "image", "size": 28, "depth": 3})
    conv = Layer("Conv2D", {"filters": 16, "kernel": 5})
    a = analyse([img, conv, Layer("BatchNorm"), Layer("MaxPool", {"pool": 2}), Layer("Flatten"),
                 dense(64), Layer("Dropout", {"rate": 0.5}),
                 Layer("Output", {"units": 10, "activation": "softmax"})])
    r = a.reports
    assert a.valid
    assert r[1].shape == (24, 24, 16) and r[1].params == 5 * 5 * 3 * 16 + 16     # k·k·c_in·c_out+c_out
    assert r[2].params == 2 * 16                                                 # BatchNorm γ, β
    assert r[3].shape == (12, 12, 16) and r[3].params == 0                       # (n − k)/s + 1
    assert r[4].shape == (12 * 12 * 16,) and r[4].params == 0
    assert r[5].params == 2304 * 64 + 64                                         # n_in·n_out+n_out
    assert r[6].params == 0
    assert r[7].params == 64 * 10 + 10
    assert a.total == sum(x.params for x in r)

    seq = Layer("Input", {"form": "sequence", "size": 20, "depth": 8})
    b = analyse([seq, Layer("Attention"), Layer("LSTM", {"units": 32, "returns": "last"}),
                 Layer("Output", {"units": 1, "activation": "sigmoid"})])
    assert b.valid
    assert b.reports[1].params == 4 * (8 * 8 + 8)                               # Q, K, V, O
    assert b.reports[2].shape == (32,) and b.reports[2].params == 4 * (32 * (32 + 8) + 32)
    assert b.reports[3].params == 32 + 1

    vec = Layer("Input", {"form": "vector", "size": 4})
    c = analyse([vec, dense(8), dense(6), Layer("Output", {"units": 1, "activation": "sigmoid"})])
    assert c.total == 101 and c.valid


@pytest.mark.parametrize("layers, reason", [
    ([Layer("Input"), Layer("Conv2D"), dense(8), Layer("Output")], "needs a Flatten"),
    ([dense(8), Layer("Output")], "starts with an Input"),
    ([Layer("Input", {"form": "vector", "size": 4}), Layer("Conv2D"), Layer("Output")],
     "Conv2D needs an image"),
    ([Layer("Input", {"form": "vector", "size": 4}), Layer("LSTM"), Layer("Output")],
     "LSTM needs a sequence"),
    ([Layer("Input", {"form": "image", "size": 2}), Layer("Conv2D", {"kernel": 5}),
      Layer("Output")], "does not fit"),
    ([Layer("Input", {"form": "vector"}), Layer("Output"), dense(3)], "last layer"),
    ([Layer("Input", {"form": "vector"}), dense(3)], "end the stack with an Output"),
])
def test_builder_names_what_is_wrong(layers, reason):
    a = analyse(layers)
    assert not a.valid and reason in a.status and a.status.startswith("✗")


def test_builder_edits_and_round_trips_through_json():
    b = NetworkBuilder()
    n = len(b.layers)
    b.select(-10)
    b.add("Dense")
    assert b.layers[1].kind == "Dense" and b.selected == 1 and len(b.layers) == n + 1
    b.adjust(1)
    assert b.layers[1]["units"] == 96
    b.move(1)
    assert b.layers[2].kind == "Dense" and b.selected == 2
    b.remove()
    assert len(b.layers) == n
    again = NetworkBuilder.from_json(b.to_json())
    assert [l.to_dict() for l in again.layers] == [l.to_dict() for l in b.layers]


async def test_build_network_edits_are_saved_between_runs_and_wiping_them_asks_first(make_app):
    app = make_app("l2.build-network")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = app.screen.view
        assert v.builder.analyse().valid
        palette = str(app.screen.query_one("#bn-palette").render()).splitlines()
        assert len(palette) == 2 and "5 LSTM" in palette[0] and "7 BatchNorm" in palette[1]
        await pilot.pause()  # the Footer recomposes after the first layout
        footer = {key.description: key.region for key in app.screen.query("FooterKey")}
        for label in ("layer", "value", "field", "remove"):
            assert footer[label].width and footer[label].right <= SIZE[0], label
        await pilot.press("k", "k", "k", "k", "2")               # Dense right after Conv2D
        status = v.builder.analyse().status
        assert "needs a Flatten" in status
        assert "needs a Flatten" in str(app.screen.query_one("#bn-status").render())
        await pilot.press("right")                                # 64 → 96 units
        saved = app.store.get_setting(SETTING_KEY)
        assert [l["kind"] for l in saved][:4] == ["Input", "Conv2D", "MaxPool", "Dense"]
    again = make_app("l2.build-network")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = again.screen.view
        assert [l.kind for l in v.builder.layers][:4] == ["Input", "Conv2D", "MaxPool", "Dense"]
        assert v.builder.layers[3]["units"] == 96
        await pilot.press("delete")
        assert again.store.get_setting(SETTING_KEY) == v.builder.to_json()

        # example and clear ask before wiping the learner's network
        await pilot.press("2")                                   # the learner's own change
        mine = v.builder.to_json()
        await pilot.press("c")
        assert v.builder.to_json() == mine and v.pending == "clear"
        assert "Press c again" in str(again.screen.query_one("#bn-status").render())
        await pilot.press("up")                                  # any other key cancels
        assert v.pending is None
        await pilot.press("c", "c")
        assert v.builder.layers == [] and again.store.get_setting(SETTING_KEY) == []
        await pilot.press("r")                                   # nothing left to lose
        assert len(v.builder.layers) == 7
        await pilot.press("2", "r")
        assert len(v.builder.layers) == 8 and v.pending == "example"
        await pilot.press("r")
        assert len(v.builder.layers) == 7
        formula = str(again.screen.query_one("#bn-formula").render())
        assert "650" in formula and "n_in·n_out + n_out" in formula


@pytest.mark.parametrize("index, formula", [
    (0, "no parameters: it holds the data"),
    (1, "k·k·c_in·c_out + c_out = 3·3·1·16 + 16 = 160"),
    (2, "no parameters: it keeps the largest of each window"),
    (4, "n_in·n_out + n_out = 2,704·64 + 64 = 173,120"),
    (6, "n_in·n_out + n_out = 64·10 + 10 = 650"),
])
def test_the_selected_layers_formula_has_its_numbers_filled_in(index, formula):
    layers = NetworkBuilder().layers
    assert param_formula(layers, index) == formula


def test_every_formula_ends_in_the_count_the_stack_reports():
    seq = [Layer("Input", {"form": "sequence", "size": 20, "depth": 8}), Layer("LSTM"),
           Layer("BatchNorm")]
    attention = [Layer("Input", {"form": "sequence", "size": 20, "depth": 8}),
                 Layer("Attention")]
    for layers in (NetworkBuilder().layers, seq, attention):
        reports = analyse(layers).reports
        for index, report in enumerate(reports):
            formula = param_formula(layers, index)
            assert formula.endswith(f"= {report.params:,}") or formula.startswith("no param")
    assert param_formula(seq, 1) == "4·(h·(h + x) + h) = 4·(32·(32 + 8) + 32) = 5,248"
    broken = [Layer("Input"), Layer("Dense"), Layer("Dense")]   # an image into Dense
    assert param_formula(broken, 2) is None


def test_snap_build_network_invalid(snap_compare, make_app):
    assert snap_compare(make_app("l2.build-network"), terminal_size=SIZE,
                        press=["k", "k", "k", "k", "2"])

