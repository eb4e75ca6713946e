"""Benchmark Train a Brain as a learner runs it: nntui in a pseudo-terminal at 80×24.

Prints, for the default setup: the epochs per second shown on screen, the CPU share of one
core taken by the whole nntui process while it trains, and the bytes per second it writes to
the terminal while playing and while paused. Targets (issue #12): ≥ 30 epochs/s with ≤ 25 % of
a core, ≤ 15 KB/s while playing, 0 B/s paused.

    python3 benchmarks/train_brain.py [--seconds 10] [--truecolor]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-B]|[=>])")
EPOCH = re.compile(r"epoch (\d+)")


class Terminal:
    """A child process on a pseudo-terminal; counts every byte it writes."""

    def __init__(self, argv: list[str], env: dict, size=(80, 24)) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     cwd=ROOT, close_fds=True, start_new_session=True)
        os.close(slave)
        self.master = master
        self.bytes = 0
        self.text = ""
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self.lock:
                self.bytes += len(chunk)
                self.text = (self.text + chunk.decode("utf-8", "replace"))[-20000:]

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def epoch_shown(self) -> int | None:
        with self.lock:
            found = EPOCH.findall(ANSI.sub("", self.text))
        return int(found[-1]) if found else None

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        self.send("\x11")  # ctrl+q
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self.master)


def measure(term: Terminal, seconds: float) -> tuple[float, float, float]:
    """(bytes/s, CPU share of one core, wall seconds) over a window."""
    bytes0, cpu0, t0 = term.bytes, term.cpu_seconds(), time.monotonic()
    time.sleep(seconds)
    wall = time.monotonic() - t0
    return (term.bytes - bytes0) / wall, (term.cpu_seconds() - cpu0) / wall, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="length of the playing window")
    parser.add_argument("--truecolor", action="store_true", help="COLORTERM=truecolor (more bytes)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "NNTUI_HOME": home, "TERM": "xterm-256color",
               "PYTHONPATH": str(ROOT)}
        env.pop("NO_COLOR", None)
        if args.truecolor:
            env["COLORTERM"] = "truecolor"
        else:
            env.pop("COLORTERM", None)
        term = Terminal([sys.executable, "-m", "nntui", "--open", "l3.train-brain"], env)
        try:
            time.sleep(6.0)  # start-up and first frame
            idle_before, _, _ = measure(term, 2.0)
            term.send("p")
            time.sleep(1.0)
            epoch0 = term.epoch_shown() or 0
            rate, cpu, wall = measure(term, args.seconds)
            epochs = (term.epoch_shown() or 0) - epoch0
            term.send("p")
            time.sleep(1.0)
            paused, paused_cpu, _ = measure(term, 3.0)
        finally:
            term.close()
    print(f"Train a brain, default setup, 80×24 pseudo-terminal, {wall:.1f} s playing")
    print(f"  epochs shown per second : {epochs / wall:7.1f}   (target ≥ 30)")
    print(f"  CPU, share of one core  : {cpu:7.1%}   (target ≤ 25 %)")
    print(f"  terminal bytes/s playing: {rate / 1000:7.2f} KB/s (target ≤ 15)")
    print(f"  terminal bytes/s paused : {paused:7.0f} B/s  (target 0; CPU {paused_cpu:.1%})")
    print(f"  before playing (idle)   : {idle_before:7.0f} B/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
