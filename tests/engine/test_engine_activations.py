import math
import pathlib

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nntui.engine import activations
from nntui.engine.activations import (
    ACTIVATIONS,
    erf,
    erfc,
    max_slope,
    normal_cdf,
    sigmoid,
    softmax,
)

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


def test_erf_matches_math_on_a_dense_grid_including_the_tails():
    # Every range of Cody's approximation and the seams between them (0.46875, 4).
    x = np.concatenate([np.linspace(-30.0, 30.0, 120_001),
                        [0.0, -0.0, 0.46875, -0.46875, 4.0, -4.0, 5e-324, 1e-300, 1e300, -1e300]])
    exact = np.array([math.erf(v) for v in x])
    assert np.max(np.abs(erf(x) - exact)) <= 1e-14
    assert erf(x[:33].reshape(3, 11)).shape == (3, 11)
    assert erf(np.inf) == 1.0 and erf(-np.inf) == -1.0 and np.isnan(erf(np.nan))


def test_erfc_keeps_relative_precision_in_the_tails():
    x = np.linspace(-6.0, 26.0, 32_001)
    exact = np.array([math.erfc(v) for v in x])
    np.testing.assert_allclose(erfc(x), exact, rtol=1e-14, atol=0.0)


def test_normal_cdf_is_exact_far_in_the_left_tail():
    # ½(1 + erf(z/√2)) would round to 0 here; the erfc form keeps the digits.
    z = np.array([-10.0, -20.0, -37.0])
    exact = [0.5 * math.erfc(-v / math.sqrt(2.0)) for v in z]
    np.testing.assert_allclose(normal_cdf(z), exact, rtol=1e-14)
    assert float(normal_cdf(0.0)) == 0.5


def test_erf_is_plain_numpy_not_a_python_loop():
    # No per-element math.erf (np.frompyfunc or np.vectorize): one pass of array arithmetic.
    text = pathlib.Path(activations.__file__).read_text(encoding="utf-8")
    for slow in ("math.erf", "frompyfunc", "vectorize"):
        assert slow not in text
    out = erf(np.linspace(-3.0, 3.0, 7))
    assert out.dtype == np.float64


@given(arrays(np.float64, st.tuples(st.integers(1, 4), st.integers(1, 6)),
              elements=st.floats(allow_nan=False, allow_infinity=False)))
def test_softmax_rows_are_distributions_for_any_finite_logits(z):
    p = softmax(z)
    assert np.all((p >= 0.0) & (p <= 1.0))
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=0, atol=1e-12)


def test_sigmoid_is_defined_once_and_shared():
    from nntui.engine import losses, mlp

    assert ACTIVATIONS["sigmoid"].f is sigmoid
    assert losses.sigmoid is sigmoid and mlp.sigmoid is sigmoid
    text = pathlib.Path(activations.__file__).read_text(encoding="utf-8")
    assert text.count("np.exp(-np.abs(") == 1


def test_every_derivative_is_written_once_in_grad_form():
    # df(z) is grad(z, f(z)): no activation carries a second copy of its derivative.
    z = np.linspace(-3.0, 3.0, 13)
    for act in ACTIVATIONS.values():
        assert not hasattr(act, "df_from_output")
        np.testing.assert_array_equal(act.df(z), act.grad(z, act.f(z)))
