"""The store's quote rows: a :class:`~quotetrack.models.Quote` as the values of one
``quotes`` row, and a row read back as a :class:`~quotetrack.models.TrackedQuote`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from quotetrack import names, quote_matching
from quotetrack.models import Quote, SpeakerKind, TrackedQuote
from quotetrack.records import quote_from_values, quote_values
from quotetrack.store.clusters import cluster_tokens
from quotetrack.store.members import member_aliases
from quotetrack.store.sql import iso_date

__all__ = ["INSERT_QUOTE", "SELECT_QUOTE", "quote_row", "tracked_quote"]

_STORED: Final[Mapping[str, str | None]] = {
    "text": "text",
    "start": None,
    "end": None,
    "spans": "spans",
    "kind": "kind",
    "speaker": "speaker_name",
    "speaker_kind": "speaker_kind",
    "speaker_mention": "mention_text",
    "speaker_start": "mention_start",
    "speaker_end": "mention_end",
    "speaker_resolved": "speaker_resolved",
    "speaker_source": "speaker_source",
    "speaker_source_start": "speaker_source_start",
    "speaker_source_end": "speaker_source_end",
    "speaker_members": "speaker_members",
    "cue": "cue_text",
    "cue_start": "cue_start",
    "cue_end": "cue_end",
    "addressee": "addressee_text",
    "addressee_start": "addressee_start",
    "addressee_end": "addressee_end",
    "sentiment_compound": "compound",
    "sentiment_positive": "positive",
    "sentiment_neutral": "neutral",
    "sentiment_negative": "negative",
    "sentiment_label": None,
    "sentiment_model": "sentiment_model",
    "rule": "rule",
}
"""Each of :data:`~quotetrack.records.QUOTE_COLUMNS` -> the ``quotes`` column holding it
(None: derived). The SQL names are those of schema version 1 (``sentiment_model`` came
with version 4, null in older rows and read as VADER; how the speaker was resolved with
version 6, null in older rows and read as resolved with no source; the members of a
coordinated speaker with version 8, null in older rows and read as none); renaming them would
rewrite every store for no reader's benefit."""

_SQL: Final = tuple(column for column in _STORED.values() if column is not None)
_KEEP: Final = tuple(i for i, column in enumerate(_STORED.values()) if column is not None)
_AT: Final = {column: i for i, column in enumerate(_SQL)}

INSERT_QUOTE: Final = (
    f"INSERT INTO quotes (doc_id, position, {', '.join(_SQL)}, tokens, speaker_tag,"
    f" alias_id, speaker_id) VALUES (?, ?, {', '.join('?' * len(_SQL))}, ?, ?, ?,"
    " (SELECT speaker_id FROM aliases WHERE id = ?))"
)
"""Insert a quote: :func:`quote_row`'s values, then its tokens, speaker tag and alias id
(twice: the global speaker follows the alias)."""

SELECT_QUOTE: Final = (
    "q.id, q.doc_id, q.position, s.name, q.speaker_id, q.cluster_id,"
    " d.published, d.outlet, d.url, d.title, s.person_id, "
    + ", ".join(f"q.{column}" for column in _SQL)
)
"""The columns :func:`tracked_quote` reads, from ``quotes q``, ``speakers s``, ``documents d``."""


def quote_row(
    doc_id: str, position: int, quote: Quote, text: str | None = None
) -> tuple[
    tuple[Any, ...],
    tuple[str, str] | None,
    tuple[str, ...],
    str | None,
    list[tuple[int, str, str]],
]:
    """The stored values of ``quote`` (for :data:`INSERT_QUOTE`), its alias (in-article
    name and kind; None without a speaker worth following; read with the article's
    ``text`` when given, see :func:`quotetrack.names.alias_for`), its cluster tokens,
    its speaker tag, and the aliases of its speaker's members with their ordinals
    (:func:`quotetrack.store.members.member_aliases`)."""
    values = quote_values(quote)
    row = (doc_id, position, *(values[i] for i in _KEEP))
    speaker = quote.speaker
    alias_name = None if speaker is None else names.alias_for(speaker, text)
    alias = None if speaker is None or alias_name is None else (alias_name, speaker.kind.value)
    tag = None if alias is None else quote_matching.speaker_tag(alias[0], SpeakerKind(alias[1]))
    members = member_aliases(speaker, text)
    return row, alias, cluster_tokens(quote.text, quote.kind), tag, members


def tracked_quote(row: Sequence[Any]) -> TrackedQuote:
    """The stored quote in a row of :data:`SELECT_QUOTE`."""
    quote_id, doc_id, position, global_name, speaker_id, cluster_id = row[:6]
    published, outlet, url, title, person_id = row[6:11]
    stored = row[11:]
    values = [None if column is None else stored[_AT[column]] for column in _STORED.values()]
    return TrackedQuote(
        id=quote_id,
        doc_id=doc_id,
        position=position,
        quote=quote_from_values(values),
        speaker_id=speaker_id,
        speaker=global_name,
        cluster_id=cluster_id if cluster_id is not None else quote_id,
        published=iso_date(published),
        outlet=outlet,
        url=url,
        title=title,
        person_id=person_id,
    )
