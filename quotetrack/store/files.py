"""Opening a store file, telling a quotetrack store from any other file, and SQLite's
faults and damaged rows (:class:`DamagedRow`, a cell another tool wrote) as
:class:`~quotetrack.errors.TrackerError` messages a person can act on.

A reader opens the file read-only (``mode=ro``): it never creates, migrates or switches
a file to WAL, so a file that is not a store, or a store on read-only media, is left
byte-identical. Whether a file is a store is decided from ``PRAGMA user_version`` and
the tables it holds, before anything is written to it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Final

from quotetrack.errors import SchemaVersionError, TrackerError

__all__ = ["DamagedRow", "check_store", "connect", "damaged", "store_error"]

_CANTOPEN: Final = 14  # SQLITE_CANTOPEN: the -shm file cannot be created
_READONLY_DIRECTORY: Final = 1544  # SQLITE_READONLY_DIRECTORY: nor the -wal file

_CORE: Final = frozenset({"meta", "documents", "speakers", "aliases", "quotes"})
"""The tables of schema version 1, which every later version keeps."""

_SINCE: Final = {
    2: frozenset({"shingles"}),
    3: frozenset({"evidence", "ambiguous", "corrections", "people"}),
    7: frozenset({"targets"}),
    8: frozenset({"members"}),
}
"""Tables each later schema version added."""


def connect(path: str, *, read_only: bool) -> sqlite3.Connection:
    """A connection to the store file ``path`` (a reader's is read-only)."""
    try:
        if not read_only:
            return sqlite3.connect(path, timeout=30.0, isolation_level=None)
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=30.0, isolation_level=None)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            conn.close()
            if not _no_shm_in_read_only_folder(exc, path):
                raise
            wal = path + "-wal"
            if os.path.exists(wal) and os.path.getsize(wal) > 0:
                msg = (
                    f"cannot read the store {path!r}: committed changes wait in {wal!r}, "
                    "which SQLite can read only where it may write beside the store; make "
                    "the folder writable, or copy the store with its -wal file to one"
                )
                raise TrackerError(msg) from None
            # A WAL store in a read-only folder, all in its main file: read the file as it
            # is (nobody can be writing to it there, so no lock is needed).
            uri += "&immutable=1"
            conn = sqlite3.connect(uri, uri=True, timeout=30.0, isolation_level=None)
        return conn
    except sqlite3.Error as exc:
        raise store_error(exc, path, "open") from None


def _no_shm_in_read_only_folder(exc: sqlite3.Error, path: str) -> bool:
    """Whether ``exc`` is SQLite failing to create a WAL store's -shm file (or -wal)
    because the store's folder is read-only: the one case a reader may read the main
    file as it is."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code not in (_CANTOPEN, _READONLY_DIRECTORY):
        return False
    folder = os.path.dirname(os.path.abspath(path))
    return not os.path.exists(path + "-shm") and not os.access(folder, os.W_OK)


def tables(conn: sqlite3.Connection) -> frozenset[str]:
    """The names of the tables in the database."""
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return frozenset(row[0] for row in rows)


def check_store(conn: sqlite3.Connection, where: str, schema: int, *, read_only: bool) -> int:
    """The store's schema version, once sure the file is a quotetrack store (or, for a
    writer, an empty database to create one in); raises TrackerError otherwise, having
    written nothing."""
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        found = tables(conn)
    except sqlite3.Error as exc:
        # a writer's first read fails for want of write access (the -wal, -shm files)
        raise store_error(exc, where, "read" if read_only else "write") from None
    if version == 0 and not found and not read_only:
        return 0  # a new store
    if version == 0 and not found:
        msg = (
            f"{where!r} is not a quotetrack store (an empty database); "
            "create one with `quotetrack track --db`"
        )
        raise TrackerError(msg)
    needed = set(_CORE)
    for since, added in _SINCE.items():
        if version >= since:
            needed |= added
    if version < 1 or not needed <= found:
        missing = sorted(needed - found)
        why = (
            "it lacks quotetrack's tables"
            if not found & _CORE
            else f"its schema version is {version}"
            if version < 1
            else f"the table{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"{'are' if len(missing) > 1 else 'is'} missing"
        )
        msg = f"{where!r} is not a quotetrack store ({why}); it was left as it is"
        raise TrackerError(msg)
    if version > schema:
        msg = (
            f"the store {where!r} has schema version {version}, written by a newer "
            f"quotetrack; this one reads versions up to {schema}: upgrade "
            "quotetrack (pip install -U quotetrack) to open it"
        )
        raise SchemaVersionError(msg)
    if version < schema and read_only:
        msg = (
            f"the store {where!r} was written by an older quotetrack (schema version "
            f"{version}); open it for writing once to upgrade it (quotetrack track --db, "
            "or quotetrack.Tracker(path))"
        )
        raise TrackerError(msg)
    return version


def store_error(exc: sqlite3.Error, where: str, doing: str) -> TrackerError:
    """SQLite's error ``exc`` while doing ``doing`` ("open", "read", "write") with the
    store ``where``, as a one-line TrackerError that says what to do."""
    text = str(exc)
    lowered = text.lower()
    if "not a database" in lowered:
        msg = f"{where!r} is not a quotetrack store (not an SQLite database); it was left as it is"
    elif "malformed" in lowered or "corrupt" in lowered:
        msg = (
            f"the store {where!r} is damaged ({text}); restore it from a backup, "
            "or build it again with `quotetrack track`"
        )
    elif "full" in lowered:
        msg = f"cannot {doing} the store {where!r}: the disk is full ({text}); nothing was stored"
    elif "readonly" in lowered or "read-only" in lowered:
        msg = f"cannot {doing} the store {where!r}: it is read-only ({text})"
    elif "locked" in lowered or "busy" in lowered:
        msg = f"cannot {doing} the store {where!r}: another process holds it ({text})"
    else:
        msg = f"cannot {doing} the store {where!r}: {text}"
    return TrackerError(msg)


class DamagedRow(Exception):
    """A cell quotetrack never writes (another tool wrote it, or cut it short), met while
    a row of the store is read; the tracker reports it with :func:`damaged`."""

    def __init__(self, table: str, detail: object) -> None:
        super().__init__(f"a damaged {table} row: {detail}")


def damaged(where: str, exc: DamagedRow) -> TrackerError:
    """A damaged row of the store ``where`` as a one-line TrackerError naming it."""
    return TrackerError(f"the store {where!r} holds {exc}")
