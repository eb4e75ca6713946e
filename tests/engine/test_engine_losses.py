import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nntui.engine.losses import LOSSES, bce_with_logits, ce, focal, huber, one_hot

rng = np.random.default_rng(42)


def _check(name, pred, target, numgrad):
    value, grad = LOSSES[name](pred, target)
    assert grad.shape == pred.shape
    numeric = numgrad(lambda: LOSSES[name](pred, target)[0], pred)
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-10)
    return value


@pytest.mark.parametrize("shape", [(7,), (5, 1), (4, 3)])
@pytest.mark.parametrize("name", ["mse", "mae", "huber"])
def test_regression_losses_gradients(name, shape, numgrad):
    target = rng.normal(size=shape)
    # residuals kept away from the kinks at 0 (mae, huber) and ±δ (huber)
    r = rng.choice([-1, 1], size=shape) * rng.choice([rng.uniform(0.1, 0.9), rng.uniform(1.2, 3.0)], size=shape)
    _check(name, target + r, target, numgrad)


@pytest.mark.parametrize("name", ["bce", "focal"])
def test_probability_losses_gradients(name, numgrad):
    pred = rng.uniform(0.05, 0.95, size=(6, 2))
    for target in (rng.integers(0, 2, size=(6, 2)).astype(float), rng.uniform(0, 1, size=(6, 2))):
        _check(name, pred, target, numgrad)


def test_ce_gradient_onehot_and_indices(numgrad):
    z = rng.normal(size=(5, 4)) * 2
    labels = np.array([0, 3, 1, 1, 2])
    v1 = _check("ce", z, one_hot(labels, 4), numgrad)
    v2 = _check("ce", z, labels, numgrad)
    assert v1 == v2
    soft = rng.dirichlet(np.ones(4), size=5)
    _check("ce", z, soft, numgrad)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(ce(z, labels)[1], (p - one_hot(labels, 4)) / 5, rtol=1e-12)


def test_closed_values():
    p, t = np.array([0.0, 2.0, -1.0]), np.array([1.0, 0.0, -1.0])
    assert LOSSES["mse"](p, t)[0] == pytest.approx((1 + 4 + 0) / 3)
    assert LOSSES["mae"](p, t)[0] == pytest.approx((1 + 2 + 0) / 3)
    assert huber(p, t)[0] == pytest.approx((0.5 + 1.5 + 0) / 3)
    assert LOSSES["bce"](np.array([0.8]), np.array([1.0]))[0] == pytest.approx(-math.log(0.8))
    # focal at y = 1, p = 0.8: −0.25·0.2²·log 0.8
    assert focal(np.array([0.8]), np.array([1.0]))[0] == pytest.approx(-0.25 * 0.04 * math.log(0.8))
    assert focal(np.array([0.8]), np.array([0.0]))[0] == pytest.approx(-0.75 * 0.64 * math.log(0.2))
    # ce of uniform logits over k classes is log k
    assert ce(np.zeros((2, 4)), np.array([0, 3]))[0] == pytest.approx(math.log(4))
    # (n,) labels against an (n, 1) prediction column
    assert LOSSES["mse"](np.array([[1.0], [2.0]]), np.array([1.0, 0.0]))[0] == pytest.approx(2.0)


def test_bce_with_logits_matches_bce_and_its_gradient(numgrad):
    z = rng.normal(size=(6, 1)) * 3
    t = rng.integers(0, 2, size=(6, 1)).astype(float)
    s = 1 / (1 + np.exp(-z))
    assert bce_with_logits(z, t)[0] == pytest.approx(LOSSES["bce"](s, t)[0], rel=1e-12)
    numeric = numgrad(lambda: bce_with_logits(z, t)[0], z)
    np.testing.assert_allclose(bce_with_logits(z, t)[1], numeric, rtol=1e-6, atol=1e-10)


def test_extremes_stay_finite():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        for name in ("bce", "focal"):
            v, g = LOSSES[name](np.array([0.0, 1.0, 0.0, 1.0]), np.array([1.0, 0.0, 0.0, 1.0]))
            assert np.isfinite(v) and np.all(np.isfinite(g))
        v, g = ce(np.array([[1000.0, -1000.0], [-1000.0, 1000.0]]), np.array([1, 1]))
        assert np.isfinite(v) and np.all(np.isfinite(g))
        assert v == pytest.approx(1000.0)  # one row is off by 2000 nats, the other exact
        v, g = bce_with_logits(np.array([1000.0, -1000.0]), np.array([0.0, 1.0]))
        assert v == pytest.approx(1000.0) and np.all(np.isfinite(g))
    assert LOSSES["bce"](np.array([1.0]), np.array([1.0]))[0] == pytest.approx(0.0, abs=1e-11)


def test_registry_metadata():
    assert set(LOSSES) == {"mse", "mae", "huber", "bce", "ce", "focal"}
    assert LOSSES["ce"].pred_kind == "logits" and LOSSES["bce"].pred_kind == "probability"


def test_ce_single_example_one_hot_equals_the_batch_of_one(numgrad):
    z = np.array([0.3, -1.2, 2.0, 0.5])
    target = np.array([0.0, 0.0, 1.0, 0.0])
    value, grad = ce(z, target)
    batch_value, batch_grad = ce(z[None, :], target[None, :])
    assert grad.shape == (4,)
    assert value == batch_value
    np.testing.assert_array_equal(grad, batch_grad[0])
    np.testing.assert_allclose(grad, numgrad(lambda: ce(z, target)[0], z), rtol=1e-6, atol=1e-10)
    # the class index of the same example gives the same answer
    assert ce(z, 2)[0] == value


_extreme = st.floats(min_value=-1e150, max_value=1e150, allow_nan=False)
_probability = st.one_of(st.sampled_from([0.0, 1.0, 5e-324, 1e-300, 1.0 - 1e-16]),
                         st.floats(min_value=0.0, max_value=1.0))


@st.composite
def _loss_case(draw):
    """A loss name with predictions and targets of the kind it takes, at the extremes."""
    name = draw(st.sampled_from(sorted(LOSSES)))
    n, k = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    kind = LOSSES[name].pred_kind
    if kind == "logits":
        # Logits as far apart as float64 allows without the difference overflowing.
        z = draw(arrays(np.float64, (n, k), elements=st.floats(-1e300, 1e300)))
        return name, z, draw(arrays(np.int64, (n,), elements=st.integers(0, k - 1)))
    if kind == "probability":
        p = draw(arrays(np.float64, (n, k), elements=_probability))
        return name, p, draw(arrays(np.float64, (n, k), elements=_probability))
    # |ŷ − y| ≤ 2e150 keeps the squared error inside float64's range
    return name, draw(arrays(np.float64, (n, k), elements=_extreme)), \
        draw(arrays(np.float64, (n, k), elements=_extreme))


@given(_loss_case())
def test_every_loss_is_finite_at_extreme_inputs(case):
    name, pred, target = case
    value, grad = LOSSES[name](pred, target)
    assert math.isfinite(value)
    assert grad.shape == pred.shape and np.all(np.isfinite(grad))
