"""2-D loss surfaces for optimizer races, and ``path`` to run an optimizer on one.

``f(p)`` and ``grad(p)`` accept a point of shape (2,) or any array whose last axis
has length 2 (so a whole plotting grid can be evaluated at once).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

__all__ = ["Surface", "SURFACES", "Path", "path", "DIVERGE_LIMIT"]

Array = np.ndarray

# A path counts as diverged once a coordinate leaves this box or is not finite.
DIVERGE_LIMIT = 1e6


@dataclass(frozen=True)
class Surface:
    name: str
    display: str
    formula: str
    f: Callable[[Array], Array] = field(repr=False)
    grad: Callable[[Array], Array] = field(repr=False)
    xlim: tuple[float, float]  # suggested plot range
    ylim: tuple[float, float]
    start: tuple[float, float]  # suggested start point
    minimum: tuple[float, float] | None  # None: unbounded below
    hessian_eigs: tuple[float, float] | None = None  # constant Hessian eigenvalues, if any
    note: str = ""


def _xy(p):
    p = np.asarray(p, dtype=np.float64)
    return p[..., 0], p[..., 1]


def _bowl_f(p):
    x, y = _xy(p)
    return 0.05 * x * x + 5.0 * y * y


def _bowl_g(p):
    x, y = _xy(p)
    return np.stack([0.1 * x, 10.0 * y], axis=-1)


def _rosen_f(p):
    x, y = _xy(p)
    return (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2


def _rosen_g(p):
    x, y = _xy(p)
    r = y - x * x
    return np.stack([-2.0 * (1.0 - x) - 400.0 * x * r, 200.0 * r], axis=-1)


def _saddle_f(p):
    x, y = _xy(p)
    return x * x - y * y


def _saddle_g(p):
    x, y = _xy(p)
    return np.stack([2.0 * x, -2.0 * y], axis=-1)


SURFACES: dict[str, Surface] = {
    "bowl": Surface(
        "bowl", "Elongated bowl", "f(x, y) = 0.05x² + 5y²", _bowl_f, _bowl_g,
        (-10.0, 10.0), (-3.0, 3.0), (-9.0, 2.0), (0.0, 0.0), (0.1, 10.0),
        "Curvature 0.1 along x and 10 along y: plain gradient descent needs lr < 2/10.",
    ),
    "rosenbrock": Surface(
        "rosenbrock", "Rosenbrock banana", "f(x, y) = (1 − x)² + 100(y − x²)²", _rosen_f, _rosen_g,
        (-2.0, 2.0), (-1.0, 3.0), (-1.5, 2.0), (1.0, 1.0), None,
        "A curved, flat-bottomed valley: easy to reach, slow to follow to (1, 1).",
    ),
    "saddle": Surface(
        "saddle", "Saddle", "f(x, y) = x² − y²", _saddle_f, _saddle_g,
        (-3.0, 3.0), (-3.0, 3.0), (-2.5, 0.01), None, (2.0, -2.0),
        "Up along x, down along y: a start on the ridge y = 0 stalls at the centre.",
    ),
}


@dataclass
class Path:
    points: Array  # (steps_taken + 1, 2), all finite
    diverged: bool
    steps_taken: int


def path(surface: Surface | str, optimizer, start, steps: int, reset: bool = True) -> Path:
    """Run ``optimizer`` on ``surface`` from ``start`` for up to ``steps`` steps.

    Stops early, marked diverged, at the last finite point inside ±DIVERGE_LIMIT.
    The optimizer is reset first unless ``reset=False``.
    """
    if isinstance(surface, str):
        surface = SURFACES[surface]
    if reset:
        optimizer.reset()
    p = np.array(start, dtype=np.float64).reshape(2)
    pts = np.empty((steps + 1, 2))
    pts[0] = p
    diverged = False
    k = 0
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(1, steps + 1):
            optimizer.step([p], [surface.grad(p)])
            if not (np.all(np.isfinite(p)) and np.max(np.abs(p)) <= DIVERGE_LIMIT):
                diverged = True
                k -= 1
                break
            pts[k] = p
        else:
            k = steps
    return Path(pts[: k + 1].copy(), diverged, k)
