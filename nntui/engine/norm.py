"""Normalization layers: batch norm and layer norm with backward passes; RMSNorm,
group norm and instance norm forward, with the axes each one averages over.

Every normalization computes x̂ = (x − μ)/√(σ² + ε) and then y = γ·x̂ + β; they
differ only in which elements share one μ and σ². For a (N, C, H, W) tensor:

* batch norm: per channel, over (N, H, W) — the statistics mix the samples of a batch;
* layer norm: per sample, over (C, H, W);
* instance norm: per sample and channel, over (H, W);
* group norm: per sample and group of C/G channels, over (C/G, H, W);
* RMSNorm: like layer norm but without centring: y = γ·x/√(mean(x²) + ε).

A (N, D) batch of rows is the common 2-D case: batch norm per feature over N,
layer norm per row over D. Variances are the biased (÷m) ones used to normalize,
as in PyTorch; running variances use the unbiased (÷(m − 1)) estimate, as PyTorch does.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = [
    "EPS", "MOMENTUM", "RunningStats", "NormCache", "NormKind", "NORM_AXES",
    "batchnorm_forward", "batchnorm_backward", "layernorm_forward", "layernorm_backward",
    "rmsnorm", "groupnorm", "instancenorm", "normalize", "stat_groups",
]

Array = np.ndarray
EPS = 1e-5  # PyTorch's default for batch, layer, group and instance norm
MOMENTUM = 0.1  # weight of the newest batch in the running statistics (PyTorch's default)


@dataclass
class RunningStats:
    """Running mean and variance of a batch-norm layer, used at inference time."""

    mean: Array
    var: Array

    @classmethod
    def fresh(cls, n: int) -> RunningStats:
        """PyTorch's start: mean 0, variance 1."""
        return cls(np.zeros(n), np.ones(n))

    def update(self, batch_mean: Array, batch_var: Array, count: int,
               momentum: float = MOMENTUM) -> None:
        """running ← (1 − m)·running + m·batch, with the unbiased batch variance."""
        unbiased = batch_var * (count / (count - 1)) if count > 1 else batch_var
        self.mean *= 1.0 - momentum
        self.mean += momentum * batch_mean
        self.var *= 1.0 - momentum
        self.var += momentum * unbiased


@dataclass(frozen=True)
class NormCache:
    """What the backward pass needs. ``mean`` (μ) and ``var`` (σ²) are kept with
    the reduced axes as size 1, so they broadcast against x; ``x_hat`` is x̂."""

    x_hat: Array
    mean: Array
    var: Array
    inv_std: Array  # 1/√(σ² + ε)
    gamma: Array  # shaped to broadcast against x
    axes: tuple[int, ...]
    param_shape: tuple[int, ...]  # shape of γ and β as passed in
    train: bool  # False: the statistics were constants (running stats)


def _param(p, shape: tuple[int, ...]) -> Array:
    return np.asarray(p, dtype=np.float64).reshape(shape)


def _channel_shape(x: Array) -> tuple[int, ...]:
    """Broadcast shape of a per-feature (2-D) or per-channel (4-D) parameter."""
    if x.ndim == 2:
        return (1, x.shape[1])
    if x.ndim == 4:
        return (1, x.shape[1], 1, 1)
    raise ValueError(f"expected (N, D) or (N, C, H, W), got shape {x.shape}")


