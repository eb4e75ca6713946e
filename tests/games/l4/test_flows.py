"""Normalizing flows: stepping forward and back through a trained flow, the cache, the keys."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.games.l4.flows import CACHE_KEY
from nntui.games.l4.flows_model import CHUNK_STEPS, N_LAYERS, TOTAL_STEPS, Flows


@pytest.fixture(scope="module")
def trained() -> Flows:
    model = Flows("moons")
    for _ in range(6):
        model.train_chunk()
    return model


def test_training_lowers_the_nll_and_moves_the_cloud(trained):
    fresh = Flows("moons")
    target = fresh.target_points
    assert trained.steps == 6 * CHUNK_STEPS
    assert trained.flow.nll(target) < fresh.flow.nll(target) - 0.2
    assert np.abs(trained.stage_cloud(N_LAYERS) - trained.start).max() > 0.1


def test_forward_then_reverse_returns_to_the_start(trained):
    model = Flows("moons")
    model.restore(trained.snapshot())
    assert not model.reverse()  # nothing before the first step
    while model.forward():
        assert model.max_error == 0.0  # forward step by step = forward from the start
    assert model.stage == N_LAYERS and not model.forward()
    assert np.abs(model.cloud - model.start).max() > 0.1
    while model.reverse():
        assert model.max_error < 1e-10
    assert model.stage == 0
    assert 0 < np.abs(model.cloud - model.start).max() < 1e-10


def test_step_logdets_add_up_to_the_flows_log_det(trained):
    _, total = trained.flow.forward(trained.start)
    assert sum(trained.step_logdets()) == pytest.approx(total.mean(), abs=1e-12)


def test_snapshot_restores_the_same_flow_only_for_its_target(trained):
    saved = trained.snapshot()
    model = Flows("moons")
    assert model.restore(saved) and model.steps == trained.steps
    assert np.array_equal(model.stage_cloud(N_LAYERS), trained.stage_cloud(N_LAYERS))
    ring = Flows("ring")
    assert not ring.restore(saved) and ring.steps == 0
    assert not model.restore({"target": "moons", "params": [[1.0]], "steps": 3})


async def test_keys_train_step_and_come_back(opened):
    async with opened("l4.flows") as (app, pilot, view):
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        m = view.model
        assert m.steps == view.STEP_CHUNKS * CHUNK_STEPS and m.nll is not None
        await pilot.press("right", "right", "right")
        assert m.stage == 3
        await pilot.press("left", "left", "left")
        assert m.stage == 0 and m.max_error < 1e-10
        await pilot.press("t")
        assert m.target == "ring" and m.steps == 0
        # A trained moons flow kept in the store comes back without training.
        kept = Flows("moons").snapshot()
        kept["steps"] = TOTAL_STEPS
        app.store.set_setting(CACHE_KEY, {"moons": kept})
        await pilot.press("t")
        assert m.target == "moons" and m.trained
