"""Normalization reference: the pure model (no Textual). A sample (N, C, H, W) tensor, and
for each normalization of ``nntui.engine.norm`` which elements share one mean, and those means."""

from __future__ import annotations

import numpy as np

from nntui.engine.norm import NORM_AXES, normalize, stat_groups

__all__ = ["SHAPE", "GROUPS", "sample", "group_means", "group_count"]

SHAPE = (2, 4, 2, 2)  # N, C, H, W
GROUPS = 2  # group norm: 4 channels in 2 groups


def sample(seed: int = 0) -> np.ndarray:
    """A small tensor whose channels sit at different levels, so the means differ visibly."""
    rng = np.random.default_rng(seed)
    offsets = np.arange(SHAPE[1])[None, :, None, None] - 1.5
    return np.round(rng.normal(size=SHAPE) + offsets, 1)


def labels(kind: str) -> np.ndarray:
    return stat_groups(kind, SHAPE, GROUPS)


def group_count(kind: str) -> int:
    return int(np.unique(labels(kind)).size)


def group_means(kind: str, x: np.ndarray) -> list[tuple[int, float, int, float]]:
    """Per group: (label, mean of x, number of elements, mean after normalizing).

    RMSNorm does not centre, so for it the last figure is the root mean square instead."""
    out = normalize(kind, x, groups=GROUPS)
    lab = labels(kind)
    rows = []
    for g in np.unique(lab):
        mask = lab == g
        after = (float(np.sqrt(np.mean(out[mask] ** 2))) if kind == "rms"
                 else float(out[mask].mean()))
        rows.append((int(g), float(x[mask].mean()), int(mask.sum()), after))
    return rows


KINDS = tuple(NORM_AXES)
