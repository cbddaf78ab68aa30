"""The store's ``documents`` rows: what adding an article means given what is stored
under its doc_id (the same text, a changed one, another file's), deleting an article
with its quotes, and the date and outlet filters of the tracker's queries."""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any, Final, Literal

from quotetrack.errors import DocumentConflictError
from quotetrack.models import DateLike, Document
from quotetrack.periods import PLAUSIBLE_DATES
from quotetrack.validation import as_date, optional_str

__all__ = [
    "PLAUSIBLE",
    "PLAUSIBLE_BOUNDS",
    "collision",
    "conflict",
    "date_filters",
    "delete_document",
    "sha256",
    "stored",
]

PLAUSIBLE: Final = "CASE WHEN d.published BETWEEN ? AND ? THEN d.published END"
"""An article's date when it is within PLAUSIBLE_DATES (the two parameters
:data:`PLAUSIBLE_BOUNDS`), else NULL: a placeholder date is no speaker's first or last
sighting."""

PLAUSIBLE_BOUNDS: Final = tuple(day.isoformat() for day in PLAUSIBLE_DATES)
"""The parameters of :data:`PLAUSIBLE`."""


def sha256(text: str) -> str:
    """The hex SHA-256 of an article's text (how a stored text is compared)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def stored(
    conn: sqlite3.Connection, document: Document, replace: bool
) -> Literal["absent", "unchanged", "replace"]:
    """What adding ``document`` means given what is stored under its doc_id: the same
    text is "unchanged" (with ``replace``, only if the metadata is the same too); another
    text is a conflict unless ``replace``."""
    row = conn.execute(
        "SELECT sha256, source, published, outlet, url, title FROM documents WHERE doc_id = ?",
        (document.doc_id,),
    ).fetchone()
    if row is None:
        return "absent"
    same_text = row[0] == sha256(document.text)
    stored_from = row[1]
    if (
        not same_text
        and None not in (stored_from, document.source)
        and stored_from != document.source
    ):
        raise collision(document, stored_from)
    if same_text and not replace:
        return "unchanged"
    if not same_text and not replace:
        raise conflict(document.doc_id)
    published = None if document.published is None else document.published.isoformat()
    same_meta = tuple(row[2:]) == (published, document.outlet, document.url, document.title)
    return "unchanged" if same_text and same_meta else "replace"


def conflict(doc_id: str) -> DocumentConflictError:
    msg = (
        f"document {doc_id!r} is already stored with a different text; pass replace=True "
        "(or --replace) to replace it, or give the new text another doc_id"
    )
    return DocumentConflictError(msg)


def collision(document: Document, stored_from: str) -> DocumentConflictError:
    msg = (
        f"{document.source} would be the article {document.doc_id!r}, which is stored from "
        f"another file, {stored_from}; two files are never one article, even with "
        "replace: rename one of them, or track them into separate stores"
    )
    return DocumentConflictError(msg)


def delete_document(conn: sqlite3.Connection, doc_id: str) -> list[int]:
    """Delete an article with its quotes, their targets and members; return the clusters
    that lost quotes."""
    affected = [
        row[0]
        for row in conn.execute(
            "SELECT DISTINCT cluster_id FROM quotes WHERE doc_id = ? AND cluster_id IS NOT NULL",
            (doc_id,),
        )
    ]
    conn.execute(
        "DELETE FROM shingles WHERE quote_id IN (SELECT id FROM quotes WHERE doc_id = ?)",
        (doc_id,),
    )
    for table in ("targets", "members"):
        conn.execute(
            f"DELETE FROM {table} WHERE quote_id IN (SELECT id FROM quotes WHERE doc_id = ?)",
            (doc_id,),
        )
    conn.execute("DELETE FROM quotes WHERE doc_id = ?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
    return affected


def date_filters(
    since: DateLike | None, until: DateLike | None, outlet: str | None
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    first = as_date(since, "since")
    last = as_date(until, "until")
    if first is not None:
        where.append("d.published >= ?")
        params.append(first.isoformat())
    if last is not None:
        where.append("d.published <= ?")
        params.append(last.isoformat())
    if optional_str(outlet, "outlet") is not None:
        where.append("quotetrack_fold(d.outlet) = quotetrack_fold(?)")
        params.append(outlet)
    return where, params
