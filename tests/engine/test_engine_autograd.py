"""Every autograd operation's gradient against central differences, and micrograd's check."""

import numpy as np
import pytest

from nntui.engine import autograd as ag
from nntui.engine.autograd import Tensor
from nntui.engine.optim import SGD, Adam

rng = np.random.default_rng(7)


def r(*shape):
    return rng.normal(size=shape)


def pos(*shape):
    return rng.uniform(0.5, 2.0, size=shape)


def off_kink(*shape):
    """Normal values of either sign, none within 0.1 of ReLU's kink at 0."""
    return rng.choice([-1.0, 1.0], size=shape) * rng.uniform(0.1, 2.0, size=shape)


@pytest.mark.parametrize("fn, arrays", [
    # binary operations, same shapes and broadcast ones (row, column, scalar, new leading axes)
    (lambda a, b: a + b, (r(3, 4), r(3, 4))),
    (lambda a, b: a + b, (r(3, 4), r(4))),
    (lambda a, b: a + b, (r(3, 1), r(1, 4))),
    (lambda a, b: a - b, (r(2, 3, 4), r(3, 1))),
    (lambda a, b: a - b, (r(), r(2, 3))),
    (lambda a, b: a * b, (r(3, 4), r(3, 4))),
    (lambda a, b: a * b, (r(2, 3, 4), r(4))),
    (lambda a, b: a / b, (r(3, 4), pos(3, 4))),
    (lambda a, b: a / b, (r(3, 4), pos(3, 1))),
    (lambda a, b: a @ b, (r(3, 4), r(4, 5))),
    (lambda a, b: a @ b, (r(2, 3, 4), r(4, 5))),     # batch @ shared matrix
    (lambda a, b: a @ b, (r(2, 3, 4), r(2, 4, 5))),  # batch @ batch
    (lambda a, b: a @ b, (r(4), r(4, 5))),           # vector @ matrix
    (lambda a, b: a @ b, (r(3, 4), r(4))),           # matrix @ vector
    (lambda a, b: a @ b, (r(4), r(4))),              # dot product
    # constants on either side (radd, rsub, rmul, rtruediv, rmatmul)
    (lambda a: 2.0 + a - 1.5, (r(3, 2),)),
    (lambda a: 3.0 - a, (r(3, 2),)),
    (lambda a: 2.5 * a * np.arange(2.0), (r(3, 2),)),
    (lambda a: 2.0 / a, (pos(3, 2),)),
    (lambda a: np.ones((2, 3)) @ a, (r(3, 2),)),
    (lambda a: -a, (r(3, 2),)),
    (lambda a: a ** 3, (r(3, 2),)),
    (lambda a: a ** -0.5, (pos(3, 2),)),
    # reductions
    (lambda a: a.sum(), (r(3, 4),)),
    (lambda a: a.sum(axis=0), (r(3, 4),)),
    (lambda a: a.sum(axis=-1, keepdims=True), (r(2, 3, 4),)),
    (lambda a: a.sum(axis=(0, 2)), (r(2, 3, 4),)),
    (lambda a: a.mean(), (r(3, 4),)),
    (lambda a: a.mean(axis=1), (r(3, 4),)),
    (lambda a: a.mean(axis=-1, keepdims=True), (r(2, 3, 4),)),
    # element-wise functions
    (lambda a: a.exp(), (r(3, 4),)),
    (lambda a: a.log(), (pos(3, 4),)),
    (lambda a: a.tanh(), (r(3, 4),)),
    (lambda a: a.sigmoid(), (r(3, 4) * 3,)),
    (lambda a: a.relu(), (off_kink(3, 4),)),
    (lambda a: a.softmax(), (r(3, 5),)),
    (lambda a: a.softmax(axis=0), (r(3, 5),)),
    (lambda a: a.log_softmax(), (r(2, 3, 5),)),
    (lambda a: a.log_softmax(axis=1), (r(2, 3, 5),)),
    # shape
    (lambda a: a[1], (r(3, 4),)),
    (lambda a: a[:, 1:3], (r(3, 4),)),
    (lambda a: a[np.array([0, 2, 2, 1, 0])], (r(3, 4),)),  # embedding rows, repeats add up
    (lambda a: a[np.array([[0, 1], [2, 2]])], (r(3, 4),)),  # a (2, 2) batch of tokens
    (lambda a: a[np.arange(3), np.array([1, 0, 3])], (r(3, 4),)),  # gather one per row
    (lambda a: a.reshape(6, 2), (r(3, 4),)),
    (lambda a: a.reshape((2, -1)), (r(3, 4),)),
    (lambda a: a.T, (r(3, 4),)),
    (lambda a: a.transpose(1, 0, 2), (r(2, 3, 4),)),
    (lambda a: a.swapaxes(-1, -2), (r(2, 3, 4),)),
    (lambda a, b: ag.concat([a, b], axis=0), (r(2, 3), r(4, 3))),
    (lambda a, b: ag.concat([a, b], axis=-1), (r(2, 3), r(2, 1))),
    (lambda a, b: ag.stack([a, b], axis=1), (r(2, 3), r(2, 3))),
    # composites used by the sequence models
    (lambda z: ag.cross_entropy(z, np.array([[1, 0, 2], [2, 2, 0]])), (r(2, 3, 4),)),
    (lambda z: ag.cross_entropy(z, np.array([[1, 0, 2]]), mask=np.array([[1, 1, 0]])),
     (r(1, 3, 4),)),
    (lambda x, g, b: ag.layer_norm(x, g, b), (r(3, 5), r(5), r(5))),
])
def test_gradient_matches_central_differences(fn, arrays, gradcheck):
    gradcheck(fn, *arrays)


