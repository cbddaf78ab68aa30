"""Arguments shared by the commands: text arguments read right in any locale, and the
options of the commands that count quotes per row (``speakers``, ``mentions``)."""

from __future__ import annotations

import argparse
import os
from typing import Any

from quotetrack.cli.output import add_spreadsheet_safe
from quotetrack.validation import SQLITE_MAX

__all__ = ["add_count_options", "count_filters", "store_id", "text"]


def text(value: str) -> str:
    """A text argument (a speaker's name, an outlet, a title), as the user typed it.

    Under a locale that is not UTF-8 (``LC_ALL=C`` with ``PYTHONUTF8=0``) Python hands
    non-ASCII arguments over as surrogate escapes of their bytes ("Jos\\udcc3\\udca9"),
    which no name matches and which cannot be encoded again. Such an argument is read back
    as the UTF-8 its bytes are; one that is not UTF-8 ends the command (status 2). File
    names are not passed through this: they must keep the escapes to be opened.
    """
    if not any("\udc80" <= ch <= "\udcff" for ch in value):
        return value
    try:
        return os.fsencode(value).decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError):
        msg = f"{value.encode('utf-8', 'backslashreplace').decode('ascii')!s} is not UTF-8 text"
        raise argparse.ArgumentTypeError(msg) from None


def store_id(value: str) -> int | None:
    """``value`` as a store id (a speaker's, a correction's): ASCII digits SQLite can hold
    (``str.isdigit`` also takes "²", which ``int`` refuses), else None (a name)."""
    if value.isascii() and value.isdigit() and int(value) <= SQLITE_MAX:
        return int(value)
    return None


def add_count_options(parser: argparse.ArgumentParser) -> None:
    """The options of a command whose rows count quotes (``speakers``, ``mentions``):
    which articles count, how many quotes a row needs, how many rows, in which format."""
    parser.add_argument("--since", metavar="DATE", help="count quotes published on or after")
    parser.add_argument("--until", metavar="DATE", help="count quotes published on or before")
    parser.add_argument("--outlet", type=text, help="count quotes from this outlet only")
    parser.add_argument("--min-quotes", type=int, default=1, metavar="N", help="default 1")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="default 20; 0: all")
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    add_spreadsheet_safe(parser, has_output=False)


def count_filters(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of :func:`add_count_options`' options, as
    ``Tracker.speakers`` and ``Tracker.mentions`` take them (``--limit 0``: all)."""
    return {
        "since": args.since,
        "until": args.until,
        "outlet": args.outlet,
        "min_quotes": args.min_quotes,
        "limit": args.limit or None,
    }
