"""The import arrows of DESIGN.md: the engine, every pure model, the quiz logic and the store never
pull in the UI (Textual, Rich or plotext)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nntui

UI = ("textual", "rich", "plotext", "textual_plotext")
ROOT = Path(nntui.__file__).parent


def _module(path: Path) -> str:
    return ".".join(path.relative_to(ROOT.parent).with_suffix("").parts)


def pure_modules() -> list[str]:
    engine = [p for p in (ROOT / "engine").glob("*.py") if p.name != "__init__.py"]
    quiz = [p for p in (ROOT / "quiz").glob("*.py") if p.name != "__init__.py"]
    models = list((ROOT / "games").rglob("*_model.py"))
    names = [_module(p) for p in sorted(engine + quiz + models)]
    return ["nntui.engine", "nntui.quiz", "nntui.store", "nntui.sections", "nntui.cli", *names]


def test_the_list_covers_engine_models_quiz_and_store():
    names = pure_modules()
    assert "nntui.engine.mlp" in names and "nntui.store" in names
    assert "nntui.games.l1.tune_neuron_model" in names and "nntui.quiz.session" in names


def test_no_pure_module_imports_the_ui():
    # One interpreter imports the modules one by one; the first after which a UI package is
    # loaded is the culprit.
    code = (
        "import importlib, json, sys\n"
        f"for name in {pure_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        f"    ui = [m for m in {UI!r} if m in sys.modules]\n"
        "    if ui:\n"
        "        print(json.dumps([name, ui])); break\n"
        "else:\n"
        "    print(json.dumps(None))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) is None, f"imports the UI: {out.stdout}"
