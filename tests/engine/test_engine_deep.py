import numpy as np
import pytest

from nntui.engine.deep import (SMALL_STD, activation_stats, gradient_norms, random_stack,
                               vanishing_factor)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "gelu"])
@pytest.mark.parametrize("residual", [False, True])
def test_stack_backward_matches_finite_differences(activation, residual, numgrad):
    rng = np.random.default_rng(1)
    stack = random_stack(3, 4, activation, weight_scale=1.5, residual=residual, seed=2)
    x = rng.normal(size=(5, 4))
    G = rng.normal(size=(5, 4))

    def loss():
        return float(np.sum(G * stack.forward(x).hs[-1]))

    dWs, dhs = stack.backward(stack.forward(x), G)
    for W, dW in zip(stack.weights, dWs):
        np.testing.assert_allclose(dW, numgrad(loss, W), rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(dhs[0], numgrad(loss, x), rtol=1e-6, atol=1e-9)


def test_sigmoid_gradients_fade_toward_the_input_in_a_plain_stack():
    g = gradient_norms(10, 16, "sigmoid", weight_scale=1.0)
    assert g.shape == (10,)
    assert g[0] < 1e-4 * g[-1]
    assert np.all(g[:-1] < g[1:])  # every step down the stack loses more


def test_residual_stack_keeps_the_gradient_alive_at_depth_20():
    plain = gradient_norms(20, 16, "sigmoid", 1.0, residual=False)
    skip = gradient_norms(20, 16, "sigmoid", 1.0, residual=True)
    assert plain[0] < 1e-9
    assert skip[0] > 0.1
    assert np.all(skip > plain)


def test_product_of_sigmoid_slopes_bounds_the_gradient():
    n = 8
    stack = random_stack(n, 6, "sigmoid", weight_scale=2.0, seed=3)
    rng = np.random.default_rng(4)
    trace = stack.forward(rng.normal(size=(10, 6)))
    slopes = stack.slopes(trace)
    assert all(np.max(s) <= 0.25 for s in slopes)
    assert np.prod([np.max(s) for s in slopes]) <= 0.25 ** n
    G = rng.normal(size=(10, 6))
    _, dhs = stack.backward(trace, G)
    # Each layer multiplies by diag(σ′)·Wᵀ: at most max σ′ times W's largest singular value.
    spectral = np.prod([np.linalg.norm(W, 2) for W in stack.weights])
    bound = np.prod([np.max(s) for s in slopes]) * spectral * np.linalg.norm(G)
    assert np.linalg.norm(dhs[0]) <= bound <= 0.25 ** n * spectral * np.linalg.norm(G)


def test_vanishing_figure():
    assert vanishing_factor(10) == pytest.approx(9.5367e-7, rel=1e-4)
    assert f"{vanishing_factor():.1e}" == "9.5e-07"
    assert vanishing_factor(3, 0.5) == 0.125


def test_init_keeps_or_loses_the_signal_across_50_layers():
    xavier_tanh = activation_stats(50, 100, "xavier_normal", "tanh")
    small_tanh = activation_stats(50, 100, "small", "tanh")
    he_relu = activation_stats(50, 100, "he_normal", "relu")
    xavier_relu = activation_stats(50, 100, "xavier_normal", "relu")
    for s in (xavier_tanh, small_tanh, he_relu):
        assert s.std.shape == s.mean.shape == s.pre_std.shape == (50,)
    # Balanced starts: still the same order of magnitude after 50 layers.
    assert xavier_tanh.std[-1] > 0.1 * xavier_tanh.std[0]
    assert 0.5 < he_relu.std[-1] / he_relu.std[0] < 2.0
    # Too small: every layer multiplies the size by about 0.01·√100 = 0.1.
    assert small_tanh.std[-1] < 1e-40
    assert small_tanh.std[1] / small_tanh.std[0] == pytest.approx(SMALL_STD * 10, rel=0.2)
    # Xavier is built for tanh; with ReLU each layer halves the variance.
    assert xavier_relu.std[-1] < 1e-6
    assert activation_stats(5, 100, 0.3, "tanh").pre_std[0] == pytest.approx(3.0, rel=0.05)


def test_activation_histograms():
    s = activation_stats(20, 50, "small", "tanh", bins=11)
    assert s.counts.shape == (20, 11) and s.edges.shape == (12,)
    assert np.all(s.counts.sum(axis=1) == 256 * 50)
    assert s.counts[-1, 5] == 256 * 50  # the shrunken deep layers sit in the middle bin
    large = activation_stats(10, 50, "large", "tanh", bins=10)
    # Saturated: most values pile up in the two outer bins, at ±1.
    assert (large.counts[-1, 0] + large.counts[-1, -1]) > 0.8 * 256 * 50
    with pytest.raises(KeyError):
        activation_stats(2, 4, "huge")
