"""Activations reference: the pure model (no Textual). Every figure of a row comes from
``nntui.engine.activations``; only the "use for" advice is text (content/reference)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nntui import content
from nntui.engine.activations import ACTIVATIONS, max_slope

__all__ = ["ActivationRow", "rows", "curves", "XS"]

XS = np.linspace(-4.0, 4.0, 161)


@dataclass(frozen=True)
class ActivationRow:
    name: str
    display: str
    formula: str
    derivative: str
    range: str
    zero_centred: bool
    max_slope: float
    use: str


def rows() -> list[ActivationRow]:
    use = content.reference("activations")["use"]
    return [ActivationRow(a.name, a.display, a.formula, a.derivative, a.range, a.zero_centred,
                          max_slope(a.name), use[a.name])
            for a in ACTIVATIONS.values()]


def curves(name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, f(x), f′(x)) over XS, from the engine."""
    act = ACTIVATIONS[name]
    return XS, act.f(XS), act.df(XS)
