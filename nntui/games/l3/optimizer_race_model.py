"""Optimizer race: the pure model (no Textual), reusable by any view of a 2-D loss surface.

Several optimizers start from one point of an ``engine.surfaces`` surface and take real
``engine.optim`` steps on its gradient. Each runner's whole path is computed by
``engine.surfaces.path`` when a setting changes (a few hundred 2-D steps cost microseconds);
the race then *reveals* it one step at a time, so what the learner watches at step k is exactly
where that optimizer stood after k real updates. A path that blows up stops at its last finite
point and the runner is marked diverged — never an exception.

Two learning rates, because the two families measure a step differently: SGD-style updates
move lr × gradient (so their safe lr depends on the curvature, lr·λ_max < 2 for SGD), while
RMSprop, Adam, AdamW and Lion divide the gradient by its own size and move about lr per step
whatever the slope.

Use::

    race = OptimizerRace("bowl", racers=("sgd", "adam"), lr=0.15)
    race.advance(20)
    race.lanes["sgd"].position(race.k), race.lanes["sgd"].loss(race.k)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from nntui.engine.optim import OPTIMIZERS
from nntui.engine.surfaces import SURFACES, Path, Surface, path

__all__ = [
    "DEFAULT_LRS",
    "DEFAULT_RACERS",
    "LR_LADDER",
    "RACERS",
    "STEPS",
    "Lane",
    "OptimizerRace",
    "Racer",
    "sgd_regime",
    "sign_flips",
]


@dataclass(frozen=True)
class Racer:
    name: str          # key in engine.optim.OPTIMIZERS
    label: str
    head: str          # one letter marking where the runner stands (readable without colour)
    trail: str         # the character of its path under NO_COLOR
    colour: str
    adaptive: bool     # divides by the gradient's size: uses the adaptive learning rate


RACERS: tuple[Racer, ...] = (
    Racer("sgd", "SGD", "S", "·", "#ff5f5f", False),
    Racer("momentum", "Momentum", "M", "+", "#ffd75f", False),
    Racer("adam", "Adam", "A", "∘", "#5fff87", True),
    Racer("rmsprop", "RMSprop", "R", "×", "#5fd7ff", True),
    Racer("adamw", "AdamW", "W", "~", "#d787ff", True),
    Racer("lion", "Lion", "L", "^", "#ffaf87", True),
    Racer("nesterov", "Nesterov", "N", "=", "#ffffff", False),
)
RACER_BY_NAME = {r.name: r for r in RACERS}
DEFAULT_RACERS = ("sgd", "momentum", "adam")

STEPS = 200
LR_LADDER = (0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.19, 0.2, 0.21, 0.25,
             0.3, 0.5)
# (lr for SGD-style, lr for adaptive) per surface: a race worth watching on each.
DEFAULT_LRS = {"bowl": (0.19, 0.1), "rosenbrock": (0.001, 0.1), "saddle": (0.02, 0.02)}


def sign_flips(values: np.ndarray) -> int:
    """How often a sequence changes sign (zeros skipped): the zig-zags of one coordinate."""
    signs = np.sign(values[values != 0])
    return int(np.count_nonzero(signs[1:] != signs[:-1]))


def sgd_regime(lr: float, surface: Surface) -> tuple[float, str] | None:
    """(lr·λ_max, what plain SGD does) on a surface with constant curvature, else None.

    Along an axis of curvature λ an SGD step multiplies the distance to the bottom by
    (1 − lr·λ): it slides smoothly below 1, overshoots and zig-zags between 1 and 2, bounces
    for ever at exactly 2 and grows without bound above 2.
    """
    if surface.hessian_eigs is None or max(surface.hessian_eigs) <= 0:
        return None
    product = lr * max(surface.hessian_eigs)
    if np.isclose(product, 2.0):
        return product, "bounce"
    if product > 2.0:
        return product, "diverge"
    if product > 1.0:
        return product, "zigzag"
    return product, "smooth"


@dataclass(frozen=True)
class Lane:
    """One runner's real path; everything is asked "at step k"."""

    racer: Racer
    path: Path
    surface: Surface

    def last(self, k: int) -> int:
        return min(k, self.path.steps_taken)

    def points(self, k: int) -> np.ndarray:
        """The points visited up to step k (k + 1 of them while the runner lasts)."""
        return self.path.points[: self.last(k) + 1]

    def position(self, k: int) -> np.ndarray:
        return self.path.points[self.last(k)]

    def loss(self, k: int) -> float:
        return float(self.surface.f(self.position(k)))

    def diverged(self, k: int) -> bool:
        """Blown up by step k (the path ended early, at its last finite point)."""
        return self.path.diverged and k > self.path.steps_taken


