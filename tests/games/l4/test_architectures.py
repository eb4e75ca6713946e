"""The architecture family: tile data, the cursor, jump targets, and opening a section."""

from nntui import sections
from nntui.games.l4.architectures import jump_target
from nntui.games.l4.architectures_model import COLUMNS, Family, load_tiles

FAMILY = ["MLP", "CNN", "RNN / LSTM", "Transformer", "Seq2Seq", "Autoencoder", "U-Net", "GAN",
          "VAE", "Normalizing flow", "GNN", "Mixture of experts", "Diffusion"]


def test_every_member_of_the_family_has_a_full_tile():
    tiles = load_tiles()
    assert [t.title for t in tiles] == FAMILY
    for tile in tiles:
        assert tile.what and tile.use and tile.equation
        assert "-" not in tile.equation.replace("top-k", "")  # true minus signs


def test_every_jump_target_exists_and_only_ready_ones_open():
    for tile in load_tiles():
        if tile.section is not None:
            section = sections.get(tile.section)  # KeyError if the id is wrong
            assert jump_target(tile) == (section if section.ready else None)
    gan = next(t for t in load_tiles() if t.title == "GAN")
    assert jump_target(gan).id == "l4.gan"


def test_the_cursor_moves_on_the_grid_and_stops_at_the_edges():
    family = Family()
    family.move(-1, -1)
    assert family.index == 0
    family.move(1, 1)
    assert family.index == COLUMNS + 1
    family.move(5, 5)  # the last row holds only Diffusion
    assert family.tile.title == "Diffusion"
    for dy in range(4):
        for dx in range(COLUMNS):
            family.index = 0
            family.move(dx, dy)
    assert family.all_seen


async def test_arrows_pick_a_tile_and_enter_opens_its_section(opened):
    async with opened("l4.architectures") as (app, pilot, view):
        await pilot.press("down", "right", "right", "right")
        assert view.model.tile.title == "GAN"
        assert "open its section" in str(view.detail())
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.view.section.id == "l4.gan"
