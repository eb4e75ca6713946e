"""The Frontier tier's numbers: convergence of gradient descent and momentum on
quadratics, Adam's bias correction, variance through depth, double descent, and
what one hidden layer (or depth) can represent.

Everything here is computed, not quoted: the quadratics are run with the engine's
own optimizers, the fits are real least-squares solutions.

The quadratic is f(x) = ½ Σᵢ λᵢ xᵢ², minimum at 0, Hessian diag(λ); κ = λ_max/λ_min.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .mlp import MLP
from .optim import SGD, Momentum, Optimizer

__all__ = [
    "DIVERGED", "gd_quadratic", "heavy_ball_quadratic", "gd_converges", "optimal_step", "gd_rate",
    "momentum_converges", "MomentumOptimum", "momentum_optimal", "measured_rate",
    "SECOND_MOMENT", "stable_gain", "variance_propagation",
    "min_norm_solution", "DoubleDescent", "random_features_curve",
    "AdamBias", "adam_bias_demo", "UAT_TARGETS", "UATFit", "uat_fit",
    "tent", "sawtooth_net", "DepthWidth", "depth_vs_width",
]

Array = np.ndarray
DIVERGED = 1e150  # an error this large counts as diverged; the run stops and pads with inf


# --- convergence on a quadratic ---------------------------------------------

def _run_quadratic(opt: Optimizer, eigs, x0, steps: int) -> Array:
    lam = np.asarray(eigs, dtype=np.float64)
    x = np.ones_like(lam) if x0 is None else np.array(x0, dtype=np.float64)
    errors = np.full(steps + 1, np.inf)
    errors[0] = np.linalg.norm(x)
    for t in range(1, steps + 1):
        opt.step([x], [lam * x])  # ∇f(x) = Λx
        errors[t] = np.linalg.norm(x)
        if not errors[t] < DIVERGED:
            errors[t] = np.inf
            break
    return errors


def gd_quadratic(eigs, lr: float, x0=None, steps: int = 100) -> Array:
    """Plain gradient descent on the diagonal quadratic with Hessian eigenvalues ``eigs``,
    from x0 (all ones by default): the distance ‖xₜ‖ to the minimum for t = 0 … steps."""
    return _run_quadratic(SGD(lr), eigs, x0, steps)


def heavy_ball_quadratic(eigs, lr: float, beta: float, x0=None, steps: int = 100) -> Array:
    """Heavy-ball momentum (the engine's Momentum: v ← βv + g, x ← x − αv, which is
    xₜ₊₁ = xₜ − α∇f(xₜ) + β(xₜ − xₜ₋₁)); returns ‖xₜ‖ for t = 0 … steps."""
    return _run_quadratic(Momentum(lr, beta=beta), eigs, x0, steps)


def gd_converges(lr: float, eigs) -> bool:
    """GD on the quadratic converges from every start iff 0 < αλᵢ < 2 for all i:
    each coordinate is multiplied by (1 − αλᵢ) per step."""
    a = lr * np.asarray(eigs, dtype=np.float64)
    return bool(np.all((a > 0) & (a < 2)))


def optimal_step(l_min: float, l_max: float) -> float:
    """The step α* = 2/(λ₁ + λₙ) that makes |1 − αλ₁| = |1 − αλₙ|, the best GD can do."""
    return 2.0 / (l_min + l_max)


def gd_rate(kappa: float) -> float:
    """GD's error shrink factor per step at the optimal step: (κ − 1)/(κ + 1)."""
    return (kappa - 1.0) / (kappa + 1.0)


def momentum_converges(lr: float, beta: float, eigs) -> bool:
    """Heavy ball on the quadratic converges iff 0 ≤ β < 1 and 0 < αλᵢ < 2 + 2β for all i
    (both roots of z² − (1 + β − αλ)z + β inside the unit circle)."""
    a = lr * np.asarray(eigs, dtype=np.float64)
    return bool(0.0 <= beta < 1.0 and np.all((a > 0) & (a < 2.0 + 2.0 * beta)))


@dataclass(frozen=True)
class MomentumOptimum:
    lr: float  # α* = 4/(√λ₁ + √λₙ)²
    beta: float  # β* = ((√κ − 1)/(√κ + 1))²
    rate: float  # (√κ − 1)/(√κ + 1)


