"""``quotetrack speakers --db quotes.db``: who is quoted most, with their aliases; and
the hand corrections of who is who, kept in the store::

    quotetrack speakers --db quotes.db merge "Edwin Smith" "Ed Smith"
    quotetrack speakers --db quotes.db split "Mrs. Jones"
    quotetrack speakers --db quotes.db undo 3
    quotetrack speakers --db quotes.db --corrections
    quotetrack speakers --db quotes.db --ambiguous
    quotetrack speakers --db quotes.db --people people.csv
"""

from __future__ import annotations

import argparse
import shutil

from quotetrack.cli.arguments import add_count_options, count_filters, store_id, text
from quotetrack.cli.output import clip, fail, plain, write_records
from quotetrack.tracker import TrackedSpeaker, Tracker

NAME = "speakers"
HELP = (
    "list the speakers of a tracker store, most quoted first, with their aliases; "
    "merge, split or undo by hand"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register this command's options."""
    parser.add_argument("--db", required=True, help="the SQLite store")
    parser.add_argument(
        "action",
        nargs="?",
        choices=("merge", "split", "undo"),
        help="merge A B: B is the same speaker as A; split ALIAS: that in-article name is "
        "a speaker of its own; undo ID: drop a correction (see --corrections)",
    )
    parser.add_argument(
        "names", nargs="*", type=text, metavar="NAME", help="speakers, an alias or an id"
    )
    parser.add_argument(
        "--corrections", action="store_true", help="list the hand corrections kept in the store"
    )
    parser.add_argument(
        "--ambiguous", action="store_true", help="list bare names linked to no one (ambiguous)"
    )
    parser.add_argument(
        "--people", metavar="PATH", help="link a people registry (CSV or JSONL) first"
    )
    parser.add_argument("--contains", type=text, metavar="TEXT", help="name or alias contains TEXT")
    parser.add_argument(
        "--kind", choices=("person", "organisation", "group"), help="only this kind of speaker"
    )
    add_count_options(parser)


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
        if s.person_id:
            aliases = f"[{s.person_id}] {aliases}"
        print(
            f"{rank:>3} {clip(s.name, 24):<24} {s.quotes:>6} {s.articles:>5} {mean:>6} "
            f"{first:<10} {last:<10}  {clip(aliases, room)}"
        )


def _speaker(text: str) -> str | int:
    found = store_id(text)
    return text if found is None else found


def _correct(tracker: Tracker, action: str, names: list[str]) -> int:
    wanted = {"merge": 2, "split": 1, "undo": 1}[action]
    if len(names) != wanted:
        raise fail(f"`speakers {action}` takes {wanted} argument(s), not {len(names)}")
    if action == "merge":
        merged = tracker.merge(_speaker(names[0]), _speaker(names[1]))
        aliases = plain("; ".join(merged.aliases))
        print(f"merged: {plain(merged.name)} ({merged.quotes} quotes; aliases {aliases})")
    elif action == "split":
        for correction in tracker.split(names[0]):
            print(plain(f"split: {correction.a} ({correction.b}), correction {correction.id}"))
    else:
        wanted_id = store_id(names[0])
        if wanted_id is None:
            raise fail(f"`speakers undo` takes a correction id (--corrections), not {names[0]!r}")
        tracker.undo(wanted_id)
        print(f"undone: correction {names[0]}")
    return 0


def run(args: argparse.Namespace) -> int:
    """Print the speakers in the chosen format, or make or list corrections."""
    writes = bool(args.action or args.people)
    with Tracker.existing(args.db, read_only=not writes) as tracker:
        if args.people:
            tracker.link_people(args.people)
        if args.action:
            return _correct(tracker, args.action, args.names)
        if args.names:
            raise fail("names are given only with merge, split or undo")
        if args.corrections:
            for c in tracker.corrections():
                print(f"{c.id:>4}  {c.made}  {c.action:<5}  {plain(c.a)}  {plain(c.b)}")
            return 0
        if args.ambiguous:
            for a in tracker.ambiguous():
                could = plain(", ".join(a.candidates))
                print(f"{plain(a.doc_id)}  {plain(a.name)!r} ({a.quotes})  could be: {could}")
            return 0
        speakers = tracker.speakers(
            contains=args.contains,
            kind=args.kind,
            **count_filters(args),
        )
    if args.format == "table":
        _table(speakers)
    else:
        write_records(speakers, args)
    return 0
