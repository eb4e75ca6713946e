"""Level 1 game and animation models: wins, losses, scores, XOR impossible, cycles."""

import numpy as np
import pytest

from nntui.engine.activations import ACTIVATIONS
from nntui.engine.perceptron import GATES, Perceptron
from nntui.games.activation_lab_model import LAB_ACTIVATIONS, ActivationLab
from nntui.games.intro_pulses_model import IntroPulses
from nntui.games.light_network_model import TOLERANCE, LightNetwork
from nntui.games.number_text import num
from nntui.games.numbers_flowing_model import NumbersFlowing
from nntui.games.perceptron_rule_model import PerceptronRun
from nntui.games.timeline_model import Timeline
from nntui.games.tune_neuron_model import (FALSE_AT_MOST, TRUE_AT_LEAST, WEIGHT_RANGE,
                                           WEIGHT_STEP, TuneNeuron)

# --- tune the neuron ----------------------------------------------------------


@pytest.mark.parametrize("gate, w1, w2, b", [
    ("AND", 4, 4, -6), ("OR", 4, 4, -2), ("NAND", -4, -4, 6), ("NOR", -4, -4, 2)])
def test_each_separable_gate_can_be_won_on_the_slider_grid(gate, w1, w2, b):
    game = TuneNeuron(gate, w1, w2, b)
    assert game.score == 4 and game.won
    assert game.claim() and not game.claim()  # a gate counts once


def test_score_counts_rows_with_the_thresholds():
    game = TuneNeuron("AND")  # all zero: every output is σ(0) = 0.5, no row counts
    assert [r.output for r in game.rows] == [0.5] * 4 and game.score == 0
    game.set_params(w1=4, w2=4, b=-2)  # that is OR: right on 00, wrong on 01 and 10, right on 11
    assert [r.ok for r in game.rows] == [True, False, False, True]
    assert game.score == 2 and not game.won and not game.claim()
    row = game.rows[3]
    assert row.output == pytest.approx(1 / (1 + np.exp(-6))) and row.output >= TRUE_AT_LEAST


def test_xor_never_reaches_four_on_any_slider_setting():
    lo, hi = WEIGHT_RANGE
    grid = np.arange(lo, hi + WEIGHT_STEP / 2, WEIGHT_STEP)
    w1, w2, b = np.meshgrid(grid, grid, grid, indexing="ij")
    table = GATES["XOR"]
    ok = np.zeros(w1.shape, dtype=int)
    for (x1, x2), y in zip(table.inputs, table.targets):
        out = ACTIVATIONS["sigmoid"].f(w1 * x1 + w2 * x2 + b)
        ok += (out >= TRUE_AT_LEAST) if y else (out <= FALSE_AT_MOST)
    assert ok.max() == 3  # three rows can be right, never four
    i = np.unravel_index(np.argmax(ok), ok.shape)
    game = TuneNeuron("XOR", grid[i[0]], grid[i[1]], grid[i[2]])
    assert game.score == 3 and not game.won and not game.possible


# --- light the network --------------------------------------------------------


def test_light_network_round_is_won_within_tolerance_only():
    game = LightNetwork(seed=0)
    target = game.target
    assert abs(target - 0.5) > TOLERANCE  # both switches off (0.5) never wins
    assert not game.check() and game.checks == 1 and game.rounds_won == 0
    game.toggle(0)
    z = np.log(target / (1 - target))  # the weight that makes σ(w) = target exactly
    game.set_weight(0, round(z, 1))
    assert game.gap <= TOLERANCE and game.check() and game.rounds_won == 1
    game.set_weight(0, z + 3)
    assert not game.close_enough
    game.next_round()
    assert game.round == 2 and game.target != target and game.last_check is None


def test_light_network_weights_are_clamped_and_output_is_the_neuron():
    game = LightNetwork(seed=1)
    game.toggle(0), game.toggle(1)
    game.set_weight(0, 99)
    game.set_weight(1, -1.5)
    assert game.weights == [5.0, -1.5]
    assert game.output == pytest.approx(1 / (1 + np.exp(-3.5)))


# --- perceptron rule ----------------------------------------------------------


@pytest.mark.parametrize("gate", ["AND", "OR", "NOT"])
def test_rule_converges_on_separable_gates(gate):
    run = PerceptronRun(gate)
    run.run()
    assert run.converged and not run.cycled and run.epoch_mistakes[-1] == 0
    assert run.correct == len(run.y)
    ref = Perceptron(run.n_inputs).train(GATES[gate].inputs, GATES[gate].targets)
    assert ref.converged and ref.epochs == run.epoch and ref.w.tolist() == list(run.state[0])


