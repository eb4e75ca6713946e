"""The nntui command: --list, --open, --version, bad arguments, --reset-progress."""

from __future__ import annotations

import subprocess
import sys

import pytest

from nntui import __version__, cli, sections
from nntui.store import Store


def run(*args: str, stdin: str = "", env_home=None) -> subprocess.CompletedProcess:
    env = None
    if env_home is not None:
        import os

        env = {**os.environ, "NNTUI_HOME": str(env_home)}
    return subprocess.run([sys.executable, "-m", "nntui", *args], input=stdin, text=True,
                          capture_output=True, timeout=60, env=env)


def test_list_prints_every_section_tab_separated():
    result = run("--list")
    assert result.returncode == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [r[0] for r in rows] == [s.id for s in sections.SECTIONS]
    for (sid, level, kind, status, title), s in zip(rows, sections.SECTIONS):
        assert (level, kind, status, title) == (s.level, s.kind, s.status, s.title)
        assert status in ("ready", "planned")


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"nntui {__version__}"


@pytest.mark.parametrize("args", [["--bogus"], ["--open"], ["extra-positional"],
                                  ["--theme", "no-such-theme"]])
def test_bad_arguments_print_usage_and_exit_2(args):
    result = run(*args)
    assert result.returncode == 2
    assert "usage: nntui" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_open_id_suggests_close_ids():
    result = run("--open", "tune-neuron")
    assert result.returncode == 2
    assert "l1.tune-neuron" in result.stderr and "Traceback" not in result.stderr


def test_registry_matches_the_curriculum():
    """Every id in CURRICULUM.md is registered (the map is whole from day one)."""
    import re
    from pathlib import Path

    curriculum = Path(__file__).resolve().parents[3] / "shared" / "CURRICULUM.md"
    if not curriculum.exists():
        pytest.skip("shared/CURRICULUM.md is not beside this checkout")
    ids = set(re.findall(r"^\| ((?:l[1-4]|fx|ref)\.[a-z0-9-]+) \|", curriculum.read_text(),
                         re.MULTILINE))
    assert len(ids) >= 60
    assert ids == set(sections.SECTION_BY_ID)


def test_reset_progress_asks_and_keeps_a_backup(tmp_path):
    with Store.open(tmp_path, "ada") as store:
        store.record_attempt("l1.tune-neuron", 4, 4, True)
    refused = run("--reset-progress", "--learner", "ada", "--data-dir", str(tmp_path), stdin="n\n")
    assert refused.returncode == 1
    with Store.open(tmp_path, "ada") as store:
        assert store.best("l1.tune-neuron") is not None
    done = run("--reset-progress", "--learner", "ada", "--data-dir", str(tmp_path), stdin="y\n")
    assert done.returncode == 0, done.stderr
    with Store.open(tmp_path, "ada") as store:
        assert store.best("l1.tune-neuron") is None
    assert list(tmp_path.glob("progress.sqlite3.bak-*"))


def test_reset_progress_yes_skips_the_question(tmp_path):
    with Store.open(tmp_path, "ada") as store:
        store.record_visit("l1.intro")
    assert cli.main(["--reset-progress", "--yes", "--learner", "ada",
                     "--data-dir", str(tmp_path)]) == 0
    with Store.open(tmp_path, "ada") as store:
        assert store.last_visited() is None


def test_data_dir_from_environment(tmp_path):
    from nntui.paths import resolve_data_dir

    import os

    old = os.environ.get("NNTUI_HOME")
    os.environ["NNTUI_HOME"] = str(tmp_path / "from-env")
    try:
        assert resolve_data_dir(None) == tmp_path / "from-env"
        assert resolve_data_dir(str(tmp_path / "flag")) == tmp_path / "flag"
    finally:
        if old is None:
            del os.environ["NNTUI_HOME"]
        else:
            os.environ["NNTUI_HOME"] = old


def test_unusable_data_dir_is_a_message_not_a_traceback(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run("--data-dir", str(blocker / "sub"))
    assert result.returncode == 1
    assert "cannot open your progress" in result.stderr and "Traceback" not in result.stderr
