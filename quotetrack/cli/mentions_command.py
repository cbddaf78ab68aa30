"""``quotetrack mentions --db quotes.db [--speaker NAME] [--target NAME]``: how speakers
talk about the people and organisations their quotes name."""

from __future__ import annotations

import argparse
import shutil
import sys

from quotetrack.cli.arguments import add_count_options, count_filters, text
from quotetrack.cli.output import clip, write_records
from quotetrack.cli.quotes_command import speaker_filter, speakers_near
from quotetrack.models import TrackedMention
from quotetrack.tracker import Tracker

NAME = "mentions"
HELP = "how speakers talk about the people and organisations they name (speaker -> target)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register this command's options."""
    parser.add_argument("--db", required=True, help="the SQLite store")
    parser.add_argument("--speaker", type=text, help="display name, alias or id of the speaker")
    parser.add_argument(
        "--target",
        type=text,
        help="who is named: a speaker's name, alias or id, or any name (FBI)",
    )
    add_count_options(parser)


def _table(rows: list[TrackedMention]) -> None:
    width = shutil.get_terminal_size((120, 20)).columns
    room = max(16, (width - 54) // 2)
    print(
        f"{'#':>3} {'speaker':<{room}} {'target':<{room}} {'quotes':>6} {'ment':>5} "
        f"{'mean':>6} {'label':<8} {'first':<10} last"
    )
    for rank, m in enumerate(rows, 1):
        first = m.first_seen.isoformat() if m.first_seen else ""
        last = m.last_seen.isoformat() if m.last_seen else ""
        print(
            f"{rank:>3} {clip(m.speaker, room):<{room}} {clip(m.target, room):<{room}} "
            f"{m.quotes:>6} {m.mentions:>5} {m.mean_compound:>+6.2f} {m.label:<8} "
            f"{first:<10} {last}"
        )


def run(args: argparse.Namespace) -> int:
    """Print the speaker -> target pairs in the chosen format."""
    target = args.target
    if target is not None and target.isascii() and target.isdigit():
        target = int(target)
    with Tracker.existing(args.db) as tracker:
        rows = tracker.mentions(
            speaker=speaker_filter(tracker, args.speaker),
            target=target,
            **count_filters(args),
        )
        if not rows and isinstance(target, str) and tracker.speaker(target) is None:
            # A name that is no speaker's is matched as written (an organisation, say);
            # when it is part of speakers' names, say which, as --speaker does.
            near = speakers_near(tracker, target)
            if near is not None:
                print(f"quotetrack mentions: note: {near}", file=sys.stderr)
    if args.format == "table":
        _table(rows)
    else:
        write_records(rows, args)
    return 0
