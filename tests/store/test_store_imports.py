"""The store stays a plain-Python layer (how fast it opens is measured in benchmarks/store.py)."""

from __future__ import annotations

import json
import subprocess
import sys



def test_import_store_leaves_ui_libraries_out():
    code = ("import sys, json, nntui.store; "
            "print(json.dumps(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('textual', 'rich', 'numpy', 'plotext', 'fsrs', "
            "'platformdirs'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert json.loads(out) == []
