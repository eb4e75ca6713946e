import numpy as np
import pytest

from nntui.engine.activations import ACTIVATIONS
from nntui.engine.conv import (KERNEL_LABELS, KERNEL_NOTES, KERNELS, conv2d, conv_steps,
                               output_size, pad, pool2d, pool_steps)

relu = ACTIVATIONS["relu"].f


def naive_conv(x, k, stride, padding):
    """Textbook loops, written independently of the engine."""
    H, W = x.shape
    kh, kw = k.shape
    xp = np.zeros((H + 2 * padding, W + 2 * padding))
    xp[padding:padding + H, padding:padding + W] = x
    oh = (H + 2 * padding - kh) // stride + 1
    ow = (W + 2 * padding - kw) // stride + 1
    out = np.zeros((oh, ow))
    for i in range(oh):
        for j in range(ow):
            s = 0.0
            for a in range(kh):
                for b in range(kw):
                    s += xp[i * stride + a, j * stride + b] * k[a, b]
            out[i, j] = s
    return out


def naive_pool(x, size, stride, mode):
    oh = (x.shape[0] - size) // stride + 1
    ow = (x.shape[1] - size) // stride + 1
    out = np.zeros((oh, ow))
    for i in range(oh):
        for j in range(ow):
            vals = [x[i * stride + a, j * stride + b] for a in range(size) for b in range(size)]
            out[i, j] = max(vals) if mode == "max" else sum(vals) / len(vals)
    return out


@pytest.mark.parametrize("stride", [1, 2, 3])
@pytest.mark.parametrize("padding", [0, 1, 2])
def test_conv2d_matches_loops_and_size_formula(stride, padding):
    rng = np.random.default_rng(10 * stride + padding)
    for shape, kshape in [((7, 9), (3, 3)), ((8, 8), (2, 2)), ((6, 10), (3, 5)), ((5, 5), (5, 5))]:
        x = rng.normal(size=shape)
        k = rng.normal(size=kshape)
        out = conv2d(x, k, stride, padding)
        np.testing.assert_allclose(out, naive_conv(x, k, stride, padding), rtol=1e-12, atol=1e-12)
        assert out.shape == (output_size(shape[0], kshape[0], padding, stride),
                             output_size(shape[1], kshape[1], padding, stride))


def test_output_size_formula_and_errors():
    assert output_size(28, 5) == 24
    assert output_size(28, 3, p=1) == 28  # "same" padding for a 3×3 kernel
    assert output_size(7, 3, p=0, s=2) == 3
    assert output_size(8, 3, p=1, s=2) == 4  # ⌊(8 + 2 − 3)/2⌋ + 1
    with pytest.raises(ValueError):
        output_size(3, 5)
    with pytest.raises(ValueError):
        conv2d(np.ones((3, 3)), np.ones((4, 4)))


def test_multichannel_conv_sums_single_channel_convs():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(3, 6, 7))
    k = rng.normal(size=(4, 3, 3, 3))
    out = conv2d(x, k, stride=2, padding=1)
    assert out.shape == (4, 3, 4)
    for o in range(4):
        want = sum(naive_conv(x[c], k[o, c], 2, 1) for c in range(3))
        np.testing.assert_allclose(out[o], want, rtol=1e-12, atol=1e-12)
    with pytest.raises(ValueError):
        conv2d(x, rng.normal(size=(4, 2, 3, 3)))  # channel mismatch
    with pytest.raises(ValueError):
        conv2d(x, rng.normal(size=(3, 3)))


@pytest.mark.parametrize("stride,padding", [(1, 0), (2, 1), (1, 2)])
def test_conv_steps_show_every_product_and_sum(stride, padding):
    rng = np.random.default_rng(5)
    x = rng.normal(size=(6, 5))
    k = KERNELS["sobel_x"]
    steps = list(conv_steps(x, k, stride, padding))
    out = conv2d(x, k, stride, padding)
    assert len(steps) == out.size
    xp = pad(x, padding)
    for n, s in enumerate(steps):
        assert (s.row, s.col) == divmod(n, out.shape[1])  # reading order
        np.testing.assert_array_equal(s.window, xp[s.top:s.top + 3, s.left:s.left + 3])
        np.testing.assert_allclose(s.products, s.window * k)
        assert s.total == pytest.approx(out[s.row, s.col], abs=1e-12)


