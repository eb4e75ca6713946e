"""Inside a transformer: model, Pilot and an 80×24 snapshot."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from nntui.engine.transformer import LENGTH, unseen_sequences
from nntui.games.l3.transformer_model import STAGES, Inspector, load_or_train, weight_file

SIZE = (80, 24)


@pytest.fixture(scope="module")
def trained_folder(tmp_path_factory):
    """One real training (about two seconds) shared by the tests, kept as a weight file."""
    folder = tmp_path_factory.mktemp("reverser")
    model, from_file = load_or_train(folder)
    assert not from_file and weight_file(folder).is_file()
    return folder


@pytest.fixture
def model(trained_folder):
    model, from_file = load_or_train(trained_folder)
    assert from_file
    return model


@pytest.fixture
def with_weights(trained_folder, data_dir):
    """The learner's data folder already holds the trained weights (no training in Pilot)."""
    target = weight_file(data_dir)
    target.parent.mkdir(parents=True)
    shutil.copy(weight_file(trained_folder), target)


def test_attention_rows_sum_to_one_and_form_the_anti_diagonal(model):
    for digits in [(3, 1, 4, 1, 5), *unseen_sequences(model, 5)]:
        ins = Inspector(model, digits)
        A = ins.attention
        assert A.shape == (LENGTH, LENGTH)
        np.testing.assert_allclose(A.sum(axis=1), 1.0, atol=1e-12)
        assert list(A.argmax(axis=1)) == list(range(LENGTH))[::-1]
        assert ins.correct


def test_stages_are_the_engine_arrays_in_diagram_order(model):
    ins = Inspector(model)
    engine = model.stages(np.array(ins.digits))
    assert [key for key, _, _ in STAGES] == [s.name for s in engine]
    for stage in engine:
        np.testing.assert_array_equal(ins.stages[stage.name].value, stage.value)
    assert ins.stages["embed"].value.shape == (LENGTH, 32)
    assert ins.stages["logits"].value.shape == (LENGTH, 10)
    np.testing.assert_allclose(ins.probabilities.sum(axis=1), 1.0)


def test_editing_the_input_recomputes_and_stepping_lights_each_stage(model):
    ins = Inspector(model)
    ins.move(-1)
    ins.change(1)  # the last digit 5 → 6
    assert ins.cursor == LENGTH - 1 and ins.digits[-1] == 6 and ins.prediction[0] == 6
    lit = []
    while True:
        going = ins.advance()
        lit.append(ins.stage.name)
        if not going:
            break
    assert lit == [key for key, _, _ in STAGES] and ins.done


async def test_transformer_by_keys(opened, with_weights):
    async with opened("l3.transformer") as (app, pilot, view):
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.loaded_from_file and view.inspector is not None
        await pilot.press("s", "s")
        assert STAGES[view.inspector.lit][0] == "attention"
        assert "┏" in str(app.screen.query_one("#tf-diagram").render())
        await pilot.press("9", "up")  # first digit 9, cursor moves on; the second 1 → 2
        assert view.inspector.digits[:2] == [9, 2]
        heat = str(app.screen.query_one("#tf-heatmap").render())
        assert heat.count("1.00") >= LENGTH  # each row's sum, shown
        await pilot.press("s", "s", "s")
        assert view.inspector.done and "l3.transformer" in app.store.completed_sections()


def test_snap_transformer(snap_compare, make_app, with_weights):
    async def ready(pilot):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app("l3.transformer"), terminal_size=SIZE, run_before=ready,
                        press=["s", "s"])
