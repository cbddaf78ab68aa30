"""The store's ``targets`` rows: the people and organisations each stored quote names,
with the quote's sentiment toward each (:func:`quotetrack.sentiment.targets`), and the
speaker → target pairs that :meth:`quotetrack.tracker.Tracker.mentions` reads from them.

Targets are computed where quotes are written, :meth:`Tracker.add_analyzed
<quotetrack.tracker.Tracker.add_analyzed>` (which every write path goes through), and,
for the quotes of a store written before schema version 7, by that version's migration
(:func:`backfill`): both call :func:`document_targets`, so a migrated store holds what a
fresh ingest of its articles would. A row belongs to its quote and goes with it when the
article is replaced or deleted.

A target is named by its resolved entity ("Hillary Clinton" for "Clinton" where the
article gives the full name), else by the words of the mention. At query time a name
means the tracked speaker that :func:`~quotetrack.store.speakers.speaker_ids` finds for
it (display name or in-article name, exactly, then ignoring case), so the pairs follow the
store's current identity decision; a name that finds no speaker, or several, stays a name
(compared ignoring case).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final

from quotetrack.errors import InputTypeError
from quotetrack.mentions import EntityIndex
from quotetrack.models import DateLike, Quote, TrackedMention, TrackedSpeaker
from quotetrack.records import decode_spans
from quotetrack.sentiment import Target, targets
from quotetrack.store.documents import PLAUSIBLE, PLAUSIBLE_BOUNDS, date_filters
from quotetrack.store.members import credits
from quotetrack.store.speakers import name_resolver, speaker_ids
from quotetrack.store.sql import fold, iso_date, marks
from quotetrack.validation import at_least, sql_limit

if TYPE_CHECKING:
    import contextlib

__all__ = [
    "INSERT_TARGET",
    "SpeakerTargets",
    "backfill",
    "document_target_values",
    "document_targets",
    "mention_rows",
    "target_rows",
    "target_values",
]

INSERT_TARGET: Final = (
    "INSERT INTO targets (quote_id, ordinal, mention_start, mention_end, mention, entity,"
    " name, compound, positive, neutral, negative, model) VALUES"
    " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
"""Insert one target of a quote: the values :func:`target_rows` gives."""


def document_targets(text: str, quotes: Sequence[Quote]) -> list[tuple[Target, ...]]:
    """The targets of each of ``quotes`` (all from the document ``text``), in order.

    One :class:`~quotetrack.mentions.EntityIndex` of the document, with every quote's
    spans as its quoted text (as the parser reads it), serves all of them."""
    if not quotes:
        return []
    quoted = sorted({(s.start, s.end) for q in quotes for s in q.spans})
    index = EntityIndex(text, quoted)
    return [targets(q, text, index=index) for q in quotes]


def document_target_values(text: str, quotes: Sequence[Quote]) -> list[list[tuple[Any, ...]]]:
    """The :func:`target_values` of each of ``quotes`` (all from the document ``text``):
    what the store keeps of their targets, as plain values (cheap to send from a worker
    process)."""
    return [target_values(found) for found in document_targets(text, quotes)]


def target_values(found: Sequence[Target]) -> list[tuple[Any, ...]]:
    """The values of a quote's target rows but the quote's id, in document order."""
    return [
        (
            ordinal,
            t.mention.start,
            t.mention.end,
            t.mention.text,
            t.entity,
            t.entity or t.mention.text,
            t.sentiment.compound,
            t.sentiment.positive,
            t.sentiment.neutral,
            t.sentiment.negative,
            t.sentiment.model,
        )
        for ordinal, t in enumerate(found)
    ]


def target_rows(quote_id: int, values: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The :data:`INSERT_TARGET` values of a quote's targets (its :func:`target_values`)."""
    return [(quote_id, *v) for v in values]


