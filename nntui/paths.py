"""Where nntui keeps its data, and who the learner is.

Kept import-light: ``nntui --version`` and ``--list`` may import this module, so platformdirs is
only imported when the default folder is actually needed.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_HOME = "NNTUI_HOME"
APP_NAME = "nntui"
FALLBACK_LEARNER = "learner"


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data-dir`` if given, else ``$NNTUI_HOME``, else the platform's
    user data folder for "nntui" (e.g. ``~/.local/share/nntui`` on Linux).

    ``~`` is expanded and the result is absolute, so messages that name the folder are
    unambiguous. The folder is not created here (``Store.open`` does that).
    """
    if cli_value is not None and str(cli_value).strip():
        return Path(cli_value).expanduser().absolute()
    env = os.environ.get(ENV_HOME, "").strip()
    if env:
        return Path(env).expanduser().absolute()
    import platformdirs

    # appauthor=False: on Windows, avoid the doubled ...\nntui\nntui folder.
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)).absolute()


def default_learner() -> str:
    """The OS user name, or "learner" when it cannot be determined."""
    import getpass

    try:
        name = getpass.getuser()
    except Exception:  # KeyError (no passwd entry, e.g. in containers) or OSError (3.13+)
        return FALLBACK_LEARNER
    name = (name or "").strip()
    return name or FALLBACK_LEARNER
