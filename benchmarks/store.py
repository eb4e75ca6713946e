"""How long the progress store takes to open, the app does it at start-up.

Prints the median of a few runs for: creating and migrating a new store, and reopening a store
that holds 2,000 attempts and recording a visit. Targets: a new store in under 0.25 s, a reopen
with a visit in a few milliseconds (the app's first frame waits for it).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from nntui.store import Store


def first_open(folder: Path) -> float:
    start = time.perf_counter()
    with Store.open(folder, "ada") as s:
        s.record_visit("l1.intro")
    return time.perf_counter() - start


def reopen_and_visit(folder: Path) -> float:
    start = time.perf_counter()
    with Store.open(folder, "ada") as s:
        s.record_visit("l1.intro")
        s.last_visited()
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        firsts = [first_open(tmp / f"new{i}") for i in range(5)]
        full = tmp / "full"
        with Store.open(full, "ada") as s:
            for i in range(2000):
                s.record_attempt("g", i % 7, 7, i % 3 == 0)
        reopens = [reopen_and_visit(full) for _ in range(9)]
    print(f"new store, created and migrated: median {statistics.median(firsts) * 1e3:.1f} ms "
          f"(target < 250 ms)")
    print(f"reopen with 2,000 attempts + one visit: median {statistics.median(reopens) * 1e3:.1f} ms "
          f"(target a few ms)")


if __name__ == "__main__":
    main()
