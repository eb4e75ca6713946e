import numpy as np
import pytest

from nntui.engine import data
from nntui.engine.mlp import MLP, accuracy, grid_predict, train_epoch, train_step
from nntui.engine.optim import SGD, Adam
from nntui.engine.perceptron import GATES

SMOOTH = ["linear", "sigmoid", "tanh", "gelu", "silu"]
KINKED = ["relu", "leaky_relu", "elu"]


def _grad_check(model, X, y, numgrad, **kw):
    value, grads = model.backward(X, y, **kw)
    assert len(grads) == len(model.params)
    for p, g in zip(model.params, grads):
        assert g.shape == p.shape
        numeric = numgrad(lambda: model.backward(X, y, **kw)[0], p)
        np.testing.assert_allclose(g, numeric, rtol=1e-6, atol=1e-9)
    return value


def _away_from_kinks(model, X):
    zs, _ = model.forward_trace(X)
    return min(float(np.min(np.abs(z))) for z in zs[:-1])


@pytest.mark.parametrize("hidden", SMOOTH + KINKED)
def test_gradients_every_hidden_activation(hidden, numgrad):
    for seed in range(100):  # random shapes; for kinked units, the first draw clear of z = 0
        rng = np.random.default_rng(seed)
        sizes = [3, int(rng.integers(2, 6)), int(rng.integers(2, 6)), 1]
        model = MLP(sizes, hidden=hidden, output="sigmoid", init="xavier_normal", seed=seed)
        X = rng.normal(size=(7, 3))
        y = rng.integers(0, 2, size=7).astype(float)
        if hidden not in KINKED or _away_from_kinks(model, X) > 1e-3:
            break
    _grad_check(model, X, y, numgrad, loss="bce")


@pytest.mark.parametrize(
    "output,loss",
    [("sigmoid", "bce"), ("sigmoid", "mse"), ("sigmoid", "focal"), ("linear", "mse"),
     ("linear", "mae"), ("linear", "huber"), ("softmax", "ce"), ("linear", "ce"),
     ("softmax", "mse"), ("softmax", "bce"), ("tanh", "mse")],
)
def test_gradients_every_loss_and_output(output, loss, numgrad):
    rng = np.random.default_rng(7)
    k = 3 if output in ("softmax",) or loss == "ce" else 2
    model = MLP([4, 5, k], hidden="tanh", output=output, seed=1)
    X = rng.normal(size=(6, 4))
    if loss == "ce" or output == "softmax":
        y = rng.integers(0, k, size=6)  # class indices
    elif output == "sigmoid":
        y = rng.integers(0, 2, size=(6, k)).astype(float)
    else:
        y = rng.normal(size=(6, k)) * 3  # regression targets far from outputs: no mae/huber kink
    _grad_check(model, X, y, numgrad, loss=loss)


@pytest.mark.parametrize("l1,l2", [(0.0, 0.01), (0.003, 0.0), (0.002, 0.005)])
def test_gradients_with_penalties(l1, l2, numgrad):
    rng = np.random.default_rng(11)
    model = MLP([2, 6, 4, 1], hidden="tanh", seed=5)
    X, y = rng.normal(size=(9, 2)), rng.integers(0, 2, size=9).astype(float)
    value = _grad_check(model, X, y, numgrad, loss="bce", l1=l1, l2=l2)
    plain, _ = model.backward(X, y, loss="bce")
    penalty = sum(l2 * np.sum(W**2) + l1 * np.sum(np.abs(W)) for W in model.weights)
    assert value == pytest.approx(plain + penalty, rel=1e-12)
    assert model.loss(X, y, loss="bce", l1=l1, l2=l2) == pytest.approx(value, rel=1e-12)


def test_biases_are_not_penalised():
    model = MLP([2, 3, 1], seed=0)
    for b in model.biases:
        b[...] = 5.0
    X, y = np.ones((4, 2)), np.ones(4)
    _, g0 = model.backward(X, y)
    _, g1 = model.backward(X, y, l1=0.1, l2=0.1)
    for i in (1, 3):
        np.testing.assert_array_equal(g0[i], g1[i])


def test_gradients_with_dropout_fixed_mask(numgrad):
    rng = np.random.default_rng(2)
    model = MLP([3, 8, 8, 1], hidden="tanh", seed=2)
    X, y = rng.normal(size=(10, 3)), rng.integers(0, 2, size=10).astype(float)
    kw = dict(loss="bce", dropout=0.5)
    value, grads = model.backward(X, y, rng=np.random.default_rng(99), **kw)
    for p, g in zip(model.params, grads):
        numeric = numgrad(lambda: model.backward(X, y, rng=np.random.default_rng(99), **kw)[0], p)
        np.testing.assert_allclose(g, numeric, rtol=1e-6, atol=1e-9)
    # dropout changes the loss (units really drop) and forward stays deterministic
    assert value != model.backward(X, y, loss="bce")[0]
    np.testing.assert_array_equal(model.forward(X), model.forward(X))


def test_dropout_is_inverted():
    # 2000 identical linear units averaged: output 1 without dropout; with inverted
    # dropout the kept units are scaled by 1/(1 − p), so the output stays ≈ 1 (not 0.7).
    model = MLP([1, 2000, 1], hidden="linear", output="linear", seed=0)
    model.params[0][...] = 1.0
    model.params[2][...] = 1.0 / 2000
    X = np.ones((1, 1))
    assert float(model.forward(X)[0, 0]) == pytest.approx(1.0)
    outs = [np.sqrt(model.backward(X, [0.0], loss="mse", dropout=0.3, rng=np.random.default_rng(s))[0])
            for s in range(20)]
    assert len(set(outs)) > 1
    assert np.mean(outs) == pytest.approx(1.0, abs=0.01)


