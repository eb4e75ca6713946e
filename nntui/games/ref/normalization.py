"""Normalization reference: which elements of a (N, C, H, W) tensor share one mean under
batch, layer, instance, group norm and RMSNorm, with the means computed by the engine."""

from __future__ import annotations

import string

from rich.text import Text
from textual.widgets import Static

from nntui.engine.norm import NORM_AXES
from nntui.widgets.number_text import num
from nntui.widgets.ref_table import FilterTable, TableSection

from .normalization_model import GROUPS, SHAPE, group_count, group_means, labels, sample

STYLES = ("bold", "reverse", "underline", "italic", "bold reverse", "bold underline",
          "dim", "bold italic")


def tensor_text(kind: str, x) -> Text:
    """The tensor, one line per (sample, row); each element marked by its group's letter."""
    n, c, h, w = SHAPE
    lab = labels(kind)
    text = Text(no_wrap=True)
    text.append("      " + "".join(f"channel {ci + 1:<6}" for ci in range(c)) + "\n", "dim")
    for ni in range(n):
        for hi in range(h):
            text.append(f"n{ni + 1}  " if hi == 0 else "    ", "bold")
            for ci in range(c):
                for wi in range(w):
                    g = int(lab[ni, ci, hi, wi])
                    text.append(f"{string.ascii_uppercase[g]}{num(x[ni, ci, hi, wi], 1, sign=True):>5}",
                                STYLES[g % len(STYLES)])
                    text.append(" ")
                text.append("  ")
            text.append("\n")
    return text


class NormalizationView(TableSection):
    COLUMNS = ("normalization", "averages over", "groups sharing μ, σ²")
    HELP = ("↑/↓ pick a normalization. The tensor below has N = 2 samples, C = 4 channels and "
            "2×2 positions; every element carries the letter of the group that shares one "
            "mean and variance under the highlighted normalization (also shown by its style). "
            "The line under it gives each group's mean before, and after normalizing (≈ 0; "
            f"RMSNorm does not centre, so its root mean square, ≈ 1, instead). Group norm uses "
            f"{GROUPS} groups of channels. / filters the rows.")

    def __init__(self, section, **kwargs) -> None:
        self.x = sample()
        super().__init__(section, **kwargs)

    def table_rows(self):
        return [(k.name, (k.display, k.axes, str(group_count(k.name))))
                for k in NORM_AXES.values()]

    def detail(self, key: str) -> Text:
        kind = NORM_AXES[key]
        text = Text(f"{kind.formula}, over {kind.axes}\n", "bold")
        text.append(f"{kind.note}\n")
        text.append_text(tensor_text(key, self.x))
        after = "rms" if key == "rms" else "mean"
        text.append(f"group: mean before → {after} after normalizing\n", "dim")
        for index, (g, mean, size, post) in enumerate(group_means(key, self.x)):
            text.append(f"{string.ascii_uppercase[g]} {num(mean, 2):>5} → {num(post, 2):<5}  ")
            if index % 4 == 3:
                text.append("\n")
        return text

    def compose(self):
        yield FilterTable(self.COLUMNS, self.table_rows(), id="ref-table")
        yield Static(id="ref-detail")