def test_rule_cycles_on_xor_and_the_cycle_is_named():
    run = PerceptronRun("XOR")
    run.run()
    assert run.cycled and not run.converged and run.correct < 4
    assert all(m > 0 for m in run.epoch_mistakes)
    ref = Perceptron(2).train(GATES["XOR"].inputs, GATES["XOR"].targets)
    assert (run.cycle_start, run.cycle_length) == (ref.cycle_start, ref.cycle_length)
    # the state that came back really is the one seen at the cycle's start
    assert run.history[run.epoch] == run.history[run.cycle_start]
    assert run.step() is None  # nothing more to do once the loop is proven


def test_rule_step_by_step_applies_the_update():
    run = PerceptronRun("AND")
    first = run.step()  # x = (0, 0), target 0, z = 0 → ŷ = 1: error −1
    assert first.error == -1 and run.state == ((0.0, 0.0), -1.0)
    assert run.row == 1 and run.epoch == 0
    run.step_epoch()
    assert run.epoch == 1 and run.row == 0 and len(run.epoch_mistakes) == 1
    run.reset()
    assert run.state == ((0.0, 0.0), 0.0) and run.epoch == 0


# --- activation lab -----------------------------------------------------------


def test_activation_facts_hold_the_curriculum_figures():
    lab = ActivationLab("sigmoid")
    assert lab.facts().max_slope == pytest.approx(0.25)
    assert not lab.facts().zero_centred and lab.facts().range == "(0, 1)"
    lab.name = "tanh"
    assert lab.facts().max_slope == pytest.approx(1.0) and lab.facts().zero_centred
    for name in LAB_ACTIVATIONS:  # every activation on offer has its facts and a note
        lab.name = name
        facts = lab.facts()
        assert facts.range and facts.note and facts.formula and facts.derivative
        _, slope = lab.slope()
        assert facts.max_slope >= np.max(np.abs(slope)) - 1e-9


def test_neuron_curve_moves_with_weight_and_bias():
    lab = ActivationLab("relu", w=2.0, b=-1.0)
    xs, ys = lab.neuron_curve()
    assert np.allclose(ys, np.maximum(2 * xs - 1, 0))
    _, d = lab.slope()
    assert set(np.unique(d)) == {0.0, 1.0}


# --- numbers flowing and the intro pulses -------------------------------------


def test_numbers_flowing_values_equal_the_engine_forward_pass():
    flow = NumbersFlowing(1.0, 0.5)
    flow.set_input(1, -7)  # clamped
    assert flow.inputs == (1.0, -2.0)
    while flow.step():
        pass
    expected = flow.model.forward(np.array([[1.0, -2.0]]))[0, 0]
    assert flow.lighting.value_of(2, 0) == expected


def test_intro_pulses_light_layer_by_layer_then_start_again():
    pulses = IntroPulses()
    assert pulses.lit_layers == 0
    for expected in (1, 2, 3):
        pulses.beat()
        assert pulses.lit_layers == expected
    pulses.beat()
    assert pulses.lit_layers == 0 and pulses.waves == 1


# --- history timeline ---------------------------------------------------------


def test_timeline_moves_and_names_two_winters():
    line = Timeline()
    assert line.current.year == "1943"
    line.move(-1)
    assert line.index == 0
    years = [line.move(1).year for _ in range(10)]
    assert years[-1] == "2012" and line.seen_all
    # exactly two winters, and each is followed by the event that ended it
    winters = [i for i, e in enumerate(line.events) if e.mood == "winter"]
    assert [line.events[i].year for i in winters] == ["1970s", "1990s–2000s"]
    assert [line.events[i + 1].year for i in winters] == ["1986", "2012"]
    assert all(line.events[i + 1].mood == "spring" for i in winters)


# --- formula text ----------------------------------------------------------------


@pytest.mark.parametrize("value, kwargs, text", [
    (-0.4, {}, "−0.4"), (-0.4, {"brackets": True}, "(−0.4)"), (0.6, {"sign": True}, "+0.6"),
    (-0.04, {"sign": True}, "+0.0"), (-0.0, {"brackets": True}, "0.0"),
    (0.6667, {"decimals": 3}, "0.667")])
def test_numbers_read_as_formula_text(value, kwargs, text):
    assert num(value, **kwargs) == text
