"""The ``quotetrack`` command: a thin shell over the public API.

Each subcommand lives in its own module of this package and exposes ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``; :data:`COMMANDS` lists them. Library
errors become a one-line message and exit status 2 at this edge.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from quotetrack._version import __version__
from quotetrack.cli import (
    export_command,
    mentions_command,
    parse_command,
    quotes_command,
    report_command,
    speakers_command,
    timeline_command,
    track_command,
    view_command,
)
from quotetrack.cli.output import plain
from quotetrack.errors import QuotetrackError

__all__ = ["COMMANDS", "main"]

COMMANDS: tuple[ModuleType, ...] = (
    parse_command,
    view_command,
    report_command,
    track_command,
    speakers_command,
    quotes_command,
    timeline_command,
    mentions_command,
    export_command,
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="quotetrack",
        description="Find who said what in news text, and how they said it.",
    )
    parser.add_argument("--version", action="version", version=f"quotetrack {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for module in COMMANDS:
        cmd = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


def _never_fail_to_print() -> None:
    """In a narrow locale (``LC_ALL=C`` without UTF-8 mode, ``PYTHONIOENCODING=ascii``) a
    character the terminal cannot show is printed as an escape, not a crash. This is for
    tables and messages only: machine formats bypass it (``output.utf8_stdout``)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    _never_fail_to_print()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args._run(args)
        if sys.stdout is not None:
            sys.stdout.flush()  # here, where a full disk can still be reported
    except QuotetrackError as exc:
        print(f"quotetrack: error: {plain(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `quotetrack parse x.txt | head`
        return 0
    except OSError as exc:  # standard output on a full disk (`> out.jsonl`), a device gone
        _drop_stdout()
        where = exc.filename or "standard output"
        print(
            f"quotetrack: error: cannot write {plain(str(where))}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return 2
    return status


def _drop_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush
    does not fail again on what could not be written."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
