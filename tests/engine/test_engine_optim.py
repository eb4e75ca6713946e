"""Each optimizer against three steps worked out by hand in plain Python scalars.

The problem: f(x) = ½·a·x² per coordinate with a = (2, 0.5), start x = (1, −2),
so the gradient is g = a·x.
"""

import math

import numpy as np
import pytest

from nntui.engine.optim import OPTIMIZERS, SGD, Adam, AdamW, Lion, Momentum, RMSprop

A = (2.0, 0.5)
START = (1.0, -2.0)


def run(opt, steps=3):
    x = np.array(START)
    same = x
    out = []
    for _ in range(steps):
        opt.step([x], [np.array(A) * x])
        out.append(x.copy())
    assert x is same  # updated in place
    return out


def close(got, expected):
    np.testing.assert_allclose(np.array(got), np.array(expected), rtol=0, atol=1e-12)


def test_sgd():
    close(run(SGD(0.1)), [[0.8, -1.9], [0.64, -1.805], [0.512, -1.71475]])


def test_momentum():
    # coordinate 1 by hand: v = 2 → x = 0.8; v = 0.9·2 + 1.6 = 3.4 → 0.46; v = 3.06 + 0.92 = 3.98 → 0.062
    got = run(Momentum(0.1, beta=0.9))
    close([p[0] for p in got], [0.8, 0.46, 0.062])
    # coordinate 2: g = −1, v = −1 → −1.9; g = −0.95, v = −1.85 → −1.715; g = −0.8575, v = −2.5225 → −1.46275
    close([p[1] for p in got], [-1.9, -1.715, -1.46275])


def test_nesterov():
    # x ← x − lr·(g + β·v) with v already updated: 0.62, 0.2224, −0.108352
    got = run(Momentum(0.1, beta=0.9, nesterov=True))
    close([p[0] for p in got], [0.62, 0.2224, -0.108352])
    assert OPTIMIZERS["nesterov"](0.1).nesterov


def _scalar_rmsprop(x, a, lr, alpha, eps, steps):
    s, out = 0.0, []
    for _ in range(steps):
        g = a * x
        s = alpha * s + (1 - alpha) * g * g
        x = x - lr * g / (math.sqrt(s) + eps)
        out.append(x)
    return out


def test_rmsprop():
    got = run(RMSprop(0.01, alpha=0.9, eps=1e-8))
    for i in range(2):
        close([p[i] for p in got], _scalar_rmsprop(START[i], A[i], 0.01, 0.9, 1e-8, 3))
    # first step by hand: s = 0.1·g², so the step is lr·g/(√0.1·|g|) = 0.01/√0.1
    assert got[0][0] == pytest.approx(1 - 0.01 / math.sqrt(0.1), abs=1e-9)


def _scalar_adam(x, a, lr, b1, b2, eps, wd, steps):
    m = v = 0.0
    out = []
    for t in range(1, steps + 1):
        g = a * x
        x = x * (1 - lr * wd)
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        mhat, vhat = m / (1 - b1**t), v / (1 - b2**t)
        x = x - lr * mhat / (math.sqrt(vhat) + eps)
        out.append(x)
    return out


def test_adam():
    got = run(Adam(0.1))
    for i in range(2):
        close([p[i] for p in got], _scalar_adam(START[i], A[i], 0.1, 0.9, 0.999, 1e-8, 0.0, 3))
    # bias correction makes the first step ≈ lr·sign(g)
    assert got[0][0] == pytest.approx(0.9, abs=1e-8) and got[0][1] == pytest.approx(-1.9, abs=1e-8)


def test_adamw():
    got = run(AdamW(0.1, weight_decay=0.5))
    for i in range(2):
        close([p[i] for p in got], _scalar_adam(START[i], A[i], 0.1, 0.9, 0.999, 1e-8, 0.5, 3))
    # weight decay is decoupled: AdamW ≠ Adam
    assert abs(got[2][0] - run(Adam(0.1))[2][0]) > 1e-3


def test_lion():
    # sign updates of size lr: 1 → 0.9 → 0.8 → 0.7 and −2 → −1.9 → −1.8 → −1.7
    close(run(Lion(0.1)), [[0.9, -1.9], [0.8, -1.8], [0.7, -1.7]])
    # with wd = 0.5: x ← x − 0.1·(1 + 0.5x): 0.85, 0.7075, 0.572125
    got = run(Lion(0.1, weight_decay=0.5))
    close([p[0] for p in got], [0.85, 0.7075, 0.572125])


def test_lion_momentum_interpolation_decides_the_sign():
    # m carries β₂-averaged history; c = β₁m + (1−β₁)g can disagree with g's sign.
    opt = Lion(0.1, beta1=0.9, beta2=0.99)
    x = np.array([0.0])
    opt.step([x], [np.array([10.0])])  # m = 0.1
    assert x[0] == pytest.approx(-0.1)
    opt.step([x], [np.array([-0.5])])  # c = 0.09 − 0.05 = 0.04 > 0: still steps down
    assert x[0] == pytest.approx(-0.2)


def test_lr_is_settable_between_steps_and_reset_clears_state():
    opt = SGD(0.1)
    x = np.array([1.0])
    opt.step([x], [np.array([1.0])])
    opt.lr = 0.5
    opt.step([x], [np.array([1.0])])
    assert x[0] == pytest.approx(0.4, abs=1e-15)
    m = Momentum(0.1)
    a = run(m, 2)
    m.reset()
    b = run(m, 2)
    close(a, b)
    for name, cls in OPTIMIZERS.items():
        o = cls(lr=0.01)
        first = run(o, 3)
        o.reset()
        assert o.t == 0
        close(run(o, 3), first)


def test_registry():
    assert set(OPTIMIZERS) >= {"sgd", "momentum", "rmsprop", "adam", "adamw", "lion"}
