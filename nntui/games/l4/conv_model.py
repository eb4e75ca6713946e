"""Convolution: the pure model (no Textual).

An 8×8 drawing, a 3×3 kernel (a preset from the engine, or the learner's own), padding and
stride. The window walks the padded image in reading order; ``revealed`` output cells are
filled in, each the engine's product-sum of one window. Challenges test the learner's own
kernel on fixed test images: a challenge is passed only by what the kernel does to them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from nntui.engine.conv import KERNEL_LABELS, KERNELS, conv2d, conv_steps, output_size

__all__ = ["N", "PRESETS", "OWN", "Challenge", "CHALLENGES", "ConvGame", "test_images",
           "PADDINGS", "STRIDES", "WEIGHT_STEP"]

N = 8  # the drawing is N × N
K = 3
PRESETS = ("vertical_edge", "horizontal_edge", "sobel_x", "sobel_y", "box_blur",
           "gaussian_blur", "sharpen", "identity")
OWN = "own"  # the learner's own kernel
PADDINGS = (0, 1, 2)
STRIDES = (1, 2, 3)
WEIGHT_STEP = 0.5
WEIGHT_LIMIT = 4.0


def _start_image() -> np.ndarray:
    """A filled square to start from: it has both kinds of edge."""
    img = np.zeros((N, N))
    img[2:6, 2:6] = 1.0
    return img


def test_images() -> dict[str, np.ndarray]:
    """The fixed images every challenge checks a kernel on."""
    top = np.zeros((N, N))
    top[:N // 2] = 1.0  # a horizontal edge across the middle
    left = np.zeros((N, N))
    left[:, :N // 2] = 1.0  # a vertical edge down the middle
    dot = np.zeros((N, N))
    dot[3, 4] = 1.0
    return {"horizontal edge": top, "vertical edge": left, "flat": np.ones((N, N)),
            "dot": dot}


def _peak(kernel: np.ndarray, image: np.ndarray) -> float:
    return float(np.max(np.abs(conv2d(image, kernel))))


def _edges_only(kernel: np.ndarray, wanted: str, unwanted: str) -> bool:
    imgs = test_images()
    hit = _peak(kernel, imgs[wanted])
    return hit >= 1.0 and _peak(kernel, imgs[unwanted]) <= 0.1 * hit \
        and _peak(kernel, imgs["flat"]) <= 0.1 * hit


def _blurs(kernel: np.ndarray) -> bool:
    imgs = test_images()
    flat_kept = np.allclose(conv2d(imgs["flat"], kernel), 1.0)
    spread = conv2d(imgs["dot"], kernel)
    return bool(flat_kept and np.all(kernel >= 0) and np.count_nonzero(spread > 1e-9) >= 5)


@dataclass(frozen=True)
class Challenge:
    id: str
    title: str
    goal: str
    check: Callable[[np.ndarray], bool]


CHALLENGES: tuple[Challenge, ...] = (
    Challenge("horizontal", "horizontal edges only",
              "fires (|value| ≥ 1) on a horizontal edge, stays under a tenth of that on a "
              "vertical edge and on a flat image",
              lambda k: _edges_only(k, "horizontal edge", "vertical edge")),
    Challenge("vertical", "vertical edges only",
              "the same with the roles swapped: fires on a vertical edge only",
              lambda k: _edges_only(k, "vertical edge", "horizontal edge")),
    Challenge("blur", "a blur",
              "no negative weights, a flat image comes out unchanged (the weights sum to 1) "
              "and a single dot spreads over at least 5 cells",
              _blurs),
)


@dataclass
class ConvGame:
    image: np.ndarray = field(default_factory=_start_image)
    cursor: tuple[int, int] = (0, 0)
    kernel_name: str = "vertical_edge"
    own: np.ndarray = field(default_factory=lambda: np.zeros((K, K)))
    kernel_cursor: tuple[int, int] = (1, 1)
    padding: int = 0
    stride: int = 1
    revealed: int = 0  # output cells filled in so far
    passed: set[str] = field(default_factory=set)

    # --- what is on screen ---------------------------------------------------------

    @property
    def kernel(self) -> np.ndarray:
        return self.own if self.kernel_name == OWN else np.asarray(KERNELS[self.kernel_name])

    @property
    def kernel_label(self) -> str:
        return "your own" if self.kernel_name == OWN else KERNEL_LABELS[self.kernel_name]

    @property
    def out_size(self) -> int:
        return output_size(N, K, self.padding, self.stride)

    @property
    def steps(self):
        return list(conv_steps(self.image, self.kernel, self.stride, self.padding))

    @property
    def total(self) -> int:
        return self.out_size ** 2

    @property
    def finished(self) -> bool:
        return self.revealed >= self.total

    def current(self):
        """The window last filled in (None before the first)."""
        return self.steps[self.revealed - 1] if self.revealed else None

    def feature_map(self) -> np.ndarray:
        """The engine's whole output; the view shows only the revealed cells."""
        return conv2d(self.image, self.kernel, self.stride, self.padding)

    # --- actions --------------------------------------------------------------------

    def advance(self) -> bool:
        if self.finished:
            return False
        self.revealed += 1
        return True

    def rewind(self) -> None:
        self.revealed = 0

    def move(self, dr: int, dc: int) -> None:
        r, c = self.cursor
        self.cursor = (min(max(r + dr, 0), N - 1), min(max(c + dc, 0), N - 1))

    def toggle(self) -> None:
        self.image[self.cursor] = 1.0 - self.image[self.cursor]
        self.rewind()

    def clear(self) -> None:
        self.image[:] = 0.0
        self.rewind()

    def pick(self, name: str) -> None:
        self.kernel_name = name
        self.rewind()

    def move_kernel(self, dr: int, dc: int) -> None:
        r, c = self.kernel_cursor
        self.kernel_cursor = (min(max(r + dr, 0), K - 1), min(max(c + dc, 0), K - 1))

    def nudge(self, steps: int) -> list[Challenge]:
        """Change the own kernel's weight under its cursor; the challenges newly passed."""
        self.kernel_name = OWN
        value = self.own[self.kernel_cursor] + steps * WEIGHT_STEP
        self.own[self.kernel_cursor] = min(max(value, -WEIGHT_LIMIT), WEIGHT_LIMIT)
        self.rewind()
        return self.check()

    def set_own(self, kernel) -> list[Challenge]:
        self.own = np.array(kernel, dtype=np.float64)
        self.kernel_name = OWN
        self.rewind()
        return self.check()

    def check(self) -> list[Challenge]:
        """Challenges the own kernel passes now that it had not passed before."""
        new = [c for c in CHALLENGES if c.id not in self.passed and c.check(self.own)]
        self.passed |= {c.id for c in new}
        return new

    def cycle_padding(self) -> None:
        self.padding = PADDINGS[(PADDINGS.index(self.padding) + 1) % len(PADDINGS)]
        self.rewind()

    def cycle_stride(self) -> None:
        self.stride = STRIDES[(STRIDES.index(self.stride) + 1) % len(STRIDES)]
        self.rewind()
