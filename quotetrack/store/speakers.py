"""The store's speakers: the cross-article identity decision written to the store, and
speakers looked up by id, name or alias with every form seen for them.

Who is who is decided by :mod:`quotetrack.identity` (pure functions); this module only
reads the names it needs from the store and writes the decision back.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Mapping

from quotetrack import identity
from quotetrack.errors import InputTypeError
from quotetrack.models import SpeakerKind, TrackedSpeaker
from quotetrack.store.sql import chunks, marks

__all__ = ["aliases", "resolve_speakers", "speaker_ids"]


def resolve_speakers(conn: sqlite3.Connection) -> None:
    """Re-take the cross-article identity decision (:func:`quotetrack.identity.resolve`)
    over every in-article name and store it: speakers created, renamed or deleted,
    aliases and their quotes pointed at their speaker."""
    if conn.execute("SELECT value FROM meta WHERE key = 'identity_dirty'").fetchone()[0] != "1":
        return  # another process did it while we waited for the lock
    rows = conn.execute(
        "SELECT a.id, a.name, a.kind, a.speaker_id, COUNT(q.id), COUNT(DISTINCT q.doc_id)"
        " FROM aliases a LEFT JOIN quotes q ON q.alias_id = a.id GROUP BY a.id"
    ).fetchall()
    live = [
        (alias_id, identity.Alias(name, SpeakerKind(kind), n_quotes, n_docs), old)
        for alias_id, name, kind, old, n_quotes, n_docs in rows
    ]
    keys = identity.resolve(alias for _, alias, _ in live if alias.quotes)
    members: dict[str, list[identity.Alias]] = {}
    for _, alias, _ in live:
        key = keys.get((alias.name, alias.kind))
        if key is not None and alias.quotes:
            members.setdefault(key, []).append(alias)
    speaker_ids = {key: sid for sid, key in conn.execute("SELECT id, key FROM speakers")}
    for key in sorted(members):
        name = identity.display_name(members[key])
        kind = "group" if key.startswith("group:") else "person"
        if key in speaker_ids:
            conn.execute(
                "UPDATE speakers SET name = ?, kind = ? WHERE id = ? AND (name != ? OR kind != ?)",
                (name, kind, speaker_ids[key], name, kind),
            )
        else:
            cursor = conn.execute(
                "INSERT INTO speakers (key, name, kind) VALUES (?, ?, ?)", (key, name, kind)
            )
            assert cursor.lastrowid is not None
            speaker_ids[key] = cursor.lastrowid
    for alias_id, alias, old in live:
        key = keys.get((alias.name, alias.kind)) if alias.quotes else None
        new = None if key is None else speaker_ids[key]
        if new != old:
            conn.execute("UPDATE aliases SET speaker_id = ? WHERE id = ?", (new, alias_id))
        # Quotes follow their alias (cheap when nothing moved: the index finds none).
        conn.execute(
            "UPDATE quotes SET speaker_id = ? WHERE alias_id = ? AND speaker_id IS NOT ?",
            (new, alias_id, new),
        )
    conn.execute(
        "DELETE FROM speakers WHERE id NOT IN"
        " (SELECT speaker_id FROM aliases WHERE speaker_id IS NOT NULL)"
    )
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'identity_dirty'")


def speaker_ids(conn: sqlite3.Connection, spec: object) -> list[int]:
    """Speaker ids for a TrackedSpeaker, an id, a display name or an alias."""
    if isinstance(spec, TrackedSpeaker):
        return [spec.id]
    if isinstance(spec, int) and not isinstance(spec, bool):
        return [spec] if -(2**63) <= spec < 2**63 else []  # beyond SQLite: no one
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


def aliases(conn: sqlite3.Connection, speakers: Mapping[int, str]) -> dict[int, tuple[str, ...]]:
    """Every form seen for each speaker, most frequent first (the display name first
    among equals): the in-article names linked to it, and the mentions that are names
    (:func:`identity.is_name_form`) fitting it (:func:`identity.fits_key`)."""
    speaker_ids = list(speakers)
    counts: dict[int, Counter[str]] = {}
    for chunk in chunks(speaker_ids):
        for sid, key, alias, kind, mention, n in conn.execute(
            "SELECT q.speaker_id, s.key, a.name, a.kind, q.mention_text, COUNT(*)"
            " FROM quotes q JOIN aliases a ON a.id = q.alias_id"
            " JOIN speakers s ON s.id = q.speaker_id"
            f" WHERE q.speaker_id IN ({marks(len(chunk))}) GROUP BY 1, 2, 3, 4, 5",
            chunk,
        ):
            seen = counts.setdefault(sid, Counter())
            speaker_kind = SpeakerKind(kind)
            if alias == speakers[sid] or identity.is_name_form(alias, speaker_kind):
                seen[alias] += n
            form = None if mention is None else identity.clean_name(mention)
            if form is None or form == alias or not identity.is_name_form(form, speaker_kind):
                continue
            if identity.fits_key(form, speaker_kind, key):
                seen[form] += n
    return {
        sid: tuple(
            form
            for form, _ in sorted(
                seen.items(), key=lambda kv: (-kv[1], kv[0] != speakers[sid], kv[0])
            )
        )
        for sid, seen in counts.items()
    }
