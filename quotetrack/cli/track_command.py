"""``quotetrack track --db quotes.db PATH...``: ingest articles into a tracker store.

PATHs are text files, folders (read recursively), JSON Lines files of records, and
metadata TSV files (any ``*.tsv``, or ``--metadata``) such as PolNeAR's
``metadata.tsv``. Re-running the same command stores nothing twice. A progress line
(count, rate, ETA) goes to stderr when it is a terminal or with ``--progress``; a summary
goes to stdout at the end. Ctrl-C stops after the current article (press it twice to
stop at once; the article being written is then rolled back).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
import warnings
from collections.abc import Iterator
from types import FrameType
from typing import IO

from quotetrack.cli.files import check_paths
from quotetrack.cli.output import fail, plain
from quotetrack.errors import ConfigurationError
from quotetrack.ingest import Metadata, count_documents, iter_documents, read_metadata
from quotetrack.models import Document
from quotetrack.periods import PLAUSIBLE_DATES, plausible_date
from quotetrack.tracker import AddResult, Tracker

NAME = "track"
HELP = "ingest articles (files, folders, JSON Lines, metadata TSV) into a tracker store"

_INTERRUPTED = 130


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register this command's options."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, *.jsonl, *.tsv")
    parser.add_argument("--db", required=True, help="the SQLite store (created if missing)")
    parser.add_argument(
        "--metadata",
        action="append",
        default=[],
        metavar="TSV",
        help="a metadata TSV (filename, publisher, publication_date, title, url); repeatable",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="extraction processes (default 1; 0 means one per core)",
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help="replace stored articles whose text changed (otherwise that is an error)",
    )
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="show the progress line even when stderr is not a terminal",
    )
    progress.add_argument(
        "--no-progress", dest="progress", action="store_false", help="never show it"
    )


class _Progress:
    """The stderr progress line: articles done, rate, ETA; redrawn at most 10 times a
    second."""

    def __init__(self, total: int, stream: IO[str], enabled: bool) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled
        self.done = 0
        self.quotes = 0
        self.start = time.perf_counter()
        self._drawn = 0.0

    def __call__(self, result: AddResult) -> None:
        self.done += 1
        if result.changed:
            self.quotes += result.quotes
        now = time.perf_counter()
        if self.enabled and (now - self._drawn >= 0.1 or self.done == self.total):
            self._drawn = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float) -> str:
        """``412/924 articles  127.3/s  ETA 0:04  5,236 quotes``."""
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        left = max(self.total - self.done, 0)
        eta = _clock(left / rate) if rate > 0 and self.total else "?"
        total = f"/{self.total}" if self.total else ""
        return (
            f"{self.done}{total} articles  {rate:.1f}/s  ETA {eta}  {self.quotes:,} quotes stored"
        )

    def finish(self) -> None:
        """End the progress line."""
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class _Stop:
    """Ctrl-C handling: the first press asks to stop after the current article, the
    second raises KeyboardInterrupt as usual."""

    def __init__(self) -> None:
        self.requested = False
        self.pid = os.getpid()

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if os.getpid() != self.pid:
            return  # a forked extraction worker: the parent decides when to stop
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        print(
            "\nquotetrack: stopping after the current article (Ctrl-C again to stop now)",
            file=sys.stderr,
        )


def run(args: argparse.Namespace) -> int:
    """Ingest every PATH into the store and print a summary."""
    if args.workers < 0:
        raise ConfigurationError(f"--workers must be 0 (one per core) or more, not {args.workers}")
    tables = [*args.metadata, *(p for p in args.paths if p.lower().endswith(".tsv"))]
    sources = [p for p in args.paths if not p.lower().endswith(".tsv")]
    check_paths([*tables, *sources])
    metadata: dict[str, Metadata] = {}
    for table in tables:
        try:
            metadata.update(read_metadata(table))
        except UnicodeDecodeError:
            raise fail(f"{table} is not UTF-8 text") from None
        except OSError as exc:
            raise fail(f"cannot read {table}: {exc.strerror or exc}") from None
    skipped: list[str] = []

    def on_skip(where: str, reason: str) -> None:
        skipped.append(where)
        print(f"\nquotetrack: skipped {where}: {reason}", file=sys.stderr)

    stop = _Stop()
    # listed (and same-name files refused) before the store is opened, so a refused run
    # leaves no store behind
    found = iter_documents(sources, metadata=metadata, on_skip=on_skip)

    def documents() -> Iterator[Document]:
        for document in found:
            if stop.requested:
                return
            if document.published is not None and not plausible_date(document.published):
                first, last = PLAUSIBLE_DATES
                print(
                    f"\nquotetrack: note: {plain(document.doc_id)} is dated "
                    f"{document.published.isoformat()}, outside {first}..{last}: stored, "
                    "but left out of timelines",
                    file=sys.stderr,
                )
            yield document

    show = sys.stderr.isatty() if args.progress is None else args.progress
    progress = _Progress(count_documents(sources) if show else 0, sys.stderr, show)
    twins: list[str] = []

    def on_result(result: AddResult) -> None:
        progress(result)
        if result.duplicate_of is not None:
            twins.append(result.doc_id)
            print(
                f"\nquotetrack: note: {plain(result.doc_id)} has the same text as "
                f"{plain(result.duplicate_of)}, stored before: its lines count as quoted in "
                "two articles (remove one if they are the same article)",
                file=sys.stderr,
            )

    previous = signal.signal(signal.SIGINT, stop)
    caught: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", RuntimeWarning)
            with Tracker(args.db) as tracker:
                summary = tracker.add_many(
                    documents(),
                    workers=None if args.workers == 0 else args.workers,
                    progress=on_result,
                    replace=args.replace,
                )
                stats = tracker.stats()
    except KeyboardInterrupt:
        progress.finish()
        print("quotetrack: interrupted; every stored article is complete", file=sys.stderr)
        return _INTERRUPTED
    finally:
        signal.signal(signal.SIGINT, previous)
        for warning in caught:  # e.g. the identity decision not stored: one line each
            print(f"\nquotetrack: warning: {plain(str(warning.message))}", file=sys.stderr)
    progress.finish()
    print(
        f"{summary.added} added, {summary.unchanged} unchanged, {summary.replaced} replaced, "
        f"{len(skipped)} skipped; {summary.quotes} quotes stored in {summary.seconds:.1f} s "
        f"({summary.rate:.1f} articles/s)"
        + (f"; {len(twins)} with the text of another article" if twins else "")
    )
    print(
        f"{args.db}: {stats.documents} articles, {stats.quotes} quotes, "
        f"{stats.speakers} speakers, {stats.clusters} lines quoted in 2+ articles"
    )
    if stop.requested:
        print("quotetrack: stopped early; run the same command again to go on", file=sys.stderr)
        return _INTERRUPTED
    return 0
