"""Reusable Textual widgets for nntui.

Names are imported lazily so that ``import nntui.widgets`` (and any single
submodule) stays cheap: ``from nntui.widgets import Slider`` only loads
``nntui.widgets.slider``; the plotext chart is loaded only when ``Chart`` is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_LAZY: dict[str, str] = {
    "Slider": "slider",
    "Choice": "choice",
    "Toggle": "choice",
    "Canvas": "canvas",
    "NetworkDiagram": "network",
    "Chart": "chart",
    "FormulaCard": "formula",
    "ResultModal": "result",
    "Meter": "bars",
    "BarChart": "bars",
    "bar_text": "bars",
}

__all__ = sorted(_LAZY)

if TYPE_CHECKING:  # pragma: no cover
    from .bars import BarChart, Meter, bar_text
    from .canvas import Canvas
    from .chart import Chart
    from .choice import Choice, Toggle
    from .formula import FormulaCard
    from .network import NetworkDiagram
    from .result import ResultModal
    from .slider import Slider


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
