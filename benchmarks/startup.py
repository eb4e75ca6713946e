"""Launch-to-first-frame time of nntui against a bare Textual app, and home-screen memory.

Each run is a fresh Python process. It prints the monotonic clock when its first screen has been
composed and painted (headless), and its peak resident memory; the parent subtracts its own
clock reading taken just before starting the process (CLOCK_MONOTONIC is shared between
processes on Linux and macOS). The two apps alternate, so drift in machine speed hits both.

Targets: ratio nntui / bare ≤ 1.3; resident memory of the home screen ≤ 70 MB.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import resource, sys, time
MODE, DATA = sys.argv[1], sys.argv[2]

async def first_frame(pilot):
    await pilot.pause()
    print(time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    pilot.app.exit()

if MODE == "nntui":
    from nntui.app import NNTuiApp
    app = NNTuiApp(learner="bench", data_dir=DATA)
else:
    from textual.app import App
    from textual.widgets import Footer, Header

    class Bare(App):
        def compose(self):
            yield Header()
            yield Footer()

    app = Bare()
app.run(headless=True, size=(80, 24), auto_pilot=first_frame)
"""


def one_run(mode: str, data_dir: str) -> tuple[float, float]:
    """(seconds from launch to first frame, peak resident MB)."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", CHILD, mode, data_dir], capture_output=True,
                         text=True, check=True).stdout.split()
    frame_at, max_rss_kb = float(out[0]), int(out[1])
    kb_per_mb = 1024 if sys.platform != "darwin" else 1024 * 1024  # macOS reports bytes
    return frame_at - start, max_rss_kb / kb_per_mb


def main(runs: int = 7) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        one_run("nntui", data_dir), one_run("bare", data_dir)  # warm the file cache
        nntui, bare, rss = [], [], []
        for _ in range(runs):
            t, mb = one_run("nntui", data_dir)
            nntui.append(t)
            rss.append(mb)
            bare.append(one_run("bare", data_dir)[0])
    ratios = [a / b for a, b in zip(nntui, bare)]
    print(f"runs: {runs} of each, alternating")
    print(f"first frame, nntui : median {statistics.median(nntui) * 1000:7.1f} ms "
          f"(min {min(nntui) * 1000:.1f}, max {max(nntui) * 1000:.1f})")
    print(f"first frame, bare  : median {statistics.median(bare) * 1000:7.1f} ms "
          f"(min {min(bare) * 1000:.1f}, max {max(bare) * 1000:.1f})")
    print(f"ratio nntui / bare : median {statistics.median(ratios):.2f}   (target ≤ 1.3)")
    print(f"home screen peak resident memory: median {statistics.median(rss):.1f} MB "
          f"(target ≤ 70 MB)")


if __name__ == "__main__":
    main()
