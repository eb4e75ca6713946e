"""2-D convolution and pooling, whole or one window at a time.

As in every deep-learning library, "convolution" here is cross-correlation: the
kernel slides over the image unflipped, and each output value is Σ window ⊙ kernel.

Shapes: a single-channel image is (H, W) with a kernel (kh, kw); a multi-channel
image is (C, H, W) with kernels (C_out, C_in, kh, kw), giving (C_out, H′, W′).
Pooling takes (H, W) or (C, H, W) and pools each channel on its own.

``conv_steps`` and ``pool_steps`` yield one record per window position, in
reading order, so a lesson can show every product and every sum as the window moves.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .params import conv_output_size

__all__ = [
    "KERNELS", "KERNEL_LABELS", "KERNEL_NOTES", "ConvStep", "PoolStep", "POOL_MODES",
    "output_size", "pad", "conv2d", "conv_steps", "pool2d", "pool_steps",
]

Array = np.ndarray
POOL_MODES = ("max", "avg")


def _kernel(rows) -> Array:
    k = np.array(rows, dtype=np.float64)
    k.setflags(write=False)  # shared by every caller: edit a copy, never the registry
    return k


_GAUSS_1D = np.array([1.0, 2.0, 1.0])

# Each kernel responds most where the image looks like the kernel itself.
KERNELS: dict[str, Array] = {
    "vertical_edge": _kernel([[1, 0, -1], [1, 0, -1], [1, 0, -1]]),
    "horizontal_edge": _kernel([[1, 1, 1], [0, 0, 0], [-1, -1, -1]]),
    "sobel_x": _kernel([[1, 0, -1], [2, 0, -2], [1, 0, -1]]),
    "sobel_y": _kernel([[1, 2, 1], [0, 0, 0], [-1, -2, -1]]),
    "box_blur": _kernel(np.full((3, 3), 1.0 / 9.0)),
    "gaussian_blur": _kernel(np.outer(_GAUSS_1D, _GAUSS_1D) / 16.0),
    "sharpen": _kernel([[0, -1, 0], [-1, 5, -1], [0, -1, 0]]),
    "identity": _kernel([[0, 0, 0], [0, 1, 0], [0, 0, 0]]),
}

KERNEL_LABELS: dict[str, str] = {
    "vertical_edge": "Vertical edge",
    "horizontal_edge": "Horizontal edge",
    "sobel_x": "Sobel x",
    "sobel_y": "Sobel y",
    "box_blur": "Box blur",
    "gaussian_blur": "Gaussian blur",
    "sharpen": "Sharpen",
    "identity": "Identity",
}

KERNEL_NOTES: dict[str, str] = {
    "vertical_edge": "Bright on the left, dark on the right: lights up at vertical edges.",
    "horizontal_edge": "Bright above, dark below: lights up at horizontal edges.",
    "sobel_x": "A vertical-edge finder that trusts the centre row twice as much.",
    "sobel_y": "A horizontal-edge finder that trusts the centre column twice as much.",
    "box_blur": "Every output is the plain average of its 3×3 neighbourhood.",
    "gaussian_blur": "A weighted average: the centre counts most, the corners least.",
    "sharpen": "The centre minus its four neighbours, added back: edges stand out.",
    "identity": "Copies the centre pixel: the image passes through unchanged.",
}


def output_size(n: int, k: int, p: int = 0, s: int = 1) -> int:
    """Output length along one axis: ⌊(n + 2p − k)/s⌋ + 1 (ValueError if the kernel
    does not fit). Same rule as ``params.conv_output_size``, with (p, s) in lesson order."""
    return conv_output_size(n, k, s, p)


def pad(x, padding: int) -> Array:
    """Zero padding of ``padding`` cells around the last two axes."""
    x = np.asarray(x, dtype=np.float64)
    if padding < 0:
        raise ValueError("padding must be ≥ 0")
    if padding == 0:
        return x
    widths = [(0, 0)] * (x.ndim - 2) + [(padding, padding)] * 2
    return np.pad(x, widths)


def _windows(x: Array, kh: int, kw: int, stride: int) -> Array:
    """All kh × kw windows of the last two axes, stepping by ``stride``:
    (..., H, W) → (..., H′, W′, kh, kw). A view, nothing is copied."""
    if stride < 1:
        raise ValueError("stride must be ≥ 1")
    output_size(x.shape[-2], kh, 0, stride)  # raises if the window does not fit
    output_size(x.shape[-1], kw, 0, stride)
    v = np.lib.stride_tricks.sliding_window_view(x, (kh, kw), axis=(-2, -1))
    return v[..., ::stride, ::stride, :, :]


def conv2d(x, kernel, stride: int = 1, padding: int = 0) -> Array:
    """Cross-correlate an image with a kernel.

    (H, W) with (kh, kw) → (H′, W′); (C, H, W) with (C_out, C, kh, kw) → (C_out, H′, W′),
    where H′ = ⌊(H + 2p − kh)/s⌋ + 1 and likewise W′. Multi-channel outputs sum over
    the input channels, as a CNN layer does (without bias).
    """
    x = np.asarray(x, dtype=np.float64)
    k = np.asarray(kernel, dtype=np.float64)
    if x.ndim == 2 and k.ndim == 2:
        return np.einsum("ijkl,kl->ij", _windows(pad(x, padding), *k.shape, stride), k)
    if x.ndim == 3 and k.ndim == 4:
        if k.shape[1] != x.shape[0]:
            raise ValueError(f"kernel expects {k.shape[1]} input channels, image has {x.shape[0]}")
        win = _windows(pad(x, padding), k.shape[2], k.shape[3], stride)
        return np.einsum("cijkl,ockl->oij", win, k)
    raise ValueError(f"image {x.shape} and kernel {k.shape}: use (H, W) with (kh, kw) "
                     "or (C, H, W) with (C_out, C, kh, kw)")


@dataclass(frozen=True)
class ConvStep:
    """One window position: output cell (row, col), the window's top-left corner
    (top, left) in the *padded* image, the window, the products window ⊙ kernel,
    and their sum (the output value)."""

    row: int
    col: int
    top: int
    left: int
    window: Array
    products: Array
    total: float


def conv_steps(x, kernel, stride: int = 1, padding: int = 0) -> Iterator[ConvStep]:
    """Every window of a single-channel convolution, row by row, left to right.
    The totals, in order, are exactly ``conv2d(x, kernel, stride, padding)``."""
    x = np.asarray(x, dtype=np.float64)
    k = np.asarray(kernel, dtype=np.float64)
    if x.ndim != 2 or k.ndim != 2:
        raise ValueError("conv_steps takes a single-channel image (H, W) and kernel (kh, kw)")
    win = _windows(pad(x, padding), *k.shape, stride)
    for r in range(win.shape[0]):
        for c in range(win.shape[1]):
            products = win[r, c] * k
            yield ConvStep(r, c, r * stride, c * stride, win[r, c].copy(), products,
                           float(products.sum()))


def _pool_windows(x: Array, size: int, stride: int, mode: str) -> Array:
    if mode not in POOL_MODES:
        raise ValueError(f"mode must be one of {POOL_MODES}, not {mode!r}")
    if x.ndim not in (2, 3):
        raise ValueError("pooling takes (H, W) or (C, H, W)")
    return _windows(x, size, size, stride)


def pool2d(x, size: int = 2, stride: int = 2, mode: str = "max") -> Array:
    """Max or average of each size × size window (no padding; a partial window at the
    edge is dropped). (H, W) → (H′, W′), (C, H, W) → (C, H′, W′)."""
    x = np.asarray(x, dtype=np.float64)
    win = _pool_windows(x, size, stride, mode)
    return win.max(axis=(-2, -1)) if mode == "max" else win.mean(axis=(-2, -1))


@dataclass(frozen=True)
class PoolStep:
    """One pooling window: output cell (row, col), the window's top-left corner
    (top, left), the window, the pooled value, and for max pooling the position
    (i, j) inside the window of the winning cell (the first one on a tie)."""

    row: int
    col: int
    top: int
    left: int
    window: Array
    value: float
    winner: tuple[int, int] | None


def pool_steps(x, size: int = 2, stride: int = 2, mode: str = "max") -> Iterator[PoolStep]:
    """Every window of a single-channel pooling, row by row; the values, in order,
    are exactly ``pool2d(x, size, stride, mode)``."""
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 2:
        raise ValueError("pool_steps takes a single-channel map (H, W)")
    win = _pool_windows(x, size, stride, mode)
    for r in range(win.shape[0]):
        for c in range(win.shape[1]):
            w = win[r, c]
            if mode == "max":
                i, j = np.unravel_index(int(np.argmax(w)), w.shape)
                yield PoolStep(r, c, r * stride, c * stride, w.copy(), float(w[i, j]),
                               (int(i), int(j)))
            else:
                yield PoolStep(r, c, r * stride, c * stride, w.copy(), float(w.mean()), None)