def backfill(conn: sqlite3.Connection) -> None:
    """The targets of every stored quote, article by article (schema version 7). Reads
    only the columns of schema version 1 (a quote's text and spans are all a target
    needs), so it stays right whatever later versions add."""
    doc_ids = [row[0] for row in conn.execute("SELECT DISTINCT doc_id FROM quotes ORDER BY doc_id")]
    for doc_id in doc_ids:
        text = conn.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()[0]
        rows = conn.execute(
            "SELECT id, text, spans FROM quotes WHERE doc_id = ? ORDER BY position", (doc_id,)
        ).fetchall()
        quotes = [
            Quote(quote_text, decode_spans(quote_text, spans)) for _, quote_text, spans in rows
        ]
        found = document_target_values(text, quotes)
        for (quote_id, _, _), values in zip(rows, found, strict=True):
            conn.executemany(INSERT_TARGET, target_rows(quote_id, values))


# --- reading: speaker -> target pairs ------------------------------------------------


class SpeakerTargets:
    """Tracker's :meth:`mentions`, as a method :class:`quotetrack.tracker.Tracker`
    inherits; the tracker provides the read transaction."""

    __slots__ = ()

    if TYPE_CHECKING:

        def _read(self) -> contextlib.AbstractContextManager[sqlite3.Connection]: ...

    def mentions(
        self,
        *,
        speaker: str | int | TrackedSpeaker | None = None,
        target: str | int | TrackedSpeaker | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
        outlet: str | None = None,
        min_quotes: int = 1,
        limit: int | None = None,
    ) -> list[TrackedMention]:
        """How speakers talk about the people and organisations their quotes name: one
        :class:`~quotetrack.models.TrackedMention` per speaker and target, with how many
        of the speaker's quotes name the target and the mean sentiment toward it; most
        quotes first (then most mentions, then by name).

        ``speaker`` and ``target`` are each a
        :class:`~quotetrack.models.TrackedSpeaker`, an id, a display name or an alias,
        found as :meth:`~quotetrack.tracker.Tracker.quotes` finds a speaker (exactly,
        then ignoring case); a target name that is no tracked speaker's matches the
        targets of that name, ignoring case ("FBI"). An unknown name gives no rows.
        ``since``, ``until`` (inclusive) and ``outlet`` count only the quotes of those
        articles; ``min_quotes`` drops pairs with fewer quotes. Only attributed quotes
        count; a quote said by two people ("… say A and B") counts for each of them and
        for the pair (:mod:`quotetrack.store.members`). A ``speaker`` or ``target`` of
        another type raises :class:`~quotetrack.errors.InputTypeError`; a bad
        ``min_quotes`` or ``limit`` :class:`~quotetrack.errors.ConfigurationError`.

        Quotes stored before schema version 7 got their targets when the store was
        upgraded (see :mod:`quotetrack.store.targets`).
        """
        where, params = date_filters(since, until, outlet)
        _check_spec(speaker, "speaker")
        _check_spec(target, "target")
        least = at_least(min_quotes, 1, "min_quotes")
        most = sql_limit(limit)
        with self._read() as conn:
            return mention_rows(
                conn, where, params, speaker, target, least, None if most < 0 else most
            )


def _check_spec(value: object, what: str) -> None:
    if value is None or isinstance(value, (str, TrackedSpeaker)):
        return
    if isinstance(value, int) and not isinstance(value, bool):
        return
    msg = f"{what} must be a name, an id or a TrackedSpeaker, not {type(value).__name__}"
    raise InputTypeError(msg)


def _target_keys(conn: sqlite3.Connection) -> Callable[[str | None], str | None]:
    """The key a target name is grouped under: ``s<id>`` for the one tracked speaker the
    name finds, else ``n<folded name>``."""
    resolve = name_resolver(conn)
    memo: dict[str | None, str | None] = {}

    def key(name: str | None) -> str | None:
        found = memo.get(name)
        if found is None and name is not None:
            ids = resolve(name)
            found = memo[name] = f"s{ids[0]}" if len(ids) == 1 else f"n{fold(name)}"
        return found

    return key


