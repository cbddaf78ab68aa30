"""``quotetrack parse FILE... | -``: print the quotes of one or more articles."""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Iterator

from quotetrack.cli.files import read_article
from quotetrack.cli.output import clip, plain, utf8_stdout
from quotetrack.export import to_dict
from quotetrack.models import Quote
from quotetrack.parser import parse
from quotetrack.pipeline import analyze

NAME = "parse"
HELP = "extract attributed quotes from articles (files, or - for standard input)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register this command's options."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="text files; - reads stdin")
    parser.add_argument(
        "--format",
        choices=("table", "json", "jsonl"),
        default="table",
        help="table (default, for reading), json (one document), jsonl (one quote a line)",
    )
    parser.add_argument(
        "--no-sentiment", action="store_true", help="skip sentiment scoring (faster)"
    )


def _read(name: str) -> tuple[str, str]:
    return ("<stdin>" if name == "-" else name), read_article(name)


def _documents(args: argparse.Namespace) -> Iterator[tuple[str, tuple[Quote, ...]]]:
    for name in args.files:
        source, text = _read(name)
        yield source, parse(text) if args.no_sentiment else analyze(text)


def _table(source: str, quotes: tuple[Quote, ...], many: bool) -> None:
    width = shutil.get_terminal_size((120, 20)).columns
    if many:
        print(f"== {plain(source)}: {len(quotes)} quotes")
    header = f"{'speaker':<22} {'cue':<10} {'kind':<8} {'sent':>6}  quote"
    print(header)
    print("-" * min(width, 100))
    room = max(20, width - 52)
    for q in quotes:
        speaker = q.speaker.name if q.speaker else "?"
        cue = q.cue.text if q.cue else ""
        sent = f"{q.sentiment.compound:+.2f}" if q.sentiment else ""
        print(
            f"{clip(speaker, 22):<22} {clip(cue, 10):<10} {q.kind.value:<8} {sent:>6}  "
            f"{clip(q.text, room)}"
        )


def run(args: argparse.Namespace) -> int:
    """Parse every file and print its quotes in the chosen format."""
    docs = list(_documents(args)) if args.format == "json" else _documents(args)
    if args.format == "json":
        payload = [
            {"source": source, "quotes": [to_dict(q) for q in quotes]} for source, quotes in docs
        ]
        with utf8_stdout() as out:
            json.dump(
                payload[0] if len(payload) == 1 else payload, out, ensure_ascii=False, indent=2
            )
            out.write("\n")
        return 0
    if args.format == "jsonl":
        with utf8_stdout() as out:
            for source, quotes in docs:
                for q in quotes:
                    out.write(
                        json.dumps({"source": source, **to_dict(q)}, ensure_ascii=False) + "\n"
                    )
        return 0
    many = len(args.files) > 1
    for source, quotes in docs:
        _table(source, quotes, many)
    return 0
