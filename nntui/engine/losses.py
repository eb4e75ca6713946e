"""Loss functions: ``LOSSES[name](pred, target) -> (value, dvalue/dpred)``.

Reduction is the mean over all elements, except ``ce``, which sums over the
classes of a row and takes the mean over rows (so its gradient is (p − y)/n).

What ``pred`` means differs, and each :class:`Loss` says so in ``pred_kind``:

* ``mse``, ``mae``, ``huber``: any real value.
* ``bce``, ``focal``: probabilities in [0, 1] (clipped to [EPS, 1 − EPS]).
* ``ce``: raw logits, one row per sample; the softmax is applied inside.
  ``target`` is one-hot rows (n, k) or integer class indices (n,). A single
  example may be passed as logits (k,) with a one-hot (or soft) target (k,) or
  a class index; the gradient then has shape (k,) too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from .activations import sigmoid

__all__ = [
    "Loss", "LOSSES", "EPS", "HUBER_DELTA", "FOCAL_ALPHA", "FOCAL_GAMMA",
    "mse", "mae", "huber", "bce", "ce", "focal", "bce_with_logits", "one_hot",
]

# Probabilities are kept this far from 0 and 1 so log and 1/p stay finite.
EPS = 1e-12
HUBER_DELTA = 1.0
FOCAL_ALPHA = 0.25
FOCAL_GAMMA = 2.0

Array = np.ndarray


def _pair(pred, target) -> tuple[Array, Array]:
    p = np.asarray(pred, dtype=np.float64)
    t = np.asarray(target, dtype=np.float64)
    if t.shape != p.shape:
        t = t.reshape(p.shape)  # e.g. labels (n,) against a prediction column (n, 1)
    return p, t


def mse(pred, target) -> tuple[float, Array]:
    """Mean squared error: mean (p − y)²."""
    p, t = _pair(pred, target)
    r = p - t
    return float(np.mean(r * r)), (2.0 / r.size) * r


def mae(pred, target) -> tuple[float, Array]:
    """Mean absolute error: mean |p − y| (gradient sign(p − y), 0 at the kink)."""
    p, t = _pair(pred, target)
    r = p - t
    return float(np.mean(np.abs(r))), np.sign(r) / r.size


def huber(pred, target, delta: float = HUBER_DELTA) -> tuple[float, Array]:
    """Huber: ½r² for |r| ≤ δ, else δ(|r| − ½δ)."""
    p, t = _pair(pred, target)
    r = p - t
    a = np.abs(r)
    small = a <= delta
    value = np.where(small, 0.5 * r * r, delta * (a - 0.5 * delta))
    grad = np.where(small, r, delta * np.sign(r))
    return float(np.mean(value)), grad / r.size


def bce(pred, target) -> tuple[float, Array]:
    """Binary cross-entropy on probabilities: −mean[y log p + (1−y) log(1−p)]."""
    p, t = _pair(pred, target)
    p = np.clip(p, EPS, 1.0 - EPS)
    value = -np.mean(t * np.log(p) + (1.0 - t) * np.log1p(-p))
    grad = (p - t) / (p * (1.0 - p)) / p.size
    return float(value), grad


def bce_with_logits(z, target) -> tuple[float, Array]:
    """BCE of sigmoid(z), computed from the logits z: stable for any z.

    Uses log(1 + eᶻ) − y·z (= −[y log σ(z) + (1−y) log(1−σ(z))]); gradient (σ(z) − y)/N.
    """
    z, t = _pair(z, target)
    value = np.mean(np.logaddexp(0.0, z) - t * z)
    return float(value), (sigmoid(z) - t) / z.size


def one_hot(labels, k: int) -> Array:
    """Integer labels (n,) → one-hot rows (n, k), float64."""
    idx = np.asarray(labels).astype(np.int64).reshape(-1)
    out = np.zeros((idx.size, k))
    out[np.arange(idx.size), idx] = 1.0
    return out


def _ce_target(z: Array, target) -> Array:
    t = np.asarray(target, dtype=np.float64)
    if t.shape == z.shape:
        return t
    if t.size == z.shape[0]:  # class indices
        return one_hot(t, z.shape[1])
    raise ValueError(f"ce target shape {t.shape} does not fit logits {z.shape}")


def ce(pred, target) -> tuple[float, Array]:
    """Softmax cross-entropy on logits (rows = samples): mean over rows of −Σ y log softmax(z)."""
    z = np.asarray(pred, dtype=np.float64)
    squeeze = z.ndim == 1
    if squeeze:
        z = z[None, :]
        t = np.asarray(target, dtype=np.float64)
        if t.shape == z.shape[1:]:  # one example's one-hot row (k,)
            target = t[None, :]
    t = _ce_target(z, target)
    n = z.shape[0]
    shifted = z - np.max(z, axis=-1, keepdims=True)
    log_p = shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))
    value = -np.sum(t * log_p) / n
    grad = (np.exp(log_p) - t) / n
    return float(value), (grad[0] if squeeze else grad)


def focal(pred, target, alpha: float = FOCAL_ALPHA, gamma: float = FOCAL_GAMMA) -> tuple[float, Array]:
    """Binary focal loss on probabilities (Lin et al. 2017), mean over elements.

    −[α·y·(1−p)^γ·log p + (1−α)·(1−y)·p^γ·log(1−p)]; for y ∈ {0, 1} this is
    −α_t (1 − p_t)^γ log p_t. Easy, confident examples count for little.
    """
    p, t = _pair(pred, target)
    p = np.clip(p, EPS, 1.0 - EPS)
    q = 1.0 - p
    lp, lq = np.log(p), np.log1p(-p)
    pos = alpha * t
    neg = (1.0 - alpha) * (1.0 - t)
    value = -(pos * q**gamma * lp + neg * p**gamma * lq)
    grad = -(pos * (q**gamma / p - gamma * q ** (gamma - 1.0) * lp)
             + neg * (gamma * p ** (gamma - 1.0) * lq - p**gamma / q))
    return float(np.mean(value)), grad / p.size


@dataclass(frozen=True)
class Loss:
    """A loss with its display metadata; call it like the function."""

    name: str
    display: str
    formula: str
    pred_kind: str  # "value", "probability" or "logits"
    fn: Callable[[Array, Array], tuple[float, Array]] = field(repr=False)

    def __call__(self, pred, target) -> tuple[float, Array]:
        return self.fn(pred, target)


LOSSES: dict[str, Loss] = {
    l.name: l
    for l in [
        Loss("mse", "Mean squared error", "L = (1/N) Σ (ŷ − y)²", "value", mse),
        Loss("mae", "Mean absolute error", "L = (1/N) Σ |ŷ − y|", "value", mae),
        Loss("huber", "Huber (δ = 1)", "L = ½r² if |r| ≤ δ, else δ(|r| − ½δ);  r = ŷ − y",
             "value", huber),
        Loss("bce", "Binary cross-entropy",
             "L = −(1/N) Σ [y log ŷ + (1 − y) log(1 − ŷ)]", "probability", bce),
        Loss("ce", "Cross-entropy (softmax)",
             "L = −(1/n) Σᵢ Σₖ yᵢₖ log softmax(zᵢ)ₖ", "logits", ce),
        Loss("focal", "Focal (α = 0.25, γ = 2)",
             "L = −α_t (1 − p_t)^γ log p_t", "probability", focal),
    ]
}
