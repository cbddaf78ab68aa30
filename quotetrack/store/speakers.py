"""The store's speakers: the identity decision of :mod:`quotetrack.identity` written
into the ``speakers``, ``aliases``, ``quotes`` and ``ambiguous`` tables, with the hand
corrections and the people registry kept in the store; and speakers looked up by id, name
or alias with every form seen for them.

:func:`record_evidence` runs as an article is written; :func:`resolve_speakers` re-takes
the whole decision (a pure function of the stored occurrences, corrections and registry,
so ingest order never matters) when articles, corrections or a registry arrived.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from quotetrack import identity, names
from quotetrack.errors import InputTypeError
from quotetrack.models import AmbiguousName, SpeakerCorrection, SpeakerKind, TrackedSpeaker
from quotetrack.people import KnownPerson, registry_keys
from quotetrack.store.documents import PLAUSIBLE, PLAUSIBLE_BOUNDS
from quotetrack.store.files import DamagedRow
from quotetrack.store.members import ALIAS_USES, credits
from quotetrack.store.sql import chunks, composed, fold, iso_date, marks
from quotetrack.validation import SQLITE_MAX, at_least, sql_limit

__all__ = [
    "add_correction",
    "alias_refs",
    "aliases",
    "ambiguous_names",
    "drop_correction",
    "mark_dirty",
    "name_resolver",
    "record_evidence",
    "resolve_speakers",
    "speaker_ids",
    "speaker_ids_by_key",
    "speaker_key_of",
    "speaker_rows",
    "store_people",
    "stored_corrections",
]


def mark_dirty(conn: sqlite3.Connection) -> None:
    """Ask for the identity decision to be re-taken before the next query."""
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'identity_dirty'")


def record_evidence(
    conn: sqlite3.Connection, doc_id: str, text: str, aliases: Iterable[tuple[int, str, str]]
) -> None:
    """Keep, for each bare person name ``(alias id, name, kind)`` quoted in an article,
    the fuller names its text gives (:func:`names.article_evidence`)."""
    for alias_id, name, kind in sorted(set(aliases)):
        if kind != SpeakerKind.PERSON.value:
            continue
        fuller = names.article_evidence(text, name)
        if fuller:
            conn.execute(
                "INSERT OR REPLACE INTO evidence (doc_id, alias_id, names) VALUES (?, ?, ?)",
                (doc_id, alias_id, json.dumps(fuller)),
            )


def _stored_kind(value: object, table: str) -> SpeakerKind:
    """The ``kind`` cell of a ``speakers`` or ``aliases`` row; raises
    :class:`~quotetrack.store.files.DamagedRow` for a value quotetrack never writes."""
    try:
        return SpeakerKind(value)
    except ValueError:
        raise DamagedRow(table, f"{value!r} is not a speaker kind") from None


def resolve_speakers(conn: sqlite3.Connection) -> None:
    """Re-take the identity decision inside the caller's write transaction (nothing to
    do when no article, correction or registry arrived since the last one)."""
    if conn.execute("SELECT value FROM meta WHERE key = 'identity_dirty'").fetchone()[0] != "1":
        return  # another process did it while we waited for the lock
    rows = conn.execute(  # a member of "say A and B" is an occurrence of its name
        "SELECT a.id, a.name, a.kind, u.doc_id, COUNT(*), d.published, d.outlet, e.names"
        f" FROM {ALIAS_USES} u JOIN aliases a ON a.id = u.alias_id"
        " JOIN documents d ON d.doc_id = u.doc_id"
        " LEFT JOIN evidence e ON e.doc_id = u.doc_id AND e.alias_id = a.id"
        " GROUP BY a.id, u.doc_id"
    ).fetchall()
    alias_ids: dict[tuple[str, str], int] = {}
    occurrences = []
    for alias_id, name, kind, doc_id, n, published, outlet, evidence in rows:
        alias_ids[(name, kind)] = alias_id
        occurrences.append(
            identity.Occurrence(
                name,
                _stored_kind(kind, "alias"),
                doc_id,
                n,
                iso_date(published),
                outlet,
                tuple(json.loads(evidence)) if evidence else (),
            )
        )
    corrections = [
        identity.Correction(action, a, b)
        for action, a, b in conn.execute("SELECT action, a, b FROM corrections")
    ]
    people = [
        KnownPerson(pid, name, tuple(json.loads(aliases)), description)
        for pid, name, aliases, description in conn.execute(
            "SELECT id, name, aliases, description FROM people"
        )
    ]
    result = identity.resolve_store(occurrences, corrections, registry_keys(people))
    speaker_ids = _write_records(conn, result)
    _write_links(conn, result, alias_ids, speaker_ids)
    conn.execute("DELETE FROM ambiguous")
    conn.executemany(
        "INSERT INTO ambiguous (doc_id, alias_id, candidates) VALUES (?, ?, ?)",
        [
            (a.doc_id, alias_ids[(a.name, a.kind.value)], json.dumps(a.candidates))
            for a in result.ambiguous
        ],
    )
    conn.execute(
        "DELETE FROM speakers WHERE id NOT IN"
        " (SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL)"
        " AND id NOT IN (SELECT speaker_id FROM members WHERE speaker_id IS NOT NULL)"
    )
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'identity_dirty'")


def _write_records(conn: sqlite3.Connection, result: identity.Resolution) -> dict[str, int]:
    speaker_ids: dict[str, int] = {}
    old = {
        key: (sid, name, kind, pid)
        for sid, key, name, kind, pid in conn.execute(
            "SELECT id, key, name, kind, person_id FROM speakers"
        )
    }
    for key in sorted(result.records):
        record = result.records[key]
        name = composed(record.name) or ""  # as the aliases are listed
        row = (name, record.kind.value, record.person_id)
        if key in old:
            sid = old[key][0]
            if old[key][1:] != row:
                conn.execute(
                    "UPDATE speakers SET name = ?, kind = ?, person_id = ? WHERE id = ?",
                    (*row, sid),
                )
        else:
            cursor = conn.execute(
                "INSERT INTO speakers (key, name, kind, person_id) VALUES (?, ?, ?, ?)",
                (key, *row),
            )
            assert cursor.lastrowid is not None
            sid = cursor.lastrowid
        speaker_ids[key] = sid
    return speaker_ids


def _write_links(
    conn: sqlite3.Connection,
    result: identity.Resolution,
    alias_ids: dict[tuple[str, str], int],
    speaker_ids: dict[str, int],
) -> None:
    """Each quote, and each member of a quote's speaker, follows the record of its name
    in its article; each alias row points at the record most of its articles went to
    (for look-ups by name)."""
    by_alias: dict[int, Counter[int | None]] = defaultdict(Counter)
    current = {
        (alias_id, doc_id): sid
        for alias_id, doc_id, sid in conn.execute(
            f"SELECT alias_id, doc_id, MIN(speaker_id) FROM {ALIAS_USES} GROUP BY alias_id, doc_id"
        )
    }
    names = {alias_id: ref for ref, alias_id in alias_ids.items()}
    updates: list[tuple[int | None, int, str, int | None]] = []
    for (alias_id, doc_id), old in current.items():
        name, kind = names[alias_id]
        key = result.keys.get((name, kind, doc_id))
        new = None if key is None else speaker_ids[key]
        by_alias[alias_id][new] += 1
        if new != old:  # the quotes of one name in one article move together
            updates.append((new, alias_id, doc_id, new))
    conn.executemany(
        "UPDATE quotes SET speaker_id = ? WHERE alias_id = ? AND doc_id = ?"
        " AND speaker_id IS NOT ?",
        updates,
    )
    conn.executemany(
        "UPDATE members SET speaker_id = ? WHERE alias_id = ? AND quote_id IN"
        " (SELECT id FROM quotes WHERE doc_id = ?) AND speaker_id IS NOT ?",
        updates,
    )
    for alias_id, counts in by_alias.items():
        best = min(counts.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or 0))[0]
        conn.execute(
            "UPDATE aliases SET speaker_id = ? WHERE id = ? AND speaker_id IS NOT ?",
            (best, alias_id, best),
        )


def speaker_ids(conn: sqlite3.Connection, spec: object) -> list[int]:
    """Speaker ids for a TrackedSpeaker, an id, a display name or an alias."""
    if isinstance(spec, TrackedSpeaker):
        return [spec.id]
    if isinstance(spec, int) and not isinstance(spec, bool):
        return [spec] if -SQLITE_MAX - 1 <= spec <= SQLITE_MAX else []  # beyond SQLite: no one
    if not isinstance(spec, str):
        msg = f"speaker must be a name, an id or a TrackedSpeaker, not {type(spec).__name__}"
        raise InputTypeError(msg)
    for sql in (
        "SELECT id FROM speakers WHERE name = ?",
        "SELECT DISTINCT speaker_id FROM aliases WHERE name = ? AND speaker_id IS NOT NULL",
        "SELECT id FROM speakers WHERE quotetrack_fold(name) = quotetrack_fold(?)",
        "SELECT DISTINCT speaker_id FROM aliases WHERE quotetrack_fold(name) ="
        " quotetrack_fold(?) AND speaker_id IS NOT NULL",
    ):
        ids = sorted(row[0] for row in conn.execute(sql, (spec,)))
        if ids:
            return ids
    return []


def name_resolver(conn: sqlite3.Connection) -> Callable[[str], list[int]]:
    """:func:`speaker_ids` of a name, for many names: the same four look-ups in the same
    order (display name, then in-article name, exactly, then each ignoring case as
    :func:`~quotetrack.store.sql.fold` does), from the ``speakers`` and ``aliases``
    tables read once, as they stand when this is called."""
    tables: tuple[dict[str, set[int]], ...] = ({}, {}, {}, {})
    for name, sid in conn.execute("SELECT name, id FROM speakers"):
        tables[0].setdefault(name, set()).add(sid)
        tables[2].setdefault(fold(name) or "", set()).add(sid)
    for name, sid in conn.execute(
        "SELECT name, speaker_id FROM aliases WHERE speaker_id IS NOT NULL"
    ):
        tables[1].setdefault(name, set()).add(sid)
        tables[3].setdefault(fold(name) or "", set()).add(sid)

    def resolve(name: str) -> list[int]:
        folded = fold(name) or ""
        for table, key in zip(tables, (name, name, folded, folded), strict=True):
            ids = table.get(key)
            if ids:
                return sorted(ids)
        return []

    return resolve


def aliases(conn: sqlite3.Connection, speakers: Mapping[int, str]) -> dict[int, tuple[str, ...]]:
    """Every form seen for each speaker, most frequent first (the display name first
    among equals): the in-article names linked to it (as a quote's speaker or as a
    member of one) and the mentions fitting it
    (:func:`names.fits_key`), each as :func:`names.alias_form` lists it (no role
    words; a courtesy title kept before a bare surname)."""
    speaker_ids = list(speakers)
    counts: dict[int, Counter[str]] = {}
    for chunk in chunks(speaker_ids):
        for sid, key, record_kind, alias, mention, n in conn.execute(
            "SELECT u.speaker_id, s.key, s.kind, a.name, u.mention_text, COUNT(*)"
            f" FROM {ALIAS_USES} u JOIN aliases a ON a.id = u.alias_id"
            " JOIN speakers s ON s.id = u.speaker_id"
            f" WHERE u.speaker_id IN ({marks(len(chunk))}) GROUP BY 1, 2, 3, 4, 5",
            chunk,
        ):
            seen = counts.setdefault(sid, Counter())
            kind = _stored_kind(record_kind, "speaker")
            form = composed(names.alias_form(alias, kind))
            if form is not None:
                seen[form] += n
            if mention is None or not names.is_name_form(mention, kind):
                continue
            other = composed(names.alias_form(mention, kind))
            if other is not None and other != form and names.fits_key(mention, kind, key):
                seen[other] += n
    return {
        sid: tuple(
            form
            for form, _ in sorted(
                seen.items(), key=lambda kv: (-kv[1], kv[0] != composed(speakers[sid]), kv[0])
            )
        )
        for sid, seen in counts.items()
    }


# --- corrections, registry, ambiguous names ----------------------------------------


def store_people(conn: sqlite3.Connection, people: Iterable[KnownPerson]) -> None:
    """Replace the registry kept in the store."""
    conn.execute("DELETE FROM people")
    conn.executemany(
        "INSERT INTO people (id, name, aliases, description) VALUES (?, ?, ?, ?)",
        [(p.id, p.name, json.dumps(list(p.aliases)), p.description) for p in people],
    )
    mark_dirty(conn)


def add_correction(conn: sqlite3.Connection, action: str, a: str, b: str) -> None:
    """Keep a hand correction (the same one twice is kept once)."""
    conn.execute(
        "INSERT OR IGNORE INTO corrections (action, a, b, made) VALUES (?, ?, ?, ?)",
        (action, a, b, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
    )
    mark_dirty(conn)


def drop_correction(conn: sqlite3.Connection, correction_id: int) -> bool:
    """Forget a hand correction; False when there is none with that id."""
    if conn.execute("DELETE FROM corrections WHERE id = ?", (correction_id,)).rowcount == 0:
        return False
    mark_dirty(conn)
    return True


def stored_corrections(conn: sqlite3.Connection) -> list[SpeakerCorrection]:
    """The hand corrections kept in the store, oldest first."""
    rows = conn.execute("SELECT id, action, a, b, made FROM corrections ORDER BY id")
    return [SpeakerCorrection(*row) for row in rows]


def ambiguous_names(conn: sqlite3.Connection) -> list[AmbiguousName]:
    """The bare names the last decision linked to no one, by article."""
    rows = conn.execute(
        "SELECT m.doc_id, a.name, m.candidates, COUNT(q.id) FROM ambiguous m"
        " JOIN aliases a ON a.id = m.alias_id JOIN quotes q"
        " ON q.doc_id = m.doc_id AND q.alias_id = m.alias_id"
        " GROUP BY m.doc_id, m.alias_id ORDER BY m.doc_id, a.name"
    ).fetchall()
    return [
        AmbiguousName(name, doc_id, tuple(json.loads(candidates)), n)
        for doc_id, name, candidates, n in rows
    ]


def alias_refs(conn: sqlite3.Connection, alias: str) -> list[tuple[str, str]]:
    """The stored in-article names ``(name, kind)`` spelt ``alias`` (exactly, else
    ignoring case as :func:`speaker_ids` does)."""
    for sql in (
        "SELECT name, kind FROM aliases WHERE name = ?",
        "SELECT name, kind FROM aliases WHERE quotetrack_fold(name) = quotetrack_fold(?)",
    ):
        rows = [(str(n), str(k)) for n, k in conn.execute(sql, (alias,))]
        if rows:
            return sorted(rows)
    return []


def speaker_key_of(conn: sqlite3.Connection, speaker_id: int) -> str | None:
    """The key of the speaker ``speaker_id``, if it exists."""
    row = conn.execute("SELECT key FROM speakers WHERE id = ?", (speaker_id,)).fetchone()
    return None if row is None else str(row[0])


def speaker_ids_by_key(conn: sqlite3.Connection, key: str) -> list[int]:
    """The id of the speaker keyed ``key`` (empty when it has no quotes left)."""
    return [int(row[0]) for row in conn.execute("SELECT id FROM speakers WHERE key = ?", (key,))]


def speaker_rows(
    conn: sqlite3.Connection,
    where: list[str],
    params: list[Any],
    min_quotes: int,
    limit: int | None,
    ids: Sequence[int] | None = None,
) -> list[TrackedSpeaker]:
    """The speakers of the quotes ``where`` keeps (of ``ids`` only, when given), most quoted
    first, as :meth:`quotetrack.tracker.Tracker.speakers` gives them."""
    sql = (
        "SELECT s.id, s.name, s.kind, COUNT(*), COUNT(DISTINCT q.doc_id), AVG(q.compound),"
        f" MIN({PLAUSIBLE}), MAX({PLAUSIBLE}), s.person_id"
        f" FROM {credits(None if ids is None else len(ids))} c"
        " JOIN quotes q ON q.id = c.quote_id JOIN speakers s ON s.id = c.speaker_id"
        " JOIN documents d ON d.doc_id = q.doc_id"
        f" WHERE {' AND '.join(where) or '1'} GROUP BY s.id HAVING COUNT(*) >= ?"
        " ORDER BY COUNT(*) DESC, s.name, s.id LIMIT ?"
    )
    least = at_least(min_quotes, 1, "min_quotes")
    bounds = PLAUSIBLE_BOUNDS * 2
    chosen = () if ids is None else (*ids, *ids)
    rows = conn.execute(sql, (*bounds, *chosen, *params, least, sql_limit(limit))).fetchall()
    found = aliases(conn, {row[0]: row[1] for row in rows})
    return [
        TrackedSpeaker(
            id=sid,
            name=name,
            kind=_stored_kind(kind, "speaker"),
            aliases=found.get(sid, (name,)),
            quotes=n_quotes,
            articles=n_docs,
            mean_compound=mean,
            first_seen=iso_date(first),
            last_seen=iso_date(last),
            person_id=person_id,
        )
        for sid, name, kind, n_quotes, n_docs, mean, first, last, person_id in rows
    ]
