"""``quotetrack view FILE [-o OUT]``: one article as a self-contained HTML page."""

from __future__ import annotations

import argparse
from pathlib import Path

from quotetrack.cli.arguments import text
from quotetrack.cli.files import read_article
from quotetrack.cli.output import fail, not_the_input, write_page
from quotetrack.parser import parse
from quotetrack.pipeline import analyze
from quotetrack.view import render_html

NAME = "view"
HELP = "write an article as one HTML page with its quotes highlighted (FILE, or - for stdin)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register this command's options."""
    parser.add_argument("file", metavar="FILE", help="a UTF-8 text file; - reads stdin")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="where to write the page: a path, or - for stdout "
        "(default: FILE with the suffix .html; stdout when reading stdin)",
    )
    parser.add_argument("--title", type=text, help="the page heading (default: the file name)")
    parser.add_argument(
        "--no-sentiment", action="store_true", help="skip sentiment scoring (faster)"
    )


def _read(name: str) -> str:
    return read_article(name)


def output_path(file: str, output: str | None) -> Path | None:
    """Where the page goes: a path, or None for stdout."""
    if output == "-" or (output is None and file == "-"):
        return None
    if output is not None:
        if file != "-":
            not_the_input(output, file, "the article")
        return Path(output)
    target = Path(file).with_suffix(".html")
    if target == Path(file):
        raise fail(f"{file} already ends in .html; choose the output with -o")
    return target


def run(args: argparse.Namespace) -> int:
    """Parse (and score) the article, render it and write the page."""
    text = _read(args.file)
    quotes = parse(text) if args.no_sentiment else analyze(text)
    title = args.title or ("standard input" if args.file == "-" else Path(args.file).name)
    page = render_html(text, quotes, title=title)
    return write_page(page, output_path(args.file, args.output), f" ({len(quotes)} quotes)")
