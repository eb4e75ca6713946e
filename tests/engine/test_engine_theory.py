import itertools
import math

import numpy as np
import pytest

from nntui.engine.deep import activation_stats
from nntui.engine.optim import Adam
from nntui.engine.theory import (UAT_TARGETS, adam_bias_demo, depth_vs_width, gd_converges,
                                 gd_quadratic, gd_rate, heavy_ball_quadratic, measured_rate,
                                 min_norm_solution, momentum_converges, momentum_optimal,
                                 optimal_step, random_features_curve, sawtooth_net, stable_gain,
                                 tent, uat_fit, variance_propagation)


def test_gd_is_real_descent_on_the_quadratic():
    e = gd_quadratic([1.0, 4.0], 0.1, x0=[2.0, -1.0], steps=3)
    # each coordinate is multiplied by (1 − αλ) per step
    want = [np.hypot(2.0 * 0.9 ** t, -1.0 * 0.6 ** t) for t in range(4)]
    np.testing.assert_allclose(e, want, rtol=1e-12)


@pytest.mark.parametrize("eigs", [[1.0, 10.0], [1.0, 3.0, 7.0, 10.0], [0.5, 2.0, 50.0]])
def test_gd_rate_at_the_optimal_step(eigs):
    lo, hi = min(eigs), max(eigs)
    lr = optimal_step(lo, hi)
    assert lr == pytest.approx(2.0 / (lo + hi))
    rate = measured_rate(gd_quadratic(eigs, lr, steps=200))
    assert rate == pytest.approx(gd_rate(hi / lo), rel=0.05)
    assert gd_rate(10.0) == pytest.approx(9 / 11)
    # any other step is slower
    assert measured_rate(gd_quadratic(eigs, 0.9 * lr, steps=200)) > rate
    assert measured_rate(gd_quadratic(eigs, 1.05 * lr, steps=200)) > rate


def test_gd_diverges_just_above_2_over_lambda_max_and_not_below():
    eigs = [0.5, 2.0, 10.0]
    below, above = 0.99 * 2 / 10.0, 1.01 * 2 / 10.0
    assert gd_converges(below, eigs) and not gd_converges(above, eigs)
    assert not gd_converges(-0.01, eigs)
    ok, bad = gd_quadratic(eigs, below, steps=2000), gd_quadratic(eigs, above, steps=2000)
    assert ok[-1] < 1e-6 * ok[0]
    assert bad[-1] > 1e6 * bad[0]
    assert measured_rate(bad) > 1.0


def test_divergence_stops_the_run_and_pads_with_inf():
    e = gd_quadratic([10.0], 1.0, steps=500)  # ×(−9) per step
    assert np.isinf(e[-1]) and np.all(np.isfinite(e[:100]))
    assert measured_rate(e) == math.inf


@pytest.mark.parametrize("beta", [0.0, 0.5, 0.9])
def test_momentum_bound_is_2_plus_2_beta(beta):
    eigs = [1.0, 10.0]
    limit = (2.0 + 2.0 * beta) / 10.0
    below, above = 0.99 * limit, 1.01 * limit
    assert momentum_converges(below, beta, eigs) and not momentum_converges(above, beta, eigs)
    ok = heavy_ball_quadratic(eigs, below, beta, steps=3000)
    bad = heavy_ball_quadratic(eigs, above, beta, steps=3000)
    assert ok[-1] < 1e-3 * ok[0]
    assert bad[-1] > 1e3 * bad[0]
    if beta > 0:  # plain GD would already diverge at this step
        assert not gd_converges(below, eigs)


def test_optimal_momentum_rate_and_beats_gd():
    lo, hi = 1.0, 100.0
    opt = momentum_optimal(lo, hi)
    kappa = hi / lo
    assert opt.rate == pytest.approx((math.sqrt(kappa) - 1) / (math.sqrt(kappa) + 1))
    assert opt.beta == pytest.approx(opt.rate ** 2)
    assert opt.lr == pytest.approx(4.0 / (1.0 + 10.0) ** 2)
    e = heavy_ball_quadratic([1.0, 7.0, 30.0, 100.0], opt.lr, opt.beta, steps=400)
    assert measured_rate(e) == pytest.approx(opt.rate, rel=0.05)
    gd = gd_quadratic([1.0, 7.0, 30.0, 100.0], optimal_step(lo, hi), steps=400)
    assert e[-1] < 1e-12 * gd[-1]  # 0.82ᵗ against 0.98ᵗ
    assert not momentum_converges(0.1, 1.0, [1.0])  # β must stay below 1


