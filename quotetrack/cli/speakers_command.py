"""``quotetrack speakers --db quotes.db``: who is quoted most, with their aliases."""

from __future__ import annotations

import argparse
import json
import shutil
import sys

from quotetrack.cli.output import clip
from quotetrack.export import to_csv, to_records
from quotetrack.tracker import TrackedSpeaker, Tracker

NAME = "speakers"
HELP = "list the speakers of a tracker store, most quoted first, with their aliases"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register this command's options."""
    parser.add_argument("--db", required=True, help="the SQLite store")
    parser.add_argument("--contains", metavar="TEXT", help="name or alias contains TEXT")
    parser.add_argument("--kind", choices=("person", "group"), help="only persons or groups")
    parser.add_argument("--since", metavar="DATE", help="count quotes published on or after")
    parser.add_argument("--until", metavar="DATE", help="count quotes published on or before")
    parser.add_argument("--outlet", help="count quotes from this outlet only")
    parser.add_argument("--min-quotes", type=int, default=1, metavar="N", help="default 1")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="default 20; 0: all")
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")


def _table(speakers: list[TrackedSpeaker]) -> None:
    width = shutil.get_terminal_size((120, 20)).columns
    print(
        f"{'#':>3} {'speaker':<24} {'quotes':>6} {'arts':>5} {'mean':>6} {'first':<10} "
        f"{'last':<10}  aliases"
    )
    room = max(20, width - 74)
    for rank, s in enumerate(speakers, 1):
        mean = "" if s.mean_compound is None else f"{s.mean_compound:+.2f}"
        first = s.first_seen.isoformat() if s.first_seen else ""
        last = s.last_seen.isoformat() if s.last_seen else ""
        aliases = "; ".join(a for a in s.aliases if a != s.name)
        print(
            f"{rank:>3} {clip(s.name, 24):<24} {s.quotes:>6} {s.articles:>5} {mean:>6} "
            f"{first:<10} {last:<10}  {clip(aliases, room)}"
        )


def run(args: argparse.Namespace) -> int:
    """Print the speakers in the chosen format."""
    with Tracker.existing(args.db) as tracker:
        speakers = tracker.speakers(
            contains=args.contains,
            kind=args.kind,
            since=args.since,
            until=args.until,
            outlet=args.outlet,
            min_quotes=args.min_quotes,
            limit=args.limit or None,
        )
    if args.format == "csv":
        to_csv(speakers, sys.stdout)
    elif args.format == "jsonl":
        for record in to_records(speakers):
            print(json.dumps(record, ensure_ascii=False))
    else:
        _table(speakers)
    return 0
