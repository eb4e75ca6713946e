"""U-Net: the shape at every stage for two input sizes, skips on and off; the pulse by keys."""

import pytest

from nntui.games.l4.unet_model import UNet, stages, up_conv_output_size


def shapes(size, skips=True):
    return {s.name: s.shape for s in stages(size, 1, 16, skips)}


@pytest.mark.parametrize("size", [64, 128])
def test_shapes_at_every_stage(size):
    h = size
    assert shapes(size) == {
        "input": (h, h, 1),
        "enc 1": (h, h, 16), "enc 2": (h // 2, h // 2, 32), "enc 3": (h // 4, h // 4, 64),
        "bottom": (h // 8, h // 8, 128),
        "dec 3": (h // 4, h // 4, 64), "dec 2": (h // 2, h // 2, 32), "dec 1": (h, h, 16),
        "output": (h, h, 2),
    }


def test_what_the_decoder_receives_with_and_without_skips():
    on = {s.name: s for s in stages(128, 3, 16, True)}
    off = {s.name: s for s in stages(128, 3, 16, False)}
    assert on["dec 3"].up == (32, 32, 64) and on["dec 3"].skip == on["enc 3"].shape
    assert [on[f"dec {i}"].joined[2] for i in (3, 2, 1)] == [128, 64, 32]
    assert [off[f"dec {i}"].joined[2] for i in (3, 2, 1)] == [64, 32, 16]
    assert off["dec 1"].skip is None and off["dec 1"].shape == on["dec 1"].shape
    # the first conv of dec 1 sees 32 channels instead of 16: 3·3·16·16 more weights
    assert on["dec 1"].params - off["dec 1"].params == 9 * 16 * 16


def test_parameter_count_matches_the_classic_unet():
    # four levels, 64 filters, padded convs: the widely quoted 31.03 M parameters
    assert sum(s.params for s in stages(572, 1, 64, True, depth=4)) == 31_030_658
    assert up_conv_output_size(7) == 14


async def test_keys_move_the_pulse_and_change_the_shapes(opened):
    async with opened("l4.unet") as (app, pilot, view):
        await pilot.press("s", "s", "s", "s")
        assert view.model.here.name == "bottom"
        await pilot.press("right", "c")
        assert view.model.here.shape == (16, 16, 128)
        assert "128×128×3" in str(view.path())
        await pilot.press("space")
        assert not view.model.skips and "no skip" in str(view.path())
        await pilot.press(*"ssss")
        assert view.model.done and "l4.unet" in app.store.completed_sections()
        await pilot.press("r")
        assert view.model.pulse == 0
