"""The tracker's writing API: articles analysed and stored with their quotes, one
transaction each (:meth:`~ArticleWriter.add`, :meth:`~ArticleWriter.add_analyzed`,
:meth:`~ArticleWriter.add_many`), as methods that :class:`quotetrack.tracker.Tracker`
inherits. What adding an article means given what is stored is
:mod:`quotetrack.store.documents`; a quote's row, :mod:`quotetrack.store.rows`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from quotetrack.errors import InputTypeError
from quotetrack.models import AddResult, AddStatus, DateLike, Document, IngestSummary, Quote
from quotetrack.parallel import DEFAULT_CHUNKSIZE, map_texts, pack_quotes, unpack_quotes
from quotetrack.parser import QuoteParser
from quotetrack.pipeline import Analyzer, analyze
from quotetrack.sentiment import SentimentScorer
from quotetrack.store.clusters import cluster_quote, recluster
from quotetrack.store.documents import delete_document, sha256, stored
from quotetrack.store.files import store_error
from quotetrack.store.members import INSERT_MEMBER
from quotetrack.store.rows import INSERT_QUOTE, quote_row
from quotetrack.store.speakers import mark_dirty, record_evidence
from quotetrack.store.targets import INSERT_TARGET, document_target_values, target_rows
from quotetrack.validation import as_document, check_quotes, items_of, make_document

if TYPE_CHECKING:
    import contextlib

__all__ = ["ArticleWriter"]


class ArticleWriter:
    """Tracker's writing methods; the tracker provides the connection, its name, the
    configured parser and scorer, the write transaction and the identity decision."""

    __slots__ = ()

    _conn: sqlite3.Connection
    _where: str
    _alias_ids: dict[tuple[str, str], int]
    _parser: QuoteParser | None
    _scorer: SentimentScorer | None

    if TYPE_CHECKING:

        def _write(self) -> contextlib.AbstractContextManager[sqlite3.Connection]: ...

        def _refresh_identity(self, *, strict: bool = False) -> None: ...

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
        return self._add_analyzed(document, quotes, None, replace)

    def _add_analyzed(
        self,
        document: Document,
        quotes: Sequence[Quote],
        found: Sequence[Sequence[tuple[Any, ...]]] | None,
        replace: bool,
    ) -> AddResult:
        """:meth:`add_analyzed`, given the quotes' :func:`target_values` when a worker
        process read them already (None: read here)."""
        if not isinstance(document, Document):
            msg = f"document must be a Document, not {type(document).__name__}"
            raise InputTypeError(msg)
        document = as_document(0, document)
        checked = check_quotes(document, quotes)
        sha = sha256(document.text)
        rows = [quote_row(document.doc_id, i, q, document.text) for i, q in enumerate(checked)]
        if found is None:
            found = document_target_values(document.text, checked)
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
        processes (as :func:`quotetrack.parallel.analyze_many` runs it), each also reading
        its articles' targets, while this process writes.
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
        pending: deque[Document] = deque()

        def texts() -> Iterator[str]:
            # Runs in this process, as map_texts reads its input.
            for document in items:
                unchanged = self._unchanged(document, replace)
                if unchanged is not None:
                    record(unchanged)
                    continue
                pending.append(document)
                yield document.text

        analyzer = Analyzer(
            QuoteParser() if self._parser is None else self._parser,
            SentimentScorer() if self._scorer is None else self._scorer,
        )
        results = map_texts(
            texts(), _WithTargets(analyzer), workers, chunksize or DEFAULT_CHUNKSIZE
        )
        for quotes, found in results:
            record(self._add_analyzed(pending.popleft(), quotes, found, replace))

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


_Values = list[tuple[Any, ...]]
_Analyzed = tuple[tuple[Quote, ...], list[_Values]]
"""An article's quotes, with the :func:`~quotetrack.store.targets.target_values` of each."""


@attrs.frozen(slots=True)
class _WithTargets:
    """:meth:`ArticleWriter.add_many`'s job in a worker process: an article's quotes and
    their targets, read where the article was parsed, so that the writing process only
    writes."""

    analyzer: Analyzer

    def __call__(self, text: str) -> _Analyzed:
        quotes = self.analyzer(text)
        return quotes, document_target_values(text, quotes)

    def pack(self, result: _Analyzed) -> tuple[_Values, list[_Values]]:
        return pack_quotes(result[0]), result[1]

    def unpack(self, packed: tuple[_Values, list[_Values]]) -> _Analyzed:
        return unpack_quotes(packed[0]), packed[1]
