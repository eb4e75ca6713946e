"""U-Net: the section's model (no UI). The tensor shape at every stage of a U-Net for the
chosen input size, input channels and base width, with the skip connections on or off.

Shapes are (height, width, channels). Each encoder level runs two 3×3 convolutions with
padding 1 (the size is kept) and doubles the channels, then a 2×2 max-pool halves the size. The
bottom runs two more convolutions. Each decoder level up-samples with a 2×2 transposed
convolution of stride 2 (the size doubles, the channels halve), joins the encoder's output of the
same level along the channel axis when skips are on, then two 3×3 convolutions. A 1×1
convolution gives one channel per class.
"""

from __future__ import annotations

from dataclasses import dataclass

from nntui.engine.params import conv2d_output_shape, conv2d_params, pool2d_output_shape

SIZES = (16, 32, 64, 128, 256)
CHANNELS = (1, 3)
FILTERS = (8, 16, 32, 64)
DEPTH = 3
CLASSES = 2


def up_conv_output_size(n: int, k: int = 2, s: int = 2, p: int = 0) -> int:
    """A transposed convolution's output size, (n − 1)·s − 2p + k: 2n for k = s = 2."""
    return (n - 1) * s - 2 * p + k


@dataclass(frozen=True)
class Stage:
    name: str
    kind: str                 # "input", "enc", "bottom", "dec", "output"
    level: int                # 0 at the top of the U, DEPTH at the bottom
    shape: tuple[int, int, int]
    params: int = 0
    up: tuple[int, int, int] | None = None     # a decoder's up-sampled input
    skip: tuple[int, int, int] | None = None   # the encoder output it joins (None: skips off)
    joined: tuple[int, int, int] | None = None  # what its convolutions receive


def _double_conv(shape, c_in: int, c_out: int) -> tuple[tuple[int, int, int], int]:
    """Two 3×3, padding-1 convolutions: (output shape, their parameters)."""
    shape = conv2d_output_shape(conv2d_output_shape(shape, 3, c_out, 1, 1), 3, c_out, 1, 1)
    return shape, conv2d_params(3, c_in, c_out) + conv2d_params(3, c_out, c_out)


def stages(size: int, channels: int, filters: int, skips: bool,
           depth: int = DEPTH, classes: int = CLASSES) -> list[Stage]:
    """Every stage from the input down the encoder, across the bottom, up the decoder."""
    shape = (size, size, channels)
    out = [Stage("input", "input", 0, shape)]
    kept = []
    for level in range(depth):
        shape, params = _double_conv(shape, shape[2], filters * 2**level)
        out.append(Stage(f"enc {level + 1}", "enc", level, shape, params))
        kept.append(shape)
        shape = pool2d_output_shape(shape)
    shape, params = _double_conv(shape, shape[2], filters * 2**depth)
    out.append(Stage("bottom", "bottom", depth, shape, params))
    for level in reversed(range(depth)):
        c = filters * 2**level
        up = (up_conv_output_size(shape[0]), up_conv_output_size(shape[1]), c)
        params = conv2d_params(2, shape[2], c)
        skip = kept[level] if skips else None
        joined = (up[0], up[1], c + (skip[2] if skip else 0))
        shape, conv_params = _double_conv(joined, joined[2], c)
        out.append(Stage(f"dec {level + 1}", "dec", level, shape, params + conv_params,
                         up=up, skip=skip, joined=joined))
    shape_out = conv2d_output_shape(shape, 1, classes)
    out.append(Stage("output", "output", 0, shape_out, conv2d_params(1, shape[2], classes)))
    return out


class UNet:
    """The learner's choices, the stages they give, and the travelling pulse."""

    def __init__(self):
        self.size_index = SIZES.index(64)
        self.channel_index = 0
        self.filter_index = FILTERS.index(16)
        self.skips = True
        self.pulse = 0

    @property
    def size(self) -> int:
        return SIZES[self.size_index]

    @property
    def channels(self) -> int:
        return CHANNELS[self.channel_index]

    @property
    def filters(self) -> int:
        return FILTERS[self.filter_index]

    def stages(self, skips: bool | None = None) -> list[Stage]:
        return stages(self.size, self.channels, self.filters,
                      self.skips if skips is None else skips)

    @property
    def here(self) -> Stage:
        return self.stages()[self.pulse]

    @property
    def params(self) -> int:
        return sum(s.params for s in self.stages())

    @property
    def done(self) -> bool:
        return self.pulse == len(self.stages()) - 1

    def advance(self) -> bool:
        if self.done:
            return False
        self.pulse += 1
        return True

    def turn_size(self, step: int) -> None:
        self.size_index = min(max(self.size_index + step, 0), len(SIZES) - 1)

    def cycle_channels(self) -> None:
        self.channel_index = (self.channel_index + 1) % len(CHANNELS)

    def cycle_filters(self) -> None:
        self.filter_index = (self.filter_index + 1) % len(FILTERS)

    def toggle_skips(self) -> None:
        self.skips = not self.skips