def test_variance_propagation_theory_and_simulation():
    np.testing.assert_allclose(variance_propagation(6, stable_gain("relu"), "relu"), 2.0)
    np.testing.assert_allclose(variance_propagation(6, 1.0, "linear", input_var=3.0), 3.0)
    np.testing.assert_allclose(variance_propagation(4, 1.0, "relu"), [1, 0.5, 0.25, 0.125])
    assert stable_gain("relu") == pytest.approx(math.sqrt(2)) and stable_gain("tanh") == 1.0
    # The theory predicts a wide random network's measured variance, layer by layer.
    for act, gain in [("relu", math.sqrt(2)), ("relu", 1.0), ("linear", 1.1)]:
        sim = activation_stats(8, 400, gain / math.sqrt(400), act, n=500).pre_std ** 2
        np.testing.assert_allclose(sim, variance_propagation(8, gain, act), rtol=0.2)


def test_min_norm_solution_interpolates_with_the_smallest_weights():
    rng = np.random.default_rng(0)
    A, y = rng.normal(size=(5, 12)), rng.normal(size=5)
    w = min_norm_solution(A, y)
    np.testing.assert_allclose(A @ w, y, atol=1e-10)
    null = np.linalg.svd(A)[2][-1]  # a direction A cannot see
    np.testing.assert_allclose(A @ (w + null), y, atol=1e-10)
    assert np.linalg.norm(w + 0.1 * null) > np.linalg.norm(w)
    np.testing.assert_allclose(w, np.linalg.pinv(A) @ y, atol=1e-10)


@pytest.mark.parametrize("n_train,seed", [(40, 0), (30, 1)])
def test_double_descent_peaks_at_the_interpolation_threshold(n_train, seed):
    dd = random_features_curve(n_train, noise=0.3, seed=seed)
    assert abs(dd.peak - n_train) <= 0.1 * n_train
    counts, test = dd.feature_counts, dd.test_error
    under = test[counts < 0.5 * n_train].min()
    over = test[counts >= 5 * n_train].min()
    assert test.max() > 10 * max(under, over)
    assert over < 3 * under  # the second descent comes back down
    assert np.all(dd.train_error[counts >= n_train] < 1e-12)  # enough features: interpolation
    assert dd.train_error[0] > 0.01


def test_adam_without_correction_steps_3_16_times_too_far_at_t_1():
    demo = adam_bias_demo(g=0.5, steps=5)
    assert demo.step_raw[0] == pytest.approx(3.16, abs=0.005)
    assert demo.step_raw[0] == pytest.approx(0.1 / math.sqrt(0.001))
    np.testing.assert_allclose(demo.step_corrected, 1.0)  # constant g: the step is sign(g)
    assert demo.m[0] == pytest.approx(0.05) and demo.v[0] == pytest.approx(0.001 * 0.25)
    np.testing.assert_allclose(demo.m_hat[0], 0.5)
    # The engine's Adam takes exactly the corrected step.
    grads = [0.5, -0.2, 0.3]
    seq = adam_bias_demo(grads, steps=3)
    p = [np.array([0.0])]
    opt = Adam(lr=1.0, eps=0.0)
    for t, g in enumerate(grads):
        before = p[0].copy()
        opt.step(p, [np.array([g])])
        assert (before - p[0])[0] == pytest.approx(seq.step_corrected[t])


def test_uat_error_falls_with_more_units():
    for name in UAT_TARGETS:
        errors = [uat_fit(name, n).error for n in (1, 4, 16, 64)]
        assert all(a >= b - 1e-12 for a, b in itertools.pairwise(errors)), name
        assert errors[-1] < 0.25 * errors[0], name
    fit = uat_fit(np.sin, 32)
    assert fit.error < 0.01 and fit.x[0] == pytest.approx(-math.pi) and fit.n_hidden == 32
    np.testing.assert_allclose(fit.target, np.sin(fit.x))


def test_sawtooth_net_computes_the_folded_tent_exactly():
    x = np.linspace(0, 1, 257)
    net = sawtooth_net(3)
    assert net.sizes == [1, 2, 2, 2, 1]
    np.testing.assert_allclose(net.forward(x[:, None])[:, 0], tent(tent(tent(x))), atol=1e-12)
    assert tent(0.5) == 1.0 and tent(0.25) == 0.5 and tent(1.0) == 0.0


@pytest.mark.parametrize("k", [3, 4, 5])
def test_depth_beats_width_on_the_sawtooth(k):
    d = depth_vs_width(k)
    assert d.deep_units == 2 * k and d.deep_error < 1e-12
    assert d.shallow_error > 0.2  # the same units in one layer: hopeless
    assert d.shallow_units_needed == 2 ** k  # and ≥ 2ᵏ − 1 by counting linear pieces
    assert d.shallow_fit.shape == d.x.shape
