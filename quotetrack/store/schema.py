"""The store's SQLite schema: one migration per version, applied in order.

A store records its version in ``PRAGMA user_version``; :data:`MIGRATIONS` ``[v:]``
bring a store at version ``v`` to :data:`SCHEMA_VERSION`, inside the transaction that
opens it (see :meth:`quotetrack.tracker.Tracker`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Final

from quotetrack import quote_matching
from quotetrack.models import QuoteKind, SpeakerKind
from quotetrack.store.clusters import cluster_quote, cluster_tokens
from quotetrack.store.speakers import mark_dirty, record_evidence
from quotetrack.store.targets import backfill

__all__ = ["INDEXES", "MIGRATIONS", "SCHEMA_VERSION"]


def _script(conn: sqlite3.Connection, script: str) -> None:
    """Run ``;``-separated statements inside the current transaction (unlike
    :meth:`sqlite3.Connection.executescript`, which commits first)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _schema_v1(conn: sqlite3.Connection) -> None:
    """Documents, quotes, in-article names (aliases) and global speakers."""
    _script(
        conn,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE documents (
            doc_id    TEXT PRIMARY KEY,
            sha256    TEXT NOT NULL,
            published TEXT,                 -- ISO date, or NULL when unknown
            outlet    TEXT,
            url       TEXT,
            title     TEXT,
            text      TEXT NOT NULL,
            added     TEXT NOT NULL         -- UTC time the article was stored
        );
        CREATE INDEX documents_published ON documents (published);
        CREATE TABLE speakers (
            id   INTEGER PRIMARY KEY,
            key  TEXT NOT NULL UNIQUE,      -- speaker_keys.resolve()'s key
            name TEXT NOT NULL,             -- speaker_keys.display_name()
            kind TEXT NOT NULL
        );
        CREATE TABLE aliases (
            id         INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,       -- a cleaned in-article name
            kind       TEXT NOT NULL,
            speaker_id INTEGER REFERENCES speakers (id) ON DELETE SET NULL,
            UNIQUE (name, kind)
        );
        CREATE INDEX aliases_speaker ON aliases (speaker_id);
        CREATE TABLE quotes (
            id              INTEGER PRIMARY KEY,
            doc_id          TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
            position        INTEGER NOT NULL,
            text            TEXT NOT NULL,
            spans           TEXT NOT NULL,  -- JSON [[start, end], ...] (or [start, end, text])
            kind            TEXT NOT NULL,
            speaker_name    TEXT,           -- the in-article name, verbatim
            speaker_kind    TEXT,
            mention_start   INTEGER,
            mention_end     INTEGER,
            mention_text    TEXT,
            alias_id        INTEGER REFERENCES aliases (id),
            speaker_id      INTEGER REFERENCES speakers (id) ON DELETE SET NULL,
            cue_start       INTEGER,
            cue_end         INTEGER,
            cue_text        TEXT,
            addressee_start INTEGER,
            addressee_end   INTEGER,
            addressee_text  TEXT,
            compound        REAL,
            positive        REAL,
            neutral         REAL,
            negative        REAL,
            rule            TEXT NOT NULL,
            UNIQUE (doc_id, position)
        );
        CREATE INDEX quotes_alias ON quotes (alias_id);
        CREATE INDEX quotes_speaker ON quotes (speaker_id);
        INSERT INTO meta (key, value) VALUES ('identity_dirty', '0');
        """,
    )


def _schema_v2(conn: sqlite3.Connection) -> None:
    """Quote clusters: normalised words per quote, a shingle index, a cluster per quote;
    existing quotes are clustered in the order they were stored."""
    _script(
        conn,
        """
        ALTER TABLE quotes ADD COLUMN tokens TEXT;      -- cluster_tokens(), joined
        ALTER TABLE quotes ADD COLUMN cluster_id INTEGER; -- smallest quote id of the cluster
        ALTER TABLE quotes ADD COLUMN speaker_tag TEXT;   -- quote_matching.speaker_tag()
        CREATE INDEX quotes_cluster ON quotes (cluster_id);
        CREATE TABLE shingles (
            hash     INTEGER NOT NULL,
            quote_id INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
            PRIMARY KEY (hash, quote_id)
        ) WITHOUT ROWID;
        CREATE INDEX shingles_quote ON shingles (quote_id);
        """,
    )
    rows = conn.execute(
        "SELECT q.id, q.text, q.kind, a.name, a.kind FROM quotes q"
        " LEFT JOIN aliases a ON a.id = q.alias_id ORDER BY q.id"
    ).fetchall()
    for quote_id, text, quote_kind, alias, kind in rows:
        tokens = cluster_tokens(text, QuoteKind(quote_kind))
        tag = quote_matching.speaker_tag(alias, None if kind is None else SpeakerKind(kind))
        conn.execute(
            "UPDATE quotes SET tokens = ?, speaker_tag = ? WHERE id = ?",
            (" ".join(tokens), tag, quote_id),
        )
        cluster_quote(conn, quote_id, tokens, tag)


def _schema_v3(conn: sqlite3.Connection) -> None:
    """Speaker identity across articles (issue 12): what each article says a bare name
    means (``evidence``), bare names left ambiguous, hand corrections, a people registry
    and the registry id of each record. Evidence is gathered for the stored articles and
    the identity decision is re-taken before the next query."""
    _script(
        conn,
        """
        ALTER TABLE speakers ADD COLUMN person_id TEXT;  -- the people registry's id
        CREATE TABLE evidence (
            doc_id   TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
            alias_id INTEGER NOT NULL REFERENCES aliases (id),
            names    TEXT NOT NULL,          -- JSON list: names.article_evidence()
            PRIMARY KEY (doc_id, alias_id)
        ) WITHOUT ROWID;
        CREATE TABLE ambiguous (
            doc_id     TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
            alias_id   INTEGER NOT NULL REFERENCES aliases (id),
            candidates TEXT NOT NULL,        -- JSON list of speaker keys
            PRIMARY KEY (doc_id, alias_id)
        ) WITHOUT ROWID;
        CREATE TABLE corrections (
            id     INTEGER PRIMARY KEY,
            action TEXT NOT NULL,            -- 'merge' (key a absorbs key b) or 'split'
            a      TEXT NOT NULL,
            b      TEXT NOT NULL,
            made   TEXT NOT NULL,            -- UTC time of the correction
            UNIQUE (action, a, b)
        );
        CREATE TABLE people (
            id          TEXT PRIMARY KEY,
            name        TEXT NOT NULL,
            aliases     TEXT NOT NULL,       -- JSON list
            description TEXT
        )
        """,
    )
    rows = conn.execute(
        "SELECT DISTINCT q.doc_id, a.id, a.name, a.kind FROM quotes q"
        " JOIN aliases a ON a.id = q.alias_id ORDER BY q.doc_id"
    ).fetchall()
    by_doc: dict[str, list[tuple[int, str, str]]] = {}
    for doc_id, alias_id, name, kind in rows:
        by_doc.setdefault(doc_id, []).append((alias_id, name, kind))
    for doc_id, aliases in by_doc.items():
        text = conn.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()[0]
        record_evidence(conn, doc_id, text, aliases)
    mark_dirty(conn)


def _schema_v4(conn: sqlite3.Connection) -> None:
    """The model that scored each quote's sentiment (issue 13): quotes stored before
    were scored by VADER, which a null model means."""
    conn.execute("ALTER TABLE quotes ADD COLUMN sentiment_model TEXT")


def _schema_v5(conn: sqlite3.Connection) -> None:
    """The file each article was read from (review item 1), so that an article from one
    file never replaces another file's of the same name; null for articles stored before
    and for text given directly, which ``replace`` replaces as it always did."""
    conn.execute("ALTER TABLE documents ADD COLUMN source TEXT")


def _schema_v6(conn: sqlite3.Connection) -> None:
    """How each quote's speaker was resolved (review item 9): ``Speaker.resolved`` and
    the span of the name it was read from. Rows stored before have nulls, read back as
    resolved with no source, as they always were."""
    _script(
        conn,
        """
        ALTER TABLE quotes ADD COLUMN speaker_resolved INTEGER;  -- 1, 0 (a bare "she")
        ALTER TABLE quotes ADD COLUMN speaker_source TEXT;       -- the name's words
        ALTER TABLE quotes ADD COLUMN speaker_source_start INTEGER;
        ALTER TABLE quotes ADD COLUMN speaker_source_end INTEGER
        """,
    )


def _schema_v7(conn: sqlite3.Connection) -> None:
    """The people and organisations each quote names, with the quote's sentiment toward
    each (issue 13; see :mod:`quotetrack.store.targets`). The quotes stored before get
    theirs here, from their stored text and spans, as a fresh ingest would give them."""
    _script(
        conn,
        """
        CREATE TABLE targets (
            quote_id      INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
            ordinal       INTEGER NOT NULL,  -- the target's place in its quote
            mention_start INTEGER NOT NULL,
            mention_end   INTEGER NOT NULL,
            mention       TEXT NOT NULL,     -- the name as written
            entity        TEXT,              -- the article's fullest name for it, or NULL
            name          TEXT NOT NULL,     -- entity, else mention: what is looked up
            compound      REAL NOT NULL,
            positive      REAL NOT NULL,
            neutral       REAL NOT NULL,
            negative      REAL NOT NULL,
            model         TEXT NOT NULL,     -- 'news-target'
            PRIMARY KEY (quote_id, ordinal)
        ) WITHOUT ROWID
        """,
    )
    backfill(conn)


def _schema_v8(conn: sqlite3.Connection) -> None:
    """The persons of a coordinated speaker (issue 11, ``Speaker.members``: "… say Maria
    Lopez and John Smith"), kept with the quote and linked to the tracked speaker of each
    (see :mod:`quotetrack.store.members`). Quotes stored before have none: their
    speaker was stored as the group alone, and the stored quote is kept as it was added."""
    _script(
        conn,
        """
        ALTER TABLE quotes ADD COLUMN speaker_members TEXT;  -- records.encode_members()
        CREATE TABLE members (
            quote_id   INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
            ordinal    INTEGER NOT NULL,  -- the member's place in Speaker.members
            alias_id   INTEGER NOT NULL REFERENCES aliases (id),
            speaker_id INTEGER REFERENCES speakers (id) ON DELETE SET NULL,
            PRIMARY KEY (quote_id, ordinal)
        ) WITHOUT ROWID;
        CREATE INDEX members_alias ON members (alias_id);
        CREATE INDEX members_speaker ON members (speaker_id)
        """,
    )


MIGRATIONS: Final[tuple[Callable[[sqlite3.Connection], None], ...]] = (
    _schema_v1,
    _schema_v2,
    _schema_v3,
    _schema_v4,
    _schema_v5,
    _schema_v6,
    _schema_v7,
    _schema_v8,
)
"""The steps from version 0 (an empty file): ``MIGRATIONS[v]`` brings version v to v + 1."""

SCHEMA_VERSION: Final = len(MIGRATIONS)
"""The schema version this quotetrack writes (kept in ``PRAGMA user_version``)."""

INDEXES: Final = ("CREATE INDEX IF NOT EXISTS documents_sha256 ON documents (sha256)",)
"""Indexes a writer makes sure of when it opens a store, on top of the schema: they
change no table, so a store keeps its version and older quotetracks still read it.
``documents_sha256`` finds an article stored under another doc_id with the same text."""
