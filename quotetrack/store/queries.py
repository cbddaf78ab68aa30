"""The tracker's read queries: an article, the store's counts, speakers, quotes,
timelines and re-quoted lines, as methods that :class:`quotetrack.tracker.Tracker`
inherits. The rows are shaped by :mod:`quotetrack.store.speakers`,
:mod:`quotetrack.store.rows`, :mod:`quotetrack.store.clusters` and
:func:`quotetrack.periods.timeline_points`.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from quotetrack.errors import ConfigurationError
from quotetrack.models import (
    DateLike,
    Document,
    QuoteCluster,
    QuoteKind,
    SpeakerKind,
    StoreStats,
    TimelinePoint,
    TrackedQuote,
    TrackedSpeaker,
)
from quotetrack.periods import Freq, timeline_points
from quotetrack.store.clusters import read_clusters
from quotetrack.store.documents import PLAUSIBLE_BOUNDS, date_filters
from quotetrack.store.files import DamagedRow
from quotetrack.store.members import credited_to
from quotetrack.store.rows import SELECT_QUOTE, tracked_quote
from quotetrack.store.speakers import speaker_ids, speaker_rows
from quotetrack.store.sql import iso_date, stored_date
from quotetrack.validation import (
    at_least,
    check_doc_id,
    optional_str,
    quote_kind,
    speaker_kind,
    sql_limit,
)

if TYPE_CHECKING:
    import contextlib

__all__ = ["StoreQueries"]


class StoreQueries:
    """Tracker's read queries; the tracker provides the store's name and the read
    transaction."""

    __slots__ = ()

    _where: str

    if TYPE_CHECKING:

        def _read(self) -> contextlib.AbstractContextManager[sqlite3.Connection]: ...

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
            except (ValueError, TypeError, KeyError, IndexError) as exc:  # written by hand
                raise DamagedRow("quote", exc) from None

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
            rows = [
                (stored_date(published), n, total, scored)
                for published, n, total, scored in conn.execute(
                    "SELECT d.published, COUNT(*), SUM(q.compound), COUNT(q.compound)"
                    " FROM quotes q JOIN documents d ON d.doc_id = q.doc_id"
                    f" WHERE {' AND '.join(where)} GROUP BY d.published",
                    (*params, *ids, *ids, *bounds),
                )
            ]
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
