"""Convolution: the model (engine output, size formula, challenges) and the section's keys."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.engine.conv import KERNELS
from nntui.games.l4.conv_model import CHALLENGES, N, ConvGame

SIZE = (80, 24)


def loop_conv(image, kernel, stride, padding):
    """A plain loop over windows: the definition, written out."""
    x = np.pad(image, padding)
    k = len(kernel)
    size = (len(x) - k) // stride + 1
    out = np.zeros((size, size))
    for r in range(size):
        for c in range(size):
            out[r, c] = sum(x[r * stride + i, c * stride + j] * kernel[i][j]
                            for i in range(k) for j in range(k))
    return out


@pytest.mark.parametrize("padding,stride,size", [(0, 1, 6), (1, 1, 8), (2, 1, 10), (0, 2, 3),
                                                 (1, 2, 4), (2, 3, 4), (1, 3, 3)])
def test_output_size_follows_the_formula_and_the_cells_match_a_loop(padding, stride, size):
    game = ConvGame()
    game.image[1, 6] = 1.0
    game.pick("sobel_x")
    while game.padding != padding:
        game.cycle_padding()
    while game.stride != stride:
        game.cycle_stride()
    assert game.out_size == (N + 2 * padding - 3) // stride + 1 == size
    expected = loop_conv(game.image, KERNELS["sobel_x"], stride, padding)
    assert np.allclose(game.feature_map(), expected)
    revealed = []
    while game.advance():
        step = game.current()
        assert step.total == pytest.approx(float(np.sum(step.window * game.kernel)))
        revealed.append(step.total)
    assert np.allclose(np.reshape(revealed, (size, size)), expected)


def test_editing_a_pixel_or_the_kernel_starts_the_window_again():
    game = ConvGame()
    game.advance()
    game.toggle()
    assert game.revealed == 0
    game.advance()
    game.nudge(1)
    assert game.revealed == 0 and game.kernel_name == "own" and game.own[1, 1] == 0.5


def passes(kernel) -> set[str]:
    return {c.id for c in CHALLENGES if c.check(np.asarray(kernel, dtype=float))}


def test_challenges_judge_what_the_kernel_does_to_test_images():
    assert passes(KERNELS["horizontal_edge"]) == {"horizontal"}
    assert passes(KERNELS["sobel_y"]) == {"horizontal"}
    assert passes(KERNELS["vertical_edge"]) == {"vertical"}
    assert passes(KERNELS["box_blur"]) == {"blur"}
    assert passes(KERNELS["gaussian_blur"]) == {"blur"}
    assert passes(KERNELS["sharpen"]) == set()  # negative weights: not a blur
    assert passes(KERNELS["identity"]) == set()  # keeps a flat image, but spreads nothing
    assert passes(np.zeros((3, 3))) == set()
    # a horizontal-edge kernel that also sees vertical edges (its columns do not balance)
    assert passes([[1, 1, 0], [0, 0, 0], [-1, -1, -1]]) == set()
    assert passes([[2, 2, 2], [0, 0, 0], [-2, -2, -2]]) == {"horizontal"}


def test_own_kernel_wins_each_challenge_once():
    game = ConvGame()
    assert [c.id for c in game.set_own(KERNELS["horizontal_edge"])] == ["horizontal"]
    assert game.set_own(KERNELS["horizontal_edge"]) == []
    assert [c.id for c in game.set_own(np.full((3, 3), 1 / 9))] == ["blur"]
    assert game.passed == {"horizontal", "blur"}


async def test_keys_draw_edit_and_win(opened):
    async with opened("l4.conv") as (app, pilot, view):
        game = view.game
        before = game.image[0, 1]
        await pilot.press("right", "space")
        assert game.image[0, 1] == 1.0 - before
        await pilot.press("a", "t")
        assert (game.padding, game.stride) == (1, 2) and game.out_size == 4
        await pilot.press("s", "s")
        assert game.revealed == 2
        # build a horizontal-edge finder by keys: top row +1, bottom row −1
        await pilot.press("e", "up", "left", "+", "+", "right", "+", "+", "right", "+", "+",
                          "down", "down", "-", "-", "left", "-", "-", "left", "-", "-")
        assert np.array_equal(game.own, KERNELS["horizontal_edge"])
        await pilot.pause()
        (attempt,) = app.store.attempts("l4.conv")
        assert attempt.won and attempt.details["challenge"] == "horizontal"


def test_snap_conv(snap_compare, make_app):
    assert snap_compare(make_app("l4.conv"), terminal_size=SIZE,
                        press=["a", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s"])
