"""Level 2 pure models: no terminal needed."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.games.build_network_model import Layer, NetworkBuilder, analyse
from nntui.games.forward_relay_model import THRESHOLD, WIDTHS, ForwardRelay
from nntui.games.init_race_model import VERDICT_AFTER, InitRace, outcome
from nntui.games.solve_xor_model import ANGLES, OFFSETS, Cut, SolveXor


# --- Solve XOR ---------------------------------------------------------------------

def test_xor_phase1_never_passes_three_of_four_on_any_reachable_line():
    game = SolveXor()
    best = 0
    for angle in ANGLES:
        for offset in OFFSETS:
            score = game.correct_phase1(Cut(angle, offset))
            assert score <= 3, (angle, offset)
            best = max(best, score)
    assert best == 3  # 3/4 is reachable, so the meter really moves


def test_xor_keys_reach_exactly_the_grid_that_was_checked():
    game = SolveXor()
    seen = set()
    for _ in range(len(ANGLES)):
        for _ in range(40):
            game.shift(1)
            seen.add((game.line.angle, game.line.offset))
        for _ in range(40):
            game.shift(-1)
            seen.add((game.line.angle, game.line.offset))
        game.turn(1)
    assert seen == {(a, o) for a in ANGLES for o in OFFSETS}
    assert game.best_phase1 == 3 and not game.won


def test_xor_phase2_two_cuts_win_and_one_cut_does_not():
    game = SolveXor()
    game.switch_phase()
    assert game.phase == 2 and game.score < 4 and not game.won
    game.select(0)
    game.turn(-3)            # 90° → 45°
    game.shift(-1)           # cut 1 at x₁ + x₂ ≈ 0.57: OR
    game.select(1)
    game.turn(-3)
    game.shift(5)            # cut 2 at x₁ + x₂ ≈ 1.41: AND
    hidden, out = game.hidden_and_output()
    assert game.score == 4 and game.won
    np.testing.assert_array_equal(out >= 0.5, [False, True, True, False])
    game.switch_phase()
    assert not game.won      # phase 1 can never be the win


def test_xor_cut_label_sits_on_the_yes_side_near_the_line():
    for angle in ANGLES:
        for offset in (-0.5, 0.5, 1.2):
            cut = Cut(angle, offset)
            w, b = cut.weights()
            x, y = cut.yes_mark()
            assert 0.1 < w @ [x, y] + b < 0.2        # just across, on the side that says yes


# --- Build a network -----------------------------------------------------------------

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


# --- Forward relay ---------------------------------------------------------------------

def test_relay_starts_below_the_line_and_wins_above_it():
    game = ForwardRelay(seed=0)
    game.fire()
    game.finish()
    assert game.landed and game.output < THRESHOLD and not game.won
    # Search the key grid for a winning input, then fire it through the real lighting.
    for a in range(-10, 11):
        for b in range(-10, 11):
            out = game.model.forward([[a / 10, b / 10]])[0, 0]
            if out > THRESHOLD:
                break
        else:
            continue
        break
    game.nudge_input(0, a)
    game.nudge_input(1, b)
    assert not game.won                       # not until it is fired
    game.fire()
    while game.tick() is not None:
        pass
    assert game.won and game.output == pytest.approx(out)
    assert [s.layer for s in game.lighting.steps] == [0, 0] + [1] * game.width + [2]


def test_relay_new_round_new_weights_every_width_fair():
    game = ForwardRelay(seed=0)
    first = [w.copy() for w in game.model.weights]
    game.new_round()
    assert game.round == 2 and game.x == [0.0, 0.0]
    assert not np.allclose(first[0], game.model.weights[0])
    for width in WIDTHS:
        game.set_width(width)
        assert game.model.sizes == [2, width, 1]


# --- Initialization race -------------------------------------------------------------

def test_init_race_zero_stays_flat_and_xavier_descends():
    race = InitRace(max_steps=150)
    race.step(150)
    zero, large, xavier = race.runners
    assert max(zero.losses) - min(zero.losses) < 1e-6
    assert race.hidden_spread(zero) == 0.0           # every hidden unit identical
    W1 = zero.model.weights[0]
    assert np.all(W1 == W1[:, :1])                    # symmetry never broke
    assert zero.outcome == "flat"
    assert xavier.outcome == "descending" and xavier.losses[-1] < 0.1
    assert large.outcome in ("stalled", "thrashing") and large.losses[-1] > 0.2
    assert race.done and race.steps_done == 150
    race.step(5)
    assert race.steps_done == 150


def test_outcome_names():
    assert outcome([0.7, 0.7, 0.7], verdict_after=0) == "flat"
    assert outcome([0.7, 0.3, 0.05], verdict_after=0) == "descending"
    assert outcome([0.7, float("nan")]) == "diverged"
    assert outcome([0.5, 0.8] * 10, verdict_after=0) == "thrashing"


def test_outcome_waits_for_history_and_judges_the_recent_stretch():
    healthy_start = [0.693 - 0.001 * k for k in range(10)]
    assert outcome(healthy_start) == "too early"          # would read as flat otherwise
    # A big early drop followed by a long plateau is stalled, not descending.
    assert outcome([8.0, 4.0, 1.0] + [0.5] * 60) == "stalled"


def test_init_race_verdicts_at_the_first_verdict_step():
    race = InitRace()
    race.step(VERDICT_AFTER - 1)
    assert {r.outcome for r in race.runners} == {"too early"}
    race.step(1)
    assert [r.outcome for r in race.runners] == ["flat", "stalled", "descending"]
