"""Engine speed on Train-a-Brain's default network, against a minimal inline NumPy loop.

Network 2 → 8 → 8 → 1, tanh hidden, sigmoid output, BCE, 200 points (circle),
full batch, plain SGD. Both loops do the same maths (same stable loss from the
logits, same gradients); rounds alternate between them and the medians are compared.

    python benchmarks/engine.py
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from nntui.engine import MLP, SGD, make, train_step

STEPS = 300  # steps per timed block
ROUNDS = 15  # blocks per contestant, interleaved
LR = 0.03


def engine_block(X, y, steps):
    model = MLP([2, 8, 8, 1], hidden="tanh", output="sigmoid", seed=1)
    opt = SGD(LR)
    t0 = time.perf_counter()
    for _ in range(steps):
        train_step(model, opt, X, y)
    return time.perf_counter() - t0, model


def inline_block(X, y, steps):
    model = MLP([2, 8, 8, 1], hidden="tanh", output="sigmoid", seed=1)
    W1, b1, W2, b2, W3, b3 = (p.copy() for p in model.params)
    Y = y.reshape(-1, 1)
    n = Y.size
    t0 = time.perf_counter()
    for _ in range(steps):
        a1 = np.tanh(X @ W1 + b1)
        a2 = np.tanh(a1 @ W2 + b2)
        z3 = a2 @ W3 + b3
        p = 1.0 / (1.0 + np.exp(-z3))
        loss = float(np.mean(np.logaddexp(0.0, z3) - Y * z3))  # noqa: F841 (as train_step reports it)
        d3 = (p - Y) / n
        gW3, gb3 = a2.T @ d3, d3.sum(axis=0)
        d2 = (d3 @ W3.T) * (1.0 - a2 * a2)
        gW2, gb2 = a1.T @ d2, d2.sum(axis=0)
        d1 = (d2 @ W2.T) * (1.0 - a1 * a1)
        gW1, gb1 = X.T @ d1, d1.sum(axis=0)
        for w, g in ((W1, gW1), (b1, gb1), (W2, gW2), (b2, gb2), (W3, gW3), (b3, gb3)):
            w -= LR * g
    return time.perf_counter() - t0, [W1, b1, W2, b2, W3, b3]


def main() -> None:
    X, y = make("circle", n=200, noise=0.0, seed=0)
    # Same maths: after a few steps both must hold the same weights.
    _, m = engine_block(X, y, 20)
    _, ps = inline_block(X, y, 20)
    assert all(np.allclose(a, b, rtol=1e-10, atol=1e-12) for a, b in zip(m.params, ps)), "mismatch"

    engine_block(X, y, 50)  # warm up
    inline_block(X, y, 50)
    eng, inl = [], []
    for _ in range(ROUNDS):
        eng.append(STEPS / engine_block(X, y, STEPS)[0])
        inl.append(STEPS / inline_block(X, y, STEPS)[0])
    e, i = statistics.median(eng), statistics.median(inl)
    print(f"engine : {e:10.0f} steps/s  (median of {ROUNDS} × {STEPS} steps)")
    print(f"inline : {i:10.0f} steps/s")
    print(f"ratio  : {e / i:10.3f}  (engine / inline, target ≥ 0.8)")


if __name__ == "__main__":
    main()
