"""Pooling: the windows and the pooled map against a loop and the size formula."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.games.l4.pooling_model import Pooling


def loop_pool(x, stride, mode):
    size = (len(x) - 2) // stride + 1
    out = np.zeros((size, size))
    for r in range(size):
        for c in range(size):
            window = x[r * stride:r * stride + 2, c * stride:c * stride + 2]
            out[r, c] = window.max() if mode == "max" else window.mean()
    return out


@pytest.mark.parametrize("mode,stride,size", [("max", 2, 4), ("avg", 2, 4), ("max", 1, 7),
                                              ("avg", 1, 7)])
def test_pooled_map_matches_a_loop_window_by_window(mode, stride, size):
    model = Pooling(mode=mode, stride=stride)
    assert model.out_size == (8 - 2) // stride + 1 == size
    expected = loop_pool(model.fmap, stride, mode)
    assert np.allclose(model.pooled(), expected)
    values = []
    while model.advance():
        step = model.current()
        if mode == "max":
            assert step.window[step.winner] == step.value
        values.append(step.value)
    assert np.allclose(np.reshape(values, (size, size)), expected)


def test_switching_starts_over():
    model = Pooling()
    model.advance()
    model.switch_mode()
    assert model.mode == "avg" and model.revealed == 0
    model.switch_stride()
    assert model.stride == 1 and model.total == 49


async def test_keys_play_the_windows(opened):
    async with opened("l4.pooling") as (app, pilot, view):
        await pilot.press("m", "t", "s", "s")
        m = view.model
        assert (m.mode, m.stride, m.revealed) == ("avg", 1, 2)
        await pilot.press("s")  # by key once, then straight to the view
        for _ in range(46):
            view.action_step()
        assert m.done
        await pilot.pause()
        assert "l4.pooling" in app.store.completed_sections()
