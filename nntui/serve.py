"""``nntui serve``: the same app in a web browser, through textual-serve.

textual-serve runs one ``nntui`` process per browser tab (the command line built here, with the
learner and data-folder options passed on) and relays its screen over a web socket. It has no
authentication of its own: whoever reaches the address uses nntui as that learner. So it
listens on the loopback address unless told otherwise, and says so loudly when it is.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach: localhost, 127.0.0.0/8, ::1."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


def exposure_warning(host: str, port: int) -> str | None:
    """The warning for a server others can reach, or None on a loopback address."""
    if is_loopback(host):
        return None
    return (f"nntui serve: WARNING: listening on {host}:{port}, which other machines may reach. "
            "textual-serve has no authentication: anyone who can open this address uses "
            "nntui as this learner and can read and change their progress. Prefer the "
            f"default {DEFAULT_HOST} with an SSH tunnel "
            f"(ssh -L {port}:{DEFAULT_HOST}:{port} this-server), or put an authenticating "
            "reverse proxy in front.")


def app_command(learner: str | None = None, data_dir: str | None = None,
                theme: str | None = None, lrs: str | None = None,
                python: str = sys.executable) -> str:
    """The shell command textual-serve runs for each browser tab: this Python's nntui, with
    the options of ``nntui serve`` passed on (the data folder made absolute, as the app
    process may not share our idea of the current folder)."""
    words = [python, "-m", "nntui"]
    if learner:
        words += ["--learner", learner]
    if data_dir:
        from nntui.paths import resolve_data_dir

        words += ["--data-dir", str(resolve_data_dir(data_dir))]
    if theme:
        words += ["--theme", theme]
    if lrs:
        words += ["--lrs", lrs]
    return shlex.join(words)


def _port(text: str) -> int:
    import argparse

    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port (1–65535)")
    return port


def build_parser():
    from nntui.cli import _Parser, add_progress_options

    parser = _Parser(prog="nntui serve",
                     description="Serve nntui in a web browser (one nntui per browser tab). "
                                 "There is no login: keep the default loopback address unless "
                                 "something in front of it checks who connects.")
    add_progress_options(parser)
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"address to listen on (default: {DEFAULT_HOST}, this machine only)")
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT,
                        help=f"port to listen on (default: {DEFAULT_PORT})")
    parser.add_argument("--public-url", metavar="URL",
                        help="the address browsers use, when a reverse proxy is in front")
    parser.add_argument("--theme", metavar="NAME", help="colour theme, e.g. textual-dark")
    parser.add_argument("--lrs", metavar="URL",
                        help="also send each statement to this learning record store")
    return parser


def build_server(args):
    """textual-serve's Server for the parsed options (not started)."""
    from textual_serve.server import Server

    command = app_command(args.learner, args.data_dir, args.theme, args.lrs)
    return Server(command, host=args.host, port=args.port, title="nntui",
                  public_url=args.public_url)


def serve_main(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        server = build_server(args)
    except ImportError:
        print("nntui serve needs textual-serve: python3 -m pip install textual-serve",
              file=sys.stderr)
        return 1
    warning = exposure_warning(args.host, args.port)
    if warning:
        print(warning, file=sys.stderr)
    server.serve()
    return 0