def _wanted_keys(conn: sqlite3.Connection, target: object) -> list[str]:
    """The keys of the targets ``target`` (a name, a speaker id or a TrackedSpeaker)
    asks for: the speakers it finds, as :meth:`Tracker.quotes` finds a speaker, and, for
    a name, the same name ignoring case where it is no tracked speaker's."""
    keys = [f"s{sid}" for sid in speaker_ids(conn, target)]
    if isinstance(target, str):
        keys.append(f"n{fold(target)}")
    return keys


def mention_rows(
    conn: sqlite3.Connection,
    where: list[str],
    params: list[Any],
    speaker: str | int | TrackedSpeaker | None,
    target: str | int | TrackedSpeaker | None,
    min_quotes: int,
    limit: int | None,
) -> list[TrackedMention]:
    """The rows of :meth:`Tracker.mentions <quotetrack.tracker.Tracker.mentions>`
    (``where``/``params``: its date and outlet filters on ``documents d``; ``limit``
    None for all), read inside the caller's read transaction."""
    params = list(params)
    if speaker is not None:
        ids = speaker_ids(conn, speaker)
        if not ids:
            return []
        where = [*where, f"c.speaker_id IN ({marks(len(ids))})"]
        params += ids
    key = _target_keys(conn)
    conn.create_function("quotetrack_target", 1, key, deterministic=True)
    if target is not None:
        wanted = _wanted_keys(conn, target)
        where.append(f"quotetrack_target(t.name) IN ({marks(len(wanted))})")
        params += wanted
    rows = conn.execute(
        "SELECT c.speaker_id, s.name, quotetrack_target(t.name), COUNT(DISTINCT t.quote_id),"
        f" COUNT(*), AVG(t.compound), MIN({PLAUSIBLE}), MAX({PLAUSIBLE})"
        f" FROM targets t JOIN {credits()} c ON c.quote_id = t.quote_id"
        " JOIN quotes q ON q.id = t.quote_id JOIN documents d ON d.doc_id = q.doc_id"
        " JOIN speakers s ON s.id = c.speaker_id"
        f" WHERE {' AND '.join(where) or '1'} GROUP BY c.speaker_id, 3"
        " HAVING COUNT(DISTINCT t.quote_id) >= ?",
        (*PLAUSIBLE_BOUNDS, *PLAUSIBLE_BOUNDS, *params, min_quotes),
    ).fetchall()
    names = _display_names(conn, key, {row[2] for row in rows})
    found = [
        TrackedMention(
            speaker_id=sid,
            speaker=speaker_name,
            target=names[target_key],
            target_id=int(target_key[1:]) if target_key.startswith("s") else None,
            quotes=n_quotes,
            mentions=n_mentions,
            mean_compound=mean,
            first_seen=iso_date(first),
            last_seen=iso_date(last),
        )
        for sid, speaker_name, target_key, n_quotes, n_mentions, mean, first, last in rows
    ]
    found.sort(key=lambda m: (-m.quotes, -m.mentions, m.speaker, m.target, m.speaker_id))
    return found if limit is None else found[:limit]


def _display_names(
    conn: sqlite3.Connection, key: Callable[[str | None], str | None], keys: set[str]
) -> dict[str, str]:
    """The name shown for each target key: the tracked speaker's display name, else the
    spelling most often stored (the first in sort order among equals)."""
    names: dict[str, str] = {}
    speakers = sorted(int(k[1:]) for k in keys if k.startswith("s"))
    for sid in speakers:
        row = conn.execute("SELECT name FROM speakers WHERE id = ?", (sid,)).fetchone()
        names[f"s{sid}"] = row[0]
    if any(k.startswith("n") for k in keys):
        spellings: dict[str, Counter[str]] = {}
        for name, n in conn.execute("SELECT name, COUNT(*) FROM targets GROUP BY name"):
            k = key(name)
            if k in keys and k not in names:
                spellings.setdefault(k, Counter())[name] += n
        for k, seen in spellings.items():
            names[k] = min(seen.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return names
