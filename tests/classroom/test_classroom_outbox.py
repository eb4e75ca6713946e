"""``--lrs`` without an LRS: the command line's checks, and the outbox filling with exactly the
statements ``nntui export --format xapi`` makes, in the records' own transactions."""

from __future__ import annotations

import socket
import subprocess
import sys

from nntui import lrs
from nntui.export import xapi_statements
from nntui.store import Store


def test_a_bad_lrs_address_is_refused_before_the_app_starts(tmp_path):
    result = subprocess.run([sys.executable, "-m", "nntui", "--lrs", "lrs.school",
                             "--data-dir", str(tmp_path)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("nntui: cannot use --lrs: 'lrs.school' is not an LRS address")


def test_credentials_come_from_the_environment():
    basic = lrs.LrsClient.from_env("http://127.0.0.1:1/xAPI",
                                   {lrs.ENV_USER: "ada", lrs.ENV_PASSWORD: "pw"})
    assert basic.authorization == "Basic YWRhOnB3"  # base64 of "ada:pw"
    assert basic.statements_url == "http://127.0.0.1:1/xAPI/statements"
    token = lrs.LrsClient.from_env("http://127.0.0.1:1/xAPI/", {lrs.ENV_TOKEN: "t0k"})
    assert token.authorization == "Bearer t0k"
    assert lrs.LrsClient.from_env("http://127.0.0.1:1/", {}).authorization is None


def test_each_saved_record_queues_its_export_statement_once(tmp_path):
    with socket.socket() as s:  # a loopback port where nothing listens
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/xAPI/"
    with Store.open(tmp_path, "ada") as store:
        outbox = lrs.Outbox(store, lrs.LrsClient(url), first_wait=60)  # never started
        attempt = store.record_attempt("l1.checkpoint", 4, 5, True)
        store.record_answer("l1.checkpoint", "l1.xor-gate", False, "2", 3.0, True, attempt)
        store.record_visit("l1.intro")
        store.record_completion("l1.intro")
        store.set_setting("theme", "nord")
        queued = [row[0] for row in store.conn.execute(
            "SELECT statement_id FROM outbox ORDER BY id")]
        by_verb = {s["verb"]["display"]["en"]: s["id"] for s in xapi_statements(store)}
        assert queued == [by_verb["passed"], by_verb["answered"], by_verb["completed"]]
        assert lrs.waiting_count(store, url) == 3
        outbox.stop()
        store.record_completion("l1.perceptron")  # stopped: no longer queued
        assert lrs.waiting_count(store, url) == 3
