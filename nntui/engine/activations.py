"""Activation functions, their derivatives, and what a lesson says about them.

Every activation is an :class:`Activation` with ``f(z)`` and ``df(z)`` (derivative
with respect to ``z``, element-wise). ``ACTIVATIONS[name]`` is the registry.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

__all__ = [
    "Activation",
    "ACTIVATIONS",
    "softmax",
    "erf",
    "max_slope",
    "LEAKY_ALPHA",
    "ELU_ALPHA",
]

LEAKY_ALPHA = 0.01
ELU_ALPHA = 1.0

Array = np.ndarray

# math.erf is exact to double precision; frompyfunc maps it over an array.
# It is slower than a ufunc but only GELU needs it, and accuracy matters more
# here (the gradient checks run at rtol 1e-6).
_erf_obj = np.frompyfunc(math.erf, 1, 1)


def erf(x) -> Array:
    """Error function, element-wise, float64."""
    x = np.asarray(x, dtype=np.float64)
    return np.asarray(_erf_obj(x), dtype=np.float64)


_SQRT2 = math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)


@dataclass(frozen=True)
class Activation:
    """An activation: the function, its derivative, and descriptive metadata."""

    name: str
    display: str  # e.g. "Leaky ReLU"
    formula: str  # Unicode, e.g. "σ(z) = 1/(1+e⁻ᶻ)"
    derivative: str  # Unicode formula of f′
    range: str  # as text, e.g. "(0, 1)"
    zero_centred: bool
    note: str  # one line, our own words
    f: Callable[[Array], Array] = field(repr=False)
    df: Callable[[Array], Array] = field(repr=False)
    # f′ given both z and a = f(z); lets backprop reuse a (tanh: 1 − a²) instead
    # of recomputing f. Defaults to df(z).
    df_from_output: Callable[[Array, Array], Array] | None = field(default=None, repr=False)

    def grad(self, z: Array, a: Array) -> Array:
        """f′(z), reusing the already computed output ``a = f(z)`` when that is cheaper."""
        if self.df_from_output is not None:
            return self.df_from_output(z, a)
        return self.df(z)


def _f64(z) -> Array:
    return np.asarray(z, dtype=np.float64)


# --- the functions ---------------------------------------------------------

def _step(z):
    # Heaviside with H(0) = 1: a neuron "fires" when its sum reaches the threshold.
    return np.where(_f64(z) >= 0.0, 1.0, 0.0)


def _step_d(z):
    # Flat everywhere except the jump, which has no derivative; 0 is the usual choice.
    return np.zeros_like(_f64(z))


def _linear(z):
    return np.array(z, dtype=np.float64)


def _linear_d(z):
    return np.ones_like(_f64(z))


def _sigmoid(z):
    z = _f64(z)
    # Two branches so exp never overflows: for z < 0 use e^z / (1 + e^z).
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _sigmoid_d(z):
    s = _sigmoid(z)
    return s * (1.0 - s)


def _tanh(z):
    return np.tanh(_f64(z))


def _tanh_d(z):
    t = np.tanh(_f64(z))
    return 1.0 - t * t


def _relu(z):
    return np.maximum(_f64(z), 0.0)


def _relu_d(z):
    return np.where(_f64(z) > 0.0, 1.0, 0.0)


def _leaky(z):
    z = _f64(z)
    return np.where(z > 0.0, z, LEAKY_ALPHA * z)


def _leaky_d(z):
    return np.where(_f64(z) > 0.0, 1.0, LEAKY_ALPHA)


def _elu(z):
    z = _f64(z)
    # expm1 keeps precision for small negative z; minimum avoids overflow warnings.
    return np.where(z > 0.0, z, ELU_ALPHA * np.expm1(np.minimum(z, 0.0)))


def _elu_d(z):
    z = _f64(z)
    return np.where(z > 0.0, 1.0, ELU_ALPHA * np.exp(np.minimum(z, 0.0)))


def _gelu(z):
    z = _f64(z)
    return 0.5 * z * (1.0 + erf(z / _SQRT2))


def _gelu_d(z):
    z = _f64(z)
    cdf = 0.5 * (1.0 + erf(z / _SQRT2))  # Φ(z)
    pdf = _INV_SQRT_2PI * np.exp(-0.5 * z * z)  # φ(z)
    return cdf + z * pdf


def _silu(z):
    z = _f64(z)
    return z * _sigmoid(z)


def _silu_d(z):
    z = _f64(z)
    s = _sigmoid(z)
    return s * (1.0 + z * (1.0 - s))


def softmax(z, axis: int = -1) -> Array:
    """Softmax along ``axis``; subtracting the max keeps exp finite for any logits."""
    z = _f64(z)
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in [
        Activation(
            "step", "Step", "H(z) = 1 if z ≥ 0, else 0", "H′(z) = 0 (undefined at 0)",
            "{0, 1}", False,
            "An on/off switch: the original perceptron's all-or-nothing decision.",
            _step, _step_d,
            lambda z, a: np.zeros_like(a),
        ),
        Activation(
            "linear", "Linear", "f(z) = z", "f′(z) = 1",
            "(−∞, ∞)", True,
            "No squash at all; stacked linear layers are still just one linear map.",
            _linear, _linear_d,
            lambda z, a: np.ones_like(a),
        ),
        Activation(
            "sigmoid", "Sigmoid", "σ(z) = 1/(1+e⁻ᶻ)", "σ′(z) = σ(z)(1−σ(z))",
            "(0, 1)", False,
            "Squeezes any sum into a probability; its slope never exceeds 0.25.",
            _sigmoid, _sigmoid_d,
            lambda z, a: a * (1.0 - a),
        ),
        Activation(
            "tanh", "Tanh", "tanh(z) = (eᶻ−e⁻ᶻ)/(eᶻ+e⁻ᶻ)", "tanh′(z) = 1 − tanh²(z)",
            "(−1, 1)", True,
            "A sigmoid stretched to (−1, 1) and centred on zero; flat tails still fade gradients.",
            _tanh, _tanh_d,
            lambda z, a: 1.0 - a * a,
        ),
        Activation(
            "relu", "ReLU", "ReLU(z) = max(0, z)", "ReLU′(z) = 1 if z > 0, else 0",
            "[0, ∞)", False,
            "Passes positives unchanged and blocks negatives; cheap, the usual default.",
            _relu, _relu_d,
        ),
        Activation(
            "leaky_relu", "Leaky ReLU", "f(z) = z if z > 0, else 0.01·z",
            "f′(z) = 1 if z > 0, else 0.01",
            "(−∞, ∞)", False,
            "ReLU with a small slope for negatives, so a unit can always recover.",
            _leaky, _leaky_d,
        ),
        Activation(
            "elu", "ELU", "f(z) = z if z > 0, else eᶻ − 1", "f′(z) = 1 if z > 0, else eᶻ",
            "(−1, ∞)", False,
            "Smooth below zero and saturates at −1, pulling mean outputs nearer zero.",
            _elu, _elu_d,
        ),
        Activation(
            "gelu", "GELU", "GELU(z) = z·Φ(z) = ½z(1 + erf(z/√2))", "GELU′(z) = Φ(z) + z·φ(z)",
            "(≈−0.17, ∞)", False,
            "Weights each input by how likely it is to be positive; a transformer favourite.",
            _gelu, _gelu_d,
        ),
        Activation(
            "silu", "SiLU (Swish)", "SiLU(z) = z·σ(z)", "SiLU′(z) = σ(z)(1 + z(1−σ(z)))",
            "(≈−0.28, ∞)", False,
            "The input gated by its own sigmoid: smooth, with a small dip below zero.",
            _silu, _silu_d,
        ),
    ]
}


def max_slope(name: str, lo: float = -10.0, hi: float = 10.0, n: int = 200_001) -> float:
    """Largest |f′(z)| on an evenly spaced grid over [lo, hi] (the grid includes 0)."""
    z = np.linspace(lo, hi, n)
    return float(np.max(np.abs(ACTIVATIONS[name].df(z))))
