"""``ActivationCurve``: a neuron's squashing curve with a dot at its current sum z.

The curve is the engine's activation f(z) over ``zlim``; the dot sits at (z, f(z)) with dotted
guides down to the z axis and across to the output axis, so the learner reads the output off
the curve. An optional band (a target range of outputs) is shaded across the plot. Under
NO_COLOR the curve is drawn with ``•``, the guides with ``·``, the dot with ``●`` and the band
with ``░``. A z beyond ``zlim`` puts the dot on the edge with an arrow pointing the way.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nntui.engine.activations import ACTIVATIONS
from nntui.widgets.canvas import Canvas
from nntui.widgets.number_text import num

__all__ = ["ActivationCurve", "CurveReading", "read_off"]

CURVE_POINTS = 64


@dataclass(frozen=True)
class CurveReading:
    z: float  # the neuron's sum
    output: float  # f(z), from the engine
    dot_z: float  # where the dot is drawn: z, or the nearer end of the z range
    off_scale: int  # −1 / +1 when z lies left / right of the range, else 0


def read_off(z: float, activation: str = "sigmoid",
             zlim: tuple[float, float] = (-6.0, 6.0)) -> CurveReading:
    """The output f(z) and where its dot goes on a plot of ``zlim``."""
    output = float(ACTIVATIONS[activation].f(np.float64(z)))
    lo, hi = zlim
    off = -1 if z < lo else 1 if z > hi else 0
    return CurveReading(float(z), output, min(max(float(z), lo), hi), off)


class ActivationCurve(Canvas):
    """``ActivationCurve("sigmoid", zlim=(-6, 6))``; ``show(z, band=(0.75, 0.95))``."""

    DEFAULT_CSS = """
    ActivationCurve { border: round $primary 50%; }
    """

    def __init__(self, activation: str = "sigmoid", zlim: tuple[float, float] = (-6.0, 6.0),
                 ylim: tuple[float, float] = (-0.08, 1.08), **kwargs) -> None:
        super().__init__(zlim, ylim, **kwargs)
        self.activation = activation
        self.zlim = (float(zlim[0]), float(zlim[1]))
        self.reading: CurveReading | None = None
        self.border_subtitle = "z →"

    def show(self, z: float, band: tuple[float, float] | None = None) -> CurveReading:
        """Redraw with the dot at ``z`` (and the output band, if any); returns the reading."""
        r = read_off(z, self.activation, self.zlim)
        self.reading = r
        (z0, z1), (y0, y1) = self.zlim, self.ylim
        self.clear()
        if band is not None:
            rows = np.linspace(y0, y1, 48)
            inside = (rows >= band[0]) & (rows <= band[1])
            self.fill_region(np.repeat(inside[:, None], 8, axis=1), colour="#3d5a3d", char="░")
        self.line(z0, 0.0, z1, 0.0, colour="#606060", char="─")  # the z axis
        zs = np.linspace(z0, z1, CURVE_POINTS)
        ys = ACTIVATIONS[self.activation].f(zs)
        for i in range(CURVE_POINTS - 1):
            self.line(zs[i], ys[i], zs[i + 1], ys[i + 1], colour="#3b8fe8")
        self.line(r.dot_z, 0.0, r.dot_z, r.output, colour="#a0a0a0", char="·")
        self.line(z0, r.output, r.dot_z, r.output, colour="#a0a0a0", char="·")
        self.text(z0, 1.0, "1", colour="#a0a0a0")  # the output axis's two marks
        self.text(z0, 0.0, "0", colour="#a0a0a0")
        self.points([r.dot_z], [r.output], colours="#f2b134",
                    marker="◀" if r.off_scale < 0 else "▶" if r.off_scale > 0 else "●")
        name = ACTIVATIONS[self.activation].display if self.activation != "sigmoid" else "σ"
        self.border_title = f"{name}({num(r.z, 2)}) = {r.output:.3f}"
        return r
