"""The training recipe and a troubleshooting table: symptom, likely causes, what to try."""

from __future__ import annotations

from nntui.widgets.ref_table import TableSection


class PipelineView(TableSection):
    DATA = "pipeline"
    HELP = ("Rows 1–8 are the training recipe in order; rows marked ? are symptoms, with likely "
            "causes and what to try below. ↑/↓ move, / filters (try \"NaN\" or \"memory\").")
