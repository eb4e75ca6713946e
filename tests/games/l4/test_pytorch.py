"""From math to PyTorch: the module lines, the exported script and `nntui export --format pytorch`."""

from __future__ import annotations

import ast

import numpy as np
import pytest

from nntui import cli
from nntui.export_pytorch import SETUP_KEY, export_brain, module_lines
from nntui.games.l4.pytorch_model import MathToPytorch
from nntui.store import Store

SETUPS = [
    None,
    {"features": ["x1", "x2", "x1^2", "sin_x2"], "hidden": [3], "activation": "relu",
     "weight_seed": 7},
    {"problem": "regression", "dataset": "plane", "features": ["x1x2"], "hidden": [2, 2, 2],
     "activation": "sigmoid"},
    {"features": [], "hidden": [], "activation": "linear"},
]


def script_weights(script: str) -> list[tuple[np.ndarray, np.ndarray]]:
    """The WEIGHTS literal of a script, read without running it (no torch needed)."""
    for node in ast.parse(script).body:
        if isinstance(node, ast.Assign) and node.targets[0].id == "WEIGHTS":
            return [(np.array(W), np.array(b)) for W, b in ast.literal_eval(node.value)]
    raise AssertionError("no WEIGHTS in the script")


@pytest.mark.parametrize("setup", SETUPS)
def test_script_compiles_and_holds_the_engine_weights_exactly(setup):
    export = export_brain(setup)
    compile(export.script, "nntui_brain.py", "exec")
    weights = script_weights(export.script)
    net = export.playground.net
    assert len(weights) == len(net.weights)
    for (W, b), (W_net, b_net) in zip(weights, zip(net.weights, net.biases)):
        assert W.shape == W_net.shape and np.array_equal(W, W_net)
        assert np.array_equal(b, b_net)
    assert "freshly initialised" in export.note
    assert ("saved" in export.note) and (export.saved == (setup is not None))


@pytest.mark.parametrize("setup", SETUPS)
def test_script_predicts_what_the_engine_predicts(setup):
    torch = pytest.importorskip("torch")  # noqa: F841  (only where PyTorch is installed)
    export = export_brain(setup)
    namespace = {"__name__": "nntui_brain"}
    exec(compile(export.script, "nntui_brain.py", "exec"), namespace)
    points = np.array([[0.0, 0.0], [2.0, -1.5], [-4.0, 3.0], [5.5, 5.5]])
    got = namespace["predict"](namespace["build"](), points.tolist())
    pg = export.playground
    expected = pg.net.forward(pg.inputs(points))[:, 0]
    assert np.allclose(got, expected, rtol=0, atol=1e-12)


def test_script_features_are_the_engines():
    setup = {"features": ["x1", "x2", "x1^2", "x2^2", "x1x2", "sin_x1", "sin_x2"]}
    export = export_brain(setup)
    namespace: dict = {}
    source = ast.parse(export.script)
    keep = [n for n in source.body if isinstance(n, ast.Import) and n.names[0].name == "math"
            or isinstance(n, ast.FunctionDef) and n.name == "features"]
    exec(compile(ast.Module(keep, []), "f", "exec"), namespace)
    point = np.array([[1.3, -0.7]])
    assert np.allclose(namespace["features"](1.3, -0.7), export.playground.inputs(point)[0])


def test_module_lines_pair_every_layer_with_its_formula():
    lines = module_lines({"hidden": [4, 2]})
    linear = [l for l in lines if l.kind == "linear"]
    applied = [l for l in lines if l.kind == "apply"]
    assert [l.code.strip() for l in linear] == [
        "self.layer1 = nn.Linear(2, 4)", "self.layer2 = nn.Linear(4, 2)",
        "self.out = nn.Linear(2, 1)"]
    assert applied[0].maths == "h⁽¹⁾ = tanh(xW⁽¹⁾ + b⁽¹⁾)"
    assert applied[-1].maths == "ŷ = σ(h⁽²⁾W⁽³⁾ + b⁽³⁾)"
    assert max(len(l.code) for l in lines) <= 41


def test_live_values_are_the_engine_forward_pass():
    model = MathToPytorch(None)
    model.pick_point(2)
    while model.line.kind != "apply":
        model.move(1)
    zs, acts = model.export.playground.net.forward_trace(model.x[None, :])
    live = model.live()
    assert f"{acts[1][0, 0]:.3f}".replace("-", "−") in live[1]
    model.move(99)
    assert model.seen_all is False  # jumping to the end skips lines
    for _ in model.stops:
        model.move(-1)
    assert model.seen_all


def test_cli_exports_the_saved_setup(tmp_path, capsys):
    setup = {"features": ["x1", "x2"], "hidden": [5], "activation": "relu", "weight_seed": 3}
    with Store.open(tmp_path, "ann") as store:
        store.set_setting(SETUP_KEY, setup)
    out = tmp_path / "brain.py"
    assert cli.main(["export", "--format", "pytorch", "--learner", "ann",
                     "--data-dir", str(tmp_path), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "your saved Train a brain setup" in err and "freshly initialised" in err
    script = out.read_text(encoding="utf-8")
    compile(script, str(out), "exec")
    assert script == export_brain(setup).script
    assert "nn.Linear(5, 1)" in script


def test_cli_without_a_saved_network_exports_the_default(tmp_path, capsys):
    out = tmp_path / "brain.py"
    assert cli.main(["export", "--format", "pytorch", "--learner", "nobody",
                     "--data-dir", str(tmp_path), "--out", str(out)]) == 0
    assert "the default setup" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == export_brain(None).script


async def test_keys_walk_the_lines_and_export(opened, data_dir):
    async with opened("l4.pytorch") as (app, pilot, view):
        start = view.model.line_index
        await pilot.press("down", "down", "right")
        assert view.model.line_index > start and view.model.point == 1
        await pilot.press("e")
        written = data_dir / "nntui_brain.py"
        assert view.written == written
        compile(written.read_text(encoding="utf-8"), str(written), "exec")
        await pilot.pause()
        assert "l4.pytorch" in app.store.completed_sections()
