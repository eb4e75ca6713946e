"""Strengths and limits: where neural networks shine and where simpler models win."""

from __future__ import annotations

from nntui.widgets.ref_table import TableSection


class StrengthsView(TableSection):
    DATA = "strengths"
    HELP = ("+ rows are where neural networks shine, − rows where a simpler model often wins. "
            "↑/↓ move; the reason shows below. / filters the rows.")
