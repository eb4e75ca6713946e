"""The ``nntui`` command. Imports stay light until the app itself is needed."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from nntui import __version__

# The engine's matrices are small: BLAS threads only contend with each other, and a school
# server's two cores are shared by a room of learners. Set before NumPy is first imported.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

#: ``nntui NAME …`` runs another command: NAME → "module:function(argv) -> exit code".
SUBCOMMANDS: dict[str, str] = {
    "class": "nntui.classroom:class_main",
    "export": "nntui.export:export_main",
    "serve": "nntui.serve:serve_main",
    "stats": "nntui.export:stats_main",
}


#: Options of every command: they may come before or after a subcommand's name.
PROGRESS_OPTIONS = ("--learner", "--data-dir")


class _Parser(argparse.ArgumentParser):
    """argparse that prints usage and exits 2 on bad arguments (never a traceback)."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="nntui",
        description="A terminal tutor for neural networks: from one neuron to transformers.",
        epilog="More commands: " + (", ".join(f"nntui {c}" for c in SUBCOMMANDS) or "none")
        + ". Keys: ? for help inside the app.",
    )
    parser.add_argument("--version", action="version", version=f"nntui {__version__}")
    parser.add_argument("--list", action="store_true",
                        help="print every section: id, level, kind, status, title (tab-separated)")
    parser.add_argument("--open", metavar="ID", help="start at this section (see --list)")
    add_progress_options(parser)
    parser.add_argument("--reset-progress", action="store_true",
                        help="erase this learner's progress (a backup is kept)")
    parser.add_argument("--yes", action="store_true", help="do not ask before --reset-progress")
    parser.add_argument("--theme", metavar="NAME", help="colour theme, e.g. textual-dark, nord")
    parser.add_argument("--data", metavar="FILE",
                        help="open Train a brain with the points of a CSV file (x1,x2,label)")
    parser.add_argument("--lrs", metavar="URL",
                        help="also send each answer, score and completion to this learning "
                             "record store (xAPI endpoint; credentials from NNTUI_LRS_USER and "
                             "NNTUI_LRS_PASSWORD, or NNTUI_LRS_TOKEN)")
    return parser


def add_progress_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--learner", metavar="NAME", help="whose progress to use (default: you)")
    parser.add_argument("--data-dir", metavar="PATH",
                        help="folder for progress (default: $NNTUI_HOME or your user data folder)")


def cannot_open_progress(error: BaseException) -> int:
    """The one-line message (and exit code) for a data folder or progress file that cannot be
    used: the same from the app and from every subcommand."""
    print(f"nntui: cannot open your progress: {error}", file=sys.stderr)
    return 1


def find_subcommand(argv: list[str]) -> int | None:
    """Where a subcommand's name is in ``argv``, after any progress options, or None."""
    at = 0
    while at < len(argv):
        token = argv[at]
        if token in SUBCOMMANDS:
            return at
        if token in PROGRESS_OPTIONS:
            at += 2  # the option and its value (which may itself be, say, "stats")
        elif token.partition("=")[0] in PROGRESS_OPTIONS:
            at += 1  # --data-dir=PATH
        else:
            return None
    return None


def print_list(out=sys.stdout) -> None:
    from nntui import sections

    for s in sections.SECTIONS:
        out.write(f"{s.id}\t{s.level}\t{s.kind}\t{s.status}\t{s.title}\n")


def reset_progress(data_dir: str | None, learner: str | None, assume_yes: bool) -> int:
    from nntui.paths import default_learner, resolve_data_dir
    from nntui.store import Store

    learner = learner or default_learner()
    folder = resolve_data_dir(data_dir)
    if not assume_yes:
        try:
            answer = input(f"Erase the progress of {learner!r} in {folder}? "
                           "A backup is kept. [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was changed.")
            return 1
    from nntui.store import StoreError

    try:
        with Store.open(folder, learner) as store:
            backup = store.reset(backup=True)
    except (StoreError, OSError) as error:
        print(f"nntui: cannot reset progress: {error}", file=sys.stderr)
        return 1
    print(f"Progress of {learner!r} erased." + (f" Backup: {backup}" if backup else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    at = find_subcommand(argv)
    if at is not None:
        module_name, _, function = SUBCOMMANDS[argv[at]].partition(":")
        # Progress options written before the name are the subcommand's too.
        return getattr(importlib.import_module(module_name), function)(argv[:at] + argv[at + 1:])

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)

    if args.list:
        try:
            print_list()
        except BrokenPipeError:  # `nntui --list | head` closed the pipe early: not an error
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    if args.reset_progress:
        return reset_progress(args.data_dir, args.learner, args.yes)
    if args.open:
        from nntui import sections

        if args.open not in sections.SECTION_BY_ID:
            close = sections.suggest(args.open)
            hint = f" Did you mean: {', '.join(close)}?" if close else " See nntui --list."
            parser.print_usage(sys.stderr)
            print(f"nntui: error: no section {args.open!r}.{hint}", file=sys.stderr)
            return 2
    if args.theme:
        from textual.theme import BUILTIN_THEMES

        if args.theme not in BUILTIN_THEMES:
            parser.print_usage(sys.stderr)
            print(f"nntui: error: no theme {args.theme!r}. Themes: "
                  + ", ".join(sorted(BUILTIN_THEMES)), file=sys.stderr)
            return 2

    points = None
    if args.data:
        from nntui.games.l3.train_brain_model import CsvError, load_csv

        try:
            points = load_csv(args.data)
        except CsvError as error:
            print(f"nntui: cannot use --data: {error}", file=sys.stderr)
            return 2
        args.open = args.open or "l3.train-brain"

    from nntui.app import NNTuiApp
    from nntui.store import StoreError

    try:
        app = NNTuiApp(open_section=args.open, learner=args.learner, data_dir=args.data_dir,
                       theme=args.theme)
    except (StoreError, OSError) as error:
        return cannot_open_progress(error)
    app.train_brain_points = points  # Train a brain takes them when it opens
    outbox = None
    if args.lrs:
        from nntui import lrs

        try:
            outbox = lrs.connect(app.store, args.lrs)
        except lrs.LrsError as error:
            app.store.close()
            print(f"nntui: cannot use --lrs: {error}", file=sys.stderr)
            return 2
    app.run()
    if outbox is not None:
        outbox.stop()  # what is not sent yet stays queued for the next session
    if app.store.unsaved_count:  # the store could not write them, even at the very end
        print(f"nntui: {app.store.unsaved_count} record(s) of progress could not be saved to "
              f"{app.store.path} before nntui closed; they are lost.", file=sys.stderr)
    return app.return_code or 0
