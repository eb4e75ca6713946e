"""Wall time of the README's test line (the suite in parallel), the figure the project keeps
under 120 s on a two-core machine with every section built.

Runs ``python3 -m pytest -n auto`` from the repository root once (or ``--runs N`` times) and
prints each wall time and the slowest tests.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    for run in range(args.runs):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "pytest", "-n", "auto", "-p",
                              "no:cacheprovider", "--durations=8"], cwd=ROOT,
                             capture_output=True, text=True)
        wall = time.perf_counter() - start
        tail = [line for line in out.stdout.splitlines() if line.strip()][-12:]
        print(f"run {run + 1}: exit {out.returncode}, wall {wall:.1f} s (target ≤ 120 s)")
        print("\n".join("   " + line for line in tail))


if __name__ == "__main__":
    main()
