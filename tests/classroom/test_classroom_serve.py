"""``nntui serve``: the command each browser tab runs, the loopback guard, and a real server on
127.0.0.1 whose page loads and whose web socket shows nntui's home screen."""

from __future__ import annotations

import asyncio
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from nntui import serve

ROOT = Path(__file__).resolve().parents[2]


def test_each_tab_runs_this_nntui_with_the_learner_and_an_absolute_data_dir(tmp_path,
                                                                           monkeypatch):
    monkeypatch.chdir(tmp_path)
    command = serve.app_command("ada lovelace", "class", theme="nord", python="/opt/py")
    assert shlex.split(command) == ["/opt/py", "-m", "nntui", "--learner", "ada lovelace",
                                    "--data-dir", str(tmp_path / "class"), "--theme", "nord"]
    assert shlex.split(serve.app_command(python="/opt/py")) == ["/opt/py", "-m", "nntui"]


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "localhost", "::1", "[::1]"])
def test_loopback_addresses_need_no_warning(host):
    assert serve.is_loopback(host)
    assert serve.exposure_warning(host, 8000) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "school.example"])
def test_any_other_address_gets_a_warning_naming_the_missing_authentication(host):
    assert not serve.is_loopback(host)
    warning = serve.exposure_warning(host, 8123)
    assert f"listening on {host}:8123" in warning
    assert "no authentication" in warning and "ssh -L 8123:127.0.0.1:8123" in warning


@pytest.fixture
def not_started(monkeypatch):
    """Servers whose ``serve()`` was called, in order; none actually starts."""
    pytest.importorskip("textual_serve")
    from textual_serve.server import Server

    started = []
    monkeypatch.setattr(Server, "serve", lambda server, debug=False: started.append(server))
    return started


def test_defaults_bind_to_loopback_port_8000_quietly(not_started, capsys, tmp_path):
    assert serve.serve_main(["--learner", "ada", "--data-dir", str(tmp_path)]) == 0
    (server,) = not_started
    assert (server.host, server.port) == ("127.0.0.1", 8000)
    assert shlex.split(server.command) == [sys.executable, "-m", "nntui", "--learner", "ada",
                                           "--data-dir", str(tmp_path)]
    assert server.title == "nntui"
    assert capsys.readouterr().err == ""


def test_another_address_is_served_with_a_warning_on_stderr(not_started, capsys):
    assert serve.serve_main(["--host", "0.0.0.0", "--port", "8080"]) == 0
    (server,) = not_started
    assert (server.host, server.port) == ("0.0.0.0", 8080)
    err = capsys.readouterr().err
    assert err.startswith("nntui serve: WARNING: listening on 0.0.0.0:8080")


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_a_bad_port_is_a_usage_error(not_started, capsys, port):
    assert serve.serve_main(["--port", port]) == 2
    assert "is not a port" in capsys.readouterr().err
    assert not_started == []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)  # the server is still starting


async def _home_screen_over_the_socket(url: str) -> bytes:
    import aiohttp

    seen = b""
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(url) as ws:
            await ws.send_json(["resize", {"width": 80, "height": 24}])
            async with asyncio.timeout(30):
                while not re.search(rb"6 Reference", seen):
                    message = await ws.receive()
                    if message.type not in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
                        break
                    data = message.data
                    seen += data if isinstance(data, bytes) else data.encode()
    return seen


def test_a_real_server_on_loopback_serves_the_page_and_the_app(tmp_path):
    pytest.importorskip("textual_serve")
    pytest.importorskip("aiohttp")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "nntui", "serve", "--port", str(port), "--learner", "web",
         "--data-dir", str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE)
    try:
        page = _get(f"http://127.0.0.1:{port}/", time.monotonic() + 30)
        assert "<div>nntui</div>" in page  # the title textual-serve shows
        socket_url = re.search(r'data-session-websocket-url="([^"]+)"', page).group(1)
        assert socket_url.startswith(f"ws://127.0.0.1:{port}/")
        seen = asyncio.run(_home_screen_over_the_socket(socket_url))
        assert b"1 Beginner" in seen and b"6 Reference" in seen
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert b"WARNING" not in err
    assert (tmp_path / "progress.sqlite3").exists()  # the tab's nntui opened the learner's file
