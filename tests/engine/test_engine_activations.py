import math

import numpy as np
import pytest

from nntui.engine.activations import ACTIVATIONS, erf, max_slope, softmax

NAMES = ["step", "linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "silu"]
KINKED = {"step", "relu", "leaky_relu", "elu"}


def test_registry_has_every_activation_with_metadata():
    assert list(ACTIVATIONS) == NAMES
    for a in ACTIVATIONS.values():
        assert a.display and a.formula and a.range and a.note and a.derivative
        assert isinstance(a.zero_centred, bool)
    assert ACTIVATIONS["leaky_relu"].display == "Leaky ReLU"
    assert ACTIVATIONS["sigmoid"].range == "(0, 1)"
    assert ACTIVATIONS["tanh"].zero_centred and not ACTIVATIONS["sigmoid"].zero_centred


@pytest.mark.parametrize("name", NAMES)
def test_derivative_matches_central_differences(name):
    z = np.linspace(-4.0, 4.0, 81)
    if name in KINKED:
        z = z[np.abs(z) > 0.04]  # keep clear of the kink at 0
    act = ACTIVATIONS[name]
    h = 1e-5
    numeric = (act.f(z + h) - act.f(z - h)) / (2 * h)
    np.testing.assert_allclose(act.df(z), numeric, rtol=1e-6, atol=1e-10)
    # the backprop shortcut that reuses a = f(z) must agree with df(z)
    np.testing.assert_allclose(act.grad(z, act.f(z)), act.df(z), rtol=1e-12, atol=1e-15)


def test_closed_forms():
    sig = ACTIVATIONS["sigmoid"]
    assert float(sig.f(np.array(0.7))) == pytest.approx(0.668188, abs=5e-7)
    assert float(sig.f(np.array(0.7))) == pytest.approx(1 / (1 + math.exp(-0.7)), rel=1e-15)
    assert float(sig.df(np.array(0.0))) == 0.25
    assert max_slope("sigmoid") == pytest.approx(0.25, abs=1e-12)
    assert max_slope("tanh") == pytest.approx(1.0, abs=1e-12)
    assert max_slope("relu") == 1.0
    assert max_slope("step") == 0.0
    z = np.array([-2.0, -0.5, 0.0, 0.5, 3.0])
    np.testing.assert_allclose(ACTIVATIONS["leaky_relu"].f(z), [-0.02, -0.005, 0.0, 0.5, 3.0])
    np.testing.assert_allclose(ACTIVATIONS["elu"].f(z), [math.exp(-2) - 1, math.exp(-0.5) - 1, 0, 0.5, 3])
    np.testing.assert_allclose(ACTIVATIONS["relu"].f(z), [0, 0, 0, 0.5, 3.0])
    np.testing.assert_array_equal(ACTIVATIONS["step"].f(z), [0, 0, 1, 1, 1])
    # GELU(1) = Φ(1) = 0.8413447460685429; SiLU(1) = σ(1)
    assert float(ACTIVATIONS["gelu"].f(np.array(1.0))) == pytest.approx(0.8413447460685429, rel=1e-14)
    assert float(ACTIVATIONS["silu"].f(np.array(1.0))) == pytest.approx(1 / (1 + math.exp(-1)), rel=1e-14)
    assert float(np.min(ACTIVATIONS["gelu"].f(np.linspace(-3, 0, 3001)))) == pytest.approx(-0.17, abs=0.005)
    assert float(np.min(ACTIVATIONS["silu"].f(np.linspace(-3, 0, 3001)))) == pytest.approx(-0.278, abs=0.001)


def test_erf_matches_math():
    x = np.linspace(-4, 4, 33)
    np.testing.assert_array_equal(erf(x), [math.erf(v) for v in x])
    assert erf(x.reshape(3, 11)).shape == (3, 11)


def test_sigmoid_is_finite_and_exact_at_extremes():
    sig = ACTIVATIONS["sigmoid"]
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = sig.f(np.array([-1000.0, -40.0, 0.0, 40.0, 1000.0]))
    assert np.all(np.isfinite(out))
    assert out[0] == 0.0 and out[-1] == 1.0
    assert out[1] == pytest.approx(math.exp(-40), rel=1e-12)  # tiny, not rounded to 0


def test_softmax_stable_and_normalised():
    z = np.array([[1000.0, -1000.0, 0.0], [-1000.0, -1000.0, -1000.0], [1.0, 2.0, 3.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        p = softmax(z)
    assert np.all(np.isfinite(p))
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-15)
    np.testing.assert_allclose(p[0], [1.0, 0.0, 0.0])
    np.testing.assert_allclose(p[1], [1 / 3] * 3)
    e = np.exp([1.0, 2.0, 3.0])
    np.testing.assert_allclose(p[2], e / e.sum(), rtol=1e-15)
    np.testing.assert_allclose(softmax(z.T, axis=0), p.T)
