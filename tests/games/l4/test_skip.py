"""Skip connections: residual gradients survive depth; the section's keys."""

from __future__ import annotations

import numpy as np

from nntui.engine.deep import gradient_norms
from nntui.games.l4.skip_model import WIDTH, Skip, log_rows


def test_residual_norms_stay_above_plain_at_depth_20():
    model = Skip(depth=20)
    assert np.array_equal(model.plain, gradient_norms(20, WIDTH, "sigmoid"))
    assert np.all(model.residual > model.plain)
    # the plain stack's first layer gets almost nothing; the residual one keeps its size
    assert model.plain[0] < 1e-9 < 0.1 < model.residual[0]
    assert model.ratio() > 1e8


def test_the_animation_reaches_layer_one_last():
    model = Skip(depth=4)
    assert not any(model.shown(l) for l in range(1, 5))
    model.advance()
    assert model.shown(4) and not model.shown(3)
    while model.advance():
        pass
    assert model.done and model.shown(1)


def test_log_rows_scale():
    assert log_rows(1e-5, -10, 0, 10) == 5.0
    assert log_rows(1e3, -10, 0, 10) == 10.0 and log_rows(0.0, -10, 0, 10) == 0.0


async def test_keys_depth_activation_and_play(opened):
    async with opened("l4.skip") as (app, pilot, view):
        await pilot.press("left", "a")
        assert view.model.depth == 19 and view.model.activation == "tanh"
        await pilot.press("s")  # by key once, then straight to the view
        for _ in range(18):
            view.action_step()
        assert view.model.done
        await pilot.pause()
        assert "l4.skip" in app.store.completed_sections()
        assert "Layer 1 receives" in str(view.query_one("#sk-caption").render())
