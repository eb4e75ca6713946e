"""Where the data folder is, and who the default learner is."""

from __future__ import annotations

import getpass
import subprocess
import sys
from pathlib import Path

from nntui import paths


def test_cli_value_wins_over_env(tmp_path, monkeypatch):
    monkeypatch.setenv("NNTUI_HOME", str(tmp_path / "env"))
    assert paths.resolve_data_dir(str(tmp_path / "cli")) == tmp_path / "cli"


def test_env_used_without_cli_value(tmp_path, monkeypatch):
    monkeypatch.setenv("NNTUI_HOME", str(tmp_path / "env"))
    assert paths.resolve_data_dir(None) == tmp_path / "env"


def test_platformdirs_default_when_nothing_set(monkeypatch):
    import platformdirs

    monkeypatch.delenv("NNTUI_HOME", raising=False)
    expected = Path(platformdirs.user_data_dir("nntui", appauthor=False)).absolute()
    got = paths.resolve_data_dir(None)
    assert got == expected
    assert got.name == "nntui"


def test_empty_env_is_ignored(monkeypatch):
    monkeypatch.setenv("NNTUI_HOME", "  ")
    assert paths.resolve_data_dir(None).name == "nntui"


def test_tilde_is_expanded_and_result_absolute(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.resolve_data_dir("~/progress") == tmp_path / "progress"
    monkeypatch.chdir(tmp_path)
    assert paths.resolve_data_dir("rel") == tmp_path / "rel"


def test_default_learner_is_os_user():
    assert paths.default_learner() == getpass.getuser()


def test_default_learner_falls_back(monkeypatch):
    def broken():
        raise KeyError("getpwuid(): uid not found: 12345")

    monkeypatch.setattr(getpass, "getuser", broken)
    assert paths.default_learner() == "learner"
    monkeypatch.setattr(getpass, "getuser", lambda: "")
    assert paths.default_learner() == "learner"


def test_paths_import_is_light():
    code = ("import sys, nntui.paths; "
            "print(sorted(m for m in ('platformdirs', 'textual', 'rich', 'sqlite3') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
