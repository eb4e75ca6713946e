from __future__ import annotations

import numpy as np
from textual.app import App, ComposeResult

from nntui.widgets.network import NetworkDiagram, weight_mark


class NetApp(App[None]):
    def compose(self) -> ComposeResult:
        yield NetworkDiagram([2, 8, 8, 1])


def weights() -> list[np.ndarray]:
    rng = np.random.default_rng(1)
    return [rng.normal(size=(2, 8)), rng.normal(size=(8, 8)), rng.normal(size=(8, 1))]


async def test_2_8_8_1_fits_80_columns_and_shows_values() -> None:
    app = NetApp()
    async with app.run_test(size=(80, 24)) as pilot:
        diagram = app.query_one(NetworkDiagram)
        diagram.set_values([[0.5, -0.25], np.linspace(0, 1, 8), np.zeros(8), [0.67]])
        diagram.set_weights(weights())
        await pilot.pause()
        assert diagram.size.width <= 80
        assert diagram.size.height <= 18
        lines = diagram.render().plain.split("\n")
        assert len(lines) == diagram.size.height
        assert all(len(line) <= 80 for line in lines)
        text = "\n".join(lines)
        assert "0.67" in text and "−0.25" in text
        assert text.count("○") == 2 + 8 + 8 + 1
        # every weight is drawn: one mark per edge into each node
        marks = sum(text.count(c) for c in "▲△▼▽·")
        assert marks >= 2 * 8 + 8 * 8 + 8
        rendered = diagram.render_lines(diagram.region.reset_offset)
        assert len(rendered) == diagram.size.height


async def test_weight_marks_follow_sign_and_size() -> None:
    marks = [weight_mark(w, 2.0) for w in (2.0, 0.5, -2.0, -0.5, 0.01)]
    assert marks == ["▲", "△", "▼", "▽", "·"]
    # Sign and size read from the shape alone: no mark is a wire or bus character.
    wires = set("─│┌┐└┘├┤┬┴┼▸")
    assert not wires & set(marks) and len(set(marks)) == 5
    app = App()
    async with app.run_test(size=(80, 24)) as pilot:
        diagram = NetworkDiagram([2, 1])
        await app.mount(diagram)
        diagram.set_weights([[[1.0], [-1.0]]])
        await pilot.pause()
        assert "▲▼▸" in diagram.render().plain


async def test_highlight_uses_characters_not_only_colour() -> None:
    app = NetApp()
    async with app.run_test(size=(80, 24)) as pilot:
        diagram = app.query_one(NetworkDiagram)
        diagram.set_values([[1.0, 0.0], np.full(8, 0.5), np.full(8, 0.25), [0.9]])
        diagram.set_weights(weights())
        diagram.highlight(node=(1, 3))
        await pilot.pause()
        text = diagram.render().plain
        assert text.count("◉") >= 1 and text.count("○") == 18
        assert "h1[4] = 0.5" in text
        diagram.set_values([[1.0, 0.0], np.full(8, -0.25), np.full(8, 0.25), [0.9]])
        await pilot.pause()
        assert "h1[4] = −0.25" in diagram.render().plain      # a true minus, as elsewhere
        diagram.highlight(edge=(0, 1, 3))
        await pilot.pause()
        text = diagram.render().plain
        assert "↑" in text and "◉" not in text
        w = weights()[0][1, 3]
        assert f"in[2]→h1[4] = {w:+.3g}" in text
        diagram.highlight(path=[(0, 0), (1, 2), (2, 5), (3, 0)])
        await pilot.pause()
        assert diagram.highlighted[1] == {(0, 0, 2), (1, 2, 5), (2, 5, 0)}
        assert diagram.render().plain.count("◉") >= 4
        diagram.clear_highlight()
        await pilot.pause()
        text = diagram.render().plain
        assert "◉" not in text and "↑" not in text


async def test_unset_nodes_show_a_dot_not_nan():
    from textual.app import App

    from nntui.widgets.network import NetworkDiagram

    class Host(App):
        def compose(self):
            yield NetworkDiagram([2, 3, 1])

    app = Host()
    async with app.run_test(size=(80, 24)):
        diagram = app.query_one(NetworkDiagram)
        diagram.set_values([[0.25, None], None, None])
        text = diagram.render().plain
        assert "0.25" in text and "nan" not in text
        assert "○   ·" in text or "○  ·" in text


async def test_badge_replaces_the_circle_and_minus_is_a_true_minus():
    from textual.app import App

    from nntui.widgets.network import NetworkDiagram

    class Host(App):
        def compose(self):
            yield NetworkDiagram([2, 1])

    app = Host()
    async with app.run_test(size=(80, 24)):
        diagram = app.query_one(NetworkDiagram)
        diagram.set_values([[-0.5, 0.25], [0.75]])
        diagram.set_badge((1, 0), "★")
        text = diagram.render().plain
        assert "★  0.75" in text and "−0.50" in text and "-0.50" not in text
        diagram.set_badge((1, 0), None)
        assert "★" not in diagram.render().plain


async def test_layer_names_name_the_highlight_too():
    from textual.app import App

    from nntui.widgets.network import NetworkDiagram

    class Host(App):
        def compose(self):
            yield NetworkDiagram([2, 3, 1], layer_names=["x", "hidden", "y"])

    app = Host()
    async with app.run_test(size=(80, 24)):
        diagram = app.query_one(NetworkDiagram)
        diagram.set_values([[1, 0], [0.1, 0.2, 0.3], [0.5]])
        diagram.highlight(node=(1, 1))
        text = diagram.render().plain
        assert "hidden (3)" in text and "◉ hidden[2] = 0.2" in text and "h1[" not in text


async def test_spacing_one_packs_the_nodes_on_adjacent_rows() -> None:
    class Compact(App[None]):
        def compose(self) -> ComposeResult:
            yield NetworkDiagram([2, 8, 8, 1], spacing=1)

    app = Compact()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        diagram = app.query_one(NetworkDiagram)
        assert diagram.size.height == 8 + 2  # one row per node, captions, legend
        assert diagram.render().plain.count("○") == 2 + 8 + 8 + 1
