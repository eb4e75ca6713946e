"""The 1-D GAN: both losses' gradients against central differences, and real learning."""

import numpy as np
import pytest

from nntui.engine.autograd import Tensor
from nntui.engine.dense import DenseNet, softplus
from nntui.engine.gan import EQUILIBRIUM_VALUE, GAN, discriminator_loss, generator_loss


def test_softplus_is_stable_and_matches_its_definition():
    a = Tensor(np.array([-800.0, -3.0, 0.5, 4.0, 800.0]))
    out = softplus(a)
    assert np.allclose(out.data[1:4], np.log1p(np.exp(a.data[1:4])))
    assert out.data[0] == pytest.approx(0.0) and out.data[-1] == pytest.approx(800.0)
    out.sum().backward()
    assert np.allclose(a.grad, 0.5 * (1 + np.tanh(a.data / 2)))  # softplus′ = σ


def test_discriminator_loss_gradient_matches_finite_differences(numgrad):
    rng = np.random.default_rng(3)
    d = DenseNet((1, 5, 1), rng=rng)
    real, fake = rng.normal(3, 0.5, (7, 1)), rng.normal(0, 1, (6, 1))
    discriminator_loss(d, real, fake).backward()
    for p in d.params:
        expected = numgrad(lambda: discriminator_loss(d, real, fake).item(), p.data, h=1e-6)
        assert np.allclose(p.grad, expected, atol=1e-7)


def test_generator_loss_gradient_reaches_the_generator(numgrad):
    rng = np.random.default_rng(4)
    g, d = DenseNet((1, 4, 1), rng=rng), DenseNet((1, 5, 1), rng=rng)
    z = rng.normal(size=(6, 1))
    generator_loss(d, g(z)).backward()
    for p in g.params:
        expected = numgrad(lambda: generator_loss(d, Tensor(g.predict(z))).item(), p.data,
                           h=1e-6)
        assert np.allclose(p.grad, expected, atol=1e-7)


def test_the_generator_mean_moves_to_the_real_mean():
    gan = GAN(seed=0)
    start = abs(gan.samples().mean() - gan.real_mean)
    means = []
    for _ in range(300):
        gan.step()
        means.append(gan.samples().mean())
    # G orbits the data at first; averaged over its last 100 steps it sits on the real mean
    assert start > 2.5 and abs(np.mean(means[-100:]) - gan.real_mean) < 0.3
    assert gan.steps == 300 and len(gan.g_losses) == 300
    # near the equilibrium D is unsure everywhere, so V is close to log ½ + log ½
    assert abs(gan.value() - EQUILIBRIUM_VALUE) < 0.1


def test_a_step_leaves_no_gradient_behind():
    gan = GAN(seed=1)
    gan.step()
    assert all(p.grad is None for p in gan.discriminator.params + gan.generator.params)