def momentum_optimal(l_min: float, l_max: float) -> MomentumOptimum:
    """Polyak's tuning of the heavy ball for eigenvalues in [λ₁, λₙ]."""
    s_min, s_max = math.sqrt(l_min), math.sqrt(l_max)
    rate = (s_max - s_min) / (s_max + s_min)  # = (√κ − 1)/(√κ + 1)
    return MomentumOptimum(4.0 / (s_min + s_max) ** 2, rate * rate, rate)


def measured_rate(errors, tail: float = 0.5) -> float:
    """Per-step shrink factor over the last ``tail`` fraction of a run: the geometric
    mean of e_{t+1}/e_t there. inf if the run diverged, 0 if it reached exactly 0."""
    e = np.asarray(errors, dtype=np.float64)
    if not np.all(np.isfinite(e)):
        return math.inf
    start = min(int(len(e) * (1.0 - tail)), len(e) - 2)
    if e[-1] == 0.0:
        return 0.0
    return float((e[-1] / e[start]) ** (1.0 / (len(e) - 1 - start)))


# --- variance through depth -------------------------------------------------

# E[f(z)²]/Var(z) for z ~ N(0, σ²) and small σ: ReLU keeps half of the second moment;
# tanh is linear near 0, so the factor 1 holds only while the signal is small.
SECOND_MOMENT: dict[str, float] = {
    "linear": 1.0, "tanh": 1.0, "relu": 0.5, "leaky_relu": (1.0 + 0.01 ** 2) / 2.0,
}


def stable_gain(activation: str) -> float:
    """The gain g (weights ~ N(0, g²/n_in)) that keeps the variance constant layer after
    layer: g² · SECOND_MOMENT = 1, so 1 for linear/tanh (Xavier, LeCun) and √2 for ReLU (He)."""
    return 1.0 / math.sqrt(SECOND_MOMENT[activation])


def variance_propagation(depth: int, gain: float, activation: str = "linear",
                         input_var: float = 1.0) -> Array:
    """Theoretical Var(z⁽ˡ⁾) of the pre-activations for l = 1 … depth, weights ~ N(0, g²/n_in):
    Var(z⁽¹⁾) = g²·Var(x), then Var(z⁽ˡ⁺¹⁾) = g²·c·Var(z⁽ˡ⁾) with c = SECOND_MOMENT[f]."""
    factor = gain * gain * SECOND_MOMENT[activation]
    return input_var * gain * gain * factor ** np.arange(depth)


# --- over-parameterization: double descent ----------------------------------

def min_norm_solution(A, y) -> Array:
    """The least-squares solution of A w ≈ y with the smallest ‖w‖ (exact, minimal
    interpolation when there are more unknowns than equations)."""
    return np.linalg.lstsq(np.asarray(A, dtype=np.float64), np.asarray(y, dtype=np.float64),
                           rcond=None)[0]


@dataclass(frozen=True)
class DoubleDescent:
    feature_counts: Array
    train_error: Array  # mean squared error on the training set, per feature count
    test_error: Array  # on fresh data from the same distribution
    n_train: int

    @property
    def peak(self) -> int:
        """The feature count with the worst test error."""
        return int(self.feature_counts[int(np.argmax(self.test_error))])


DD_INPUTS = 5  # input dimension of the double-descent task
DD_TEST = 1000
DD_REPEATS = 5  # feature draws averaged per count: one draw alone is noisy
# Default feature counts as multiples of n_train: dense near the threshold p = n_train.
DD_RATIOS = (0.05, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 0.95, 1.0, 1.05, 1.125, 1.25,
             1.5, 2.0, 2.5, 3.75, 5.0, 7.5, 10.0)


