"""Two nntui processes (and threads) writing at once lose nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

from nntui.store import Store

WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from nntui.store import Store

    folder, learner, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    go = folder / "go"
    with Store.open(folder, learner) as store:
        (folder / f"ready-{learner}").touch()
        deadline = time.monotonic() + 20
        while not go.exists():             # start together, to really overlap
            if time.monotonic() > deadline:
                sys.exit("never started")
            time.sleep(0.001)
        for i in range(n):
            store.record_attempt("race", i, n, i % 2 == 0, {"i": i, "who": learner})
            if i % 50 == 0:
                store.record_visit(f"race-{i}")
            if i == n // 2:  # halfway, wait for the other writer, so the two surely overlap
                while len(store.all_attempts(all_learners=True)) <= i + 1:
                    if time.monotonic() > deadline + 20:
                        sys.exit("the other writer never wrote")
                    time.sleep(0.001)
    print("done")
""")


def test_two_processes_recording_500_attempts_each_keep_all_1000(tmp_path):
    n = 500
    # The file is created (and migrated) by both processes racing too: no prior open.
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), who, str(n)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for who in ("ada", "bob")]
    deadline = time.monotonic() + 20
    while not all((tmp_path / f"ready-{who}").exists() for who in ("ada", "bob")):
        assert time.monotonic() < deadline, [p.stderr.read() for p in procs if p.poll() is not None]
        time.sleep(0.005)
    (tmp_path / "go").touch()
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
        assert out.strip() == "done"

    with Store.open(tmp_path, "ada") as s:
        rows = s.all_attempts(all_learners=True)
        assert len(rows) == 2 * n
        for who in ("ada", "bob"):
            mine = [r for r in rows if r.learner == who]
            assert sorted(r.details["i"] for r in mine) == list(range(n))
            assert all(r.details["who"] == who for r in mine)
        assert len({r.id for r in rows}) == 2 * n
        assert s.all_learners() == ["ada", "bob"]
        assert len(s.all_visits(all_learners=True)) == 2 * (n // 50)
        # the writes interleaved: the two processes really did overlap
        order = [r.learner for r in sorted(rows, key=lambda r: r.id)]
        switches = sum(a != b for a, b in zip(order, order[1:]))
        assert switches >= 1


def test_threads_sharing_one_store_and_separate_stores(tmp_path):
    shared = Store.open(tmp_path, "ada")
    errors: list[BaseException] = []

    def shared_writer(k: int) -> None:
        try:
            for i in range(100):
                shared.record_answer("s", f"t{k}", i % 3 == 0, f"{k}:{i}", 0.1, i == 0)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def own_writer(k: int) -> None:
        try:
            with Store.open(tmp_path, "ada") as own:
                for i in range(100):
                    own.record_answer("s", f"o{k}", True, f"{k}:{i}", 0.1, False)
        except BaseException as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=shared_writer, args=(k,)) for k in range(3)]
    threads += [threading.Thread(target=own_writer, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    answers = shared.answers()
    assert len(answers) == 600
    for k in range(3):
        assert [a.response for a in shared.answers(question_id=f"t{k}")] == [
            f"{k}:{i}" for i in range(100)]
        assert len(shared.answers(question_id=f"o{k}")) == 100
    shared.close()
