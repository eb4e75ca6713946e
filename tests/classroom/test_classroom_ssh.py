"""The README's SSH recipe: its ForceCommand line, run as sshd would run it, in a pseudo-terminal
at 80×24 — the home screen appears, ctrl+q quits, and a hang-up keeps what was recorded."""

from __future__ import annotations

import os
import re
import shlex
import signal
import stat
import sys
from pathlib import Path

import pytest

from nntui.store import FILENAME, Store

pexpect = pytest.importorskip("pexpect")

ROOT = Path(__file__).resolve().parents[2]
RECIPE_FOLDER = "/srv/nntui/class"
#: The home screen, from the title to the last level (pexpect regexes span lines).
HOME_SCREEN = rb"nntui.*1 Beginner.*6 Reference"


def on_screen(text: str) -> bytes:
    """A regex for ``text`` as a terminal receives it: colour changes may fall between any two
    of its characters."""
    between = rb"(?:\x1b\[[0-9;]*m)*"
    return between.join(re.escape(bytes([b])) for b in text.encode())


#: The level screen's title bar once l1.intro is open (enter on "Start" opens it).
INTRO_OPEN = on_screen("1 Beginner — What is a neural network?")


def recipe_command() -> str:
    """The command of the README's ``ForceCommand`` line."""
    found = re.findall(r"^\s*ForceCommand (.+)$", (ROOT / "README.md").read_text(), re.M)
    assert len(found) == 1, "the README has exactly one ForceCommand line"
    return found[0]


def test_the_recipe_names_the_learner_and_the_shared_folder():
    words = shlex.split(recipe_command().split(";")[-1])
    assert words[:2] == ["exec", "nntui"]
    assert words[words.index("--learner") + 1] == "$USER"  # shlex keeps it for the shell
    assert words[words.index("--data-dir") + 1] == RECIPE_FOLDER


@pytest.fixture
def login(tmp_path):
    """login(user) -> a pexpect child running the recipe's command as sshd does: through the
    login shell with ``-c``, with the user's name in $USER, TERM=xterm-256color, at 80×24.
    ``nntui`` on the PATH is this checkout's (a shim); the class folder is a temporary one."""
    shims = tmp_path / "bin"
    shims.mkdir()
    shim = shims / "nntui"
    shim.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m nntui \"$@\"\n")
    shim.chmod(0o755)
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / FILENAME).touch(mode=0o660)  # as the README's `install -m 660 /dev/null …`
    (folder / FILENAME).chmod(0o660)  # whatever the test runner's umask
    command = recipe_command().replace(RECIPE_FOLDER, shlex.quote(str(folder)))
    children = []

    def start(user: str):
        env = {**os.environ, "USER": user, "TERM": "xterm-256color",
               "PATH": f"{shims}{os.pathsep}{os.environ.get('PATH', '')}",
               "PYTHONPATH": str(ROOT)}
        env.pop("NNTUI_HOME", None)
        env.pop("NO_COLOR", None)
        child = pexpect.spawn("/bin/sh", ["-c", command], env=env, cwd=str(ROOT),
                              dimensions=(24, 80), timeout=30)
        children.append(child)
        child.expect(HOME_SCREEN)
        return child

    start.folder = folder
    yield start
    for child in children:
        if child.isalive():
            child.terminate(force=True)


def test_recipe_reaches_the_home_screen_and_ctrl_q_quits(login):
    child = login("ada")
    # The file the README has the teacher create (empty, mode 660) is the one in use, and
    # SQLite gave its companions the same mode: every learner of the group can write them.
    for name in (FILENAME, FILENAME + "-wal", FILENAME + "-shm"):
        assert stat.S_IMODE((login.folder / name).stat().st_mode) == 0o660, name
    child.send("\x11")  # ctrl+q
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with Store.open(login.folder, "ada", create_learner=False) as store:
        assert store.all_learners() == ["ada"]  # $USER became the learner's name


def test_progress_recorded_before_a_hang_up_is_kept(login):
    child = login("bob")
    child.send("\r")  # open "Start: What is a neural network?": a visit is recorded at once
    child.expect(INTRO_OPEN)
    os.kill(child.pid, signal.SIGHUP)  # what the terminal gets when the connection drops
    child.expect(pexpect.EOF)
    child.close()
    assert not child.isalive()
    with Store.open(login.folder, "bob", create_learner=False) as store:
        assert store.last_visited() == "l1.intro"
    # and the next login continues from there
    again = login("bob")
    assert re.search(on_screen("Continue: What is a neural network?"), again.after)
    again.send("\x11")
    again.expect(pexpect.EOF)