def random_features_curve(n_train: int = 40, feature_counts=None, noise: float = 0.3,
                          seed: int = 0) -> DoubleDescent:
    """Random-features regression: p ReLU features relu(x W), W fixed at random, and
    the output weights by min-norm least squares. The test error falls, shoots up where
    p ≈ n_train (the fit must interpolate with barely enough freedom), and falls again
    as p grows: double descent. Plot it on a log scale; the peak is tall.

    Data: x ~ N(0, I₅), y = x·θ + ½(x·θ)² + noise·N(0, 1), a fixed random θ.
    """
    if feature_counts is None:
        feature_counts = sorted({max(1, round(n_train * r)) for r in DD_RATIOS})
    counts = np.array(feature_counts, dtype=int)
    rng = np.random.default_rng(seed)
    theta = rng.standard_normal(DD_INPUTS) / math.sqrt(DD_INPUTS)
    x_train = rng.standard_normal((n_train, DD_INPUTS))
    x_test = rng.standard_normal((DD_TEST, DD_INPUTS))

    def target(x):
        s = x @ theta
        return s + 0.5 * s * s

    y_train = target(x_train) + noise * rng.standard_normal(n_train)
    y_test = target(x_test)
    train, test = np.zeros(len(counts)), np.zeros(len(counts))
    for _ in range(DD_REPEATS):
        W = rng.standard_normal((DD_INPUTS, int(counts.max()))) / math.sqrt(DD_INPUTS)
        for k, p in enumerate(counts):
            phi_train = np.maximum(x_train @ W[:, :p], 0.0)
            w = min_norm_solution(phi_train, y_train)
            train[k] += np.mean((phi_train @ w - y_train) ** 2) / DD_REPEATS
            test[k] += np.mean((np.maximum(x_test @ W[:, :p], 0.0) @ w - y_test) ** 2) / DD_REPEATS
    return DoubleDescent(counts, train, test, n_train)


# --- Adam's bias correction ---------------------------------------------------

@dataclass(frozen=True)
class AdamBias:
    """Adam's moments for the first steps (t = 1 … steps), with lr = 1 and ε = 0:
    ``step_raw`` = m/√v (no correction), ``step_corrected`` = m̂/√v̂."""

    t: Array
    m: Array
    v: Array
    m_hat: Array
    v_hat: Array
    step_raw: Array
    step_corrected: Array


def adam_bias_demo(g=1.0, steps: int = 10, beta1: float = 0.9, beta2: float = 0.999) -> AdamBias:
    """The moments m ← β₁m + (1−β₁)g and v ← β₂v + (1−β₂)g² from zero, and the step
    with and without the corrections m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).

    ``g`` is one gradient repeated every step, or one per step. At t = 1 the uncorrected
    step is (1−β₁)g/(√(1−β₂)|g|): for the default betas 0.1/√0.001 ≈ 3.16 times the
    corrected one — too large, because v starts even further below its target than m.
    """
    grads = np.broadcast_to(np.asarray(g, dtype=np.float64), (steps,))
    m = v = 0.0
    rows = []
    for t, gt in enumerate(grads, start=1):
        m = beta1 * m + (1.0 - beta1) * gt
        v = beta2 * v + (1.0 - beta2) * gt * gt
        m_hat, v_hat = m / (1.0 - beta1 ** t), v / (1.0 - beta2 ** t)
        rows.append((t, m, v, m_hat, v_hat, m / math.sqrt(v), m_hat / math.sqrt(v_hat)))
    cols = [np.array(c) for c in zip(*rows)]
    return AdamBias(*cols)


# --- universal approximation ----------------------------------------------------

UAT_TARGETS: dict[str, Callable[[Array], Array]] = {
    "sin": np.sin,
    "wave": lambda x: np.sin(2.0 * x) + 0.5 * np.cos(5.0 * x),
    "abs": np.abs,
    "step": lambda x: np.where(x >= 0.0, 1.0, -1.0),
    "bump": lambda x: np.exp(-2.0 * x * x),
}

UAT_POINTS = 400
UAT_SLOPES = (0.5, 6.0)  # hidden units' steepness range


@dataclass(frozen=True)
class UATFit:
    x: Array
    target: Array
    fit: Array
    error: float  # root mean squared error on the grid
    n_hidden: int


