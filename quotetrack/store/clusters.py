"""Re-quoted lines: which stored quotes are the same line carried by several articles.

A quote is clustered by its words (:func:`cluster_tokens`) through an index of word
4-grams kept in the store (the ``shingles`` table): a new quote is compared with the
stored quotes sharing the most 4-grams with it and joins every cluster it matches
(:func:`quotetrack.quote_matching.similar`). A cluster is named by its smallest quote id.
Exact copies (same words, same speaker tag) of an indexed quote are not indexed again,
and at most :data:`POSTINGS` index rows are read per 4-gram, so a line carried by many
articles, verbatim or edited, costs each new copy the same.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Sequence
from typing import Any, Final

from quotetrack import quote_matching
from quotetrack.models import QuoteCluster, QuoteKind
from quotetrack.periods import PLAUSIBLE_DATES
from quotetrack.store.sql import chunks, iso_date, marks
from quotetrack.validation import sql_limit

__all__ = [
    "CANDIDATES",
    "POSTINGS",
    "cluster_quote",
    "cluster_tokens",
    "make_cluster",
    "read_clusters",
    "recluster",
]

# A fragment between double quotation marks inside a mixed quote's text.
_QUOTED_FRAGMENT: Final = re.compile(r"[\u201c\"]([^\u201c\u201d\"]+)[\u201d\"]")

CANDIDATES: Final = 200
"""Most quotes compared with a new one: those sharing the most 4-grams with it."""

POSTINGS = 200
"""Most index rows read per 4-gram (the oldest quotes carrying it). A 4-gram carried by
more quotes (near copies of one line: a wire story edited by each outlet) is read no
further, so each new copy costs the same however many there are; the line's rarer
4-grams still find its cluster. PolNeAR's longest list is 43 rows (train and dev,
2026-11-30), so its clusters are the same with and without the cap."""


def cluster_tokens(text: str, kind: QuoteKind) -> tuple[str, ...]:
    """The words a quote is clustered by: a re-quoted *line* is verbatim words, so direct
    quotes take part whole and mixed quotes by their quoted fragments only (the clause
    around a fragment is each outlet's paraphrase); reported speech stays alone."""
    if kind is QuoteKind.DIRECT:
        return quote_matching.quote_tokens(text)
    if kind is QuoteKind.MIXED:
        return quote_matching.quote_tokens(" ".join(_QUOTED_FRAGMENT.findall(text)))
    return ()


def cluster_quote(
    conn: sqlite3.Connection, quote_id: int, tokens: Sequence[str], tag: str | None
) -> None:
    """Merge a stored quote with every cluster it matches, and index its shingles
    unless an indexed quote has the same words and speaker tag: that twin finds every
    future match this quote would, and indexing copies of one line made the K-th copy
    count K-1 index rows per 4-gram (quadratic ingest for a line carried K times)."""
    hashes = sorted(quote_matching.shingles(tokens))
    roots = {quote_id}
    twin = False
    if hashes:
        shared: Counter[int] = Counter()
        cap = POSTINGS + 1  # one more: the quote's own row, when it is indexed already
        for value in hashes:
            shared.update(
                other
                for (other,) in conn.execute(
                    "SELECT quote_id FROM shingles WHERE hash = ? ORDER BY quote_id LIMIT ?",
                    (value, cap),
                )
            )
        shared.pop(quote_id, None)
        best = [other for other, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))]
        best = best[:CANDIDATES]
        if best:
            rows = conn.execute(
                "SELECT id, tokens, cluster_id, speaker_tag FROM quotes"
                f" WHERE id IN ({marks(len(best))})",
                best,
            ).fetchall()
            rank = {other: i for i, other in enumerate(best)}
            words = " ".join(tokens)
            for _, other_tokens, root, other_tag in sorted(rows, key=lambda r: rank[r[0]]):
                twin = twin or (other_tokens == words and other_tag == tag)
                if root in roots:
                    continue
                if quote_matching.similar(tokens, other_tokens.split(), tag, other_tag):
                    roots.add(root)
        if not twin:
            conn.executemany(
                "INSERT OR IGNORE INTO shingles (hash, quote_id) VALUES (?, ?)",
                ((h, quote_id) for h in hashes),
            )
    root = min(roots)
    conn.execute("UPDATE quotes SET cluster_id = ? WHERE id = ?", (root, quote_id))
    others = sorted(roots - {root, quote_id})
    if others:
        conn.execute(
            f"UPDATE quotes SET cluster_id = ? WHERE cluster_id IN ({marks(len(others))})",
            (root, *others),
        )


