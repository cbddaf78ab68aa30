"""``quotetrack report --db quotes.db [-o report.html]``: a store as one HTML report."""

from __future__ import annotations

import argparse
from pathlib import Path

from quotetrack.cli.arguments import text
from quotetrack.cli.output import not_the_input, write_page
from quotetrack.report import render_report
from quotetrack.tracker import Tracker

NAME = "report"
HELP = "write an HTML report of a tracker store: top speakers, sentiment over time, re-quotes"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register this command's options."""
    parser.add_argument("--db", required=True, metavar="PATH", help="the tracker store")
    parser.add_argument(
        "-o",
        "--output",
        default="report.html",
        metavar="OUT",
        help="where to write the page, or - for stdout (default: report.html)",
    )
    parser.add_argument("--outlet", type=text, help="restrict the whole report to one outlet")
    parser.add_argument(
        "--speaker",
        type=text,
        action="append",
        dest="speakers",
        metavar="NAME",
        help="chart this speaker (name, alias or id); repeat for more "
        "(default: the three most quoted)",
    )
    parser.add_argument(
        "--top",
        type=int,
        default=20,
        help="speakers, re-quoted lines and speaker -> target pairs to list (default 20)",
    )
    parser.add_argument(
        "--freq",
        choices=("day", "week", "month"),
        help="chart period (default: from the span of the dates)",
    )
    parser.add_argument("--title", type=text, help="the page heading")


def run(args: argparse.Namespace) -> int:
    """Open the store read-only in spirit, render the report and write it."""
    not_the_input(args.output, args.db)
    with Tracker.existing(args.db) as tracker:
        page = render_report(
            tracker,
            speakers=args.speakers,
            outlet=args.outlet,
            top=args.top,
            freq=args.freq,
            title=args.title,
        )
    return write_page(page, None if args.output == "-" else Path(args.output))