def test_kernels_detect_what_their_names_say():
    img = np.zeros((6, 6))
    img[:, :3] = 1.0  # bright left half: one vertical edge
    assert np.all(conv2d(img, KERNELS["horizontal_edge"]) == 0)
    v = conv2d(img, KERNELS["vertical_edge"])
    assert v.max() == 3.0 and set(np.flatnonzero(v.max(axis=0))) == {1, 2}  # windows on the edge
    assert np.abs(conv2d(img, KERNELS["sobel_x"])).max() == 4.0
    assert np.all(conv2d(img, KERNELS["sobel_y"]) == 0)
    np.testing.assert_allclose(conv2d(img.T, KERNELS["horizontal_edge"]), v.T)
    for name in ("box_blur", "gaussian_blur"):
        assert KERNELS[name].sum() == pytest.approx(1.0)  # a blur keeps flat regions flat
    assert KERNELS["sharpen"].sum() == pytest.approx(1.0)
    np.testing.assert_array_equal(conv2d(img, KERNELS["identity"], padding=1), img)
    assert set(KERNELS) == set(KERNEL_LABELS) == set(KERNEL_NOTES)
    assert all(k.shape == (3, 3) for k in KERNELS.values())
    with pytest.raises(ValueError):
        KERNELS["sharpen"][0, 0] = 9.0  # the registry is read-only


@pytest.mark.parametrize("mode", ["max", "avg"])
@pytest.mark.parametrize("size,stride", [(2, 2), (3, 1), (2, 1), (3, 2)])
def test_pool2d_matches_loops(mode, size, stride):
    rng = np.random.default_rng(size * 7 + stride)
    x = rng.normal(size=(7, 8))
    out = pool2d(x, size, stride, mode)
    np.testing.assert_allclose(out, naive_pool(x, size, stride, mode), rtol=1e-12)
    assert out.shape == (output_size(7, size, 0, stride), output_size(8, size, 0, stride))
    stacked = pool2d(np.stack([x, -x]), size, stride, mode)
    np.testing.assert_allclose(stacked[1], naive_pool(-x, size, stride, mode), rtol=1e-12)


def test_pool_steps_values_and_winner():
    x = np.array([[1.0, 5.0, 2.0, 0.0], [3.0, 4.0, 8.0, 6.0], [0.0, 1.0, 2.0, 3.0],
                  [9.0, 2.0, 7.0, 7.0]])
    steps = list(pool_steps(x))
    assert [s.value for s in steps] == [5.0, 8.0, 9.0, 7.0]
    assert [s.winner for s in steps] == [(0, 1), (1, 0), (1, 0), (1, 0)]  # ties: first
    assert [(s.top, s.left) for s in steps] == [(0, 0), (0, 2), (2, 0), (2, 2)]
    avg = list(pool_steps(x, mode="avg"))
    assert [s.value for s in avg] == [3.25, 4.0, 3.0, 4.75]
    assert all(s.winner is None for s in avg)
    with pytest.raises(ValueError):
        pool2d(x, mode="median")


def test_max_pool_and_relu_commute_but_avg_pool_does_not():
    rng = np.random.default_rng(0)
    for _ in range(50):
        x = rng.normal(size=(6, 6))
        np.testing.assert_array_equal(relu(pool2d(x)), pool2d(relu(x)))
    x = np.array([[2.0, -2.0], [0.0, 0.0]])  # the average hides the negative
    assert pool2d(relu(x), mode="avg")[0, 0] == 0.5
    assert relu(pool2d(x, mode="avg"))[0, 0] == 0.0
