"""Pooling: the pure model (no Textual).

A feature map (the engine's vertical-edge convolution of a small drawing, so the values mean
something) pooled by 2×2 windows with the engine's ``pool_steps``: max or average, stride 1
or 2. The animation fills the pooled map one window at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nntui.engine.conv import KERNELS, conv2d, output_size, pool2d, pool_steps

__all__ = ["Pooling", "feature_map", "MODES", "STRIDES", "SIZE"]

MODES = ("max", "avg")
STRIDES = (2, 1)
SIZE = 2  # the pooling window


def feature_map() -> np.ndarray:
    """An 8×8 map: a vertical-edge kernel over a 10×10 drawing of a filled square."""
    image = np.zeros((10, 10))
    image[2:8, 3:8] = 1.0
    image[4:6, 1:3] = 1.0
    return conv2d(image, KERNELS["sobel_x"])


@dataclass
class Pooling:
    mode: str = "max"
    stride: int = 2
    revealed: int = 0

    def __post_init__(self) -> None:
        self.fmap = feature_map()

    @property
    def out_size(self) -> int:
        return output_size(len(self.fmap), SIZE, 0, self.stride)

    @property
    def steps(self):
        return list(pool_steps(self.fmap, SIZE, self.stride, self.mode))

    @property
    def total(self) -> int:
        return self.out_size ** 2

    @property
    def done(self) -> bool:
        return self.revealed >= self.total

    def pooled(self) -> np.ndarray:
        return pool2d(self.fmap, SIZE, self.stride, self.mode)

    def current(self):
        return self.steps[self.revealed - 1] if self.revealed else None

    def advance(self) -> bool:
        if self.done:
            return False
        self.revealed += 1
        return True

    def switch_mode(self) -> None:
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        self.revealed = 0

    def switch_stride(self) -> None:
        self.stride = STRIDES[(STRIDES.index(self.stride) + 1) % len(STRIDES)]
        self.revealed = 0
