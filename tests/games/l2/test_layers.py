"""Tests for layers: model and Pilot."""

from __future__ import annotations

from nntui.games.l2.layers import MAX_DRAWN, layer_formula, node_heights, total_text

SIZE = (80, 24)


def test_total_never_repeats_a_single_term():
    assert total_text([4, 1]) == "5 parameters"                     # not "5 = 5 parameters"
    assert total_text([1, 1]) == "2 parameters"
    assert total_text([4, 8, 6, 1]) == "40 + 54 + 7 = 101 parameters"


def test_the_picked_layers_formula_has_its_numbers_filled_in():
    assert layer_formula([4, 8, 6, 1], 1) == "4·8 + 8 = 40"
    assert layer_formula([4, 308, 6, 1], 2) == "308·6 + 6 = 1,854"
    assert layer_formula([4, 8, 6, 1], 0) is None                   # the input has no weights


def test_drawn_neurons_grow_with_the_size_up_to_the_cap():
    assert [len(node_heights(n)) for n in (1, 4, 8, 9, 500)] == [1, 4, 8, MAX_DRAWN, MAX_DRAWN]
    ys = node_heights(4)
    assert ys == sorted(ys, reverse=True) and sum(ys) / 4 == MAX_DRAWN / 2   # centred
    assert all(a - b == 1 for a, b in zip(ys, ys[1:]))       # one row each: none overlap


def neurons_on(canvas) -> int:
    return sum(canvas.cell_text(r).count("●") + canvas.cell_text(r).count("◉")
               for r in range(canvas.cell_size.height))


async def test_layers_picture_follows_the_keys_and_stays_in_view(opened):
    async with opened("l2.layers") as (app, pilot, v):
        canvas = app.screen.query_one("#layers-net")
        assert v.sizes == [4, 8, 6, 1] and v.total == 101
        assert neurons_on(canvas) == 4 + 8 + 6 + 1
        await pilot.press("down")                            # hidden layer 1: 8 → 7
        assert neurons_on(canvas) == 4 + 7 + 6 + 1
        counter = str(app.screen.query_one("#layers-counter").render())
        assert "4·7 + 7 = 35" in counter and "hidden 1 · 7 units" in counter
        await pilot.press("a")                               # another hidden layer of 7
        assert v.sizes == [4, 7, 7, 6, 1]
        assert neurons_on(canvas) == 4 + 7 + 7 + 6 + 1
        await pilot.press("shift+up")                        # 7 → 17 by key …
        for _ in range(29):                                  # … → 307: drawn as 8 and ⋮
            v.action_resize(10)
        text = "".join(canvas.cell_text(r) for r in range(canvas.cell_size.height))
        assert "⋮" in text and "[307]" in text
        await pilot.press("x", "r")
        assert v.sizes == [4, 8, 6, 1]
        assert "101 parameters" in str(app.screen.query_one("#layers-counter").render())

        # The shared axis keys: h/l and j/k do what ←/→ and ↓/↑ do, in every game that moves.
        before = list(v.sizes)
        await pilot.press("k")  # ↑: the picked hidden layer grows by one
        assert v.sizes[v.picked] == before[v.picked] + 1
        await pilot.press("shift+up")  # grows by ten
        assert v.sizes[v.picked] == before[v.picked] + 11
        await pilot.press("j")
        assert v.sizes[v.picked] == before[v.picked] + 10
        picked = v.picked
        await pilot.press("l")
        assert v.picked == picked + 1

        await pilot.press("pagedown", "pagedown")           # the text scrolls …
        assert v.scroll_y > 0
        top = app.screen.query_one("#layers-top")
        assert top.region.y >= 1 and top.region.bottom <= SIZE[1] - 1  # … the picture stays
        assert "l2.layers" in app.store.completed_sections()


def test_snap_layers_picture(snap_compare, make_app):
    assert snap_compare(make_app("l2.layers"), terminal_size=SIZE, press=["a", "shift+up"])