def test_forward_trace_and_shapes():
    model = MLP([2, 8, 8, 1], seed=0)
    assert [p.shape for p in model.params] == [(2, 8), (8,), (8, 8), (8,), (8, 1), (1,)]
    assert model.n_params == 24 + 72 + 9 == 105
    assert model.n_layers == 3
    X = np.random.default_rng(0).normal(size=(5, 2))
    zs, acts = model.forward_trace(X)
    assert len(zs) == 3 and len(acts) == 4 and acts[0] is not None
    np.testing.assert_array_equal(acts[0], X)
    np.testing.assert_allclose(acts[1], np.tanh(X @ model.params[0] + model.params[1]))
    np.testing.assert_allclose(acts[-1], 1 / (1 + np.exp(-zs[-1])))
    np.testing.assert_array_equal(acts[-1], model.forward(X))
    sm = MLP([2, 4, 3], output="softmax", seed=0)
    np.testing.assert_allclose(sm.forward(X).sum(axis=1), 1.0)


def test_same_seed_same_network_and_copy_is_independent():
    a, b = MLP([2, 5, 1], seed=4), MLP([2, 5, 1], seed=4)
    for p, q in zip(a.params, b.params):
        np.testing.assert_array_equal(p, q)
    assert not np.array_equal(a.params[0], MLP([2, 5, 1], seed=5).params[0])
    c = a.copy()
    c.params[0][0, 0] += 1.0
    assert a.params[0][0, 0] != c.params[0][0, 0]
    W0 = a.params[0]
    a.set_params(c.params)
    assert a.params[0] is W0  # values copied into the same arrays
    np.testing.assert_array_equal(a.params[0], c.params[0])
    with pytest.raises(ValueError):
        a.set_params(c.params[:2])


def test_ce_needs_logits():
    with pytest.raises(ValueError):
        MLP([2, 3, 2], output="sigmoid").backward(np.ones((1, 2)), [1], loss="ce")


def test_learns_xor_gate():
    G = GATES["XOR"]
    model = MLP([2, 4, 1], hidden="tanh", output="sigmoid", seed=0)
    opt = Adam(0.05)
    for _ in range(300):
        train_step(model, opt, G.inputs, G.targets)
    assert accuracy(model, G.inputs, G.targets) == 1.0


@pytest.mark.parametrize("name,noise", [("circle", 0.0), ("circle", 0.05), ("gauss", 0.1)])
def test_learns_circle_and_gauss(name, noise):
    # Train-a-Brain's default net 2 → 8 → 8 → 1 (tanh), Adam lr 0.03, 300 full-batch steps.
    X, y = data.make(name, n=400, noise=noise, seed=0)
    Xtr, ytr, Xte, yte = data.split(X, y, 0.5, seed=0)
    model = MLP([2, 8, 8, 1], seed=0)
    opt = Adam(0.03)
    for _ in range(300):
        train_step(model, opt, Xtr, ytr)
    assert accuracy(model, Xte, yte) >= 0.95


def test_minibatch_epoch_and_sgd_reduce_loss():
    X, y = data.make("gauss", n=200, seed=1)
    model = MLP([2, 4, 1], seed=0)
    before = model.loss(X, y)
    opt = SGD(0.1)
    for _ in range(5):
        train_epoch(model, opt, X, y, batch_size=20, rng=np.random.default_rng(0))
    assert model.loss(X, y) < before


def test_softmax_classifier_learns_three_classes():
    rng = np.random.default_rng(0)
    centres = np.array([[0, 3], [3, -2], [-3, -2]])
    labels = rng.integers(0, 3, 300)
    X = centres[labels] + rng.normal(size=(300, 2)) * 0.5
    model = MLP([2, 8, 3], output="softmax", seed=0)
    opt = Adam(0.05)
    for _ in range(200):
        train_step(model, opt, X, labels, loss="ce")
    assert accuracy(model, X, labels) > 0.98


def test_grid_predict():
    model = MLP([2, 3, 1], seed=0)
    g = grid_predict(model, (-5, 5), (-2, 2), nx=7, ny=4)
    assert g.shape == (4, 7)
    # row 0 is y = −2 (bottom), last column is x = 5
    np.testing.assert_allclose(g[0, -1], model.forward([[5.0, -2.0]])[0, 0])
    fm = MLP([3, 3, 1], seed=0)
    g = grid_predict(fm, (-1, 1), (-1, 1), nx=3, ny=3, features=["x1", "x2", "x1x2"])
    np.testing.assert_allclose(g[2, 0], fm.forward([[-1.0, 1.0, -1.0]])[0, 0])
    sm = MLP([2, 3, 4], output="softmax", seed=0)
    assert set(np.unique(grid_predict(sm, (-5, 5), (-5, 5), 9, 9))) <= {0.0, 1.0, 2.0, 3.0}


def test_zero_init_never_breaks_symmetry():
    X, y = data.make("xor", n=100, seed=0)
    model = MLP([2, 4, 1], init="zeros", seed=0)
    opt = SGD(0.5)
    for _ in range(50):
        train_step(model, opt, X, y)
    W1 = model.params[0]
    np.testing.assert_array_equal(W1, 0.0)  # hidden weights get no gradient at all


def test_divergence_gives_a_non_finite_loss_without_warnings():
    import math
    import warnings

    X, y = data.make("circle", n=50, seed=0)
    model = MLP([2, 8, 1], hidden="relu", output="linear", seed=0)
    opt = SGD(10.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        losses = [train_step(model, opt, X * 100, y * 1e6, loss="mse") for _ in range(60)]
    assert not math.isfinite(losses[-1])
