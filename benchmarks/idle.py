"""CPU used by nntui while the learner does nothing, per screen.

Each screen runs headless in a fresh process; after its first frame the process sits idle for a
few seconds and reports the CPU time it used meanwhile (all threads). An idle screen should use
about nothing; a playing animation uses what its frame rate costs, and a paused one nothing.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile

CHILD = r"""
import asyncio, sys, time
SECTION, DATA, KEYS, SECONDS = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
from nntui.app import NNTuiApp

async def idle(pilot):
    await pilot.pause()
    if KEYS:
        await pilot.press(*KEYS.split(","))
        await pilot.pause()
    start = time.process_time()
    await asyncio.sleep(SECONDS)
    print(f"{(time.process_time() - start) / SECONDS * 100:.2f}", flush=True)
    pilot.app.exit()

app = NNTuiApp(open_section=SECTION or None, learner="bench", data_dir=DATA)
app.run(headless=True, size=(80, 24), auto_pilot=idle)
"""

CASES = [
    ("home screen", "", ""),
    ("a lesson (l1.perceptron)", "l1.perceptron", ""),
    ("a game (l1.tune-neuron)", "l1.tune-neuron", ""),
    ("a quiz (l1.checkpoint)", "l1.checkpoint", ""),
    ("help over a section", "l1.tune-neuron", "question_mark"),
    ("animation playing (l1.intro)", "l1.intro", ""),
    ("animation paused (l1.intro, p)", "l1.intro", "p"),
    ("help over an animation", "l1.intro", "question_mark"),
    ("training race, not started", "l2.init-race", ""),
]


def main(seconds: float = 3.0) -> None:
    print(f"CPU used while idle for {seconds:.0f} s, as % of one core")
    with tempfile.TemporaryDirectory() as data_dir:
        for label, section, keys in CASES:
            out = subprocess.run([sys.executable, "-c", CHILD, section, data_dir, keys,
                                  str(seconds)], capture_output=True, text=True)
            figure = out.stdout.strip() or f"failed: {out.stderr.strip()[-200:]}"
            print(f"  {label:<28} {figure}")


if __name__ == "__main__":
    main()
