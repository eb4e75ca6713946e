"""The store stays a plain-Python layer, and opening it is cheap (the app does it at start-up)."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from nntui.store import Store


def test_import_store_leaves_ui_libraries_out():
    code = ("import sys, json, nntui.store; "
            "print(json.dumps(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('textual', 'rich', 'numpy', 'plotext', 'fsrs', "
            "'platformdirs'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert json.loads(out) == []


def test_open_and_record_visit_take_a_few_ms(tmp_path):
    with Store.open(tmp_path, "ada") as s:  # create and migrate once
        for i in range(2000):
            s.record_attempt("g", i % 7, 7, i % 3 == 0)
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        with Store.open(tmp_path, "ada") as s:
            s.record_visit("l1.intro")
            s.last_visited()
        timings.append(time.perf_counter() - start)
    # Typically ~1 ms; the bound leaves room for a loaded CI machine.
    assert min(timings) < 0.05, timings


def test_first_open_creates_quickly(tmp_path):
    start = time.perf_counter()
    with Store.open(tmp_path / "new", "ada") as s:
        s.record_visit("l1.intro")
    assert time.perf_counter() - start < 0.25
