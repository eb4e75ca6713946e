"""Coupling flow: exact inverse, log-determinants against a numerical Jacobian, NLL gradients."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.engine.flows import CouplingFlow, sample_target, train


def random_flow(seed: int = 0, n_layers: int = 4) -> CouplingFlow:
    """A flow with every parameter random (an untrained flow would be the identity)."""
    flow = CouplingFlow(n_layers=n_layers, hidden=6, seed=seed)
    rng = np.random.default_rng(seed + 100)
    flow.set_params([0.7 * rng.standard_normal(p.data.shape) for p in flow.params])
    return flow


def test_untrained_flow_is_the_identity():
    z = np.random.default_rng(0).standard_normal((50, 2))
    y, logdet = CouplingFlow(seed=3).forward(z)
    assert np.array_equal(y, z) and np.all(logdet == 0)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_reverse_after_forward_is_the_identity(seed):
    flow = random_flow(seed, n_layers=8)
    z = np.random.default_rng(seed).standard_normal((300, 2)) * 2
    y, logdet = flow.forward(z)
    assert np.abs(y - z).max() > 0.1  # the flow really moves the points
    back, logdet_back = flow.inverse(y)
    assert np.abs(back - z).max() < 1e-10
    assert np.abs(logdet + logdet_back).max() < 1e-10
    for k in range(flow.n_layers):  # each step alone too
        step, _ = flow.layer_forward(k, z)
        assert np.abs(flow.layer_inverse(k, step)[0] - z).max() < 1e-10


def numerical_jacobian(fn, x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    jac = np.zeros((2, 2))
    for j in range(2):
        dx = np.zeros(2)
        dx[j] = h
        jac[:, j] = (fn(x + dx) - fn(x - dx)) / (2 * h)
    return jac


def test_log_det_matches_a_numerical_jacobian():
    flow = random_flow(4)
    points = np.random.default_rng(5).standard_normal((6, 2))
    for k in range(flow.n_layers):
        _, logdets = flow.layer_forward(k, points)
        _, inverse_logdets = flow.layer_inverse(k, points)
        for x, logdet, inverse_logdet in zip(points, logdets, inverse_logdets):
            jac = numerical_jacobian(lambda p: flow.layer_forward(k, p[None, :])[0][0], x)
            assert np.log(abs(np.linalg.det(jac))) == pytest.approx(logdet, abs=1e-7)
            jac = numerical_jacobian(lambda p: flow.layer_inverse(k, p[None, :])[0][0], x)
            assert np.log(abs(np.linalg.det(jac))) == pytest.approx(inverse_logdet, abs=1e-7)
    _, total = flow.forward(points)
    for x, logdet in zip(points, total):
        jac = numerical_jacobian(lambda p: flow.forward(p[None, :])[0][0], x)
        assert np.log(abs(np.linalg.det(jac))) == pytest.approx(logdet, abs=1e-6)


def test_nll_gradients_match_finite_differences():
    flow = random_flow(6, n_layers=3)
    y = sample_target("moons", 20, np.random.default_rng(0))
    loss, grads = flow.loss_and_grads(y)
    assert loss == pytest.approx(flow.nll(y), abs=1e-12)
    params = flow.get_params()
    h = 1e-6
    for i, array in enumerate(params):
        for index in list(np.ndindex(array.shape))[:4]:
            shifted = [p.copy() for p in params]
            shifted[i][index] += h
            flow.set_params(shifted)
            up = flow.nll(y)
            shifted[i][index] -= 2 * h
            flow.set_params(shifted)
            down = flow.nll(y)
            assert grads[i][index] == pytest.approx((up - down) / (2 * h), abs=1e-6)
        flow.set_params(params)


def test_nll_is_the_change_of_variables_density():
    flow = random_flow(7)
    y = np.array([[0.3, -1.2], [2.0, 0.5]])
    x, logdet = flow.inverse(y)
    log_p = -0.5 * (x ** 2).sum(axis=1) - np.log(2 * np.pi) + logdet
    assert flow.nll(y) == pytest.approx(-log_p.mean(), abs=1e-12)


def test_training_lowers_the_nll_of_the_target():
    flow = CouplingFlow(n_layers=4, hidden=8, seed=0)
    held_out = sample_target("ring", 500, np.random.default_rng(9))
    before = flow.nll(held_out)
    train(flow, "ring", steps=60, batch=128)
    assert flow.nll(held_out) < before - 0.1