class OptimizerRace:
    """The race: a surface, the runners, two learning rates and the current step k."""

    def __init__(self, surface: str = "bowl", racers=DEFAULT_RACERS, *, lr: float | None = None,
                 adaptive_lr: float | None = None, steps: int = STEPS, start=None) -> None:
        self.steps = steps
        self.racers = tuple(r.name for r in RACERS if r.name in set(racers))
        self._start = start
        self.k = 0
        self.set_surface(surface, lr=lr, adaptive_lr=adaptive_lr)

    # --- settings (each one recomputes the paths and keeps the step) --------------------

    def set_surface(self, name: str, *, lr: float | None = None,
                    adaptive_lr: float | None = None) -> None:
        self.surface = SURFACES[name]
        default_lr, default_adaptive = DEFAULT_LRS.get(name, (0.01, 0.01))
        self.lr = default_lr if lr is None else float(lr)
        self.adaptive_lr = default_adaptive if adaptive_lr is None else float(adaptive_lr)
        self.k = 0
        self._changed()

    def next_surface(self) -> None:
        names = list(SURFACES)
        self.set_surface(names[(names.index(self.surface.name) + 1) % len(names)])

    def set_lr(self, lr: float, adaptive: bool = False) -> None:
        if adaptive:
            self.adaptive_lr = float(lr)
        else:
            self.lr = float(lr)
        self._changed()

    def change_lr(self, steps: int, adaptive: bool = False) -> None:
        """Move a learning rate ``steps`` rungs along LR_LADDER."""
        current = self.adaptive_lr if adaptive else self.lr
        index = int(np.argmin([abs(np.log(v / current)) for v in LR_LADDER]))
        index = min(len(LR_LADDER) - 1, max(0, index + steps))
        self.set_lr(LR_LADDER[index], adaptive)

    def toggle(self, name: str) -> None:
        """Add or remove a runner (the last one stays)."""
        chosen = set(self.racers) ^ {name}
        if chosen:
            self.racers = tuple(r.name for r in RACERS if r.name in chosen)
            self._changed()

    @property
    def start(self) -> tuple[float, float]:
        return tuple(self._start) if self._start is not None else self.surface.start

    def _changed(self) -> None:
        self.__dict__.pop("lanes", None)

    # --- the race --------------------------------------------------------------------

    def lr_for(self, racer: Racer) -> float:
        return self.adaptive_lr if racer.adaptive else self.lr

    @cached_property
    def lanes(self) -> dict[str, Lane]:
        lanes = {}
        for name in self.racers:
            racer = RACER_BY_NAME[name]
            optimizer = OPTIMIZERS[name](self.lr_for(racer))
            lanes[name] = Lane(racer, path(self.surface, optimizer, self.start, self.steps),
                               self.surface)
        return lanes

    @property
    def finished(self) -> bool:
        return self.k >= self.steps

    def advance(self, n: int = 1) -> bool:
        """Reveal n more steps; False once the race has reached its last step."""
        self.k = min(self.steps, self.k + n)
        return not self.finished

    def restart(self) -> None:
        self.k = 0

    def standings(self) -> list[tuple[Lane, float, bool]]:
        """(lane, f at step k, diverged) per runner, in RACERS order."""
        return [(lane, lane.loss(self.k), lane.diverged(self.k)) for lane in self.lanes.values()]

    def leader(self) -> Lane | None:
        """The runner lowest on the surface at step k, among those still on it."""
        alive = [(loss, lane.racer.label, lane) for lane, loss, gone in self.standings()
                 if not gone]
        return min(alive, key=lambda t: (t[0], t[1]))[2] if alive else None

    # --- what plain SGD does here -------------------------------------------------------

    def sgd_regime(self) -> tuple[float, str] | None:
        return sgd_regime(self.lr, self.surface)

    @property
    def sgd_limit(self) -> float | None:
        """The largest stable SGD learning rate, 2/λ_max (constant-curvature surfaces)."""
        eigs = self.surface.hessian_eigs
        return None if eigs is None or max(eigs) <= 0 else 2.0 / max(eigs)

    def zigzags(self, name: str = "sgd") -> int:
        """Sign changes of a runner's steep coordinate (y) so far: its zig-zags, counted."""
        lane = self.lanes.get(name)
        return 0 if lane is None else sign_flips(lane.points(self.k)[:, 1])

    # --- the picture ------------------------------------------------------------------

    def height_map(self, nx: int, ny: int, levels: int = 10,
                   xlim=None, ylim=None) -> np.ndarray:
        """The surface over the plot window as contour bands in [0, 1], row 0 at the bottom.

        Heights are compressed (log for surfaces with a minimum, a signed log for the
        saddle) so the valley floor is not one flat colour, then cut into ``levels`` bands:
        the band edges are the contour lines.
        """
        xlim = xlim or self.surface.xlim
        ylim = ylim or self.surface.ylim
        xs, ys = np.linspace(*xlim, nx), np.linspace(*ylim, ny)
        grid = np.stack(np.meshgrid(xs, ys), axis=-1)
        f = self.surface.f(grid)
        if self.surface.minimum is not None:
            f = np.log1p(f - float(self.surface.f(np.array(self.surface.minimum))))
        else:
            f = np.sign(f) * np.log1p(np.abs(f))
        lo, hi = float(f.min()), float(f.max())
        norm = (f - lo) / ((hi - lo) or 1.0)
        return np.minimum(np.floor(norm * levels), levels - 1) / (levels - 1)
