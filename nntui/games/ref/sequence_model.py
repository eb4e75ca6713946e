"""Sequence-models reference: the pure model (no Textual). The positional-encoding table is
the engine's (``nntui.engine.transformer.positional_encoding``)."""

from __future__ import annotations

import numpy as np

from nntui.engine.transformer import positional_encoding

__all__ = ["PE_POSITIONS", "PE_DIM", "pe_table"]

PE_POSITIONS = 8
PE_DIM = 16


def pe_table() -> np.ndarray:
    """(PE_POSITIONS, PE_DIM): PE[p, 2i] = sin(p/10000^(2i/d)), PE[p, 2i+1] = cos(…)."""
    return positional_encoding(PE_POSITIONS, PE_DIM)
