"""fx.autodiff: micrograd's check reproduced by the engine; the chain-rule sums shown equal it."""

from __future__ import annotations

import math

import pytest

from nntui.games.fx.autodiff import derivation_lines, position
from nntui.games.fx.autodiff_model import adjoint, adjoint_formula, bar, defined, trace
from nntui.widgets.derivation import LINE_WIDTH


def test_micrograds_check():
    nodes = trace(-4.0, 2.0)
    a, b, g = nodes[0], nodes[1], nodes[-1]
    assert round(g.value, 4) == 24.7041
    assert round(a.grad, 4) == 138.8338
    assert round(b.grad, 4) == 645.5773


@pytest.mark.parametrize("a, b", [(-4.0, 2.0), (1.5, -2.0), (4.0, 3.5)])
def test_every_chain_rule_sum_equals_the_engines_gradient(a, b):
    nodes = trace(a, b)
    for n in nodes:
        assert adjoint(nodes, n.name) == pytest.approx(n.grad, rel=1e-12, abs=1e-12), n.name
    h = 1e-6  # and the gradients match central differences of g
    for i, (da, db) in enumerate([(h, 0.0), (0.0, h)]):
        slope = (trace(a + da, b + db)[-1].value - trace(a - da, b - db)[-1].value) / (2 * h)
        assert nodes[i].grad == pytest.approx(slope, rel=1e-6)


def test_the_formulas_name_every_user():
    nodes = trace()
    assert adjoint_formula(nodes, "a") == "v̄₁ + b·v̄₂ − v̄₈ + v̄₁₂ − v̄₁₇"
    assert adjoint_formula(nodes, "v₂₂") == "(1/2)·v̄₂₃ + (−10/v₂₂²)·v̄₂₄"


def test_g_is_undefined_where_v22_is_zero():
    assert not defined(trace(3.0, 0.0)) and defined(trace(-4.0, 2.0))


def test_steps_walk_forward_then_backward():
    count = len(trace())
    lines = derivation_lines(trace())
    assert len(lines) == 2 + count + 1 + count + 1
    assert max(len(line) for line in lines) <= LINE_WIDTH
    assert position(2, count) == ("forward", 0)
    assert position(2 + count, count) == ("seed", count - 1)
    assert position(3 + count, count) == ("backward", count - 1)
    assert position(2 + 2 * count, count) == ("backward", 0)
    assert lines[-1] == "one backward pass gave both: ∂g/∂a = 138.8338, ∂g/∂b = 645.5773"


async def test_b_from_the_next_section_then_stepping_fills_the_graph_and_a_recomputes_it(
        opened):
    async with opened("fx.convergence") as (app, pilot, view):
        await pilot.press("b")  # b on the first line goes to the previous section
        await pilot.pause()
        assert app.screen.current == "fx.autodiff"

        view = app.screen.view
        graph = app.screen.query_one("#ad-graph")
        assert "24.7041" not in str(graph.render())  # nothing computed yet
        count = len(view.nodes)
        await pilot.press("s", "s", "s")  # intro, intro, a = given
        assert "−4.0000" in str(graph.render()) and "24.7041" not in str(graph.render())
        view.derivation.go_to(1 + count)  # the last node of the forward pass …
        await pilot.press("s")  # … then the line that starts the backward pass
        assert "g = 24.7041" in str(graph.render())
        await pilot.press("s")  # ḡ = 1: the last node's gradient appears
        assert view.derivation.current == f"{bar('g')} = ∂g/∂g = 1.0000"
        await pilot.press("b", "s")
        assert view.derivation.step == 3 + count
        await pilot.press("right", "right")  # a: −4 → −3, everything recomputed
        assert view.a == -3.0 and view.nodes[0].value == -3.0
        assert math.isclose(view.nodes[0].grad, trace(-3.0, 2.0)[0].grad)
        assert view.derivation.step == 3 + count  # the place is kept
