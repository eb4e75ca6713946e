"""From math to PyTorch: the pure model (no Textual).

The learner's Train a brain network (its saved setup, freshly initialised — see
``nntui.export_pytorch``) shown as an ``nn.Module`` line by line. A cursor walks the lines that
mean something; for the line under it ``live()`` gives the engine's numbers for that line at one
point of the brain's data set (picked by ``pick_point``), so the formula beside the code is seen
computing.
"""

from __future__ import annotations

import numpy as np

from nntui.engine.data import FEATURE_LABELS
from nntui.export_pytorch import BrainExport, CodeLine, export_brain, layer_mark, module_lines

#: Points of the data set the live values are computed at (spread over the shuffled set).
N_POINTS = 5
#: File name the section's export key writes in the learner's data folder.
EXPORT_NAME = "nntui_brain.py"


def _vector(values: np.ndarray) -> str:
    return "[" + ", ".join(f"{v:.3f}".replace("-", "−") for v in values) + "]"


class MathToPytorch:
    """The module's lines, a cursor on them, and the sample point for live values."""

    def __init__(self, saved_setup: dict | None = None) -> None:
        self.export: BrainExport = export_brain(saved_setup)
        self.lines: list[CodeLine] = module_lines(self.export.playground.setup)
        self.stops = [i for i, line in enumerate(self.lines) if line.kind]
        self.cursor = 0  # index into ``stops``
        self.visited = {self.stops[0]}
        pg = self.export.playground
        every = max(1, len(pg.X) // N_POINTS)
        self.points = pg.X[::every][:N_POINTS]
        self.point = 0

    @property
    def line_index(self) -> int:
        return self.stops[self.cursor]

    @property
    def line(self) -> CodeLine:
        return self.lines[self.line_index]

    @property
    def seen_all(self) -> bool:
        return len(self.visited) == len(self.stops)

    def move(self, delta: int) -> None:
        self.cursor = min(len(self.stops) - 1, max(0, self.cursor + delta))
        self.visited.add(self.line_index)

    def pick_point(self, delta: int) -> None:
        self.point = (self.point + delta) % len(self.points)

    @property
    def x(self) -> np.ndarray:
        return self.points[self.point]

    @property
    def point_text(self) -> str:
        return f"({self.x[0]:.2f}, {self.x[1]:.2f})".replace("-", "−")

    def trace(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """The engine's (pre-activations, activations) for the sample point."""
        pg = self.export.playground
        return pg.net.forward_trace(pg.inputs(self.x[None, :]))

    def live(self) -> list[str]:
        """The engine's numbers for the highlighted line, as short lines of text."""
        pg = self.export.playground
        line = self.line
        zs, acts = self.trace()
        if line.kind == "class":
            return [f"sizes {' → '.join(map(str, pg.sizes))}: {pg.param_count} parameters, "
                    f"activation {pg.setup['activation']}",
                    "nn.Module keeps them; model.parameters() hands them to the optimizer"]
        if line.kind == "init":
            return ["each nn.Linear makes a weight matrix and a bias vector",
                    f"PyTorch would draw them at random; the export loads nntui's "
                    f"(weight seed {pg.setup['weight_seed']})"]
        if line.kind == "linear":
            W, b = pg.net.weights[line.layer - 1], pg.net.biases[line.layer - 1]
            return [f"W row by row = {_vector(W.ravel()[:6])}{' …' if W.size > 6 else ''}",
                    f"b = {_vector(b)}  · PyTorch stores weight as Wᵀ: "
                    f"{W.shape[1]}×{W.shape[0]} (out × in)"]
        if line.kind == "forward":
            names = [FEATURE_LABELS[n] for n in pg.setup["features"]] or ["0"]
            return [f"x = ({', '.join(names)}) = {_vector(acts[0][0])}",
                    "a batch is rows: x of shape (points, features), as in nntui's engine"]
        k = line.layer
        name = "ŷ" if k == len(zs) else f"h{layer_mark(k)}"
        return [f"before the activation: z = {_vector(zs[k - 1][0])}",
                f"{name} = {_vector(acts[k][0])}"]
