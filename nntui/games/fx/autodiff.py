"""Reverse-mode autodiff: micrograd's example as a computation graph (its evaluation trace),
filled forward with values and then backward with gradients, one node per step; a and b are
adjustable and every number is recomputed by the engine's autograd."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from nntui.widgets.derivation import DERIVATION_HELP, Derivation, DerivationLesson
from nntui.widgets.keys import FOCUS_BINDINGS
from nntui.widgets.number_text import num
from nntui.widgets.slider import Slider

from .autodiff_model import (A_DEFAULT, B_DEFAULT, INPUT_RANGE, Node, adjoint_formula, bar,
                             defined, trace, users)

INTRO = 2  # lines before the forward pass
TABLE_ROWS = 9  # nodes on show around the current one


def derivation_lines(nodes: list[Node]) -> list[str]:
    """Intro, one line per node forward, the seed, one line per node backward, the result."""
    a, b, g = nodes[0], nodes[1], nodes[-1]
    lines = [
        "micrograd's example as a trace: one node per operation, inputs a, b",
        "forward: each node from its inputs, top to bottom (the table fills)",
    ]
    for n in nodes:
        rhs = "given" if n.kind == "input" else n.expression
        lines.append(f"{n.name} = {rhs} = {num(n.value, 4)}")
    lines.append("backward: each v̄ = ∂g/∂v, from the bottom up; v̄ = Σ v̄ₖ·∂vₖ/∂v")
    for n in reversed(nodes):
        formula = "∂g/∂g" if n is g else adjoint_formula(nodes, n.name)
        lines.append(f"{bar(n.name)} = {formula} = {num(n.grad, 4)}")
    lines.append(f"one backward pass gave both: ∂g/∂a = {num(a.grad, 4)}, "
                 f"∂g/∂b = {num(b.grad, 4)}")
    return lines


def position(step: int, count: int) -> tuple[str, int]:
    """What a derivation step shows: ("intro" | "forward" | "seed" | "backward" | "done", node).

    Forward step i has filled the values of nodes 0 … i; backward step j the gradients of the
    last j + 1 nodes, and the node is the one just finished.
    """
    if step < INTRO:
        return "intro", -1
    if step < INTRO + count:
        return "forward", step - INTRO
    if step == INTRO + count:
        return "seed", count - 1
    if step <= INTRO + 2 * count:
        return "backward", count - 1 - (step - INTRO - count - 1)
    return "done", 0


class AutodiffView(DerivationLesson):
    HELP = (
        "s / enter fills the next node of the graph: first every value (forward), then every "
        "gradient (backward); b steps back. ↑/↓ pick a or b, ←/→ change it: every value and "
        "gradient is recomputed by the engine's autograd and the table keeps its place. In the "
        "table ▶ marks the current node; forward, its inputs are marked ‹in›; backward, the "
        "nodes it feeds (whose gradients it sums) are marked ‹user›. " + DERIVATION_HELP
    )
    BINDINGS = [*FOCUS_BINDINGS]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.a, self.b = A_DEFAULT, B_DEFAULT
        self.nodes = trace(self.a, self.b)

    def compose(self):
        yield Slider("a", self.a, *INPUT_RANGE, 0.5, 2.0, fmt="{:.1f}", label_width=2,
                     id="ad-a")
        yield Slider("b", self.b, *INPUT_RANGE, 0.5, 2.0, fmt="{:.1f}", label_width=2,
                     id="ad-b")
        graph = Static(id="ad-graph")
        graph.border_title = "the computation graph, one node per row"
        yield graph
        yield Derivation(derivation_lines(self.nodes), id="derivation")
        yield self.lesson_text()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#ad-a", Slider).focus()
        self.redraw()

    def on_slider_changed(self, event: Slider.Changed) -> None:
        setattr(self, "a" if event.slider.id == "ad-a" else "b", event.value)
        self.nodes = trace(self.a, self.b)
        self.derivation.set_lines(derivation_lines(self.nodes))
        self.refresh_values()
        self.redraw()

    def derivation_stepped(self, step: int) -> None:
        self.redraw()

    def values(self) -> dict:
        a, b, g = self.nodes[0], self.nodes[1], self.nodes[-1]
        return {"a": num(a.value, 1), "b": num(b.value, 1), "g": num(g.value, 4),
                "dga": num(a.grad, 4), "dgb": num(b.grad, 4), "count": len(self.nodes) - 2}

    # --- the graph table ----------------------------------------------------------------

    def redraw(self) -> None:
        self.query_one("#ad-graph", Static).update(self.graph_text())

    def graph_text(self) -> Text:
        nodes = self.nodes
        phase, current = position(self.derivation.step, len(nodes))
        # What is filled in so far: values up to ``shown_values``, gradients from ``first_grad``.
        shown_values = {"intro": -1, "forward": current}.get(phase, len(nodes) - 1)
        first_grad = {"backward": current, "done": 0}.get(phase, len(nodes))
        marks: dict[str, str] = {}
        if phase == "forward":
            marks = {name: "‹in›" for name in nodes[current].inputs}
        elif phase == "backward":
            marks = {user.name: "‹user›" for user, _ in users(nodes, nodes[current].name)}
        focus = max(current, 0) if phase != "done" else len(nodes) - 1
        first = min(max(0, focus - TABLE_ROWS // 2), len(nodes) - TABLE_ROWS)
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"  {'node':<5} {'operation':<13} {'value':>11} {'grad ∂g/∂·':>12}\n", "bold")
        for index in range(first, first + TABLE_ROWS):
            n = nodes[index]
            is_current = index == current and phase in ("forward", "backward", "seed")
            text.append("▶ " if is_current else "  ", "bold")
            text.append(f"{n.name:<5} {('input' if n.kind == 'input' else n.expression):<13} ",
                        "bold" if is_current else "")
            text.append(f"{num(n.value, 4) if index <= shown_values else '·':>11} ")
            grad = num(n.grad, 4) if index >= first_grad else "·"
            text.append(f"{grad:>12}", "bold" if index >= first_grad else "dim")
            text.append(f" {marks.get(n.name, '')}\n")
        if not defined(nodes):
            text.append("g is undefined here: v₂₂ = 0 and 10/v₂₂ divides by zero", "bold")
        else:
            text.append(f"rows {first + 1}–{first + TABLE_ROWS} of {len(nodes)}", "dim")
            if phase not in ("intro", "forward"):
                text.append(f"  ·  g = {num(nodes[-1].value, 4)}  ·  ∂g/∂a = "
                            f"{num(nodes[0].grad, 4) if phase == 'done' else '?'}", "bold")
        return text
