"""Quote ⇄ record: the one column vocabulary, and the one way to encode and decode it.

Every place a :class:`~quotetrack.models.Quote` leaves the object world goes through
here: flat rows for CSV, pandas, Parquet, Dask and Spark (:func:`quote_record`), the
plain values sent back from worker processes (:func:`quote_values`), the store's quote
rows (:mod:`quotetrack.store.rows`) and the nested JSON of ``to_jsonl``
(:func:`to_dict`). Decoding is exact: :func:`quote_from_record` and
:func:`quote_from_values` rebuild the very quote that was encoded.

The columns of a quote (:data:`QUOTE_COLUMNS`) are ``text``, ``start``, ``end``,
``spans``, ``kind``, then the speaker's ``speaker`` (the fullest name in the document),
``speaker_kind`` and the mention that attributes the quote (``speaker_mention``,
``speaker_start``, ``speaker_end``), how it was resolved (``speaker_resolved``,
``speaker_source`` and its offsets), the persons of a coordinated speaker
(``speaker_members``, JSON: see :func:`encode_members`; null for every other speaker
and absent from records written before it existed), the ``cue`` and ``addressee``
with their offsets, the sentiment (``sentiment_compound``, ``sentiment_positive``,
``sentiment_neutral``, ``sentiment_negative``, ``sentiment_label``, and
``sentiment_model``, the model that scored it: absent or null reads as ``"vader"``,
what quotetrack scored with before it recorded the model) and the ``rule``. A missing
speaker, cue, addressee or sentiment leaves its columns null.

``spans`` is JSON: ``[[start, end], ...]`` when the span texts can be cut back out of
``text`` (the quote's text is its spans joined by single spaces, as the parser makes
them), or ``[[start, end, "span text"], ...]`` otherwise.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any, Final

from quotetrack.errors import InputTypeError, QuotetrackError
from quotetrack.models import (
    Quote,
    QuoteCluster,
    QuoteKind,
    Sentiment,
    Span,
    Speaker,
    SpeakerKind,
    TimelinePoint,
    TrackedMention,
    TrackedQuote,
    TrackedSpeaker,
)

__all__ = [
    "QUOTE_COLUMNS",
    "SCHEMA",
    "Exportable",
    "decode_members",
    "decode_spans",
    "encode_members",
    "encode_spans",
    "quote_from_record",
    "quote_from_values",
    "quote_record",
    "quote_values",
    "to_dict",
    "to_record",
    "tracked_to_dict",
]

QUOTE_COLUMNS: Final[Mapping[str, str]] = {
    "text": "string",
    "start": "int64",  # offset of the first content character
    "end": "int64",  # offset just past the last content character
    "spans": "string",  # JSON [[start, end], ...] or [[start, end, text], ...]
    "kind": "string",  # QuoteKind value: direct, mixed, reported
    "speaker": "string",  # the speaker's fullest name in the document
    "speaker_kind": "string",  # SpeakerKind value: person, organisation, group, anonymous
    "speaker_mention": "string",  # the text that attributes this quote ("she")
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "speaker_resolved": "boolean",  # False: a pronoun or description left as its words
    "speaker_source": "string",  # the mention the name was read from ("Chrissy Teigen")
    "speaker_source_start": "Int64",
    "speaker_source_end": "Int64",
    "speaker_members": "string",  # JSON: the persons of "say A and B" (encode_members)
    "cue": "string",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "addressee": "string",
    "addressee_start": "Int64",
    "addressee_end": "Int64",
    "sentiment_compound": "float64",
    "sentiment_positive": "float64",
    "sentiment_neutral": "float64",
    "sentiment_negative": "float64",
    "sentiment_label": "string",  # positive, negative or neutral (the model's cut-offs)
    "sentiment_model": "string",  # the model that scored it: "news" or "vader"
    "rule": "string",  # the rule that attributed the quote
}
"""A quote's columns -> pandas dtype, in column order. ``Int64`` is pandas' nullable
integer."""

SCHEMA: Final[Mapping[str, str]] = {
    "doc_id": "string",
    "quote_index": "int64",  # position of the quote in its document, from 0
    **QUOTE_COLUMNS,
}
"""The columns of a quote in a table of many documents (Parquet, Dask, Spark):
``doc_id`` and ``quote_index``, then :data:`QUOTE_COLUMNS`."""

_Values = tuple[Any, ...]

# --- spans -------------------------------------------------------------------------


def encode_spans(quote: Quote) -> str:
    """The ``spans`` column: offsets only when the texts can be cut back out of
    ``quote.text``, offsets and texts otherwise."""
    spans = quote.spans
    derivable = quote.text == " ".join(s.text for s in spans) and all(
        len(s.text) == s.end - s.start for s in spans
    )
    if derivable:
        packed: list[list[Any]] = [[s.start, s.end] for s in spans]
    else:
        packed = [[s.start, s.end, s.text] for s in spans]
    return json.dumps(packed, ensure_ascii=False, separators=(",", ":"))


def decode_spans(text: str, encoded: str) -> tuple[Span, ...]:
    """The spans that :func:`encode_spans` encoded for a quote whose text is ``text``."""
    out: list[Span] = []
    pos = 0
    for item in json.loads(encoded):
        start, end = int(item[0]), int(item[1])
        if len(item) > 2:
            out.append(Span(start, end, str(item[2])))
        else:
            out.append(Span(start, end, text[pos : pos + end - start]))
            pos += end - start + 1  # the joining space
    return tuple(out)


# --- the members of a coordinated speaker ---------------------------------------------


def _packed(span: Span | None) -> list[Any] | None:
    return None if span is None else [span.start, span.end, span.text]


def _unpacked(item: Sequence[Any] | None) -> Span | None:
    return None if item is None else Span(int(item[0]), int(item[1]), str(item[2]))


def encode_members(speaker: Speaker | None) -> str | None:
    """The ``speaker_members`` column: None unless ``speaker`` is coordinated, else JSON
    ``[{"name", "kind", "mention": [start, end, text], "resolved", "source": [start,
    end, text] | null}, ...]``, one object per member in text order."""
    if speaker is None or not speaker.members:
        return None
    packed = [
        {
            "name": m.name,
            "kind": m.kind.value,
            "mention": _packed(m.mention),
            "resolved": m.resolved,
            "source": _packed(m.source),
        }
        for m in speaker.members
    ]
    return json.dumps(packed, ensure_ascii=False, separators=(",", ":"))


def decode_members(encoded: str | None) -> tuple[Speaker, ...]:
    """The members that :func:`encode_members` encoded (none for None)."""
    if encoded is None:
        return ()
    members = []
    for item in json.loads(encoded):
        mention = _unpacked(item["mention"])
        if mention is None:
            msg = f"the member {item.get('name')!r} has no mention"
            raise ValueError(msg)
        members.append(
            Speaker(
                str(item["name"]),
                mention,
                SpeakerKind(item["kind"]),
                resolved=bool(item["resolved"]),
                source=_unpacked(item["source"]),
            )
        )
    return tuple(members)


# --- a quote as plain values -------------------------------------------------------


def quote_values(quote: Quote) -> _Values:
    """``quote`` as plain ``str``/``int``/``float``/``None`` values in the order of
    :data:`QUOTE_COLUMNS`: cheap to pickle, rebuilt exactly by :func:`quote_from_values`."""
    speaker, cue, addressee, sentiment = quote.speaker, quote.cue, quote.addressee, quote.sentiment
    mention = None if speaker is None else speaker.mention
    source = None if speaker is None else speaker.source
    return (
        quote.text,
        quote.start,
        quote.end,
        encode_spans(quote),
        quote.kind.value,
        None if speaker is None else speaker.name,
        None if speaker is None else speaker.kind.value,
        None if mention is None else mention.text,
        None if mention is None else mention.start,
        None if mention is None else mention.end,
        None if speaker is None else speaker.resolved,
        None if source is None else source.text,
        None if source is None else source.start,
        None if source is None else source.end,
        encode_members(speaker),
        None if cue is None else cue.text,
        None if cue is None else cue.start,
        None if cue is None else cue.end,
        None if addressee is None else addressee.text,
        None if addressee is None else addressee.start,
        None if addressee is None else addressee.end,
        None if sentiment is None else sentiment.compound,
        None if sentiment is None else sentiment.positive,
        None if sentiment is None else sentiment.neutral,
        None if sentiment is None else sentiment.negative,
        None if sentiment is None else sentiment.label,
        None if sentiment is None else sentiment.model,
        quote.rule,
    )


def _span(text: str | None, start: int | None, end: int | None) -> Span | None:
    if text is None or start is None or end is None:
        return None
    return Span(start, end, text)


def quote_from_values(values: Sequence[Any]) -> Quote:
    """The :class:`~quotetrack.models.Quote` that :func:`quote_values` encoded (every
    value already a plain ``str``, ``int``, ``float`` or ``None``)."""
    (
        text,
        _start,
        _end,
        spans,
        kind,
        name,
        speaker_kind,
        m_text,
        m_start,
        m_end,
        resolved,
        s_text,
        s_start,
        s_end,
        members,
        c_text,
        c_start,
        c_end,
        a_text,
        a_start,
        a_end,
        compound,
        positive,
        neutral,
        negative,
        _label,
        model,
        rule,
    ) = values
    text = "" if text is None else text
    mention = _span(m_text, m_start, m_end)
    speaker = None
    if name is not None and mention is not None:
        speaker = Speaker(
            name,
            mention,
            SpeakerKind("person" if speaker_kind is None else speaker_kind),
            resolved=True if resolved is None else bool(resolved),
            source=_span(s_text, s_start, s_end),
            members=decode_members(members),
        )
    scores = (compound, positive, neutral, negative)
    return Quote(
        text=text,
        spans=decode_spans(text, "[]" if spans is None else spans),
        speaker=speaker,
        cue=_span(c_text, c_start, c_end),
        kind=QuoteKind("direct" if kind is None else kind),
        addressee=_span(a_text, a_start, a_end),
        sentiment=None
        if any(s is None for s in scores)
        else Sentiment(*scores, model="vader" if model is None else model),
        rule="unattributed" if rule is None else rule,
    )


# --- a quote as a flat record ------------------------------------------------------


def quote_record(quote: Quote) -> dict[str, Any]:
    """One flat, JSON-ready dict of ``quote`` with the columns of :data:`QUOTE_COLUMNS`."""
    return dict(zip(QUOTE_COLUMNS, quote_values(quote), strict=True))


def _missing(value: object) -> bool:
    """None, NaN, pandas' NA or NaT: what a frame or Parquet file gives for a null."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def _plain(value: object, dtype: str) -> Any:
    """A cell read back from a frame as a plain value of its column's type."""
    if _missing(value):
        return None
    if dtype == "string":
        return str(value)
    if dtype in ("int64", "Int64"):
        return int(value)  # type: ignore[call-overload]
    if dtype == "boolean":
        return bool(value)
    return float(value)  # type: ignore[arg-type]


