"""Optimizers reference: the comparison table and each optimizer's card."""

from __future__ import annotations

from nntui.widgets.ref_table import TableSection

from .optimizers_model import memory_label


class OptimizersView(TableSection):
    """Comparison table above; the highlighted optimizer's card (rule, defaults, when) below."""

    DATA = "optimizers"
    HELP = ("↑/↓ pick an optimizer; its card below gives the update rule, the parameters with "
            "their usual defaults, when to use it and a note. memory is the extra state kept "
            "per weight, measured on nntui's own optimizers; adaptive says whether each weight "
            "gets its own step size. / filters the rows (try \"transformers\").")

    def table_rows(self):
        # The memory column is measured on the engine, between year and adaptive.
        return [(key, [*row["cells"][:2], memory_label(key), *row["cells"][2:]])
                for key, row in self._rows.items()]
