"""``quotetrack quotes --db quotes.db [--speaker NAME] ...``: stored quotes, filtered."""

from __future__ import annotations

import argparse
import shutil

from quotetrack.cli.arguments import store_id, text
from quotetrack.cli.output import (
    add_spreadsheet_safe,
    clip,
    fail,
    plain,
    utf8_stdout,
    write_records,
)
from quotetrack.export import to_jsonl
from quotetrack.tracker import TrackedQuote, Tracker

NAME = "quotes"
HELP = "list stored quotes by speaker, date, outlet, text or kind"

_NEAR = 4  # speakers named in the message when a name matches no one alone


def add_quote_filters(parser: argparse.ArgumentParser) -> None:
    """The filters shared by ``quotes`` and ``export``."""
    parser.add_argument("--speaker", type=text, help="display name, alias or id of a speaker")
    parser.add_argument("--since", metavar="DATE", help="published on or after (ISO date)")
    parser.add_argument("--until", metavar="DATE", help="published on or before (ISO date)")
    parser.add_argument("--outlet", type=text, help="published by this outlet (ignoring case)")
    parser.add_argument("--contains", type=text, metavar="TEXT", help="quote text contains TEXT")
    parser.add_argument("--kind", choices=("direct", "mixed", "reported"), help="quote kind")


def filtered_quotes(
    tracker: Tracker, args: argparse.Namespace, limit: int | None = None
) -> list[TrackedQuote]:
    """The stored quotes that pass the filters of :func:`add_quote_filters`."""
    return tracker.quotes(
        speaker=speaker_filter(tracker, args.speaker),
        since=args.since,
        until=args.until,
        outlet=args.outlet,
        contains=args.contains,
        kind=args.kind,
        limit=limit,
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register this command's options."""
    parser.add_argument("--db", required=True, help="the SQLite store")
    add_quote_filters(parser)
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="default 50; 0: all")
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    add_spreadsheet_safe(parser, has_output=False)


def speaker_filter(tracker: Tracker, name: str | None) -> str | int | None:
    """The ``--speaker`` value as the tracker takes it (digits are an id); exits with a
    message when no speaker matches."""
    if name is None:
        return None
    found = store_id(name)
    spec: str | int = name if found is None else found
    if tracker.speaker(spec) is None:
        near = None if found is not None else speakers_near(tracker, name)
        if near is not None:
            raise fail(near)
        raise fail(f"no speaker matches {name!r}; see `quotetrack speakers`")
    return spec


def speakers_near(tracker: Tracker, name: str) -> str | None:
    """A message naming the speakers whose names contain ``name`` when none is named
    ``name`` alone (a bare surname shared by several people is linked to no one), or
    None when no speaker's name contains it."""
    near = tracker.speakers(contains=name, limit=_NEAR + 1)
    if not near:
        return None
    some = ", ".join(f"{plain(s.name)} (id {s.id})" for s in near[:_NEAR])
    more = ", ..." if len(near) > _NEAR else ""
    return (
        f"no speaker is named {name!r} alone; did you mean {some}{more}? "
        "Give the full name or the id"
    )


def _table(quotes: list[TrackedQuote]) -> None:
    width = shutil.get_terminal_size((120, 20)).columns
    print(f"{'date':<10} {'outlet':<12} {'speaker':<20} {'sent':>6}  quote")
    room = max(20, width - 54)
    for q in quotes:
        day = q.published.isoformat() if q.published else ""
        who = q.speaker or (q.quote.speaker.name if q.quote.speaker else "?")
        sent = f"{q.quote.sentiment.compound:+.2f}" if q.quote.sentiment else ""
        print(
            f"{day:<10} {clip(q.outlet or '', 12):<12} {clip(who, 20):<20} {sent:>6}  "
            f"{clip(q.text, room)}"
        )


def run(args: argparse.Namespace) -> int:
    """Print the matching quotes in the chosen format."""
    with Tracker.existing(args.db) as tracker:
        quotes = filtered_quotes(tracker, args, limit=args.limit or None)
    if args.format == "table":
        _table(quotes)
        return 0
    if args.format == "csv":
        write_records(quotes, args)
        return 0
    with utf8_stdout() as out:
        to_jsonl(quotes, out)
    return 0