_NEEDED: Final = tuple(c for c in QUOTE_COLUMNS if c not in ("start", "end", "sentiment_label"))
"""The columns decoding reads: the others are derived from them."""
_OPTIONAL: Final = frozenset(
    {
        "sentiment_model",
        "speaker_resolved",
        "speaker_source",
        "speaker_source_start",
        "speaker_source_end",
        "speaker_members",
    }
)
"""Read when present: records written before the column existed lack it (the speaker's
resolution and members came with issue 11, the sentiment model later)."""


def quote_from_record(record: Mapping[str, Any]) -> Quote:
    """The quote that :func:`quote_record` (or a frame or Parquet row of it) holds.

    NaN, ``pd.NA`` and NumPy scalars are read as null, int and float; extra keys are
    ignored, and the derived columns (``start``, ``end``, ``sentiment_label``) may be
    absent, as may the columns older records lack: ``sentiment_model`` (read as
    ``"vader"``), ``speaker_resolved``/``speaker_source``/``_start``/``_end`` (the
    speaker reads as resolved, with no source) and ``speaker_members`` (no members). A
    missing column raises :class:`KeyError`; a value that cannot be decoded (spans or
    members that are not their JSON, an unknown kind, a number that is not one)
    :class:`~quotetrack.errors.InputTypeError`.
    """
    cells = {
        column: record.get(column) if column in _OPTIONAL else record[column] for column in _NEEDED
    }
    try:
        values = [
            None if column not in _NEEDED else _plain(cells[column], dtype)
            for column, dtype in QUOTE_COLUMNS.items()
        ]
        return quote_from_values(values)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        if isinstance(exc, QuotetrackError):
            raise
        msg = f"a quote record holds a value that cannot be decoded: {type(exc).__name__} {exc}"
        raise InputTypeError(msg) from None


