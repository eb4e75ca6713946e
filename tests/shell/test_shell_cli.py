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


# --- nntui stats / nntui export ---------------------------------------------------------------

def _bad_data_dirs(tmp_path) -> list[str]:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    bad = [str(blocker), str(blocker / "sub")]
    if sys.platform.startswith("linux"):
        bad.append("/proc/x")  # a folder that can never be created
    return bad


@pytest.mark.parametrize("command", [["stats"], ["stats", "--all"], ["export", "--format", "csv"],
                                     ["export", "--format", "xapi", "--only-learner"]])
def test_subcommands_give_the_apps_one_line_message_for_a_bad_data_folder(
        command, tmp_path, capsys):
    for bad in _bad_data_dirs(tmp_path):
        assert cli.main(["--data-dir", bad]) == 1  # the app's own answer
        app_says = capsys.readouterr().err
        assert app_says.startswith("nntui: cannot open your progress: ") and bad in app_says
        assert cli.main([*command, "--data-dir", bad]) == 1
        out, err = capsys.readouterr()
        assert (out, err) == ("", app_says)


def test_a_bad_data_folder_is_no_traceback_from_a_real_process(tmp_path):
    bad = _bad_data_dirs(tmp_path)[0]
    result = run("stats", "--data-dir", bad)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "cannot open your progress" in result.stderr


@pytest.fixture
def two_learners(tmp_path):
    for learner, section in (("ana", "l1.intro"), ("bo", "l1.perceptron")):
        with Store.open(tmp_path, learner) as store:
            store.record_answer(section, "q1", True, "yes", 3.0, True)
            store.record_attempt(section, 2, 3, False)
            store.record_completion(section)
    return tmp_path


@pytest.mark.parametrize("command", [["stats"], ["export", "--format", "csv", "--only-learner"]])
def test_progress_options_work_before_or_after_the_subcommand(command, two_learners, capsys):
    folder = str(two_learners)
    outputs = []
    for argv in ([*command, "--data-dir", folder, "--learner", "bo"],
                 ["--data-dir", folder, "--learner", "bo", *command],
                 [f"--data-dir={folder}", *command, "--learner", "bo"],
                 ["--learner", "ana", *command, "--data-dir", folder, "--learner", "bo"]):
        assert cli.main(argv) == 0, argv
        outputs.append(capsys.readouterr().out)
    assert "bo" in outputs[0] and "ana" not in outputs[0]
    assert outputs == [outputs[0]] * 4


def test_a_data_folder_named_like_a_subcommand_is_still_a_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with Store.open(tmp_path / "stats", "ana") as store:
        store.record_visit("l1.intro")
    assert cli.main(["--data-dir", "stats", "--learner", "ana", "stats"]) == 0
    assert "Learner ana" in capsys.readouterr().out


def test_stats_for_an_unknown_learner_says_so_and_adds_nobody(two_learners, capsys):
    assert cli.main(["stats", "--learner", "nobody", "--data-dir", str(two_learners)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (f"nntui: no learner 'nobody' in {two_learners / 'progress.sqlite3'} "
                   "(learners there: ana, bo)\n")
    with Store.open(two_learners, "ana") as store:
        assert store.all_learners() == ["ana", "bo"]  # a read-only command added no one


def test_stats_in_a_folder_without_progress_creates_no_file(tmp_path, capsys):
    assert cli.main(["stats", "--learner", "ana", "--data-dir", str(tmp_path)]) == 1
    assert "nobody has progress there yet" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_everyone_commands_do_not_need_the_default_learner(two_learners, capsys, monkeypatch):
    monkeypatch.setattr("nntui.paths.default_learner", lambda: "someone-else")
    assert cli.main(["stats", "--all", "--data-dir", str(two_learners)]) == 0
    out = capsys.readouterr().out
    assert "Learner ana" in out and "Learner bo" in out and "someone-else" not in out
    assert cli.main(["export", "--format", "csv", "--data-dir", str(two_learners)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1 + 2 * 2  # header, 2 rows each
    with Store.open(two_learners, "ana") as store:
        assert store.all_learners() == ["ana", "bo"]


def _xapi(folder, *extra: str, capsys) -> list[dict]:
    import json

    assert cli.main(["export", "--format", "xapi", "--data-dir", str(folder), *extra]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_xapi_home_page_is_a_url_by_default_and_configurable(two_learners, capsys):
    from urllib.parse import urlsplit

    for statement in _xapi(two_learners, capsys=capsys):
        home = urlsplit(statement["actor"]["account"]["homePage"])
        assert home.scheme == "https" and home.hostname == "nntui.invalid"
    school = _xapi(two_learners, "--home-page", "https://school.example/lrs", capsys=capsys)
    assert {s["actor"]["account"]["homePage"] for s in school} == {"https://school.example/lrs"}


@pytest.mark.parametrize("page", ["urn:nntui", "school.example", "https://", "ftp://x.example",
                                  "mailto:teacher@school.example"])
def test_xapi_home_page_must_be_a_web_address(page, two_learners, capsys):
    assert cli.main(["export", "--format", "xapi", "--home-page", page,
                     "--data-dir", str(two_learners)]) == 2
    err = capsys.readouterr().err
    assert "usage: nntui export" in err and "--home-page" in err and "http(s) URL" in err


def test_xapi_activities_are_named_by_the_section_titles(two_learners, capsys):
    from nntui.sections import SECTIONS

    titles = {s.id: s.title for s in SECTIONS}
    statements = _xapi(two_learners, capsys=capsys)
    assert len(statements) == 6
    for s in statements:
        section_id = s["object"]["id"].removeprefix("urn:nntui:activity:").split("/")[0]
        name = s["object"]["definition"]["name"]["en"]
        assert name.startswith(titles[section_id]), (name, section_id)
        if s["verb"]["display"]["en"] == "answered":
            assert name == f"{titles[section_id]}: question q1"
            [parent] = s["context"]["contextActivities"]["parent"]
            assert parent["definition"]["name"]["en"] == titles[section_id]
        else:
            assert name == titles[section_id]


def test_export_to_an_unwritable_file_is_one_line(two_learners, capsys):
    out = two_learners / "no-such-folder" / "out.csv"
    assert cli.main(["export", "--format", "csv", "--out", str(out),
                     "--data-dir", str(two_learners)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"nntui: cannot write {out}: ") and err.count("\n") == 1
