"""``quotetrack timeline --db quotes.db SPEAKER``: quotes and mean sentiment per period."""

from __future__ import annotations

import argparse

from quotetrack.cli.arguments import text
from quotetrack.cli.output import add_spreadsheet_safe, plain, write_records
from quotetrack.cli.quotes_command import speaker_filter
from quotetrack.tracker import TimelinePoint, Tracker

NAME = "timeline"
HELP = "how often a speaker is quoted per day, week or month, and how positively"

_BAR = 40


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register this command's options."""
    parser.add_argument("speaker", type=text, help="display name, alias or id of a speaker")
    parser.add_argument("--db", required=True, help="the SQLite store")
    parser.add_argument("--freq", choices=("day", "week", "month"), default="month")
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    add_spreadsheet_safe(parser, has_output=False)


def _table(name: str, points: list[TimelinePoint]) -> None:
    print(f"{plain(name)}: quotes per period (mean VADER compound)")
    most = max((p.quotes for p in points), default=0) or 1
    for p in points:
        mean = "" if p.mean_compound is None else f"{p.mean_compound:+.2f}"
        bar = "█" * round(_BAR * p.quotes / most)
        print(f"{p.period:<10} {p.quotes:>5} {mean:>6}  {bar}")


def run(args: argparse.Namespace) -> int:
    """Print the speaker's timeline in the chosen format."""
    with Tracker.existing(args.db) as tracker:
        spec = speaker_filter(tracker, args.speaker)
        assert spec is not None
        speaker = tracker.speaker(spec)
        points = tracker.timeline(spec, freq=args.freq)
    if args.format == "table":
        _table(speaker.name if speaker else args.speaker, points)
    else:
        write_records(points, args)
    return 0