# --- nested dicts and the other results --------------------------------------------


def _span_dict(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text}


def _speaker_dict(speaker: Speaker) -> dict[str, Any]:
    found: dict[str, Any] = {
        "name": speaker.name,
        "kind": speaker.kind.value,
        "mention": _span_dict(speaker.mention),
        "resolved": speaker.resolved,
        "source": _span_dict(speaker.source),
    }
    if speaker.members:  # absent otherwise: the dict of every other speaker is unchanged
        found["members"] = [_speaker_dict(m) for m in speaker.members]
    return found


def to_dict(quote: Quote) -> dict[str, Any]:
    """A JSON-ready dict of ``quote`` carrying every offset, nested as the classes are.

    Keys: text, kind, spans, speaker (name, kind, mention, resolved, source, and
    ``members`` only for a coordinated speaker: a list of such speaker dicts), cue,
    addressee, sentiment (compound, positive, neutral, negative, label, model) and rule.
    """
    if not isinstance(quote, Quote):
        msg = f"to_dict takes a Quote, not {type(quote).__name__}"
        raise InputTypeError(msg)
    speaker = quote.speaker
    sentiment = quote.sentiment
    return {
        "text": quote.text,
        "kind": quote.kind.value,
        "spans": [_span_dict(s) for s in quote.spans],
        "speaker": None if speaker is None else _speaker_dict(speaker),
        "cue": _span_dict(quote.cue),
        "addressee": _span_dict(quote.addressee),
        "sentiment": None
        if sentiment is None
        else {
            "compound": sentiment.compound,
            "positive": sentiment.positive,
            "neutral": sentiment.neutral,
            "negative": sentiment.negative,
            "label": sentiment.label,
            "model": sentiment.model,
        },
        "rule": quote.rule,
    }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def tracked_to_dict(tracked: TrackedQuote) -> dict[str, Any]:
    """A JSON-ready dict of a stored quote: where and when it was published, who said it
    across articles (``speaker``, ``speaker_id``, and ``person_id`` when a people
    registry names them), its ``cluster_id``, and the quote itself under ``quote`` as
    :func:`to_dict` gives it."""
    if not isinstance(tracked, TrackedQuote):
        msg = f"tracked_to_dict takes a TrackedQuote, not {type(tracked).__name__}"
        raise InputTypeError(msg)
    return {
        "id": tracked.id,
        "doc_id": tracked.doc_id,
        "position": tracked.position,
        "published": _iso(tracked.published),
        "outlet": tracked.outlet,
        "url": tracked.url,
        "title": tracked.title,
        "speaker": tracked.speaker,
        "speaker_id": tracked.speaker_id,
        "person_id": tracked.person_id,
        "cluster_id": tracked.cluster_id,
        "quote": to_dict(tracked.quote),
    }