def _stats(x: Array, axes: tuple[int, ...], eps: float):
    mean = x.mean(axis=axes, keepdims=True)
    var = x.var(axis=axes, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    return mean, var, inv_std


def _norm_backward(dout, cache: NormCache) -> tuple[Array, Array, Array]:
    """(dx, dγ, dβ) for y = γ·x̂ + β, x̂ = (x − μ)·inv_std.

    With m elements per statistic and g = ∂L/∂x̂ = dout·γ, the chain rule through
    μ and σ² collapses to dx = inv_std/m · (m·g − Σg − x̂·Σ(g·x̂)).
    """
    dout = np.asarray(dout, dtype=np.float64)
    x_hat = cache.x_hat
    param_axes = tuple(i for i, n in enumerate(cache.gamma.shape) if n == 1)
    dgamma = (dout * x_hat).sum(axis=param_axes).reshape(cache.param_shape)
    dbeta = dout.sum(axis=param_axes).reshape(cache.param_shape)
    g = dout * cache.gamma
    if not cache.train:
        return g * cache.inv_std, dgamma, dbeta
    m = x_hat.size // cache.mean.size
    sum_g = g.sum(axis=cache.axes, keepdims=True)
    sum_gx = (g * x_hat).sum(axis=cache.axes, keepdims=True)
    dx = cache.inv_std / m * (m * g - sum_g - x_hat * sum_gx)
    return dx, dgamma, dbeta


def batchnorm_forward(x, gamma, beta, eps: float = EPS, running: RunningStats | None = None,
                      momentum: float = MOMENTUM, train: bool = True) -> tuple[Array, NormCache]:
    """Batch norm of (N, D) per feature, or of (N, C, H, W) per channel.

    Training: μ_B and σ²_B come from the batch and, if ``running`` is given, are folded
    into it. Inference (``train=False``): the running statistics are used instead.
    Returns (y, cache); ``cache.mean`` and ``cache.var`` are μ_B and σ²_B.
    """
    x = np.asarray(x, dtype=np.float64)
    shape = _channel_shape(x)
    axes = tuple(i for i, n in enumerate(shape) if n == 1)
    g, b = _param(gamma, shape), _param(beta, shape)
    if train:
        mean, var, inv_std = _stats(x, axes, eps)
        if running is not None:
            count = x.size // mean.size
            running.update(mean.reshape(-1), var.reshape(-1), count, momentum)
    else:
        if running is None:
            raise ValueError("inference-mode batch norm needs running statistics")
        mean, var = running.mean.reshape(shape), running.var.reshape(shape)
        inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mean) * inv_std
    cache = NormCache(x_hat, mean, var, inv_std, g, axes, np.shape(gamma), train)
    return g * x_hat + b, cache


def batchnorm_backward(dout, cache: NormCache) -> tuple[Array, Array, Array]:
    """Gradients (dx, dγ, dβ) of batch norm, from ∂L/∂y and the forward cache."""
    return _norm_backward(dout, cache)


def layernorm_forward(x, gamma, beta, eps: float = EPS) -> tuple[Array, NormCache]:
    """Layer norm: each sample (row) normalized over all its other axes; γ and β have
    the shape of one sample, x.shape[1:] (D for rows). Returns (y, cache)."""
    x = np.asarray(x, dtype=np.float64)
    if x.ndim < 2:
        raise ValueError("layer norm expects a batch: (N, D) or (N, C, H, W)")
    shape = (1, *x.shape[1:])
    axes = tuple(range(1, x.ndim))
    g, b = _param(gamma, shape), _param(beta, shape)
    mean, var, inv_std = _stats(x, axes, eps)
    x_hat = (x - mean) * inv_std
    return g * x_hat + b, NormCache(x_hat, mean, var, inv_std, g, axes, np.shape(gamma), True)


def layernorm_backward(dout, cache: NormCache) -> tuple[Array, Array, Array]:
    """Gradients (dx, dγ, dβ) of layer norm."""
    return _norm_backward(dout, cache)


def _affine(x_hat: Array, gamma, beta) -> Array:
    """Per-channel γ·x̂ + β for (N, C, H, W); γ = 1 and β = 0 when not given."""
    shape = _channel_shape(x_hat)
    if gamma is not None:
        x_hat = x_hat * _param(gamma, shape)
    if beta is not None:
        x_hat = x_hat + _param(beta, shape)
    return x_hat


def _check_nchw(x) -> Array:
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError(f"expected (N, C, H, W), got shape {x.shape}")
    return x


def rmsnorm(x, gamma=None, eps: float = EPS) -> Array:
    """RMSNorm: y = γ·x/√(mean(x²) + ε) per sample, over every axis but the first.
    No mean is subtracted and there is no β. γ has the shape of one sample."""
    x = np.asarray(x, dtype=np.float64)
    axes = tuple(range(1, x.ndim))
    y = x / np.sqrt(np.mean(x * x, axis=axes, keepdims=True) + eps)
    return y if gamma is None else y * _param(gamma, (1, *x.shape[1:]))


