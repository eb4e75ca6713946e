"""The import arrows of DESIGN.md: the engine and the store never pull in the UI."""

from __future__ import annotations

import subprocess
import sys

import pytest

UI = ("textual", "rich", "plotext", "textual_plotext")


@pytest.mark.parametrize("module", ["nntui.engine", "nntui.store", "nntui.sections", "nntui.cli"])
def test_module_imports_no_ui(module):
    code = (f"import sys, {module}\n"
            f"print(','.join(m for m in {UI!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} imported {out.stdout.strip()}"