Exportable = Quote | TrackedQuote | TrackedSpeaker | TrackedMention | TimelinePoint | QuoteCluster


def to_record(item: Exportable) -> dict[str, Any]:
    """One flat, JSON-ready dict of a quote (:func:`quote_record`), a stored quote (its
    article and cross-article speaker, then the quote's columns), a speaker, a timeline
    point or a quote cluster; dates as ISO strings, lists for aliases and article ids."""
    if isinstance(item, Quote):
        return quote_record(item)
    if isinstance(item, TrackedQuote):
        return {
            "id": item.id,
            "doc_id": item.doc_id,
            "quote_index": item.position,
            "published": _iso(item.published),
            "outlet": item.outlet,
            "url": item.url,
            "tracked_speaker": item.speaker,
            "speaker_id": item.speaker_id,
            "person_id": item.person_id,
            "cluster_id": item.cluster_id,
            **quote_record(item.quote),
        }
    if isinstance(item, TrackedSpeaker):
        return {
            "id": item.id,
            "name": item.name,
            "kind": item.kind.value,
            "person_id": item.person_id,
            "quotes": item.quotes,
            "articles": item.articles,
            "mean_compound": item.mean_compound,
            "first_seen": _iso(item.first_seen),
            "last_seen": _iso(item.last_seen),
            "aliases": list(item.aliases),
        }
    if isinstance(item, TrackedMention):
        return {
            "speaker_id": item.speaker_id,
            "speaker": item.speaker,
            "target": item.target,
            "target_id": item.target_id,
            "quotes": item.quotes,
            "mentions": item.mentions,
            "mean_compound": item.mean_compound,
            "label": item.label,
            "first_seen": _iso(item.first_seen),
            "last_seen": _iso(item.last_seen),
        }
    if isinstance(item, TimelinePoint):
        return {
            "period": item.period,
            "start": _iso(item.start),
            "quotes": item.quotes,
            "mean_compound": item.mean_compound,
        }
    if isinstance(item, QuoteCluster):
        return {
            "id": item.id,
            "quotation": item.quotation,
            "occurrences": item.occurrences,
            "articles": item.articles,
            "first_seen": _iso(item.first_seen),
            "last_seen": _iso(item.last_seen),
            "speaker": item.speaker,
            "doc_ids": list(item.doc_ids),
            "outlets": list(item.outlets),
            "urls": list(item.urls),
        }
    msg = (
        "to_records exports Quote, TrackedQuote, TrackedSpeaker, TrackedMention, "
        f"TimelinePoint and QuoteCluster objects, not {type(item).__name__}"
    )
    raise InputTypeError(msg)
