"""Activation functions, their derivatives, and what a lesson says about them.

Every activation is an :class:`Activation` with ``f(z)``, ``df(z)`` (derivative
with respect to ``z``, element-wise) and ``grad(z, a)``, the same derivative
given the output ``a = f(z)`` as well. Each derivative is written once, in the
``grad`` form; ``df`` evaluates ``f`` and hands both to it. ``ACTIVATIONS[name]``
is the registry.

``sigmoid``, ``erf``, ``erfc`` and ``normal_cdf`` are the plain functions the rest
of the engine reuses.
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
    "sigmoid",
    "erf",
    "erfc",
    "normal_cdf",
    "max_slope",
    "LEAKY_ALPHA",
    "ELU_ALPHA",
]

LEAKY_ALPHA = 0.01
ELU_ALPHA = 1.0

Array = np.ndarray


def _f64(z) -> Array:
    return np.asarray(z, dtype=np.float64)


def sigmoid(z) -> Array:
    """σ(z) = 1/(1 + e⁻ᶻ), element-wise, without overflow for any finite z."""
    z = _f64(z)
    # Two branches so exp never overflows: for z < 0 use e^z / (1 + e^z).
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


# --- the error function ------------------------------------------------------
# W. J. Cody, "Rational Chebyshev approximations for the error function",
# Math. Comp. 23 (1969), with the coefficients of his SPECFUN routine CALERF.
# Three ranges of y = |x|: erf(y) = y·A(y²)/B(y²) for y ≤ 0.46875;
# erfc(y) = e^(−y²)·C(y)/D(y) for y ≤ 4; beyond, an expansion in 1/y².
# Each rational is good to about 1e−18 relative, so float64 rounding dominates.

_ERF_SMALL = 0.46875
_ERFC_MID = 4.0
_INV_SQRT_PI = 1.0 / math.sqrt(math.pi)
# Numerator then denominator coefficients, highest power first (for np.polyval);
# every denominator's leading coefficient is 1.
_A = (1.85777706184603153e-1, 3.16112374387056560e00, 1.13864154151050156e02,
      3.77485237685302021e02, 3.20937758913846947e03)
_B = (1.0, 2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
      2.84423683343917062e03)
_C = (2.15311535474403846e-8, 5.64188496988670089e-1, 8.88314979438837594e00,
      6.61191906371416295e01, 2.98635138197400131e02, 8.81952221241769090e02,
      1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03)
_D = (1.0, 1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
      1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03,
      3.43936767414372164e03, 1.23033935480374942e03)
_P = (1.63153871373020978e-2, 3.05326634961232344e-1, 3.60344899949804439e-1,
      1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4)
_Q = (1.0, 2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1,
      6.05183413124413191e-2, 2.33520497626869185e-3)


def _erf_small(y: Array) -> Array:
    y2 = y * y
    return y * np.polyval(_A, y2) / np.polyval(_B, y2)


def _exp_minus_square(y: Array) -> Array:
    # e^(−y²) as e^(−s²)·e^(−(y−s)(y+s)) with s = y rounded down to 1/16: s² is
    # exact, so the rounding error of y² is not magnified by the huge exponent.
    s = np.floor(y * 16.0) / 16.0
    return np.exp(-s * s) * np.exp(-(y - s) * (y + s))


def _erfc_large(y: Array) -> Array:
    """erfc(y) for y > 0.46875 (float64 underflows to 0 beyond y ≈ 27.2)."""
    out = np.where(np.isnan(y), np.nan, 0.0)
    mid = y <= _ERFC_MID
    ym = y[mid]
    out[mid] = np.polyval(_C, ym) / np.polyval(_D, ym)
    far = ~mid & (y < 27.3)
    yf = y[far]
    r = 1.0 / (yf * yf)
    out[far] = (_INV_SQRT_PI - r * np.polyval(_P, r) / np.polyval(_Q, r)) / yf
    live = mid | far
    out[live] *= _exp_minus_square(y[live])
    return out


def erf(x) -> Array:
    """Error function erf(x) = (2/√π)∫₀ˣ e^(−t²) dt, element-wise, float64."""
    x = _f64(x)
    y = np.abs(x)
    small = y <= _ERF_SMALL
    out = np.empty_like(x)
    out[small] = _erf_small(y[small])
    big = ~small
    out[big] = 1.0 - _erfc_large(y[big])
    return np.copysign(out, x)


def erfc(x) -> Array:
    """Complementary error function 1 − erf(x), accurate in the tails (relative error)."""
    x = _f64(x)
    y = np.abs(x)
    small = y <= _ERF_SMALL
    tail = np.empty_like(x)  # erfc(|x|)
    tail[small] = 1.0 - _erf_small(y[small])
    tail[~small] = _erfc_large(y[~small])
    return np.where(x < 0.0, 2.0 - tail, tail)


_SQRT2 = math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)


def normal_cdf(z) -> Array:
    """Φ(z) = ½(1 + erf(z/√2)), the standard normal CDF.

    Computed as ½·erfc(−z/√2), so the far left tail keeps its significant digits.
    """
    return 0.5 * erfc(-_f64(z) / _SQRT2)


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
    # f′ given both z and a = f(z): backprop already has a, and for sigmoid and
    # tanh the derivative is cheapest from it (σ(1 − σ), 1 − a²).
    grad: Callable[[Array, Array], Array] = field(repr=False)

    def df(self, z) -> Array:
        """f′(z), element-wise."""
        z = _f64(z)
        return self.grad(z, self.f(z))


# --- the functions and their derivatives given (z, a = f(z)) ------------------

def _step(z):
    # Heaviside with H(0) = 1: a neuron "fires" when its sum reaches the threshold.
    return np.where(_f64(z) >= 0.0, 1.0, 0.0)


def _step_d(z, a):
    # Flat everywhere except the jump, which has no derivative; 0 is the usual choice.
    return np.zeros_like(a)


def _linear(z):
    return np.array(z, dtype=np.float64)


def _linear_d(z, a):
    return np.ones_like(a)


def _sigmoid_d(z, a):
    return a * (1.0 - a)


def _tanh(z):
    return np.tanh(_f64(z))


def _tanh_d(z, a):
    return 1.0 - a * a


def _relu(z):
    return np.maximum(_f64(z), 0.0)


def _relu_d(z, a):
    return np.where(z > 0.0, 1.0, 0.0)


def _leaky(z):
    z = _f64(z)
    return np.where(z > 0.0, z, LEAKY_ALPHA * z)


def _leaky_d(z, a):
    return np.where(z > 0.0, 1.0, LEAKY_ALPHA)


def _elu(z):
    z = _f64(z)
    # expm1 keeps precision for small negative z; minimum avoids overflow warnings.
    return np.where(z > 0.0, z, ELU_ALPHA * np.expm1(np.minimum(z, 0.0)))


def _elu_d(z, a):
    # α·eᶻ rather than a + α, which would cancel to nothing far below zero.
    return np.where(z > 0.0, 1.0, ELU_ALPHA * np.exp(np.minimum(z, 0.0)))


def _gelu(z):
    z = _f64(z)
    return z * normal_cdf(z)


def _gelu_d(z, a):
    pdf = _INV_SQRT_2PI * np.exp(-0.5 * z * z)  # φ(z)
    return normal_cdf(z) + z * pdf


def _silu(z):
    z = _f64(z)
    return z * sigmoid(z)


def _silu_d(z, a):
    # f′ = σ + zσ(1 − σ) = σ + a(1 − σ)
    s = sigmoid(z)
    return s + a * (1.0 - s)


def softmax(z, axis: int = -1) -> Array:
    """Softmax along ``axis``; subtracting the max keeps exp finite for any logits."""
    z = _f64(z)
    # Logits more than the float64 range apart make z − max overflow to −inf,
    # whose exp is the right answer, 0: nothing to warn about.
    with np.errstate(over="ignore"):
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
        ),
        Activation(
            "linear", "Linear", "f(z) = z", "f′(z) = 1",
            "(−∞, ∞)", True,
            "No squash at all; stacked linear layers are still just one linear map.",
            _linear, _linear_d,
        ),
        Activation(
            "sigmoid", "Sigmoid", "σ(z) = 1/(1+e⁻ᶻ)", "σ′(z) = σ(z)(1−σ(z))",
            "(0, 1)", False,
            "Squeezes any sum into a probability; its slope never exceeds 0.25.",
            sigmoid, _sigmoid_d,
        ),
        Activation(
            "tanh", "Tanh", "tanh(z) = (eᶻ−e⁻ᶻ)/(eᶻ+e⁻ᶻ)", "tanh′(z) = 1 − tanh²(z)",
            "(−1, 1)", True,
            "A sigmoid stretched to (−1, 1) and centred on zero; flat tails still fade gradients.",
            _tanh, _tanh_d,
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
            "[−0.17, ∞)", False,
            "z·Φ(z): Φ(z) is the chance that z plus standard Gaussian noise is positive.",
            _gelu, _gelu_d,
        ),
        Activation(
            "silu", "SiLU (Swish)", "SiLU(z) = z·σ(z)", "SiLU′(z) = σ(z)(1 + z(1−σ(z)))",
            "[−0.28, ∞)", False,
            "The input gated by its own sigmoid; its gated form SwiGLU is common in large models.",
            _silu, _silu_d,
        ),
    ]
}


def max_slope(name: str, lo: float = -10.0, hi: float = 10.0, n: int = 200_001) -> float:
    """Largest |f′(z)| on an evenly spaced grid over [lo, hi] (the grid includes 0)."""
    z = np.linspace(lo, hi, n)
    return float(np.max(np.abs(ACTIVATIONS[name].df(z))))
