import subprocess
import sys


def test_engine_imports_no_ui():
    code = (
        "import sys, nntui.engine\n"
        "bad = [m for m in ('textual', 'rich', 'plotext') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"nntui.engine pulled in {out.stdout.strip()}"


def test_engine_sources_never_mention_ui_packages():
    import pathlib

    import nntui.engine

    root = pathlib.Path(nntui.engine.__file__).parent
    for f in root.glob("*.py"):
        text = f.read_text()
        for name in ("textual", "rich", "plotext", "scipy"):
            assert f"import {name}" not in text and f"from {name}" not in text, f"{f.name}: {name}"


# Every name `nntui.engine` re-exported before the imports became lazy.
OLD_NAMES = [
    "activations", "data", "init", "losses", "mlp", "neuron", "optim", "params", "perceptron",
    "schedules", "surfaces",
    "ACTIVATIONS", "max_slope", "softmax", "FEATURES", "features", "make", "split", "INITS",
    "LOSSES", "MLP", "accuracy", "grid_predict", "train_epoch", "train_step", "neuron_output",
    "OPTIMIZERS", "SGD", "Momentum", "RMSprop", "Adam", "AdamW", "Lion", "GATES", "Perceptron",
    "SCHEDULES", "SURFACES", "path",
]


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_importing_the_engine_loads_no_submodule_and_no_numpy():
    code = (
        "import sys, nntui.engine\n"
        "print(sorted(m for m in sys.modules if m.startswith('nntui.engine.') or m == 'numpy'))\n"
        "nntui.engine.MLP\n"
        "print('nntui.engine.mlp' in sys.modules, 'nntui.engine.surfaces' in sys.modules)\n"
    )
    assert _run(code).splitlines() == ["[]", "True False"]


def test_every_old_name_still_resolves_to_its_submodule_object():
    import importlib

    from nntui import engine

    for name in OLD_NAMES:
        assert getattr(engine, name) is not None, name
    from nntui.engine import MLP, SGD, make, neuron_output, params, train_step
    from nntui.engine.mlp import MLP as MLP2
    from nntui.engine.neuron import neuron

    assert MLP is MLP2 and neuron_output is neuron
    assert SGD is importlib.import_module("nntui.engine.optim").SGD
    assert params is importlib.import_module("nntui.engine.params")
    assert callable(make) and callable(train_step)
    assert set(OLD_NAMES) <= set(dir(engine)) and set(OLD_NAMES) <= set(engine.__all__)


def test_unknown_names_raise_attribute_error_and_new_submodules_import_normally(tmp_path):
    (tmp_path / "added_later.py").write_text("VALUE = 42\n")
    code = (
        "import nntui.engine as e\n"
        f"e.__path__.append({str(tmp_path)!r})\n"
        "from nntui.engine import added_later\n"
        "import nntui.engine.added_later as again\n"
        "print(added_later.VALUE, again is added_later)\n"
        "try:\n"
        "    e.no_such_name\n"
        "except AttributeError:\n"
        "    print('AttributeError')\n"
    )
    assert _run(code).splitlines() == ["42 True", "AttributeError"]


def test_every_advertised_name_resolves():
    from nntui import engine

    for name in engine.__all__:
        assert getattr(engine, name) is not None, name
    from nntui.engine import Tensor, attention, autograd, rnn, transformer

    assert Tensor is autograd.Tensor and callable(attention.attention)
    assert rnn.train and transformer.train_reverser
