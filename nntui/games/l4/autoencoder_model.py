"""Autoencoder: the pure model (no Textual).

The learner draws on an 8×8 grid. The engine's shape autoencoder (``nntui.engine.fit``: an MLP
64 → 32 → k → 32 → 64 trained on bars, crosses, squares and diagonals) squeezes the drawing
to k numbers and rebuilds it from them alone. One network per bottleneck size k: each is
trained once, then kept in memory and as a weight file in the data folder, so it never trains
twice. ``Bank`` holds them; ``Pad`` is the drawing and the chosen k.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from nntui.engine import fit, weights
from nntui.engine.mlp import MLP

__all__ = ["KS", "PRESETS", "Bank", "Rebuild", "Pad", "rebuild"]

N = fit.GRID
KS = (1, 2, 4, 8, 16)
DEFAULT_K = 4


def _preset_images() -> dict[str, np.ndarray]:
    square = np.zeros((N, N))
    square[1, 1:7] = square[6, 1:7] = square[1:7, 1] = square[1:7, 6] = 1.0
    cross = np.zeros((N, N))
    cross[1:6, 3] = cross[3, 1:6] = 1.0
    bar = np.zeros((N, N))
    bar[:, 5] = 1.0
    tee = np.zeros((N, N))  # not one of the training shapes: the net has to make do
    tee[1, 1:7] = tee[1:7, 4] = 1.0
    return {"square": square, "cross": cross, "bar": bar, "diagonal": np.eye(N),
            "T (new shape)": tee}


PRESETS = _preset_images()

# Trained networks shared by every visit, keyed by (k, training steps).
_MEMORY: dict[tuple[int, int], MLP] = {}


class Bank:
    """The trained autoencoders, one per k: from memory, else the weight file, else trained
    now (``steps`` full-batch Adam steps) and saved. ``load_or_train`` is slow the first time
    and is meant for a worker thread; ``get`` never waits."""

    def __init__(self, folder: str | Path | None = None, steps: int = fit.AE_STEPS) -> None:
        self.folder = Path(folder) if folder is not None else None
        self.steps = steps

    def weight_file(self, k: int) -> Path | None:
        if self.folder is None:
            return None
        recipe = repr((k, self.steps, fit.AE_HIDDEN, fit.AE_LR, fit.AE_FLIP,
                       fit.shape_images().sum(axis=(1, 2)).tolist())).encode()
        return self.folder / "models" / f"autoencoder-k{k}-{hashlib.sha1(recipe).hexdigest()[:10]}.npz"

    def get(self, k: int) -> MLP | None:
        return _MEMORY.get((k, self.steps))

    def load_or_train(self, k: int) -> MLP:
        model = self.get(k)
        if model is not None:
            return model
        path = self.weight_file(k)
        model = fit.train_autoencoder(k, steps=0)  # the right shapes, to load into
        if path is None or weights.load(path, model.params) is None:
            model = fit.train_autoencoder(k, steps=self.steps)
            if path is not None:
                weights.save(path, model.params)
        _MEMORY[(k, self.steps)] = model
        return model


@dataclass(frozen=True)
class Rebuild:
    code: np.ndarray  # the k bottleneck numbers
    output: np.ndarray  # the 8×8 rebuild, values in (0, 1)
    error: float  # mean (x − x̂)² over the 64 pixels


def rebuild(model: MLP, image: np.ndarray) -> Rebuild:
    return Rebuild(fit.encode(model, image), fit.reconstruct(model, image),
                   fit.reconstruction_error(model, image))


@dataclass
class Pad:
    """The learner's drawing, the cursor, and the bottleneck size k."""

    image: np.ndarray = field(default_factory=lambda: PRESETS["square"].copy())
    k: int = DEFAULT_K
    cursor: tuple[int, int] = (3, 3)
    #: The k values whose rebuild the learner has seen (the section completes with two).
    seen: set[int] = field(default_factory=set)

    def move(self, dr: int, dc: int) -> None:
        r, c = self.cursor
        self.cursor = (min(max(r + dr, 0), N - 1), min(max(c + dc, 0), N - 1))

    def toggle(self) -> None:
        self.image[self.cursor] = 1.0 - self.image[self.cursor]

    def clear(self) -> None:
        self.image[:] = 0.0

    def preset(self, name: str) -> None:
        self.image = PRESETS[name].copy()

    def change_k(self, steps: int) -> None:
        i = min(max(KS.index(self.k) + steps, 0), len(KS) - 1)
        self.k = KS[i]