def test_micrograd_readme_example():
    # The expression from micrograd's README, with scalar tensors; CURRICULUM fx.autodiff.
    a = Tensor(-4.0)
    b = Tensor(2.0)
    c = a + b
    d = a * b + b**3
    c += c + 1
    c += 1 + c + (-a)
    d += d * 2 + (b + a).relu()
    d += 3 * d + (b - a).relu()
    e = c - d
    f = e**2
    g = f / 2.0
    g += 10.0 / f
    g.backward()
    assert round(g.item(), 4) == 24.7041
    assert round(float(a.grad), 4) == 138.8338
    assert round(float(b.grad), 4) == 645.5773


def test_a_tensor_used_twice_gets_both_gradients_and_grads_accumulate():
    x = Tensor([1.0, 2.0])
    (x * x + x).sum().backward()  # d/dx (x² + x) = 2x + 1
    np.testing.assert_array_equal(x.grad, [3.0, 5.0])
    (x * 2.0).sum().backward()
    np.testing.assert_array_equal(x.grad, [5.0, 7.0])
    ag.zero_grad([x])
    assert x.grad is None


def test_constants_record_no_graph_and_get_no_gradient():
    w = Tensor(r(3, 2))
    x = Tensor(r(4, 3), requires_grad=False)
    out = (x @ w).tanh().sum()
    out.backward()
    assert x.grad is None and w.grad is not None
    plain = (x @ Tensor(w.data, requires_grad=False)).tanh()
    assert not plain.requires_grad and plain._parents == () and plain._backward is None


def test_a_long_chain_backpropagates_without_recursion():
    x = Tensor(1.0)
    y = x
    for _ in range(5000):
        y = y * 1.0001
    y.backward()
    assert float(x.grad) == pytest.approx(1.0001**5000, rel=1e-9)


@pytest.mark.parametrize("optimizer", [SGD(lr=0.1), Adam(lr=0.1)])
def test_step_reuses_the_engine_optimizers_in_place(optimizer):
    # Fit w in x @ w ≈ y by least squares; the Tensors' own arrays move.
    x = rng.normal(size=(20, 3))
    true_w = np.array([[1.0], [-2.0], [0.5]])
    y = x @ true_w
    w = Tensor(np.zeros((3, 1)))
    data_before = w.data
    for _ in range(300):
        loss = ((Tensor(x, requires_grad=False) @ w - y) ** 2).mean()
        loss.backward()
        ag.step(optimizer, [w])
    assert w.data is data_before and w.grad is None
    np.testing.assert_allclose(w.data, true_w, atol=1e-3)


def test_numpy_on_the_left_gives_a_tensor():
    t = Tensor([1.0, 2.0])
    for out in (np.ones(2) + t, np.ones(2) - t, np.ones(2) * t, np.ones(2) / t, np.eye(2) @ t):
        assert isinstance(out, Tensor)
    np.testing.assert_array_equal((np.ones(2) - t).data, [0.0, -1.0])
