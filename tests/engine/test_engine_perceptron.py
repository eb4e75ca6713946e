import numpy as np
import pytest

from nntui.engine.perceptron import GATES, Perceptron


def test_truth_tables():
    assert GATES["AND"].targets.tolist() == [0, 0, 0, 1]
    assert GATES["OR"].targets.tolist() == [0, 1, 1, 1]
    assert GATES["NAND"].targets.tolist() == [1, 1, 1, 0]
    assert GATES["NOR"].targets.tolist() == [1, 0, 0, 0]
    assert GATES["XOR"].targets.tolist() == [0, 1, 1, 0]
    assert GATES["NOT"].inputs.tolist() == [[0], [1]] and GATES["NOT"].targets.tolist() == [1, 0]
    assert GATES["AND"].inputs.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert not GATES["XOR"].separable and GATES["AND"].separable


@pytest.mark.parametrize("name", ["AND", "OR", "NAND", "NOR", "NOT"])
def test_converges_on_separable_gates(name):
    g = GATES[name]
    p = Perceptron(g.inputs.shape[1], lr=1.0)
    res = p.train(g.inputs, g.targets, max_epochs=50)
    assert res.converged and not res.cycled and res.errors[-1] == 0
    np.testing.assert_array_equal(p.predict(g.inputs), g.targets)


def test_and_by_hand():
    # Zero start, η = 1, rows in order; worked out on paper: w = (2, 1), b = −3 after 6 epochs.
    g = GATES["AND"]
    res = Perceptron(2).train(g.inputs, g.targets)
    assert res.epochs == 6 and res.w.tolist() == [2.0, 1.0] and res.b == -3.0


def test_xor_cycle_is_detected():
    g = GATES["XOR"]
    p = Perceptron(2)
    res = p.train(g.inputs, g.targets, max_epochs=100)
    assert not res.converged and res.cycled
    assert res.cycle_length >= 1 and res.cycle_start is not None
    assert res.epochs == res.cycle_start + res.cycle_length
    assert all(e > 0 for e in res.errors)
    # the state at the cycle's start really comes back after cycle_length epochs
    q = Perceptron(2)
    for _ in range(res.cycle_start):
        q.epoch(g.inputs, g.targets)
    state = (q.w.copy(), q.b)
    for _ in range(res.cycle_length):
        q.epoch(g.inputs, g.targets)
    np.testing.assert_array_equal(q.w, state[0])
    assert q.b == state[1]


def test_xor_cycle_from_other_starts():
    g = GATES["XOR"]
    for w, b, lr in [([0.5, -0.25], 0.25, 0.5), ([1.0, 1.0], -1.0, 1.0)]:
        res = Perceptron(2, lr=lr, w=w, b=b).train(g.inputs, g.targets, max_epochs=200)
        assert res.cycled and not res.converged


def test_single_update_follows_the_rule():
    p = Perceptron(2, lr=0.5, w=[0.2, -0.4], b=-0.1)
    u = p.update([1.0, 1.0], 1.0)  # z = −0.3 → ŷ = 0, error 1
    assert u.z == pytest.approx(-0.3) and u.prediction == 0.0 and u.error == 1.0 and u.changed
    np.testing.assert_allclose(u.w_after, [0.7, 0.1])
    assert u.b_after == pytest.approx(0.4)
    np.testing.assert_allclose(u.w_before, [0.2, -0.4])
    u2 = p.update([1.0, 1.0], 1.0)  # now correct: nothing moves
    assert not u2.changed and np.array_equal(u2.w_after, u2.w_before)
    ups = p.epoch(GATES["OR"].inputs, GATES["OR"].targets)
    assert len(ups) == 4 and [u.index for u in ups] == [0, 1, 2, 3]