def instancenorm(x, gamma=None, beta=None, eps: float = EPS) -> Array:
    """Instance norm of (N, C, H, W): each sample's each channel over its own (H, W)."""
    x = _check_nchw(x)
    mean, _, inv_std = _stats(x, (2, 3), eps)
    return _affine((x - mean) * inv_std, gamma, beta)


def groupnorm(x, groups: int, gamma=None, beta=None, eps: float = EPS) -> Array:
    """Group norm of (N, C, H, W): channels split into ``groups`` blocks of C/G; each
    sample's block is normalized over (C/G, H, W). G = 1 is layer norm, G = C instance norm."""
    x = _check_nchw(x)
    n, c, h, w = x.shape
    if groups < 1 or c % groups:
        raise ValueError(f"{c} channels do not split into {groups} equal groups")
    xg = x.reshape(n, groups, c // groups, h, w)
    mean, _, inv_std = _stats(xg, (2, 3, 4), eps)
    return _affine(((xg - mean) * inv_std).reshape(x.shape), gamma, beta)


@dataclass(frozen=True)
class NormKind:
    """One normalization for the reference table: which elements share μ and σ²."""

    name: str
    display: str
    axes: str  # the axes of (N, C, H, W) averaged over, as text
    formula: str
    note: str


NORM_AXES: dict[str, NormKind] = {
    k.name: k
    for k in [
        NormKind("batch", "Batch norm", "N, H, W", "x̂ = (x − μ_B)/√(σ²_B + ε)",
                 "One μ, σ² per channel, pooled across the batch; needs running stats "
                 "for inference."),
        NormKind("layer", "Layer norm", "C, H, W", "x̂ = (x − μ)/√(σ² + ε)",
                 "One μ, σ² per sample; no batch dependence, the transformer default."),
        NormKind("instance", "Instance norm", "H, W", "x̂ = (x − μ)/√(σ² + ε)",
                 "One μ, σ² per sample and channel; wipes out each channel's contrast."),
        NormKind("group", "Group norm", "C/G, H, W", "x̂ = (x − μ)/√(σ² + ε)",
                 "One μ, σ² per sample and group of channels; steady with tiny batches."),
        NormKind("rms", "RMSNorm", "C, H, W", "y = γ·x/√(mean(x²) + ε)",
                 "Layer norm without subtracting the mean: cheaper, common in LLMs."),
    ]
}


def stat_groups(kind: str, shape, groups: int = 2) -> Array:
    """Integer labels of shape (N, C, H, W): elements with the same label share one
    μ and σ² under normalization ``kind`` (a key of NORM_AXES). For highlighting."""
    n, c, h, w = shape
    ni = np.arange(n)[:, None, None, None]
    ci = np.arange(c)[None, :, None, None]
    if kind == "batch":
        labels = ci + 0 * ni
    elif kind in ("layer", "rms"):
        labels = ni + 0 * ci
    elif kind == "instance":
        labels = ni * c + ci
    elif kind == "group":
        if groups < 1 or c % groups:
            raise ValueError(f"{c} channels do not split into {groups} equal groups")
        labels = ni * groups + ci // (c // groups)
    else:
        raise KeyError(f"unknown normalization {kind!r}")
    return np.broadcast_to(labels, (n, c, h, w)).copy()


def normalize(kind: str, x, groups: int = 2, eps: float = EPS) -> Array:
    """Normalize a (N, C, H, W) tensor by ``kind`` (a key of NORM_AXES), γ = 1, β = 0."""
    x = _check_nchw(x)
    if kind == "batch":
        c = x.shape[1]
        return batchnorm_forward(x, np.ones(c), np.zeros(c), eps)[0]
    if kind == "layer":
        return layernorm_forward(x, np.ones(x.shape[1:]), np.zeros(x.shape[1:]), eps)[0]
    if kind == "instance":
        return instancenorm(x, eps=eps)
    if kind == "group":
        return groupnorm(x, groups, eps=eps)
    if kind == "rms":
        return rmsnorm(x, eps=eps)
    raise KeyError(f"unknown normalization {kind!r}")
