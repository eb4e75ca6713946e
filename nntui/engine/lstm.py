"""A plain RNN cell and an LSTM cell, with backpropagation through time for the LSTM.

Row-vector convention, like the rest of the engine: a step computes x @ W_x + h @ W_h + b.
The LSTM's four gates share one matrix each, stacked along the columns in the
order i, f, o, g (g is the candidate cell value c̃):

    i = σ(x W_xi + h W_hi + b_i)     how much new information to write
    f = σ(x W_xf + h W_hf + b_f)     how much of the old cell to keep
    o = σ(x W_xo + h W_ho + b_o)     how much of the cell to show
    g = tanh(x W_xg + h W_hg + b_g)  the candidate value c̃
    c′ = f ⊙ c + i ⊙ g
    h′ = o ⊙ tanh(c′)

Parameters are a dict {"Wx": (n_in, 4h), "Wh": (h, 4h), "b": (4h,)}; gradients come
back with the same keys. A sequence is (T, n_in), or (T, N, n_in) for a batch of N.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS

__all__ = [
    "GATES", "GATE_LABELS", "lstm_init", "lstm_param_count", "lstm_step", "LSTMTrace",
    "lstm_forward", "lstm_backward", "rnn_init", "rnn_step",
]

Array = np.ndarray
GATES = ("i", "f", "o", "g")
GATE_LABELS = {"i": "input gate", "f": "forget gate", "o": "output gate", "g": "candidate c̃"}

_sigmoid = ACTIVATIONS["sigmoid"].f


def _uniform_params(n_in: int, n_hidden: int, blocks: int, seed: int) -> dict[str, Array]:
    # PyTorch's recurrent init: every weight and bias ~ U(−1/√h, 1/√h).
    rng = np.random.default_rng(seed)
    a = 1.0 / math.sqrt(n_hidden)
    cols = blocks * n_hidden
    return {"Wx": rng.uniform(-a, a, (n_in, cols)), "Wh": rng.uniform(-a, a, (n_hidden, cols)),
            "b": rng.uniform(-a, a, cols)}


def rnn_init(n_in: int, n_hidden: int, seed: int = 0) -> dict[str, Array]:
    """Parameters of a plain RNN cell: Wx (n_in, h), Wh (h, h), b (h,)."""
    return _uniform_params(n_in, n_hidden, 1, seed)


def rnn_step(x, h, params) -> Array:
    """One plain RNN step: h′ = tanh(x W_x + h W_h + b)."""
    return np.tanh(np.asarray(x, dtype=np.float64) @ params["Wx"]
                   + np.asarray(h, dtype=np.float64) @ params["Wh"] + params["b"])


def lstm_init(n_in: int, n_hidden: int, seed: int = 0, forget_bias: float = 1.0) -> dict[str, Array]:
    """LSTM parameters, uniform in ±1/√h; the forget gate's bias starts at
    ``forget_bias`` (1 by default) so a fresh cell keeps its memory rather than wiping it."""
    params = _uniform_params(n_in, n_hidden, 4, seed)
    params["b"][n_hidden:2 * n_hidden] = forget_bias
    return params


def lstm_param_count(n_in: int, n_hidden: int) -> int:
    """Four gates, each with h·(h + x) weights and h biases: 4·(h·(h + x) + h)."""
    return sum(p.size for p in lstm_init(n_in, n_hidden).values())


def _split(z: Array, n_hidden: int) -> dict[str, Array]:
    """Pre-activations (…, 4h) → the four gate activations."""
    H = n_hidden
    return {"i": _sigmoid(z[..., :H]), "f": _sigmoid(z[..., H:2 * H]),
            "o": _sigmoid(z[..., 2 * H:3 * H]), "g": np.tanh(z[..., 3 * H:])}


def lstm_step(x, h, c, params) -> tuple[Array, Array, dict[str, Array]]:
    """One LSTM step → (h′, c′, gates), gates = {"i", "f", "o", "g"} after their
    activations. x is (n_in,) or a batch (N, n_in); h and c match (h,) or (N, h)."""
    x = np.asarray(x, dtype=np.float64)
    h = np.asarray(h, dtype=np.float64)
    c = np.asarray(c, dtype=np.float64)
    z = x @ params["Wx"] + h @ params["Wh"] + params["b"]
    gates = _split(z, params["Wh"].shape[0])
    c_new = gates["f"] * c + gates["i"] * gates["g"]
    h_new = gates["o"] * np.tanh(c_new)
    return h_new, c_new, gates


@dataclass(frozen=True)
class LSTMTrace:
    """A forward pass over a sequence, kept for BPTT. ``hs`` and ``cs`` are (T, …, h):
    hs[t] is the state after reading xs[t]; ``gates[name]`` is (T, …, h)."""

    xs: Array
    hs: Array
    cs: Array
    gates: dict[str, Array]
    h0: Array
    c0: Array


def lstm_forward(xs, params, h0=None, c0=None) -> LSTMTrace:
    """Run the cell over a sequence xs (T, n_in) or (T, N, n_in); h and c start at
    h0 and c0 (zeros when not given)."""
    xs = np.asarray(xs, dtype=np.float64)
    H = params["Wh"].shape[0]
    state_shape = xs.shape[1:-1] + (H,)
    h = np.zeros(state_shape) if h0 is None else np.asarray(h0, dtype=np.float64)
    c = np.zeros(state_shape) if c0 is None else np.asarray(c0, dtype=np.float64)
    h_start, c_start = h, c
    hs, cs, gate_steps = [], [], []
    for x in xs:
        h, c, gates = lstm_step(x, h, c, params)
        hs.append(h)
        cs.append(c)
        gate_steps.append(gates)
    stacked = {k: np.stack([g[k] for g in gate_steps]) for k in GATES}
    return LSTMTrace(xs, np.stack(hs), np.stack(cs), stacked, h_start, c_start)


def _outer(a: Array, b: Array) -> Array:
    """aᵀb for batches (N, p)·(N, q), or the outer product for single vectors."""
    return np.outer(a, b) if a.ndim == 1 else a.T @ b


def lstm_backward(dhs, trace: LSTMTrace, params, dc_last=None):
    """Backpropagation through time.

    ``dhs`` is ∂L/∂hs, shaped like ``trace.hs`` (zeros where a step's output is not
    used); ``dc_last`` is an optional ∂L/∂c_T. Returns (grads, dxs, dh0, dc0) with
    grads keyed like ``params``.
    """
    dhs = np.asarray(dhs, dtype=np.float64)
    Wx, Wh = params["Wx"], params["Wh"]
    grads = {k: np.zeros_like(v) for k, v in params.items()}
    dxs = np.zeros_like(trace.xs)
    dh_next = np.zeros_like(trace.h0)
    dc_next = np.zeros_like(trace.c0) if dc_last is None else np.asarray(dc_last, dtype=np.float64)
    for t in range(len(trace.xs) - 1, -1, -1):
        i, f, o, g = (trace.gates[k][t] for k in GATES)
        c_prev = trace.cs[t - 1] if t > 0 else trace.c0
        h_prev = trace.hs[t - 1] if t > 0 else trace.h0
        tc = np.tanh(trace.cs[t])
        dh = dhs[t] + dh_next
        dc = dc_next + dh * o * (1.0 - tc * tc)
        # ∂L/∂z for each gate: its share of dc (or dh) times its activation's slope.
        dz = np.concatenate([dc * g * i * (1.0 - i), dc * c_prev * f * (1.0 - f),
                             dh * tc * o * (1.0 - o), dc * i * (1.0 - g * g)], axis=-1)
        grads["Wx"] += _outer(trace.xs[t], dz)
        grads["Wh"] += _outer(h_prev, dz)
        grads["b"] += dz if dz.ndim == 1 else dz.sum(axis=0)
        dxs[t] = dz @ Wx.T
        dh_next = dz @ Wh.T
        dc_next = dc * f
    return grads, dxs, dh_next, dc_next
