"""Backprop, step by step: the section body (model in ``backprop_flow_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui.widgets.keys import axis_keys
from nntui.widgets.network import NetworkDiagram
from nntui.widgets.number_text import num
from nntui.widgets.section import SectionView

from .backprop_flow_model import (
    FIRST_BACKWARD,
    SIZES,
    STAGES,
    BackpropFlow,
    agreeing_digits,
    weight_name,
)

#: How many factors at the output end of every chain (∂L/∂ŷ, ∂ŷ/∂z): known once δ out is.
OUTPUT_END_FACTORS = 2


class BackpropFlowView(SectionView):
    """Forward left→right, the loss, backward right→left; one weight's chain multiplied out."""

    HELP = (
        "space moves to the next stage: the inputs, the hidden layer, the output, the loss, "
        "then backward: the output's δ, the hidden δs, and every weight's gradient. enter jumps "
        "to the end; r starts again. ←/→ pick the weight whose chain rule is spelled out: its "
        "path is highlighted (◉ nodes, ▲ under its weight mark). Factors show ? until the "
        "backward pass reaches them. On the backward stages the node values are δ = ∂L/∂z. "
        "The gradient check compares backprop's answer with a central finite difference "
        "(L(w + h) − L(w − h)) / 2h. w draws new weights. Reaching the last stage completes "
        "the section."
    )
    BINDINGS = [
        Binding("space", "next_stage", "next stage"),
        Binding("enter", "to_end", "to the end"),
        *axis_keys("x", "weight({})", "weight"),
        Binding("w", "new_weights", "new weights"),
        Binding("r", "reset", "reset"),
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.flow = BackpropFlow()

    def compose(self):
        yield Static(id="bf-stage")
        yield NetworkDiagram(SIZES, layer_names=("x", "h", "ŷ"), id="bf-net")
        yield Static(id="bf-numbers")
        yield Static(id="bf-chain")
        yield Static(id="bf-check")

    def on_mount(self) -> None:
        self.focus()
        self.redraw()

    # --- actions -----------------------------------------------------------------------

    def action_next_stage(self) -> None:
        self.flow.step()
        self.after_step()

    def action_to_end(self) -> None:
        self.flow.to_end()
        self.after_step()

    def action_weight(self, steps: int) -> None:
        self.flow.choose_weight(steps)
        self.redraw()

    def action_new_weights(self) -> None:
        self.flow.new_weights()
        self.redraw()

    def action_reset(self) -> None:
        self.flow.stage = 0
        self.redraw()

    def after_step(self) -> None:
        if self.flow.finished:
            self.mark_complete()
        self.redraw()

    # --- drawing -----------------------------------------------------------------------

    def redraw(self) -> None:
        self.query_one("#bf-stage", Static).update(self.stage_text())
        self.draw_network()
        self.query_one("#bf-numbers", Static).update(self.numbers_text())
        self.query_one("#bf-chain", Static).update(self.chain_text())
        self.query_one("#bf-check", Static).update(self.check_text())

    def stage_text(self) -> Text:
        f = self.flow
        text = Text(no_wrap=True, overflow="crop")
        for index, (name, _) in enumerate(STAGES):
            if index:
                text.append(" ◂ " if index >= FIRST_BACKWARD else " ▸ ", "dim")
            if index == f.stage:
                text.append(f"[{name}]", "bold reverse")
            else:
                text.append(name, "" if index < f.stage else "dim")
        text.append(f"\n{f.stage + 1}/{len(STAGES)} · {STAGES[f.stage][1]}", "italic")
        return text

    def draw_network(self) -> None:
        f = self.flow
        net = self.query_one("#bf-net", NetworkDiagram)
        net.set_weights(f.net.weights)
        if f.backward_started:
            delta_hidden, delta_out = f.deltas
            net.set_values([None, delta_hidden if f.stage > FIRST_BACKWARD else None,
                            delta_out])
        else:
            _, acts = f.trace
            net.set_values([acts[layer][0] if layer <= f.stage else None
                            for layer in range(len(SIZES))])
        net.highlight(path=f.path())

    def numbers_text(self) -> Text:
        f = self.flow
        text = Text(no_wrap=True, overflow="crop")
        text.append("x = (1, 0.5)   target y = 1")
        if f.stage >= 2:
            text.append(f"   ŷ = {f.output:.4f}")
        if f.stage >= 3:
            text.append(f"   L = (ŷ − y)² = {f.loss:.4f}", "bold")
        shows = "δ = ∂L/∂z, flowing backward" if f.backward_started else "activations, forward"
        text.append(f"\nnode values: {shows}", "italic")
        return text

    def known(self, position: int, count: int) -> bool:
        """Whether the backward pass has reached a chain factor (0 = the output end): the
        output's two at δ out, the hidden unit's at δ hidden, the weight's own input last."""
        f = self.flow
        if position == count - 1:
            return f.finished
        if position < OUTPUT_END_FACTORS:
            return f.stage >= FIRST_BACKWARD
        return f.stage > FIRST_BACKWARD

    def chain_text(self) -> Text:
        f = self.flow
        name = weight_name(f.weight)
        factors = f.chain()
        text = Text(no_wrap=True, overflow="crop")
        text.append(f"Chain rule for {name} (←→ another weight)\n", "bold")
        text.append(f"∂L/∂{name} = " + " · ".join(x.symbol for x in factors) + "\n")
        pad = " " * (len(name) + 6)
        text.append(pad + "= " + " · ".join(x.meaning for x in factors) + "\n")
        values = [num(x.value, 3, brackets=True) if self.known(k, len(factors)) else "?"
                  for k, x in enumerate(factors)]
        text.append(pad + "= " + " × ".join(values))
        if f.finished:
            text.append(f" = {num(f.chain_product(), 6)}", "bold")
        return text

    def check_text(self) -> Text:
        f = self.flow
        text = Text(no_wrap=True, overflow="crop")
        if not f.finished:
            text.append("Gradient check: at the last stage, backprop against a finite "
                        "difference.", "dim")
            return text
        analytic, numeric = f.analytic(), f.numeric()
        digits = agreeing_digits(analytic, numeric)
        text.append("Gradient check  ", "bold")
        text.append(f"backprop {num(analytic, 9)}   (L(w+h) − L(w−h))/2h {num(numeric, 9)}\n")
        mark = "✓" if digits >= 5 else "✗"
        text.append(f"{mark} they agree to {min(digits, 12)} significant digits "
                    f"(h = 10⁻⁵)", "bold")
        return text
