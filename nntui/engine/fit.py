"""Small fits for Level 4: a shape autoencoder with an adjustable bottleneck, and
polynomial capacity curves (underfit → good fit → overfit).

The autoencoder is the engine's MLP, sizes [64, h, k, h, 64], trained as a denoising
autoencoder on 8×8 shapes (bars, crosses, square outlines, diagonals at every
position): each step sees the shapes with a few pixels flipped and must rebuild
the clean ones, so a learner's slightly wobbly drawing still maps onto the shape
it resembles. Trained models are cached per bottleneck size k.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.polynomial import Polynomial

from .mlp import MLP, train_step
from .optim import Adam

__all__ = [
    "GRID", "shape_images", "AE_HIDDEN", "AE_STEPS", "train_autoencoder", "autoencoder",
    "encode", "reconstruct", "reconstruction_error",
    "CapacityData", "capacity_data", "fit_polynomial", "CapacityCurve", "capacity_curve",
]

Array = np.ndarray
GRID = 8


# --- the shapes -----------------------------------------------------------------

def _square(top: int, left: int, size: int) -> Array:
    a = np.zeros((GRID, GRID))
    a[top, left:left + size] = a[top + size - 1, left:left + size] = 1.0
    a[top:top + size, left] = a[top:top + size, left + size - 1] = 1.0
    return a


def _cross(row: int, col: int) -> Array:
    a = np.zeros((GRID, GRID))
    a[max(row - 2, 0):row + 3, col] = 1.0
    a[row, max(col - 2, 0):col + 3] = 1.0
    return a


def shape_images() -> Array:
    """The training shapes, (n, 8, 8) of 0/1: vertical and horizontal bars in every
    row and column, plus-shaped crosses centred anywhere off the border, square
    outlines of side 3–6 (every other position), and both diagonals shifted by up to 3."""
    images = []
    for i in range(GRID):
        bar = np.zeros((GRID, GRID))
        bar[:, i] = 1.0
        images += [bar, bar.T.copy()]
    images += [_cross(r, c) for r in range(1, GRID - 1) for c in range(1, GRID - 1)]
    images += [_square(r, c, s) for s in (3, 4, 5, 6)
               for r in range(GRID - s + 1) for c in range(GRID - s + 1) if (r + c) % 2 == 0]
    for shift in range(-3, 4):
        diag = np.eye(GRID, k=shift)
        images += [diag, np.fliplr(diag).copy()]
    return np.array(images)


# --- the autoencoder -----------------------------------------------------------------

AE_HIDDEN = 32  # units on each side of the bottleneck
AE_STEPS = 1000  # full-batch Adam steps
AE_LR = 0.01
AE_FLIP = 0.03  # chance that a pixel of a training input is flipped


def train_autoencoder(k: int, hidden: int = AE_HIDDEN, steps: int = AE_STEPS,
                      seed: int = 0) -> MLP:
    """Train a [64, hidden, k, hidden, 64] autoencoder on ``shape_images`` (leaky-ReLU
    hidden layers, sigmoid output, binary cross-entropy, Adam)."""
    clean = shape_images().reshape(-1, GRID * GRID)
    model = MLP([GRID * GRID, hidden, k, hidden, GRID * GRID], hidden="leaky_relu",
                output="sigmoid", init="he_normal", seed=seed)
    opt = Adam(AE_LR)
    rng = np.random.default_rng(seed)
    for _ in range(steps):
        noisy = np.abs(clean - (rng.random(clean.shape) < AE_FLIP))
        train_step(model, opt, noisy, clean, loss="bce")
    return model


@lru_cache(maxsize=32)
def _trained(k: int) -> MLP:
    return train_autoencoder(k)


def autoencoder(k: int) -> MLP:
    """The default autoencoder with bottleneck k, trained once per k and cached; each
    call returns a copy, so the caller may change it freely."""
    return _trained(int(k)).copy()


def _rows(images) -> Array:
    x = np.asarray(images, dtype=np.float64)
    return x.reshape(-1, GRID * GRID)


def encode(model: MLP, image) -> Array:
    """The k bottleneck numbers for one 8×8 image (or (n, k) for a stack of images)."""
    _, acts = model.forward_trace(_rows(image))
    code = acts[len(acts) // 2]  # [input, hidden, code, hidden, output]
    return code[0] if np.ndim(image) == 2 else code


def reconstruct(model: MLP, image) -> Array:
    """The model's rebuild of an 8×8 image (values in (0, 1)); a stack of images
    (n, 8, 8) gives (n, 8, 8)."""
    out = model.forward(_rows(image)).reshape(-1, GRID, GRID)
    return out[0] if np.ndim(image) == 2 else out


def reconstruction_error(model: MLP, images) -> float:
    """Mean squared difference between images and their reconstructions."""
    x = _rows(images)
    return float(np.mean((model.forward(x) - x) ** 2))


# --- capacity: polynomials of growing degree ------------------------------------------

CAP_POINTS = 30
CAP_TRAIN = 20
CAP_NOISE = 0.25
CAP_DEGREES = tuple(range(16))


def _cap_target(x: Array) -> Array:
    return np.sin(2.5 * x) + 0.5 * x * x


@dataclass(frozen=True)
class CapacityData:
    x_train: Array
    y_train: Array
    x_val: Array
    y_val: Array


def capacity_data(seed: int = 0, noise: float = CAP_NOISE) -> CapacityData:
    """30 noisy samples of sin(2.5x) + ½x² on [−1, 1], split 20 train / 10 validation."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1.0, 1.0, CAP_POINTS)
    y = _cap_target(x) + noise * rng.standard_normal(CAP_POINTS)
    order = rng.permutation(CAP_POINTS)
    tr, va = order[:CAP_TRAIN], order[CAP_TRAIN:]
    return CapacityData(x[tr], y[tr], x[va], y[va])


def fit_polynomial(x, y, degree: int) -> Polynomial:
    """Least-squares polynomial of the given degree (fitted on a rescaled axis, which
    keeps high degrees well conditioned); call it on new x to evaluate."""
    return Polynomial.fit(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64),
                          degree)


@dataclass(frozen=True)
class CapacityCurve:
    degrees: Array
    train_error: Array  # mean squared error per degree
    val_error: Array

    @property
    def best(self) -> int:
        """The degree with the lowest validation error."""
        return int(self.degrees[int(np.argmin(self.val_error))])


def capacity_curve(degrees=CAP_DEGREES, seed: int = 0) -> CapacityCurve:
    """Train and validation error of a polynomial fit for each degree. The training
    error only falls; the validation error falls, bottoms out, then climbs (on a
    log scale it shoots up) as the polynomial starts to follow the noise."""
    data = capacity_data(seed)
    train, val = [], []
    for d in degrees:
        p = fit_polynomial(data.x_train, data.y_train, d)
        train.append(np.mean((p(data.x_train) - data.y_train) ** 2))
        val.append(np.mean((p(data.x_val) - data.y_val) ** 2))
    return CapacityCurve(np.array(list(degrees)), np.array(train), np.array(val))
