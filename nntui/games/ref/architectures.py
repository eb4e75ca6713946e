"""Architecture comparison on six axes with sources, research insights and frontier themes."""

from __future__ import annotations

from nntui.widgets.ref_table import TableSection


class ArchitecturesView(TableSection):
    DATA = "architectures"
    HELP = ("The first six rows rate architectures on six axes from ○○○○○ to ●●●●● (more is "
            "better): task performance, training speed, inference speed, memory (light on "
            "memory), long-range dependencies and parallelism. The ratings are qualitative, "
            "our reading of the papers cited under each row, not measurements. Then come research insights and "
            "frontier themes. ↑/↓ move, / filters (try \"frontier\").")
