"""``quotetrack export --db quotes.db --format jsonl|csv|quotebank``: the store as files.

``jsonl`` writes one stored quote per line with every offset; ``csv`` one flat row per
quote; ``quotebank`` one line per quote cluster in Quotebank's quote-centric format
(quoteID, quotation, speaker, date, numOccurrences, probas, urls).
"""

from __future__ import annotations

import argparse
import sys
from typing import IO

from quotetrack.cli.output import add_spreadsheet_safe, not_the_input, open_output, write_csv
from quotetrack.cli.quotes_command import add_quote_filters, filtered_quotes
from quotetrack.export import to_jsonl, to_quotebank
from quotetrack.tracker import Tracker

NAME = "export"
HELP = "write the store's quotes as JSON Lines or CSV, or its quote clusters Quotebank-style"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register this command's options."""
    parser.add_argument("--db", required=True, help="the SQLite store")
    parser.add_argument("--format", choices=("jsonl", "csv", "quotebank"), default="jsonl")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write here, or - for stdout (default: stdout)"
    )
    add_quote_filters(parser)
    parser.add_argument(
        "--min-articles",
        type=int,
        default=1,
        metavar="N",
        help="quotebank: only quotes carried by N articles or more (default 1: all)",
    )
    add_spreadsheet_safe(parser, has_output=True)


def _write(args: argparse.Namespace, tracker: Tracker, out: IO[str]) -> int:
    if args.format == "quotebank":
        return to_quotebank(
            tracker.clusters(min_articles=args.min_articles, contains=args.contains), out
        )
    quotes = filtered_quotes(tracker, args)
    if args.format == "csv":
        return write_csv(quotes, out, args, args.output)
    return to_jsonl(quotes, out)


def run(args: argparse.Namespace) -> int:
    """Write the export and say how many records went out."""
    not_the_input(args.output, args.db)
    with Tracker.existing(args.db) as tracker, open_output(args.output) as out:
        n = _write(args, tracker, out)
    what = "clusters" if args.format == "quotebank" else "quotes"
    print(f"quotetrack: exported {n} {what}", file=sys.stderr)
    return 0
