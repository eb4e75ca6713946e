"""Regularization reference: each technique with its formula and a one-line "use when"."""

from __future__ import annotations

from nntui.widgets.ref_table import TableSection


class RegularizationView(TableSection):
    DATA = "regularization"
    HELP = ("↑/↓ pick a technique; its formula, what it does and when to use it show below. "
            "/ filters the rows by any word; escape clears the filter.")
