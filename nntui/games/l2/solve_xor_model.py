"""Solve XOR: the pure model (no Textual).

Phase 1 is a single neuron with a step activation: one straight line, turned by an angle and
moved by an offset, both on a fixed grid of key presses. Whatever line the keys reach, at most
three of the four XOR points land on the right side — the model never promises more.

Phase 2 switches on a hidden layer of two sigmoid neurons, each one a "cut" (a line of its own),
wired into the output as H1 AND NOT H2. The learner moves the two cuts; all four points right
is a win. Every output comes from an engine ``MLP`` whose weights are built from the cuts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nntui.engine.activations import ACTIVATIONS
from nntui.engine.mlp import MLP, grid_predict

__all__ = ["Cut", "SolveXor", "XOR_X", "XOR_Y", "ANGLE_STEP", "OFFSETS", "ANGLES"]

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([0.0, 1.0, 1.0, 0.0])

ANGLE_STEP = 15  # degrees per key press
ANGLES = tuple(range(0, 360, ANGLE_STEP))
OFFSET_STEP = 0.1
OFFSET_LIMIT = 1.5
# Every offset the keys can reach, as exact tenths.
OFFSETS = tuple(round(k * OFFSET_STEP, 1) for k in range(-15, 16))

# How sharp a hidden cut is: large enough that a point 0.1 from a cut is already clearly on one
# side, small enough that the shading still shows a soft edge.
SHARPNESS = 20.0


@dataclass(frozen=True)
class Cut:
    """A line n·x = offset with normal n = (cos θ, sin θ); "yes" is the side n points to."""

    angle: int = 0
    offset: float = 0.5

    @property
    def normal(self) -> tuple[float, float]:
        theta = math.radians(self.angle)
        return math.cos(theta), math.sin(theta)

    def turned(self, steps: int) -> Cut:
        return Cut((self.angle + steps * ANGLE_STEP) % 360, self.offset)

    def shifted(self, steps: int) -> Cut:
        offset = round(self.offset + steps * OFFSET_STEP, 1)
        return Cut(self.angle, min(OFFSET_LIMIT, max(-OFFSET_LIMIT, offset)))

    def weights(self, sharpness: float = 1.0) -> tuple[np.ndarray, float]:
        """(w, b) of a neuron whose sum w·x + b is positive on the "yes" side."""
        nx, ny = self.normal
        return np.array([nx, ny]) * sharpness, -self.offset * sharpness

    def yes_mark(self, centre=(0.5, 0.5), gap: float = 0.15) -> tuple[float, float]:
        """A point just on the "yes" side of the line, beside the point of the line nearest
        ``centre``: where a label says which side is yes."""
        nx, ny = self.normal
        along = self.offset - (nx * centre[0] + ny * centre[1]) + gap
        return centre[0] + nx * along, centre[1] + ny * along

    def segment(self, span: float = 3.0) -> tuple[float, float, float, float]:
        """Two far-apart points on the line, for drawing."""
        nx, ny = self.normal
        cx, cy = nx * self.offset, ny * self.offset
        return cx - ny * span, cy + nx * span, cx + ny * span, cy - nx * span


class SolveXor:
    """Both phases of the game. ``phase`` is 1 (one line) or 2 (hidden layer on)."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.phase = 1
        self.line = Cut(angle=45, offset=0.5)
        # Phase 2 starts with both cuts on top of each other: nothing is solved yet.
        self.cuts = [Cut(angle=90, offset=0.5), Cut(angle=90, offset=0.5)]
        self.selected = 0
        self.best_phase1 = self.accuracy_phase1()

    # --- phase 1: one line ------------------------------------------------------

    def line_predictions(self, line: Cut | None = None) -> np.ndarray:
        """0/1 per XOR point from one step neuron."""
        w, b = (line or self.line).weights()
        return ACTIVATIONS["step"].f(XOR_X @ w + b)

    def correct_phase1(self, line: Cut | None = None) -> int:
        return int(np.sum(self.line_predictions(line) == XOR_Y))

    def accuracy_phase1(self) -> int:
        return self.correct_phase1()

    def turn(self, steps: int) -> None:
        """Rotate the line (phase 1) or the selected cut (phase 2)."""
        if self.phase == 1:
            self.line = self.line.turned(steps)
            self.best_phase1 = max(self.best_phase1, self.correct_phase1())
        else:
            self.cuts[self.selected] = self.cuts[self.selected].turned(steps)

    def shift(self, steps: int) -> None:
        if self.phase == 1:
            self.line = self.line.shifted(steps)
            self.best_phase1 = max(self.best_phase1, self.correct_phase1())
        else:
            self.cuts[self.selected] = self.cuts[self.selected].shifted(steps)

    # --- phase 2: two cuts and an output neuron -----------------------------------

    def switch_phase(self) -> None:
        self.phase = 2 if self.phase == 1 else 1

    def select(self, index: int) -> None:
        self.selected = index

    def network(self) -> MLP:
        """The 2 → 2 → 1 sigmoid network the two cuts define: output ≈ H1 AND NOT H2."""
        net = MLP([2, 2, 1], hidden="sigmoid", output="sigmoid", init="zeros")
        (w1, b1), (w2, b2) = (cut.weights(SHARPNESS) for cut in self.cuts)
        net.set_params([
            np.column_stack([w1, w2]), np.array([b1, b2]),
            np.array([[SHARPNESS], [-SHARPNESS]]), np.array([-0.5 * SHARPNESS]),
        ])
        return net

    def hidden_and_output(self) -> tuple[np.ndarray, np.ndarray]:
        """Hidden activations (4, 2) and outputs (4,) for the four XOR points."""
        _, acts = self.network().forward_trace(XOR_X)
        return acts[1], acts[2][:, 0]

    def hidden_points(self) -> np.ndarray:
        """The four XOR points moved into hidden space: row i is (H1, H2) of point i."""
        return self.hidden_and_output()[0]

    def output_boundary(self, span: float = 3.0) -> tuple[float, float, float, float]:
        """Two far-apart points, in hidden space (H1, H2), of the output neuron's line
        v₁H1 + v₂H2 + c = 0: where the output crosses 0.5."""
        net = self.network()
        (v1, v2), c = net.weights[1][:, 0], float(net.biases[1][0])
        norm = math.hypot(v1, v2)
        nx, ny, offset = v1 / norm, v2 / norm, -c / norm
        cx, cy = nx * offset, ny * offset
        return cx - ny * span, cy + nx * span, cx + ny * span, cy - nx * span

    def hidden_output_grid(self, lim, nx: int, ny: int) -> np.ndarray:
        """The output neuron alone over the hidden square (row 0 at H2 = lim[0])."""
        net = self.network()
        h1, h2 = np.meshgrid(np.linspace(*lim, nx), np.linspace(*lim, ny))
        z = h1 * net.weights[1][0, 0] + h2 * net.weights[1][1, 0] + net.biases[1][0]
        return ACTIVATIONS["sigmoid"].f(z)

    def correct_phase2(self) -> int:
        _, out = self.hidden_and_output()
        return int(np.sum((out >= 0.5) == (XOR_Y == 1)))

    @property
    def score(self) -> int:
        return self.correct_phase1() if self.phase == 1 else self.correct_phase2()

    @property
    def won(self) -> bool:
        return self.phase == 2 and self.correct_phase2() == 4

    def output_grid(self, xlim, ylim, nx: int, ny: int) -> np.ndarray:
        """The output over a grid (row 0 at the bottom), for the shaded regions."""
        return grid_predict(self.network(), xlim, ylim, nx, ny)

    def phase1_grid(self, xlim, ylim, nx: int, ny: int) -> np.ndarray:
        """The single line's 0/1 verdict over a grid (row 0 at the bottom)."""
        xs = np.linspace(xlim[0], xlim[1], nx)
        ys = np.linspace(ylim[0], ylim[1], ny)
        gx, gy = np.meshgrid(xs, ys)
        w, b = self.line.weights()
        return ACTIVATIONS["step"].f(gx * w[0] + gy * w[1] + b)
