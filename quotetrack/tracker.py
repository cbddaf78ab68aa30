"""Tracker: follow speakers and re-quoted lines across articles, in one SQLite file.

    >>> import quotetrack
    >>> with quotetrack.Tracker(":memory:") as tracker:
    ...     result = tracker.add(
    ...         '“We will win,” Hillary Clinton said.', doc_id="a1", published="2016-09-12"
    ...     )
    ...     [(s.name, s.quotes) for s in tracker.speakers()]
    [('Hillary Clinton', 1)]

This module and :mod:`quotetrack.store` are all that talk SQL (stdlib :mod:`sqlite3`,
WAL mode, every value a bound parameter). This module opens the store and holds its
transactions; the tracker's methods come from the store's modules: writing articles
from :class:`quotetrack.store.writing.ArticleWriter`, the read queries from
:class:`quotetrack.store.queries.StoreQueries`, the identity, registry and correction
methods from :class:`quotetrack.store.identity.SpeakerIdentity` and the speaker → target
pairs from :class:`quotetrack.store.targets.SpeakerTargets`. Each article is written in
one transaction: it is either fully stored or absent, whatever happens to the process.
Readers in other processes can query while one process writes.

Who is who across articles is decided by :mod:`quotetrack.identity` from the set of
in-article names; the tracker stores the decision and re-takes it, lazily, before the
first query after new articles arrived. Near-duplicate quotes are clustered as they
arrive, through an index of word 4-grams kept in the store.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import warnings
from collections.abc import Iterator
from types import TracebackType
from typing import Final

import attrs

from quotetrack.errors import InputTypeError, TrackerError
from quotetrack.models import (
    AddResult,
    IngestSummary,
    QuoteCluster,
    StoreStats,
    TimelinePoint,
    TrackedQuote,
    TrackedSpeaker,
)
from quotetrack.parser import QuoteParser
from quotetrack.sentiment import SentimentScorer
from quotetrack.store.files import DamagedRow, check_store, connect, damaged, store_error
from quotetrack.store.identity import SpeakerIdentity
from quotetrack.store.queries import StoreQueries
from quotetrack.store.schema import INDEXES, MIGRATIONS, SCHEMA_VERSION
from quotetrack.store.sql import contains, fold
from quotetrack.store.targets import SpeakerTargets
from quotetrack.store.writing import ArticleWriter
from quotetrack.validation import check_path

# The result classes live in quotetrack.models; they are re-exported here because
# ``from quotetrack.tracker import TrackedSpeaker`` is how earlier releases named them.
__all__ = [
    "SCHEMA_VERSION",
    "AddResult",
    "IngestSummary",
    "QuoteCluster",
    "StoreStats",
    "TimelinePoint",
    "TrackedQuote",
    "TrackedSpeaker",
    "Tracker",
]

_CHECKPOINT_PAGES: Final = 10_000
"""WAL pages between automatic checkpoints."""


# --- the tracker -------------------------------------------------------------------


@attrs.define(init=False, eq=False, repr=False)
class Tracker(ArticleWriter, StoreQueries, SpeakerIdentity, SpeakerTargets):
    """A store of articles and their quotes, over one SQLite file.

    ``Tracker(path)``, ``Tracker(":memory:")`` or ``Tracker(connection)``; use it as a
    context manager (a connection passed in is left open on exit). Opening creates the
    schema, migrates a store written by an older quotetrack, and raises
    :class:`~quotetrack.errors.SchemaVersionError` for one written by a newer one. A file
    that is not a quotetrack store (another application's database, a store missing a
    table) raises :class:`~quotetrack.errors.TrackerError` and is left as it was.

    ``read_only=True`` (what :meth:`existing` gives) opens a file store for reading:
    nothing is ever written, so it works on a read-only file, folder or full disk, and
    writing raises TrackerError. A reader uses the last cross-article identity decision
    a writer stored (writers store it on :meth:`close` and at the end of
    :meth:`add_many`). SQLite's faults (a damaged file, a full disk) raise TrackerError.

    ``parser`` and ``scorer`` are the configured
    :class:`~quotetrack.parser.QuoteParser` and
    :class:`~quotetrack.sentiment.SentimentScorer` that :meth:`add` and
    :meth:`add_many` analyse articles with (default: those of :func:`quotetrack.analyze`).
    """

    _conn: sqlite3.Connection
    _where: str
    _owns: bool
    _read_only: bool
    _ready: bool
    _saved_isolation: str | None
    _alias_ids: dict[tuple[str, str], int]
    _parser: QuoteParser | None
    _scorer: SentimentScorer | None

    def __init__(
        self,
        target: str | os.PathLike[str] | sqlite3.Connection,
        *,
        parser: QuoteParser | None = None,
        scorer: SentimentScorer | None = None,
        read_only: bool = False,
        people: str | os.PathLike[str] | None = None,
    ) -> None:
        if parser is not None and not isinstance(parser, QuoteParser):
            msg = f"parser must be a QuoteParser, not {type(parser).__name__}"
            raise InputTypeError(msg)
        if scorer is not None and not isinstance(scorer, SentimentScorer):
            msg = f"scorer must be a SentimentScorer, not {type(scorer).__name__}"
            raise InputTypeError(msg)
        if people is not None:
            check_path(people, "people")  # before the store is opened or created
        self._parser, self._scorer = parser, scorer
        self._read_only, self._ready = read_only, False
        if isinstance(target, sqlite3.Connection):
            self._conn, self._where, self._owns = target, "the given connection", False
        elif isinstance(target, (str, os.PathLike)):
            self._where = os.fspath(target)
            if read_only and not os.path.isfile(self._where):
                msg = f"no store at {self._where!r}; create one with `quotetrack track --db`"
                raise TrackerError(msg)
            self._conn = connect(self._where, read_only=read_only)
            self._owns = True
        else:
            msg = (
                "Tracker takes a path, ':memory:' or an sqlite3.Connection, "
                f"not {type(target).__name__}"
            )
            raise InputTypeError(msg)
        try:
            self._saved_isolation = self._conn.isolation_level
            self._conn.isolation_level = None  # transactions are explicit: BEGIN ... COMMIT
        except sqlite3.Error as exc:  # a connection passed in closed
            raise store_error(exc, self._where, "open") from None
        self._alias_ids = {}
        try:
            self._setup()
            if people is not None:
                self.link_people(people)
        except BaseException:
            self.close()
            raise
        self._ready = True

    def __repr__(self) -> str:
        return f"<Tracker {self._where!r}>"

    def __enter__(self) -> Tracker:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            self.close()
            return
        # The block failed: its error is the one to see. Ctrl-C does not wait for the
        # identity decision (the next writer takes it); failing to store it is a warning,
        # unless the block's error was the store's own (then it is the same fault).
        if isinstance(exc, KeyboardInterrupt):
            self._ready = False
        try:
            self.close()
        except TrackerError as failed:
            if not isinstance(exc, TrackerError):
                warnings.warn(str(failed), RuntimeWarning, stacklevel=2)

    @classmethod
    def existing(
        cls,
        path: str | os.PathLike[str],
        *,
        parser: QuoteParser | None = None,
        scorer: SentimentScorer | None = None,
        read_only: bool = True,
    ) -> Tracker:
        """Open a store that must already exist, for reading unless ``read_only=False``:
        a typo in the path, or a file that is not a store, raises
        :class:`~quotetrack.errors.TrackerError` instead of creating or converting it."""
        if not os.path.isfile(check_path(path)):
            msg = f"no store at {os.fspath(path)!r}; create one with `quotetrack track --db`"
            raise TrackerError(msg)
        return cls(path, parser=parser, scorer=scorer, read_only=read_only)

    def close(self) -> None:
        """Store the identity decision if articles arrived since the last one (so that
        readers see it), then close the connection if the tracker opened it
        (idempotent). Raises :class:`~quotetrack.errors.TrackerError`, the connection
        closed all the same, when the decision cannot be stored: readers then see the
        previous one until a writer stores it."""
        failed: TrackerError | None = None
        if self._ready and not self._read_only:
            self._ready = False
            try:
                self._refresh_identity(strict=True)
            except TrackerError as exc:
                msg = f"could not store the speaker identity decision: {exc}"
                failed = TrackerError(msg)
        if self._owns:
            self._conn.close()
        else:
            with contextlib.suppress(sqlite3.Error):
                # typeshed reads str | None but writes a Literal: this is the value read
                self._conn.isolation_level = self._saved_isolation  # type: ignore[assignment]
        if failed is not None:
            raise failed

    # -- setup ----------------------------------------------------------------------

    def _setup(self) -> None:
        conn = self._conn
        doing = "read" if self._read_only else "write"
        try:
            conn.execute("PRAGMA busy_timeout = 30000")
        except sqlite3.Error as exc:
            raise store_error(exc, self._where, doing) from None
        # Nothing is written before the file is known to be a store (or empty).
        version = check_store(conn, self._where, SCHEMA_VERSION, read_only=self._read_only)
        try:
            if not self._read_only:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")  # durable across crashes
                # Checkpoint every ~40 MB of WAL rather than SQLite's 4 MB: a checkpoint is
                # an fsync, and an article rewrites ~100 shingle-index pages, so the
                # default made ingest spend more time waiting for the disk than computing.
                conn.execute(f"PRAGMA wal_autocheckpoint = {_CHECKPOINT_PAGES:d}")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            raise store_error(exc, self._where, doing) from None
        conn.create_function("quotetrack_contains", 2, contains, deterministic=True)
        conn.create_function("quotetrack_fold", 1, fold, deterministic=True)
        if version < SCHEMA_VERSION:
            self._migrate()
        if not self._read_only:
            try:
                for statement in INDEXES:
                    conn.execute(statement)
            except sqlite3.Error as exc:
                raise store_error(exc, self._where, "write") from None

    def _migrate(self) -> None:
        with self._write() as conn:
            # another process may have got here first
            version = check_store(conn, self._where, SCHEMA_VERSION, read_only=False)
            for step in MIGRATIONS[version:]:
                step(conn)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back whole; SQLite's
        faults come out as TrackerError."""
        if self._read_only:
            msg = f"the store {self._where!r} was opened read-only; open it with Tracker(path)"
            raise TrackerError(msg)
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise store_error(exc, self._where, "write") from None
        try:
            yield conn
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise store_error(exc, self._where, "write") from None
            if isinstance(exc, DamagedRow):
                raise damaged(self._where, exc) from None
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise store_error(exc, self._where, "write") from None

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """One read transaction, so that several queries see the same snapshot; SQLite's
        faults come out as TrackerError."""
        try:
            if not self._read_only:
                self._refresh_identity()
            conn = self._conn
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise store_error(exc, self._where, "read") from None
        except DamagedRow as exc:
            raise damaged(self._where, exc) from None
