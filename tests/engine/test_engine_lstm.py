import numpy as np
import pytest

from nntui.engine.lstm import (GATE_LABELS, GATES, lstm_backward, lstm_forward, lstm_init,
                               lstm_param_count, lstm_step, rnn_init, rnn_step)
from nntui.engine.params import lstm_params


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


@pytest.mark.parametrize("x,h", [(3, 5), (1, 1), (10, 4), (4, 10)])
def test_parameter_count_is_4_h_h_plus_x_plus_h(x, h):
    assert lstm_param_count(x, h) == 4 * (h * (h + x) + h) == lstm_params(x, h)
    p = lstm_init(x, h)
    assert p["Wx"].shape == (x, 4 * h) and p["Wh"].shape == (h, 4 * h) and p["b"].shape == (4 * h,)


def test_step_matches_the_gate_equations_written_out():
    rng = np.random.default_rng(0)
    p = lstm_init(3, 2, seed=1)
    x, h, c = rng.normal(size=3), rng.normal(size=2), rng.normal(size=2)
    h_new, c_new, gates = lstm_step(x, h, c, p)
    Wx, Wh, b = p["Wx"], p["Wh"], p["b"]

    def gate(k):  # column block k, written per gate
        return x @ Wx[:, 2 * k:2 * k + 2] + h @ Wh[:, 2 * k:2 * k + 2] + b[2 * k:2 * k + 2]

    i, f, o, g = sig(gate(0)), sig(gate(1)), sig(gate(2)), np.tanh(gate(3))
    for name, want in zip(GATES, (i, f, o, g)):
        np.testing.assert_allclose(gates[name], want, rtol=1e-12)
    np.testing.assert_allclose(c_new, f * c + i * g, rtol=1e-12)
    np.testing.assert_allclose(h_new, o * np.tanh(f * c + i * g), rtol=1e-12)
    assert set(GATE_LABELS) == set(GATES)
    np.testing.assert_allclose(p["b"][2:4], 1.0)  # forget bias starts at 1


def test_forget_gate_shut_and_input_open_replaces_the_memory():
    p = lstm_init(1, 1)
    p["Wx"][:] = 0.0
    p["Wh"][:] = 0.0
    p["b"][:] = [50.0, -50.0, 50.0, 0.5]  # i ≈ 1, f ≈ 0, o ≈ 1, g = tanh(0.5)
    h, c, _ = lstm_step([0.0], [0.3], [7.0], p)
    assert c[0] == pytest.approx(np.tanh(0.5), abs=1e-12)
    assert h[0] == pytest.approx(np.tanh(np.tanh(0.5)), abs=1e-12)


def test_batched_forward_equals_rows_one_by_one():
    rng = np.random.default_rng(2)
    p = lstm_init(3, 4, seed=2)
    xs = rng.normal(size=(5, 2, 3))
    tr = lstm_forward(xs, p)
    assert tr.hs.shape == (5, 2, 4) and tr.gates["f"].shape == (5, 2, 4)
    for n in range(2):
        single = lstm_forward(xs[:, n], p)
        np.testing.assert_allclose(tr.hs[:, n], single.hs, rtol=1e-12)
        np.testing.assert_allclose(tr.cs[:, n], single.cs, rtol=1e-12)


@pytest.mark.parametrize("batched", [False, True])
def test_bptt_matches_finite_differences(batched, numgrad):
    rng = np.random.default_rng(3)
    n_in, H, T = 3, 4, 5
    p = lstm_init(n_in, H, seed=4)
    for v in p.values():
        v *= 2.0  # bigger weights: gates away from ½ so every term of the chain matters
    lead = (T, 2) if batched else (T,)
    xs = rng.normal(size=lead + (n_in,))
    h0, c0 = rng.normal(size=lead[1:] + (H,)), rng.normal(size=lead[1:] + (H,))
    R = rng.normal(size=lead + (H,))  # L = Σ R ⊙ hs + Σ r_c ⊙ c_T
    rc = rng.normal(size=lead[1:] + (H,))

    def loss():
        tr = lstm_forward(xs, p, h0, c0)
        return float(np.sum(R * tr.hs) + np.sum(rc * tr.cs[-1]))

    grads, dxs, dh0, dc0 = lstm_backward(R, lstm_forward(xs, p, h0, c0), p, dc_last=rc)
    for k in ("Wx", "Wh", "b"):
        np.testing.assert_allclose(grads[k], numgrad(loss, p[k]), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(dxs, numgrad(loss, xs), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(dh0, numgrad(loss, h0), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(dc0, numgrad(loss, c0), rtol=1e-6, atol=1e-8)


def test_only_the_last_output_counts():
    rng = np.random.default_rng(5)
    p = lstm_init(2, 3)
    xs = rng.normal(size=(4, 2))
    tr = lstm_forward(xs, p)
    dhs = np.zeros_like(tr.hs)
    dhs[-1] = 1.0
    grads, dxs, _, _ = lstm_backward(dhs, tr, p)
    assert np.all(np.abs(dxs[0]) > 0)  # the first input still reaches the last output
    assert all(np.isfinite(g).all() for g in grads.values())


def test_rnn_step():
    p = rnn_init(2, 3, seed=1)
    assert p["Wx"].shape == (2, 3) and p["Wh"].shape == (3, 3) and p["b"].shape == (3,)
    x, h = np.array([1.0, -2.0]), np.array([0.1, 0.2, 0.3])
    np.testing.assert_allclose(rnn_step(x, h, p), np.tanh(x @ p["Wx"] + h @ p["Wh"] + p["b"]))
