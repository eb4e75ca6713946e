"""How many learners one small server holds: N nntui sessions at once, each in its own
pseudo-terminal at 80×24, all writing to one shared class folder (as the README's SSH recipe).

Prints, per session, the memory it really costs (PSS, from /proc/<pid>/smaps_rollup: shared
pages divided among the processes sharing them) and its CPU while all of them sit idle at the
home screen; then the CPU per session while every one of them plays Train a brain
(l3.train-brain, `p`), and the number of learners training at once that two cores hold at
that rate. Targets (issue #18): ≤ 30 MB PSS per idle session, ≤ 0.2 % of a core idle per
session, ≥ 16 learners training at once on 2 cores.

    python3 benchmarks/classroom.py [--n 8] [--seconds 10] [--idle-seconds 30]

CPU is read from /proc in clock ticks (10 ms), so the idle window is longer: over 10 s one tick
would already be 0.1 % of a core.

The machine's load average is printed too: figures taken on a busy machine are pessimistic.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_brain import ANSI, ROOT, Terminal  # noqa: E402  (the pty helper, reused)

CORES = 2


def pss_mb(pid: int) -> float:
    """Proportional set size of one process, in MB (1e6 bytes)."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError(f"no Pss line for {pid}")


def shows(term: Terminal, text: str) -> bool:
    with term.lock:
        return text in ANSI.sub("", term.text)


def start(n: int, folder: str, extra: list[str], ready: str, patience: float = 120.0):
    env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
    for name in ("NO_COLOR", "COLORTERM", "NNTUI_HOME"):
        env.pop(name, None)
    terms = [Terminal([sys.executable, "-m", "nntui", "--learner", f"learner{k}",
                       "--data-dir", folder, *extra], env) for k in range(n)]
    deadline = time.monotonic() + patience
    while not all(shows(t, ready) for t in terms):
        if time.monotonic() > deadline:
            raise RuntimeError(f"not every session showed {ready!r} within {patience:.0f} s")
        time.sleep(0.2)
    return terms


#: The baseline: a bare Textual app with a header, a list and a footer, run the same way.
BARE_TEXTUAL = """
from textual.app import App
from textual.widgets import Footer, Header, OptionList
class Bare(App):
    def compose(self):
        yield Header()
        yield OptionList("home", "is", "a", "list")
        yield Footer()
Bare().run()
"""


def start_bare(n: int, patience: float = 120.0) -> list[Terminal]:
    env = {**os.environ, "TERM": "xterm-256color"}
    terms = [Terminal([sys.executable, "-c", BARE_TEXTUAL], env) for _ in range(n)]
    deadline = time.monotonic() + patience
    while not all(shows(t, "home") for t in terms):
        if time.monotonic() > deadline:
            raise RuntimeError("the bare Textual apps did not start")
        time.sleep(0.2)
    return terms


def cpu_shares(terms: list[Terminal], seconds: float) -> list[float]:
    """Each session's CPU over the same window, as a share of one core."""
    before, t0 = [t.cpu_seconds() for t in terms], time.monotonic()
    time.sleep(seconds)
    wall = time.monotonic() - t0
    return [(t.cpu_seconds() - b) / wall for t, b in zip(terms, before)]


def close(terms: list[Terminal]) -> None:
    for t in terms:
        t.close()


def spread(values: list[float], fmt: str) -> str:
    return (f"mean {format(statistics.mean(values), fmt)}, min {format(min(values), fmt)}, "
            f"max {format(max(values), fmt)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=8, help="sessions at once (default 8)")
    parser.add_argument("--seconds", type=float, default=10.0, help="the training window")
    parser.add_argument("--idle-seconds", type=float, default=30.0, help="the idle window")
    args = parser.parse_args()
    print(f"{args.n} nntui sessions, 80×24 pseudo-terminals, one shared class folder; "
          f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        # As many bare Textual apps beside them, measured in the same windows: what any
        # Textual app costs on this machine (its input thread wakes ten times a second).
        # nntui's memory is read before the bare apps start: PSS splits a shared page among
        # every process that maps it, and the bare apps map the same libraries.
        terms, bare = start(args.n, folder, [], ready="6 Reference"), []
        try:
            time.sleep(3.0)  # let start-up work (imports, first frames) finish
            memory = [pss_mb(t.proc.pid) for t in terms]
            bare = start_bare(args.n)
            time.sleep(3.0)
            bare_memory = [pss_mb(t.proc.pid) for t in bare]
            shares = cpu_shares(terms + bare, args.idle_seconds)
            idle, bare_idle = shares[:args.n], shares[args.n:]
        finally:
            close(terms)
            close(bare)
        print("Idle at the home screen (beside as many bare Textual apps)")
        print(f"  PSS per session   : {spread(memory, '.1f')} MB   (target ≤ 30 MB; "
              f"bare Textual {statistics.mean(bare_memory):.1f} MB)")
        print(f"  all {args.n} together  : {sum(memory):.0f} MB")
        print(f"  CPU per session   : {spread([100 * c for c in idle], '.2f')} % of a core "
              f"(target ≤ 0.2 %; bare Textual {100 * statistics.mean(bare_idle):.2f} %)")

        terms = start(args.n, folder, ["--open", "l3.train-brain"], ready="epoch")
        try:
            time.sleep(2.0)
            memory = [pss_mb(t.proc.pid) for t in terms]
            epochs0 = [t.epoch_shown() or 0 for t in terms]
            for t in terms:
                t.send("p")
            time.sleep(2.0)  # past the first frames of playing
            epochs1 = [t.epoch_shown() or 0 for t in terms]
            training = cpu_shares(terms, args.seconds)
            epochs2 = [t.epoch_shown() or 0 for t in terms]
            load = os.getloadavg()[0]
        finally:
            close(terms)
    rates = [(b - a) / args.seconds for a, b in zip(epochs1, epochs2)]
    per_session = statistics.mean(training)
    print(f"All {args.n} playing Train a brain at once")
    print(f"  PSS per session   : {spread(memory, '.1f')} MB")
    print(f"  CPU per session   : {spread([100 * c for c in training], '.1f')} % of a core")
    print(f"  epochs shown/s    : {spread(rates, '.1f')}  (all started at "
          f"{statistics.mean(epochs0):.0f})")
    print(f"  learners training at once on {CORES} cores at this rate: "
          f"{CORES / per_session:.1f}   (target ≥ 16)")
    print(f"  load average after: {load:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
