"""Toy 2-D datasets after TensorFlow Playground, input features, and a train/test split.

``make(name, n, noise, seed) -> (X, y)``: X has shape (n, 2) in roughly [−6, 6]²;
y has shape (n,), float64, with labels 0.0 / 1.0 (the Playground's −1 / +1 become 0 / 1).
MLP accepts y as (n,) or (n, 1).

``noise`` is the Playground's noise slider divided by 100: 0 is clean, the
Playground goes up to 0.5; anything in [0, 1] is accepted. Like the Playground,
circle and XOR keep the point where it was drawn and flip its label when the
noise pushes it across the boundary; gauss widens its blobs; spiral and moons
jitter the points.
"""

from __future__ import annotations

import numpy as np

__all__ = ["DATASETS", "make", "FEATURES", "FEATURE_LABELS", "features", "split"]

Array = np.ndarray


def _shuffle(X: Array, y: Array, rng: np.random.Generator) -> tuple[Array, Array]:
    order = rng.permutation(len(y))
    return X[order], y[order]


def _circle(n, noise, rng):
    radius = 5.0
    n_in = n // 2
    n_out = n - n_in
    # Class 1 fills the disc r < 2.5; class 0 the ring 3.5 ≤ r ≤ 5.
    r = np.concatenate([rng.uniform(0.0, 0.5 * radius, n_in), rng.uniform(0.7 * radius, radius, n_out)])
    angle = rng.uniform(0.0, 2.0 * np.pi, n)
    X = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
    jitter = rng.uniform(-radius, radius, (n, 2)) * noise
    y = (np.hypot(*(X + jitter).T) < 0.5 * radius).astype(np.float64)
    return X, y


def _xor(n, noise, rng):
    X = rng.uniform(-5.0, 5.0, (n, 2))
    X += np.where(X > 0, 0.3, -0.3)  # padding: keep points off the axes
    jitter = rng.uniform(-5.0, 5.0, (n, 2)) * noise
    Xn = X + jitter
    y = (Xn[:, 0] * Xn[:, 1] >= 0).astype(np.float64)
    return X, y


def _gauss(n, noise, rng):
    # Playground: variance grows linearly from 0.5 (noise 0) to 4 (noise 0.5).
    variance = 0.5 + 7.0 * noise
    std = np.sqrt(variance)
    n_pos = n // 2
    n_neg = n - n_pos
    pos = rng.normal(2.0, std, (n_pos, 2))
    neg = rng.normal(-2.0, std, (n_neg, 2))
    X = np.vstack([pos, neg])
    y = np.concatenate([np.ones(n_pos), np.zeros(n_neg)])
    return X, y


def _spiral(n, noise, rng):
    parts, labels = [], []
    for delta, label, m in ((0.0, 1.0, n // 2), (np.pi, 0.0, n - n // 2)):
        i = np.arange(m)
        r = i / m * 5.0
        t = 1.75 * i / m * 2.0 * np.pi + delta
        pts = np.column_stack([r * np.sin(t), r * np.cos(t)])
        pts += rng.uniform(-1.0, 1.0, (m, 2)) * noise
        parts.append(pts)
        labels.append(np.full(m, label))
    return np.vstack(parts), np.concatenate(labels)


def _moons(n, noise, rng):
    # Not in the Playground: the two interleaved half-moons, scaled ×2.5 and
    # centred so they fill the same [−5, 5] square; noise is Gaussian, std 2.5·noise.
    n_a = n // 2
    n_b = n - n_a
    ta = rng.uniform(0.0, np.pi, n_a)
    tb = rng.uniform(0.0, np.pi, n_b)
    a = np.column_stack([np.cos(ta), np.sin(ta)])
    b = np.column_stack([1.0 - np.cos(tb), 0.5 - np.sin(tb)])
    X = (np.vstack([a, b]) - [0.5, 0.25]) * 2.5
    X += rng.normal(0.0, 2.5 * noise, X.shape) if noise > 0 else 0.0
    y = np.concatenate([np.ones(n_a), np.zeros(n_b)])
    return X, y


DATASETS = {"circle": _circle, "xor": _xor, "gauss": _gauss, "spiral": _spiral, "moons": _moons}


def make(name: str, n: int = 500, noise: float = 0.0, seed: int = 0) -> tuple[Array, Array]:
    """Generate dataset ``name``: X (n, 2), y (n,) in {0., 1.}, shuffled; same seed → same data."""
    if name not in DATASETS:
        raise KeyError(f"unknown dataset {name!r}; choose from {sorted(DATASETS)}")
    if not 0.0 <= noise <= 1.0:
        raise ValueError("noise is a fraction in [0, 1] (the Playground's slider / 100)")
    rng = np.random.default_rng(seed)
    X, y = DATASETS[name](int(n), float(noise), rng)
    return _shuffle(X.astype(np.float64), y.astype(np.float64), rng)


# Input features of the Playground, in its order, with Unicode labels for display.
FEATURE_LABELS: dict[str, str] = {
    "x1": "x₁",
    "x2": "x₂",
    "x1^2": "x₁²",
    "x2^2": "x₂²",
    "x1x2": "x₁x₂",
    "sin_x1": "sin(x₁)",
    "sin_x2": "sin(x₂)",
}
FEATURES: list[tuple[str, str]] = list(FEATURE_LABELS.items())

_FEATURE_FN = {
    "x1": lambda a, b: a,
    "x2": lambda a, b: b,
    "x1^2": lambda a, b: a * a,
    "x2^2": lambda a, b: b * b,
    "x1x2": lambda a, b: a * b,
    "sin_x1": lambda a, b: np.sin(a),
    "sin_x2": lambda a, b: np.sin(b),
}


def features(X: Array, names) -> Array:
    """Columns for the named features of 2-D points X (n, 2) -> (n, len(names))."""
    X = np.asarray(X, dtype=np.float64)
    a, b = X[..., 0], X[..., 1]
    unknown = [nm for nm in names if nm not in _FEATURE_FN]
    if unknown:
        raise KeyError(f"unknown features {unknown}; choose from {list(_FEATURE_FN)}")
    return np.stack([_FEATURE_FN[nm](a, b) for nm in names], axis=-1)


def split(X: Array, y: Array, train_fraction: float = 0.5, seed: int = 0):
    """Shuffle and split -> (X_train, y_train, X_test, y_test); deterministic per seed."""
    X = np.asarray(X)
    y = np.asarray(y)
    n = len(y)
    order = np.random.default_rng(seed).permutation(n)
    k = int(round(train_fraction * n))
    tr, te = order[:k], order[k:]
    return X[tr], y[tr], X[te], y[te]
