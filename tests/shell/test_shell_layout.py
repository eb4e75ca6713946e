"""The layout convention: one home per section, found from its id."""

from __future__ import annotations

import ast
from pathlib import Path

import nntui
from nntui import sections

GAMES = Path(nntui.__file__).parent / "games"


def _module_file(view_path: str) -> Path:
    module = view_path.partition(":")[0]
    return Path(nntui.__file__).parent.parent.joinpath(*module.split(".")).with_suffix(".py")


def test_every_module_under_a_level_belongs_to_a_registered_section():
    names = {(s.level, s.name.replace("-", "_")) for s in sections.SECTIONS}
    strays = []
    for level in sections.LEVEL_BY_ID:
        for path in sorted((GAMES / level).glob("*.py")) if (GAMES / level).is_dir() else []:
            if path.stem == "__init__":
                continue
            stem = path.stem.removesuffix("_model")
            if (level, stem) not in names:
                strays.append(f"{level}/{path.name}")
    assert not strays, f"modules with no section of that id: {strays}"


def test_every_ready_section_has_its_view_class_where_the_convention_says():
    missing = []
    for s in sections.SECTIONS:
        if not s.ready:
            continue
        path = _module_file(s.view_path)
        cls = s.view_path.partition(":")[2]
        if not path.is_file():
            missing.append(f"{s.id}: no {path.relative_to(GAMES.parent.parent)}")
            continue
        classes = {n.name for n in ast.parse(path.read_text()).body if isinstance(n, ast.ClassDef)}
        if cls not in classes:
            missing.append(f"{s.id}: no class {cls} in {path.name}")
    assert not missing, missing


def test_the_convention_names_the_module_and_class_from_the_id():
    assert sections.get("l1.tune-neuron").view_path == "nntui.games.l1.tune_neuron:TuneNeuronView"
    assert sections.get("l2.init").view_path == "nntui.games.l2.init:InitView"
    assert sections.get("l1.checkpoint").view_path == "nntui.games.quizzes:CheckpointView"
    assert sections.get("l4.lock-it-in").view_path == "nntui.games.quizzes:LockItInView"


def test_lessons_live_with_their_sections():
    assert not (Path(nntui.__file__).parent / "lessons").exists()
