"""Tests for init: model and Pilot."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.games.l2.init import BINS, histogram_strip, probe

SIZE = (80, 24)


def centres(stats) -> np.ndarray:
    return (stats.edges[:-1] + stats.edges[1:]) / 2


def test_histograms_show_what_each_start_does_to_the_signal():
    zero, large, xavier = (probe(init, 64, 6) for init in ("zeros", "large", "xavier_uniform"))
    # Zero: every unit of every layer outputs exactly 0, the middle bin.
    assert np.all(zero.counts[:, BINS // 2] == zero.counts.sum(axis=1))
    # Too large: almost everything in the two outer bins (pinned at ±1).
    outer = (large.counts[:, 0] + large.counts[:, -1]) / large.counts.sum(axis=1)
    assert np.all(outer > 0.85)
    # Xavier: a bell whose width shrinks layer by layer, matching the engine's own moments.
    assert np.all(np.diff(xavier.std) < 0) and 0.2 < xavier.std[-1] < 0.6
    for counts, mean, std in zip(xavier.counts, xavier.mean, xavier.std):
        p = counts / counts.sum()
        hist_mean = float(p @ centres(xavier))
        hist_std = float(np.sqrt(p @ (centres(xavier) - hist_mean) ** 2))
        width = xavier.edges[1] - xavier.edges[0]
        assert hist_mean == pytest.approx(mean, abs=width / 2)
        assert hist_std == pytest.approx(std, abs=width / 2)


def test_histogram_strip_scales_to_the_tallest_bin_and_never_hides_a_tail():
    assert histogram_strip([0, 1, 10, 0]) == " ▁█ "
    assert histogram_strip([5, 5]) == "██"
    assert histogram_strip([0, 0]) == "  "


async def test_init_histograms_and_calculator_follow_the_keys(opened):
    async with opened("l2.init") as (app, pilot, v):
        hist = app.screen.query_one("#init-hist")
        xavier = str(hist.render())
        assert xavier.count("▏σ") == 6
        await pilot.press("2")                                  # too large: pinned at ±1
        large = str(hist.render())
        assert large != xavier and "█" + "▁" * (BINS - 2) + "█" in large
        await pilot.press("right_square_bracket")               # a seventh layer
        assert str(hist.render()).count("▏σ") == 7 and v.depth == 7

        # the calculator recomputes the bounds
        await pilot.press("shift+right")                      # n_in 64 → 96
        assert v.n_in == 96
        assert v.values()["xavier_bound"] == pytest.approx((6 / (96 + 32)) ** 0.5)
        await pilot.press("down", "left")                     # n_out 32 → 31
        assert v.n_out == 31
        assert f"{(6 / 127) ** 0.5:.4f}" in str(app.screen.query_one("#init-calc").render())

        await pilot.press("pagedown")
        assert v.scroll_y > 0 and hist.region.y >= 1          # the picture stays in view


def test_snap_init_histograms(snap_compare, make_app):
    assert snap_compare(make_app("l2.init"), terminal_size=SIZE, press=["2"])
