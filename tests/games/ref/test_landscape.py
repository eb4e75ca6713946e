"""ref.landscape: the Level 3 race model on the bowl, four classic optimizers, one lr."""

from __future__ import annotations

import numpy as np

from nntui.engine.optim import OPTIMIZERS
from nntui.engine.surfaces import SURFACES, path
from nntui.games.l3.optimizer_race_model import OptimizerRace
from nntui.games.ref.landscape import CLASSIC, LandscapeView


async def test_one_lr_drives_all_four_and_paths_are_the_engines(opened):
    async with opened("ref.landscape") as (app, pilot, view):
        assert isinstance(view, LandscapeView)
        race = view.race
        assert isinstance(race, OptimizerRace)  # the Level 3 model, reused
        assert race.surface.formula == "f(x, y) = 0.05x² + 5y²"
        assert set(race.racers) == set(CLASSIC)
        await pilot.press("right", "right")  # 0.15 → 0.19 → 0.2
        await pilot.pause()
        assert race.lr == race.adaptive_lr == 0.2
        await pilot.press("f")  # the surface is fixed here
        await pilot.press("s", "s")
        await pilot.pause()
        assert race.surface.name == "bowl" and race.k > 0
        for name in CLASSIC:
            expected = path(SURFACES["bowl"], OPTIMIZERS[name](0.2), race.start, race.steps)
            assert np.allclose(race.lanes[name].position(race.k), expected.points[race.k])
        await pilot.press("right", "right")  # 0.25: SGD is past 2/λ_max and blows up
        await pilot.press("e")
        await pilot.pause()
        assert race.lanes["sgd"].diverged(race.k)
        assert not race.lanes["adam"].diverged(race.k)
