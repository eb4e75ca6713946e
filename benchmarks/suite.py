"""Wall time of the README's test line (the suite in parallel), the figure the project keeps
under 120 s on a two-core machine with every section built.

Runs ``python3 -m pytest -n auto`` from the repository root once (or ``--runs N`` times) and
prints each wall time and the slowest tests. ``--busy K`` keeps K other processes spinning
meanwhile, to look for tests that fail only on a loaded machine (a flaky test).
"""

from __future__ import annotations

import argparse
import multiprocessing
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def spin() -> None:
    while True:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--busy", type=int, default=0, help="processes kept spinning meanwhile")
    args = parser.parse_args()
    spinners = [multiprocessing.Process(target=spin, daemon=True) for _ in range(args.busy)]
    for p in spinners:
        p.start()
    failed = 0
    try:
        failed = run_suite(args.runs, args.busy)
    finally:
        for p in spinners:
            p.terminate()
    if failed:
        sys.exit(1)


def run_suite(runs: int, busy: int) -> int:
    failed = 0
    for run in range(runs):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "pytest", "-n", "auto", "-p",
                              "no:cacheprovider", "--durations=8"], cwd=ROOT,
                             capture_output=True, text=True)
        wall = time.perf_counter() - start
        tail = [line for line in out.stdout.splitlines() if line.strip()][-12:]
        failed += out.returncode != 0
        load = f", {busy} other process(es) spinning" if busy else ""
        print(f"run {run + 1}: exit {out.returncode}, wall {wall:.1f} s (target ≤ 120 s{load})",
              flush=True)
        print("\n".join("   " + line for line in tail), flush=True)
        if out.returncode:
            print("\n".join("   " + line for line in out.stdout.splitlines()
                            if line.startswith(("FAILED", "ERROR"))), flush=True)
    return failed


if __name__ == "__main__":
    main()
