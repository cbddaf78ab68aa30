"""Tracker: follow speakers and re-quoted lines across articles, in one SQLite file.

    >>> import quotetrack
    >>> with quotetrack.Tracker(":memory:") as tracker:
    ...     result = tracker.add(
    ...         '“We will win,” Hillary Clinton said.', doc_id="a1", published="2016-09-12"
    ...     )
    ...     [(s.name, s.quotes) for s in tracker.speakers()]
    [('Hillary Clinton', 1)]

This module and :mod:`quotetrack.store` are all that talk SQL (stdlib :mod:`sqlite3`,
WAL mode, every value a bound parameter); the identity, registry and correction methods
come from :class:`quotetrack.store.identity.SpeakerIdentity`. Each article is written in
one transaction: it is either fully stored or absent, whatever happens to the process.
Readers in other processes can query while one process writes.

Who is who across articles is decided by :mod:`quotetrack.identity` from the set of
in-article names; the tracker stores the decision and re-takes it, lazily, before the
first query after new articles arrived. Near-duplicate quotes are clustered as they
arrive, through an index of word 4-grams kept in the store.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
import warnings
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import Any, Final

import attrs

from quotetrack.errors import ConfigurationError, InputTypeError, TrackerError
from quotetrack.models import (
    AddResult,
    AddStatus,
    DateLike,
    Document,
    IngestSummary,
    Quote,
    QuoteCluster,
    QuoteKind,
    SpeakerKind,
    StoreStats,
    TimelinePoint,
    TrackedQuote,
    TrackedSpeaker,
)
from quotetrack.parser import QuoteParser
from quotetrack.periods import Freq, timeline_points
from quotetrack.pipeline import analyze
from quotetrack.sentiment import SentimentScorer
from quotetrack.store.clusters import cluster_quote, read_clusters, recluster
from quotetrack.store.documents import (
    PLAUSIBLE_BOUNDS,
    date_filters,
    delete_document,
    sha256,
    stored,
)
from quotetrack.store.files import DamagedRow, check_store, connect, damaged, store_error
from quotetrack.store.identity import SpeakerIdentity
from quotetrack.store.members import INSERT_MEMBER, credited_to
from quotetrack.store.rows import INSERT_QUOTE, SELECT_QUOTE, quote_row, tracked_quote
from quotetrack.store.schema import INDEXES, MIGRATIONS, SCHEMA_VERSION
from quotetrack.store.speakers import mark_dirty, record_evidence, speaker_ids, speaker_rows
from quotetrack.store.sql import contains, fold, iso_date
from quotetrack.store.targets import INSERT_TARGET, SpeakerTargets, document_targets, target_rows
from quotetrack.validation import (
    as_document,
    at_least,
    check_doc_id,
    check_path,
    check_quotes,
    items_of,
    make_document,
    optional_str,
    quote_kind,
    speaker_kind,
    sql_limit,
)

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
class Tracker(SpeakerIdentity, SpeakerTargets):
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

    # -- writing --------------------------------------------------------------------

    def add(
        self,
        text: str,
        *,
        doc_id: str,
        published: DateLike | None = None,
        outlet: str | None = None,
        url: str | None = None,
        title: str | None = None,
        replace: bool = False,
    ) -> AddResult:
        """Analyse one article and store it with its quotes, in one transaction.

        ``published`` may be left out: an undated article is stored, counted and found
        everywhere except in timelines.

        The same ``doc_id`` with the same text changes nothing (status ``"unchanged"``);
        with a different text it raises
        :class:`~quotetrack.errors.DocumentConflictError` unless ``replace=True``, which
        swaps the old article for the new one atomically (``replace=True`` also replaces
        an article whose text is the same but whose date, outlet, url or title changed).
        An article read from a file (``Document.source``, see :meth:`add_analyzed`) is
        never replaced by another file's: that raises DocumentConflictError, naming both.
        A non-``str`` text raises :class:`~quotetrack.errors.InputTypeError` and an
        unreadable date :class:`~quotetrack.errors.InvalidDateError`, before anything is
        written.
        """
        document = make_document(text, doc_id, published, outlet, url, title)
        unchanged = self._unchanged(document, replace)
        if unchanged is not None:
            return unchanged
        return self.add_analyzed(document, self._analyze(document.text), replace=replace)

    def add_analyzed(
        self, document: Document, quotes: Sequence[Quote], *, replace: bool = False
    ) -> AddResult:
        """Store an article whose quotes were extracted elsewhere (another process,
        Parquet files): :meth:`add` is :func:`quotetrack.analyze` then this. Each quote
        is stored with its targets (:mod:`quotetrack.store.targets`), which
        :meth:`mentions` reads.

        Every span must match ``document.text`` at its offsets
        (:class:`~quotetrack.errors.InvalidSpanError` otherwise, and nothing is written).
        """
        if not isinstance(document, Document):
            msg = f"document must be a Document, not {type(document).__name__}"
            raise InputTypeError(msg)
        document = as_document(0, document)
        checked = check_quotes(document, quotes)
        sha = sha256(document.text)
        rows = [quote_row(document.doc_id, i, q, document.text) for i, q in enumerate(checked)]
        found = document_targets(document.text, checked)
        new_aliases: dict[tuple[str, str], int] = {}
        with self._write() as conn:
            status: AddStatus = "added"
            affected: list[int] = []
            state = stored(conn, document, replace)
            if state == "unchanged":
                return AddResult(document.doc_id, "unchanged", self._count(conn, document))
            if state == "replace":
                affected = delete_document(conn, document.doc_id)
                status = "replaced"
            conn.execute(
                "INSERT INTO documents (doc_id, sha256, published, outlet, url, title, text,"
                " added, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document.doc_id,
                    sha,
                    None if document.published is None else document.published.isoformat(),
                    document.outlet,
                    document.url,
                    document.title,
                    document.text,
                    dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    document.source,
                ),
            )
            named: list[tuple[int, str, str]] = []
            for (row, alias, tokens, tag, members), quote_targets in zip(rows, found, strict=True):
                alias_id = None if alias is None else self._alias_id(conn, alias, new_aliases)
                if alias is not None and alias_id is not None:
                    named.append((alias_id, *alias))
                cursor = conn.execute(
                    INSERT_QUOTE, (*row, " ".join(tokens), tag, alias_id, alias_id)
                )
                quote_id = cursor.lastrowid
                assert quote_id is not None
                cluster_quote(conn, quote_id, tokens, tag)
                conn.executemany(INSERT_TARGET, target_rows(quote_id, quote_targets))
                for ordinal, name, kind in members:  # "say A and B": A and B count too
                    member_id = self._alias_id(conn, (name, kind), new_aliases)
                    named.append((member_id, name, kind))
                    conn.execute(INSERT_MEMBER, (quote_id, ordinal, member_id, member_id))
            if affected:
                recluster(conn, affected)
            record_evidence(conn, document.doc_id, document.text, named)
            mark_dirty(conn)
            twin_row = conn.execute(  # the first match only: copies may be many
                "SELECT doc_id FROM documents WHERE sha256 = ? AND doc_id != ? LIMIT 1",
                (sha, document.doc_id),
            ).fetchone()
            twin = None if twin_row is None else str(twin_row[0])
        self._alias_ids.update(new_aliases)
        return AddResult(document.doc_id, status, len(rows), duplicate_of=twin)

    def add_many(
        self,
        documents: Iterable[Document | Mapping[str, Any]],
        *,
        workers: int | None = 1,
        progress: Callable[[AddResult], None] | None = None,
        replace: bool = False,
        chunksize: int | None = None,
    ) -> IngestSummary:
        """Add many articles (:class:`~quotetrack.models.Document` objects or mappings with
        ``text``, ``doc_id`` and optionally ``published``, ``outlet``, ``url``,
        ``title``), each in its own transaction; ``progress`` is called with each
        :class:`AddResult`.

        With ``workers`` other than 1 (None: every core), extraction runs in worker
        processes (:func:`quotetrack.parallel.analyze_many`) while this process writes.
        Articles already stored with the same text are skipped before extraction. A
        failure stops the run; the articles before it stay stored (the identity decision
        is then left to :meth:`close` or the next writer).
        """
        start = time.perf_counter()
        tally: Counter[str] = Counter()

        def record(result: AddResult) -> None:
            tally[result.status] += 1
            if result.changed:
                tally["quotes"] += result.quotes
            if progress is not None:
                progress(result)

        if progress is not None and not callable(progress):
            msg = f"progress must be a callable or None, not {type(progress).__name__}"
            raise InputTypeError(msg)
        items = (as_document(i, item) for i, item in enumerate(items_of(documents, "documents")))
        # A failure skips the identity decision (the next writer, or close(), takes it):
        # taking it in a `finally` would hide the failure behind its own error.
        if workers == 1:
            for document in items:
                unchanged = self._unchanged(document, replace)
                if unchanged is not None:
                    record(unchanged)
                    continue
                record(self.add_analyzed(document, self._analyze(document.text), replace=replace))
        else:
            self._add_parallel(items, workers, chunksize, replace, record)
        self._refresh_identity(strict=True)
        return IngestSummary(
            added=tally["added"],
            replaced=tally["replaced"],
            unchanged=tally["unchanged"],
            quotes=tally["quotes"],
            seconds=time.perf_counter() - start,
        )

    def _add_parallel(
        self,
        items: Iterator[Document],
        workers: int | None,
        chunksize: int | None,
        replace: bool,
        record: Callable[[AddResult], None],
    ) -> None:
        from quotetrack.parallel import DEFAULT_CHUNKSIZE, analyze_many

        pending: deque[Document] = deque()

        def texts() -> Iterator[str]:
            # Runs in this process, as analyze_many reads its input.
            for document in items:
                unchanged = self._unchanged(document, replace)
                if unchanged is not None:
                    record(unchanged)
                    continue
                pending.append(document)
                yield document.text

        results = analyze_many(
            texts(),
            workers=workers,
            chunksize=chunksize or DEFAULT_CHUNKSIZE,
            parser=self._parser,
            scorer=self._scorer,
        )
        for quotes in results:
            record(self.add_analyzed(pending.popleft(), quotes, replace=replace))

    def _analyze(self, text: str) -> tuple[Quote, ...]:
        return analyze(text, parser=self._parser, scorer=self._scorer)

    def _unchanged(self, document: Document, replace: bool) -> AddResult | None:
        """An "unchanged" result when there is nothing to write (checked before the
        article is analysed); raises the conflict at once when there is one."""
        try:
            if stored(self._conn, document, replace) != "unchanged":
                return None
            return AddResult(document.doc_id, "unchanged", self._count(self._conn, document))
        except sqlite3.Error as exc:
            raise store_error(exc, self._where, "read") from None

    @staticmethod
    def _count(conn: sqlite3.Connection, document: Document) -> int:
        row = conn.execute(
            "SELECT COUNT(*) FROM quotes WHERE doc_id = ?", (document.doc_id,)
        ).fetchone()
        return int(row[0])

    def _alias_id(
        self, conn: sqlite3.Connection, alias: tuple[str, str], new: dict[tuple[str, str], int]
    ) -> int:
        known = self._alias_ids.get(alias) or new.get(alias)
        if known is not None:
            return known
        conn.execute("INSERT OR IGNORE INTO aliases (name, kind) VALUES (?, ?)", alias)
        row = conn.execute("SELECT id FROM aliases WHERE name = ? AND kind = ?", alias).fetchone()
        new[alias] = int(row[0])
        return new[alias]

    # -- reading --------------------------------------------------------------------

    def document(self, doc_id: str) -> Document | None:
        """The stored article ``doc_id``, or None."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT text, doc_id, published, outlet, url, title, source FROM documents"
                " WHERE doc_id = ?",
                (check_doc_id(doc_id),),
            ).fetchone()
        if row is None:
            return None
        text, doc_id, published, outlet, url, title, source = row
        return Document(text, doc_id, iso_date(published), outlet, url, title, source)

    def stats(self) -> StoreStats:
        """How many articles, quotes, speakers and multi-article clusters are stored."""
        with self._read() as conn:
            documents = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            quotes = conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
            speakers = conn.execute("SELECT COUNT(*) FROM speakers").fetchone()[0]
            clusters = conn.execute(
                "SELECT COUNT(*) FROM (SELECT cluster_id FROM quotes GROUP BY cluster_id"
                " HAVING COUNT(DISTINCT doc_id) >= 2)"
            ).fetchone()[0]
        return StoreStats(documents, quotes, speakers, clusters)

    def speakers(
        self,
        *,
        contains: str | None = None,
        kind: SpeakerKind | str | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
        outlet: str | None = None,
        min_quotes: int = 1,
        limit: int | None = None,
    ) -> list[TrackedSpeaker]:
        """Speakers with their quote and article counts, most quoted first (a quote said
        by two people, "… say A and B", counts for each of them and for the pair).

        ``contains`` matches the name or any alias (case-insensitive); ``since`` and
        ``until`` (inclusive) and ``outlet`` count only the quotes in those articles.
        """
        where, params = date_filters(since, until, outlet)
        if kind is not None:
            where.append("s.kind = ?")
            params.append(speaker_kind(kind).value)
        if optional_str(contains, "contains") is not None:
            where.append(
                "(quotetrack_contains(s.name, ?) OR s.id IN (SELECT speaker_id FROM aliases"
                " WHERE quotetrack_contains(name, ?)))"
            )
            params += [contains, contains]
        with self._read() as conn:
            return speaker_rows(conn, where, params, min_quotes, limit)

    def speaker(self, name: str | int) -> TrackedSpeaker | None:
        """One speaker by id, display name or alias (exact first, then ignoring case);
        None when no one matches."""
        with self._read() as conn:
            ids = speaker_ids(conn, name)
            if not ids:
                return None
            found = speaker_rows(conn, [], [], 1, 1, ids)
        return found[0] if found else None

    def quotes(
        self,
        *,
        speaker: str | int | TrackedSpeaker | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
        outlet: str | None = None,
        contains: str | None = None,
        kind: QuoteKind | str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> list[TrackedQuote]:
        """Stored quotes, by publication date then article and position.

        ``speaker`` is a :class:`TrackedSpeaker`, an id, a display name or an alias (an
        unknown name gives no quotes); ``contains`` is a case-insensitive substring of
        the quote; ``since``/``until`` are inclusive dates.
        """
        where, params = date_filters(since, until, outlet)
        if optional_str(contains, "contains") is not None:
            where.append("quotetrack_contains(q.text, ?)")
            params.append(contains)
        if kind is not None:
            where.append("q.kind = ?")
            params.append(quote_kind(kind).value)
        if optional_str(doc_id, "doc_id") is not None:
            where.append("q.doc_id = ?")
            params.append(doc_id)
        with self._read() as conn:
            if speaker is not None:
                ids = speaker_ids(conn, speaker)
                if not ids:
                    return []
                where.append(credited_to(len(ids)))
                params += ids * 2
            sql = (
                f"SELECT {SELECT_QUOTE} FROM quotes q JOIN documents d ON d.doc_id = q.doc_id"
                " LEFT JOIN speakers s ON s.id = q.speaker_id"
                f" WHERE {' AND '.join(where) or '1'}"
                " ORDER BY d.published IS NULL, d.published, q.doc_id, q.position LIMIT ?"
            )
            rows = conn.execute(sql, (*params, sql_limit(limit))).fetchall()
        try:
            return [tracked_quote(row) for row in rows]
        except (ValueError, TypeError, KeyError, IndexError) as exc:  # a row written by hand
            raise damaged(self._where, DamagedRow("quote", exc)) from None

    def timeline(
        self,
        speaker: str | int | TrackedSpeaker,
        freq: Freq = "month",
        *,
        since: DateLike | None = None,
        until: DateLike | None = None,
        outlet: str | None = None,
    ) -> list[TimelinePoint]:
        """Quotes per day, ISO week or month for one speaker, with their mean compound,
        from the first dated quote to the last (empty periods included, with zero
        quotes, up to :data:`~quotetrack.periods.MAX_EMPTY_PERIODS` in a row: a longer
        empty stretch is skipped). Undated articles, and articles dated outside
        :data:`~quotetrack.periods.PLAUSIBLE_DATES` (placeholders such as 9999-12-31),
        are left out; ``since``, ``until`` (inclusive) and ``outlet`` keep only the
        quotes of those articles."""
        if freq not in ("day", "week", "month"):
            msg = f"freq must be 'day', 'week' or 'month', not {freq!r}"
            raise ConfigurationError(msg)
        where, params = date_filters(since, until, outlet)
        with self._read() as conn:
            ids = speaker_ids(conn, speaker)
            if not ids:
                return []
            where += [credited_to(len(ids)), "d.published BETWEEN ? AND ?"]
            bounds = PLAUSIBLE_BOUNDS
            rows = conn.execute(
                "SELECT d.published, COUNT(*), SUM(q.compound), COUNT(q.compound)"
                " FROM quotes q JOIN documents d ON d.doc_id = q.doc_id"
                f" WHERE {' AND '.join(where)} GROUP BY d.published",
                (*params, *ids, *ids, *bounds),
            ).fetchall()
        return timeline_points(rows, freq)

    def clusters(
        self, min_articles: int = 2, *, contains: str | None = None, limit: int | None = None
    ) -> list[QuoteCluster]:
        """Lines quoted in at least ``min_articles`` articles, most widely carried first.
        ``min_articles=1`` lists every quote's cluster (as the Quotebank export does)."""
        least = at_least(min_articles, 1, "min_articles")
        optional_str(contains, "contains")
        with self._read() as conn:
            return read_clusters(conn, least, contains, limit)
