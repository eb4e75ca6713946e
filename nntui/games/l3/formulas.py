"""The formulas: the section body (model in ``formulas_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from nntui.widgets.formula import FormulaCard
from nntui.widgets.keys import axis_keys, digit_bindings
from nntui.widgets.section import SectionView

from .formulas_model import CARDS, Formulas, fmt


class FormulasView(SectionView):
    """Six formula cards, one shown at a time, each with a calculator driven by keys."""

    HELP = (
        "1–6 open a card: forward pass, mean squared error, binary cross-entropy, chain rule, "
        "backprop recursion, update step. ↑/↓ pick one of the card's inputs (▶), ←/→ change "
        "it (shift for five steps). The line under ▸ is computed by the engine from the inputs "
        "as they are now. The section is complete once you have opened all six cards and "
        "changed an input."
    )
    BINDINGS = [
        *digit_bindings("open_card", [c.title for c in CARDS], "card"),
        *axis_keys("y", "select({})", "input", reverse=True),
        *axis_keys("x", "nudge({})", "change", coarse=5, coarse_label="change ×5"),
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.formulas = Formulas()
        self.changed = False

    def compose(self):
        yield Static(id="fm-tabs")
        yield Static(id="fm-inputs")
        for card in CARDS:
            yield FormulaCard(card.title, card.formula, card.in_words, card.symbols,
                              id=f"fm-card-{card.key}", classes="fm-card")

    def on_mount(self) -> None:
        self.focus()
        self.redraw()

    # --- actions -----------------------------------------------------------------------

    def action_open_card(self, index: int) -> None:
        self.formulas.open(index)
        self.after_change()

    def action_select(self, steps: int) -> None:
        self.formulas.select(steps)
        self.redraw()

    def action_nudge(self, steps: int) -> None:
        self.formulas.nudge(steps)
        self.changed = True
        self.after_change()

    def after_change(self) -> None:
        if self.changed and self.formulas.all_visited:
            self.mark_complete()
        self.redraw()

    # --- drawing -----------------------------------------------------------------------

    def redraw(self) -> None:
        f = self.formulas
        tabs = Text(no_wrap=True, overflow="crop")
        for index, card in enumerate(CARDS):
            label = f"{index + 1} {card.tab}"
            if index == f.card_index:
                tabs.append(f"[{label}]", "bold reverse")
            else:
                tabs.append(f" {label} ", "" if index in f.visited else "dim")
        self.query_one("#fm-tabs", Static).update(tabs)
        inputs = Text(no_wrap=True, overflow="crop")
        inputs.append("inputs: ", "italic")
        for index, spec in enumerate(f.card.inputs):
            chosen = index == f.selected
            inputs.append("▶" if chosen else " ", "bold")
            inputs.append(f"{spec.symbol} = {fmt(f.current[spec.symbol], 2)}",
                          "bold reverse" if chosen else "")
            inputs.append("  ")
        self.query_one("#fm-inputs", Static).update(inputs)
        for index, card in enumerate(CARDS):
            widget = self.query_one(f"#fm-card-{card.key}", FormulaCard)
            widget.display = index == f.card_index
        self.query_one(f"#fm-card-{f.card.key}", FormulaCard).set_live(f.live())