def recluster(conn: sqlite3.Connection, clusters: Sequence[int]) -> None:
    """Re-cluster the remaining members of clusters that lost a quote: a removed quote
    may have been the only link between two groups."""
    rows: list[tuple[int, str | None, str | None]] = []
    for chunk in chunks(sorted(set(clusters))):
        rows += conn.execute(
            f"SELECT id, tokens, speaker_tag FROM quotes WHERE cluster_id IN ({marks(len(chunk))})",
            chunk,
        ).fetchall()
    rows.sort()
    conn.executemany("UPDATE quotes SET cluster_id = id WHERE id = ?", ((r[0],) for r in rows))
    for quote_id, tokens, tag in rows:
        cluster_quote(conn, quote_id, (tokens or "").split(), tag)


_FIRST, _LAST = (day.isoformat() for day in PLAUSIBLE_DATES)


def make_cluster(cluster_id: int, rows: Sequence[tuple[Any, ...]]) -> QuoteCluster:
    """A :class:`~quotetrack.models.QuoteCluster` from its members' rows (cluster id,
    quote id, text, doc_id, published, outlet, url, speaker name)."""
    texts: Counter[str] = Counter()
    first_place: dict[str, tuple[str, str]] = {}
    speakers: Counter[str | None] = Counter()
    docs: dict[str, str] = {}
    outlets: set[str] = set()
    urls: dict[str, str] = {}
    dates: list[str] = []
    person_ids: dict[str, str] = {}
    for _, _, text, doc_id, published, outlet, url, speaker, person_id in rows:
        if speaker is not None and person_id is not None:
            person_ids[speaker] = person_id
        texts[text] += 1
        when = published or "9999-12-31"
        first_place[text] = min(first_place.get(text, (when, doc_id)), (when, doc_id))
        speakers[speaker] += 1
        docs[doc_id] = min(docs.get(doc_id, when), when)
        if outlet:
            outlets.add(outlet)
        if url:
            urls.setdefault(doc_id, url)
        if published and _FIRST <= published <= _LAST:  # placeholders are no first sighting
            dates.append(published)
    quotation = min(texts, key=lambda t: (-texts[t], -len(t), first_place[t], t))
    doc_ids = tuple(sorted(docs, key=lambda d: (docs[d], d)))
    ranked = tuple(sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or "")))
    return QuoteCluster(
        id=cluster_id,
        quotation=quotation,
        occurrences=len(rows),
        doc_ids=doc_ids,
        outlets=tuple(sorted(outlets)),
        urls=tuple(urls[d] for d in doc_ids if d in urls),
        first_seen=iso_date(min(dates)) if dates else None,
        last_seen=iso_date(max(dates)) if dates else None,
        speakers=ranked,
        qids=(person_ids[ranked[0][0]],) if ranked and ranked[0][0] in person_ids else (),
    )


def read_clusters(
    conn: sqlite3.Connection, min_articles: int, contains: str | None, limit: int | None
) -> list[QuoteCluster]:
    """The clusters quoted in at least ``min_articles`` articles (with a quote containing
    ``contains``, ignoring case, when given), most widely carried first, as
    :meth:`quotetrack.tracker.Tracker.clusters` gives them."""
    having = ["COUNT(DISTINCT q.doc_id) >= ?"]
    params: list[Any] = [min_articles]
    if contains is not None:
        having.append("MAX(quotetrack_contains(q.text, ?))")
        params.append(contains)
    heads = conn.execute(
        "SELECT q.cluster_id FROM quotes q JOIN documents d ON d.doc_id = q.doc_id"
        f" GROUP BY q.cluster_id HAVING {' AND '.join(having)}"
        " ORDER BY COUNT(DISTINCT q.doc_id) DESC, COUNT(*) DESC,"
        " MIN(d.published), q.cluster_id LIMIT ?",
        (*params, sql_limit(limit)),
    ).fetchall()
    order = [row[0] for row in heads]
    members: dict[int, list[tuple[Any, ...]]] = {cid: [] for cid in order}
    for chunk in chunks(order):
        for row in conn.execute(
            "SELECT q.cluster_id, q.id, q.text, q.doc_id, d.published, d.outlet, d.url,"
            " s.name, s.person_id FROM quotes q JOIN documents d ON d.doc_id = q.doc_id"
            " LEFT JOIN speakers s ON s.id = q.speaker_id"
            f" WHERE q.cluster_id IN ({marks(len(chunk))}) ORDER BY q.id",
            chunk,
        ):
            members[row[0]].append(row)
    return [make_cluster(cid, members[cid]) for cid in order]
