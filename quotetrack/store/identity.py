"""The tracker's speaker-identity API: re-taking the cross-article identity decision,
the people registry and hand corrections (merge, split, undo), as methods that
:class:`quotetrack.tracker.Tracker` inherits. The decision itself is
:func:`quotetrack.store.speakers.resolve_speakers`; this module holds when it is taken
and how a person corrects it.
"""

from __future__ import annotations

import os
import sqlite3
from typing import TYPE_CHECKING

from quotetrack.errors import InputTypeError, TrackerError
from quotetrack.models import AmbiguousName, SpeakerCorrection, TrackedSpeaker
from quotetrack.people import load_people
from quotetrack.store.files import store_error
from quotetrack.store.speakers import (
    add_correction,
    alias_refs,
    ambiguous_names,
    drop_correction,
    resolve_speakers,
    speaker_ids,
    speaker_ids_by_key,
    speaker_key_of,
    store_people,
    stored_corrections,
)
from quotetrack.validation import SQLITE_MAX

if TYPE_CHECKING:
    import contextlib

__all__ = ["SpeakerIdentity"]


class SpeakerIdentity:
    """Tracker's identity methods; the tracker provides the connection, its name and
    the read and write transactions."""

    __slots__ = ()

    _conn: sqlite3.Connection
    _where: str

    if TYPE_CHECKING:

        def _write(self) -> contextlib.AbstractContextManager[sqlite3.Connection]: ...

        def _read(self) -> contextlib.AbstractContextManager[sqlite3.Connection]: ...

        def speaker(self, name: str | int) -> TrackedSpeaker | None: ...

    def _refresh_identity(self, *, strict: bool = False) -> None:
        """Re-take the cross-article identity decision if articles arrived since the
        last one. A reader that cannot write (a read-only file, a writer holding the
        lock past the timeout) uses the last decision unless ``strict``."""
        conn = self._conn
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'identity_dirty'").fetchone()
            if row is None or row[0] != "1":
                return
            with self._write():
                resolve_speakers(conn)
        except sqlite3.Error as exc:
            if strict:
                raise store_error(exc, self._where, "read") from None
        except TrackerError:
            if strict:
                raise

    def link_people(self, path: str | os.PathLike[str]) -> int:
        """Keep the people registry at ``path`` (CSV or JSONL, see
        :func:`quotetrack.people.load_people`) in the store, replacing any earlier one, and
        give matching speakers its ``person_id``; returns how many people it lists. Records
        the registry gives the same id are joined. Raises
        :class:`~quotetrack.errors.RegistryError` for a file that cannot be read, and
        :class:`~quotetrack.errors.InputTypeError` when ``path`` is not a path."""
        people = load_people(path)
        with self._write() as conn:
            store_people(conn, people)
        self._refresh_identity(strict=True)
        return len(people)

    def merge(
        self, into: str | int | TrackedSpeaker, other: str | int | TrackedSpeaker
    ) -> TrackedSpeaker:
        """Say by hand that ``other`` is the same speaker as ``into`` (each an id, a name,
        an alias or a :class:`TrackedSpeaker`); kept in the store and applied by every
        later ingest and resolution until undone (:meth:`undo`). Returns the merged
        speaker."""
        a, b = self._speaker_key(into), self._speaker_key(other)
        if a == b:
            msg = f"{into!r} and {other!r} are already one speaker"
            raise TrackerError(msg)
        self._correct("merge", a, b)
        with self._read() as conn:
            ids = speaker_ids_by_key(conn, a)
        merged = self.speaker(ids[0]) if ids else None
        if merged is None:
            msg = f"the merge was kept, but {into!r} has no quotes left to show"
            raise TrackerError(msg)
        return merged

    def split(self, alias: str) -> list[SpeakerCorrection]:
        """Take the in-article name ``alias`` ("Mrs. Clinton", as an article wrote it)
        out of whatever speaker the rules linked it to: it becomes a speaker of its own,
        never linked again by the rules (a later :meth:`merge` may join it to another).
        Kept in the store and undoable. Raises
        :class:`~quotetrack.errors.TrackerError` for a name no article gives."""
        if not isinstance(alias, str):
            msg = f"alias must be a str, not {type(alias).__name__}"
            raise InputTypeError(msg)
        with self._read() as conn:
            refs = alias_refs(conn, alias)
        if not refs:
            msg = f"no article gives the name {alias!r}; `quotetrack speakers` lists the aliases"
            raise TrackerError(msg)
        for name, kind in refs:
            self._correct("split", name, kind)
        return [c for c in self.corrections() if c.action == "split" and (c.a, c.b) in refs]

    def undo(self, correction: int | SpeakerCorrection) -> None:
        """Drop a hand correction (by its id, see :meth:`corrections`); the rules decide
        again. Raises :class:`~quotetrack.errors.TrackerError` for an unknown id."""
        cid = correction.id if isinstance(correction, SpeakerCorrection) else correction
        if not isinstance(cid, int) or isinstance(cid, bool):
            msg = f"correction must be an id or a SpeakerCorrection, not {type(cid).__name__}"
            raise InputTypeError(msg)
        with self._write() as conn:
            if not -SQLITE_MAX - 1 <= cid <= SQLITE_MAX or not drop_correction(conn, cid):
                msg = f"no correction {cid} in this store"
                raise TrackerError(msg)
        self._refresh_identity(strict=True)

    def corrections(self) -> list[SpeakerCorrection]:
        """The hand corrections kept in the store, oldest first."""
        with self._read() as conn:
            return stored_corrections(conn)

    def ambiguous(self) -> list[AmbiguousName]:
        """Bare names ("Clinton") that an article quotes but that could mean several
        speakers: they were linked to none (their quotes keep the in-article name)."""
        with self._read() as conn:
            return ambiguous_names(conn)

    def _correct(self, action: str, a: str, b: str) -> None:
        with self._write() as conn:
            add_correction(conn, action, a, b)
        self._refresh_identity(strict=True)

    def _speaker_key(self, spec: str | int | TrackedSpeaker) -> str:
        with self._read() as conn:
            ids = speaker_ids(conn, spec)
            key = speaker_key_of(conn, ids[0]) if len(ids) == 1 else None
        if key is None:
            what = f"{len(ids)} speakers" if len(ids) > 1 else "no speaker"
            msg = f"{spec!r} names {what}; give a speaker id (`quotetrack speakers`)"
            raise TrackerError(msg)
        return key
