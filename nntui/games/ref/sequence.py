"""Sequence models reference: RNN to pointer networks, and the positional-encoding table
computed by the engine (model in ``sequence_model``)."""

from __future__ import annotations

from rich.text import Text

from nntui.widgets.canvas import shade_char
from nntui.widgets.number_text import num
from nntui.widgets.ref_table import TableSection, detail_text

from .sequence_model import PE_DIM, pe_table

SHOWN_DIMS = 4  # value columns beside the shade strip


def pe_text() -> Text:
    """One line per position: the encoding as shade characters (░ low … █ high), then values."""
    pe = pe_table()
    text = Text(no_wrap=True)
    heads = "  ".join(f"{'sin' if d % 2 == 0 else 'cos'}{d // 2:<3}" for d in range(SHOWN_DIMS))
    text.append(f"pos  dims 0–{PE_DIM - 1} (░ −1 … █ +1)   {heads}\n", "dim")
    for p, row in enumerate(pe):
        strip = "".join(shade_char((v + 1) / 2) for v in row)
        values = "  ".join(f"{num(v, 3, sign=True):>6}" for v in row[:SHOWN_DIMS])
        text.append(f"{p:>3}  {strip:<{PE_DIM}}     {values}\n")
    return text


class SequenceView(TableSection):
    DATA = "sequence"
    HELP = ("↑/↓ pick a topic: its equations and notes show below. On Positional encoding the "
            f"table is computed by the engine for d = {PE_DIM}: one line per position, its "
            "encoding as shade characters (░ near −1, █ near +1), then the first sine and "
            "cosine values. Fast waves on the left, slow ones on the right. / filters the rows.")

    def detail(self, key: str) -> Text:
        text = detail_text(self._rows[key]["detail"])
        if key == "pe":
            text.append("\n\n")
            text.append_text(pe_text())
        return text