def uat_fit(target_fn: Callable[[Array], Array] | str, n_hidden: int, seed: int = 0) -> UATFit:
    """Fit one hidden layer of ``n_hidden`` tanh units to a function on [−π, π].

    Unit j is tanh(aⱼ(x − cⱼ)) with a random steepness aⱼ and a random centre cⱼ in
    [−π, π]; the output layer (weights and bias) is the least-squares fit on a grid.
    The same seed draws the same first units, so a wider net contains the narrower
    one and its error can only fall as n grows.
    """
    fn = UAT_TARGETS[target_fn] if isinstance(target_fn, str) else target_fn
    x = np.linspace(-math.pi, math.pi, UAT_POINTS)
    y = np.asarray(fn(x), dtype=np.float64)
    u = np.random.default_rng(seed).uniform(size=(n_hidden, 2))  # rows drawn in order
    slope = UAT_SLOPES[0] + (UAT_SLOPES[1] - UAT_SLOPES[0]) * u[:, 0]
    centre = -math.pi + 2.0 * math.pi * u[:, 1]
    features = np.column_stack([np.tanh(slope * (x[:, None] - centre)), np.ones_like(x)])
    fit = features @ min_norm_solution(features, y)
    return UATFit(x, y, fit, float(np.sqrt(np.mean((fit - y) ** 2))), n_hidden)


# --- depth versus width -----------------------------------------------------------

def tent(x) -> Array:
    """The tent map on [0, 1], written with two ReLUs: 2·relu(x) − 4·relu(x − ½)."""
    x = np.asarray(x, dtype=np.float64)
    return 2.0 * np.maximum(x, 0.0) - 4.0 * np.maximum(x - 0.5, 0.0)


def sawtooth_net(k: int) -> MLP:
    """A ReLU net 1 → 2 → … → 2 → 1 with k hidden layers of 2 units that computes the
    tent map applied k times exactly: a sawtooth with 2ᵏ linear pieces (2ᵏ⁻¹ teeth)."""
    net = MLP([1] + [2] * k + [1], hidden="relu", output="linear")
    half = np.array([0.0, -0.5])  # unit 1 sees t, unit 2 sees t − ½
    params = [np.array([[1.0, 1.0]]), half]
    for _ in range(k - 1):  # t = 2h₁ − 4h₂ feeds both units of the next layer
        params += [np.array([[2.0, 2.0], [-4.0, -4.0]]), half]
    params += [np.array([[2.0], [-4.0]]), np.zeros(1)]
    net.set_params(params)
    return net


def _shallow_fit(x: Array, y: Array, units: int) -> tuple[MLP, float]:
    """One hidden layer of ``units`` ReLUs with kinks at 0, 1/m, …, (m−1)/m, and the
    output layer fitted by least squares: the best such net for those kinks."""
    net = MLP([1, units, 1], hidden="relu", output="linear")
    W1, b1 = np.ones((1, units)), -np.arange(units) / units
    hidden = np.maximum(x[:, None] * W1 + b1, 0.0)
    w = min_norm_solution(np.column_stack([hidden, np.ones_like(x)]), y)
    net.set_params([W1, b1, w[:-1, None], w[-1:]])
    err = float(np.sqrt(np.mean((net.forward(x[:, None])[:, 0] - y) ** 2)))
    return net, err


@dataclass(frozen=True)
class DepthWidth:
    k: int
    x: Array
    target: Array
    deep_units: int  # 2k hidden units in k layers
    deep_error: float
    shallow_error: float  # one hidden layer with the same number of units
    shallow_fit: Array
    shallow_units_needed: int  # fewest evenly spaced kinks that fit the sawtooth exactly


EXACT = 1e-9  # an RMS error below this counts as an exact fit


def depth_vs_width(k: int) -> DepthWidth:
    """The sawtooth T∘…∘T (k times, T the tent map) on [0, 1]: k layers of 2 ReLUs
    represent it exactly, while one hidden layer with the same 2k units cannot (it has
    at most 2k + 1 linear pieces against 2ᵏ) and needs 2ᵏ evenly placed units."""
    x = np.linspace(0.0, 1.0, 2 ** k * 16 + 1)  # includes every kink i/2ᵏ
    y = x.copy()
    for _ in range(k):
        y = tent(y)
    deep = sawtooth_net(k)
    deep_error = float(np.sqrt(np.mean((deep.forward(x[:, None])[:, 0] - y) ** 2)))
    shallow, shallow_error = _shallow_fit(x, y, 2 * k)
    needed = next(m for m in range(1, 2 ** k + 2) if _shallow_fit(x, y, m)[1] < EXACT)
    return DepthWidth(k, x, y, 2 * k, deep_error, shallow_error,
                      shallow.forward(x[:, None])[:, 0], needed)
