"""Parameter counts and output shapes of common layers (for the network builder).

Shapes leave out the batch axis. Images are (height, width, channels);
sequences are (steps, features).
"""

from __future__ import annotations

__all__ = [
    "dense_params", "conv2d_params", "lstm_params", "rnn_params", "batchnorm_params",
    "attention_params", "pool_params", "flatten_params", "dropout_params",
    "conv_output_size", "pool_output_size", "conv2d_output_shape", "pool2d_output_shape",
    "flatten_output_shape", "dense_output_shape", "lstm_output_shape", "mlp_param_count",
]


def dense_params(n_in: int, n_out: int) -> int:
    """n_in·n_out weights + n_out biases."""
    return n_in * n_out + n_out


def conv2d_params(k: int, c_in: int, c_out: int, bias: bool = True) -> int:
    """k·k·c_in weights per filter, c_out filters, one bias each."""
    return k * k * c_in * c_out + (c_out if bias else 0)


def rnn_params(x: int, h: int) -> int:
    """Simple RNN: W_h (h·h) + W_x (h·x) + b (h)."""
    return h * (h + x) + h


def lstm_params(x: int, h: int) -> int:
    """Four gates (input, forget, output, candidate), each an RNN-sized block: 4·(h·(h+x) + h)."""
    return 4 * (h * (h + x) + h)


def batchnorm_params(c: int) -> int:
    """Trainable γ and β per channel: 2·c (the running mean/variance are not trained)."""
    return 2 * c


def attention_params(d: int) -> int:
    """Single head with Q, K, V and output projections, each d×d + d: 4·(d·d + d)."""
    return 4 * (d * d + d)


def pool_params(*_args) -> int:
    return 0


flatten_params = dropout_params = pool_params


def mlp_param_count(sizes) -> int:
    """Dense layers between consecutive sizes: [4, 8, 6, 1] → 40 + 54 + 7 = 101."""
    return sum(dense_params(a, b) for a, b in zip(sizes[:-1], sizes[1:]))


def conv_output_size(n: int, k: int, s: int = 1, p: int = 0) -> int:
    """⌊(n + 2p − k)/s⌋ + 1; ValueError when the kernel does not fit."""
    if k > n + 2 * p or s < 1:
        raise ValueError(f"kernel {k} does not fit input {n} with padding {p}")
    return (n + 2 * p - k) // s + 1


def pool_output_size(n: int, k: int = 2, s: int | None = None) -> int:
    """Pooling is a convolution without padding; the stride defaults to the window."""
    return conv_output_size(n, k, k if s is None else s, 0)


def conv2d_output_shape(shape, k: int, c_out: int, s: int = 1, p: int = 0) -> tuple[int, int, int]:
    h, w, _ = shape
    return (conv_output_size(h, k, s, p), conv_output_size(w, k, s, p), c_out)


def pool2d_output_shape(shape, k: int = 2, s: int | None = None) -> tuple[int, int, int]:
    h, w, c = shape
    return (pool_output_size(h, k, s), pool_output_size(w, k, s), c)


def flatten_output_shape(shape) -> tuple[int]:
    n = 1
    for d in shape:
        n *= d
    return (n,)


def dense_output_shape(shape, n_out: int) -> tuple[int, ...]:
    """Dense acts on the last axis."""
    return (*tuple(shape)[:-1], n_out)


def lstm_output_shape(shape, h: int, return_sequences: bool = False) -> tuple[int, ...]:
    steps, _ = shape
    return (steps, h) if return_sequences else (h,)
