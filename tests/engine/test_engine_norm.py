import numpy as np
import pytest

from nntui.engine.norm import (NORM_AXES, RunningStats, batchnorm_backward, batchnorm_forward,
                               groupnorm, instancenorm, layernorm_backward, layernorm_forward,
                               normalize, rmsnorm, stat_groups)


def _drifted(rng, shape):
    """Values far from mean 0 / variance 1, different per feature."""
    scale = rng.uniform(0.5, 4.0, size=shape[1:2])
    shift = rng.uniform(-5.0, 5.0, size=shape[1:2])
    extra = (1,) * (len(shape) - 2)
    return rng.normal(size=shape) * scale.reshape(-1, *extra) + shift.reshape(-1, *extra)


def test_batchnorm_output_has_mean_0_var_1_per_feature_then_gamma_beta():
    rng = np.random.default_rng(0)
    x = _drifted(rng, (64, 5))
    y, cache = batchnorm_forward(x, np.ones(5), np.zeros(5))
    np.testing.assert_allclose(y.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(y.var(axis=0), 1.0, rtol=1e-4)  # σ²/(σ² + ε)
    np.testing.assert_allclose(cache.mean.ravel(), x.mean(axis=0))  # μ_B
    np.testing.assert_allclose(cache.var.ravel(), x.var(axis=0))  # σ²_B, biased
    np.testing.assert_allclose(cache.x_hat, y)
    gamma, beta = np.arange(1.0, 6.0), np.linspace(-1, 1, 5)
    y2, _ = batchnorm_forward(x, gamma, beta)
    np.testing.assert_allclose(y2.mean(axis=0), beta, atol=1e-12)
    np.testing.assert_allclose(y2.std(axis=0), gamma, rtol=1e-4)


def test_batchnorm_per_channel_for_images():
    rng = np.random.default_rng(1)
    x = _drifted(rng, (4, 3, 5, 6))
    y, cache = batchnorm_forward(x, np.ones(3), np.zeros(3))
    np.testing.assert_allclose(y.mean(axis=(0, 2, 3)), 0.0, atol=1e-12)
    np.testing.assert_allclose(y.var(axis=(0, 2, 3)), 1.0, rtol=1e-4)
    assert cache.mean.shape == (1, 3, 1, 1)


@pytest.mark.parametrize("shape", [(6, 4), (3, 2, 3, 2)])
@pytest.mark.parametrize("train", [True, False])
def test_batchnorm_backward_matches_finite_differences(shape, train, numgrad):
    rng = np.random.default_rng(2)
    x = _drifted(rng, shape)
    c = shape[1]
    gamma, beta = rng.normal(size=c), rng.normal(size=c)
    R = rng.normal(size=shape)  # L = Σ R ⊙ y: a loss whose ∂L/∂y is R
    # Inference reads the running stats (and leaves them alone); training ignores them.
    running = None if train else RunningStats(rng.normal(size=c), rng.uniform(0.5, 2.0, size=c))

    def loss():
        return float(np.sum(R * batchnorm_forward(x, gamma, beta, running=running,
                                                  train=train)[0]))

    _, cache = batchnorm_forward(x, gamma, beta, running=running, train=train)
    dx, dgamma, dbeta = batchnorm_backward(R, cache)
    np.testing.assert_allclose(dx, numgrad(loss, x), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(dgamma, numgrad(loss, gamma), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(dbeta, numgrad(loss, beta), rtol=1e-6, atol=1e-8)


def test_batchnorm_gradient_into_x_sums_to_zero_per_feature():
    # Shifting a whole feature leaves a batch-normalized output unchanged.
    rng = np.random.default_rng(3)
    _, cache = batchnorm_forward(_drifted(rng, (10, 3)), rng.normal(size=3), np.zeros(3))
    dx, _, _ = batchnorm_backward(rng.normal(size=(10, 3)), cache)
    np.testing.assert_allclose(dx.sum(axis=0), 0.0, atol=1e-12)


def test_running_statistics_update_and_inference():
    rng = np.random.default_rng(4)
    stats = RunningStats.fresh(2)
    np.testing.assert_array_equal(stats.mean, [0, 0])
    np.testing.assert_array_equal(stats.var, [1, 1])
    x = rng.normal(size=(8, 2)) * [2.0, 0.5] + [3.0, -1.0]
    batchnorm_forward(x, np.ones(2), np.zeros(2), running=stats, momentum=0.1)
    np.testing.assert_allclose(stats.mean, 0.1 * x.mean(axis=0))
    np.testing.assert_allclose(stats.var, 0.9 + 0.1 * x.var(axis=0, ddof=1))
    for _ in range(300):  # many batches of the same distribution: the stats settle on it
        xb = rng.normal(size=(32, 2)) * [2.0, 0.5] + [3.0, -1.0]
        batchnorm_forward(xb, np.ones(2), np.zeros(2), running=stats)
    np.testing.assert_allclose(stats.mean, [3.0, -1.0], atol=0.25)
    np.testing.assert_allclose(stats.var, [4.0, 0.25], rtol=0.25)
    before = (stats.mean.copy(), stats.var.copy())
    one = np.array([[3.0, -1.0]])  # inference works on a single sample, stats untouched
    y, _ = batchnorm_forward(one, np.ones(2), np.zeros(2), running=stats, train=False)
    np.testing.assert_allclose(y, (one - stats.mean) / np.sqrt(stats.var + 1e-5))
    np.testing.assert_array_equal(stats.mean, before[0])
    with pytest.raises(ValueError):
        batchnorm_forward(one, np.ones(2), np.zeros(2), train=False)


@pytest.mark.parametrize("shape", [(5, 6), (2, 3, 2, 2)])
def test_layernorm_per_sample_and_backward(shape, numgrad):
    rng = np.random.default_rng(5)
    x = rng.normal(size=shape) * 3.0 + rng.normal(size=(shape[0],) + (1,) * (len(shape) - 1)) * 4
    pshape = shape[1:]
    y, cache = layernorm_forward(x, np.ones(pshape), np.zeros(pshape))
    axes = tuple(range(1, len(shape)))
    np.testing.assert_allclose(y.mean(axis=axes), 0.0, atol=1e-12)
    np.testing.assert_allclose(y.var(axis=axes), 1.0, rtol=1e-4)
    gamma, beta = rng.normal(size=pshape), rng.normal(size=pshape)
    R = rng.normal(size=shape)
    _, cache = layernorm_forward(x, gamma, beta)
    dx, dgamma, dbeta = layernorm_backward(R, cache)

    def loss():
        return float(np.sum(R * layernorm_forward(x, gamma, beta)[0]))

    np.testing.assert_allclose(dx, numgrad(loss, x), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(dgamma, numgrad(loss, gamma), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(dbeta, numgrad(loss, beta), rtol=1e-6, atol=1e-8)


def test_rmsnorm_scales_without_centring():
    rng = np.random.default_rng(6)
    x = rng.normal(size=(4, 6)) + 2.0
    y = rmsnorm(x)
    np.testing.assert_allclose(np.mean(y * y, axis=1), 1.0, rtol=1e-4)
    assert np.all(y.mean(axis=1) > 0.5)  # the mean is not removed
    np.testing.assert_allclose(rmsnorm(x, gamma=np.full(6, 3.0)), 3.0 * y)
    x4 = rng.normal(size=(2, 3, 2, 2))
    np.testing.assert_allclose(np.mean(rmsnorm(x4) ** 2, axis=(1, 2, 3)), 1.0, rtol=1e-4)


def test_group_and_instance_norm_special_cases():
    rng = np.random.default_rng(7)
    x = _drifted(rng, (2, 4, 3, 3))
    ones = np.ones(x.shape[1:])
    np.testing.assert_allclose(groupnorm(x, 1), layernorm_forward(x, ones, 0 * ones)[0])
    np.testing.assert_allclose(groupnorm(x, 4), instancenorm(x))
    y = instancenorm(x, gamma=[1, 2, 3, 4], beta=[0, 0, 0, 1])
    np.testing.assert_allclose(y.std(axis=(2, 3)), np.tile([1, 2, 3, 4], (2, 1)), rtol=1e-4)
    np.testing.assert_allclose(y.mean(axis=(2, 3)), np.tile([0, 0, 0, 1], (2, 1)), atol=1e-12)
    with pytest.raises(ValueError):
        groupnorm(x, 3)


@pytest.mark.parametrize("kind", list(NORM_AXES))
def test_every_group_of_shared_statistics_is_normalized(kind):
    rng = np.random.default_rng(8)
    shape = (3, 4, 2, 5)
    x = _drifted(rng, shape)
    y = normalize(kind, x, groups=2)
    labels = stat_groups(kind, shape, groups=2)
    expected_groups = {"batch": 4, "layer": 3, "instance": 12, "group": 6, "rms": 3}[kind]
    assert len(np.unique(labels)) == expected_groups
    assert NORM_AXES[kind].axes and NORM_AXES[kind].display
    for g in np.unique(labels):
        vals = y[labels == g]
        assert vals.size == x.size // expected_groups
        if kind == "rms":
            assert np.mean(vals * vals) == pytest.approx(1.0, rel=1e-4)
        else:
            assert vals.mean() == pytest.approx(0.0, abs=1e-12)
            assert vals.var() == pytest.approx(1.0, rel=1e-4)
    with pytest.raises(KeyError):
        normalize("weight", x)
