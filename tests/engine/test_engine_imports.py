import subprocess
import sys


def test_engine_imports_no_ui():
    code = (
        "import sys, nntui.engine\n"
        "bad = [m for m in ('textual', 'rich', 'plotext') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"nntui.engine pulled in {out.stdout.strip()}"


def test_engine_sources_never_mention_ui_packages():
    import pathlib

    import nntui.engine

    root = pathlib.Path(nntui.engine.__file__).parent
    for f in root.glob("*.py"):
        text = f.read_text()
        for name in ("textual", "rich", "plotext", "scipy"):
            assert f"import {name}" not in text and f"from {name}" not in text, f"{f.name}: {name}"
