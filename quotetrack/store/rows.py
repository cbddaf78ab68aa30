"""The store's quote rows: a :class:`~quotetrack.models.Quote` as the values of one
``quotes`` row, and a row read back as a :class:`~quotetrack.models.TrackedQuote`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Final

from quotetrack import identity
from quotetrack.models import (
    Quote,
    QuoteKind,
    Sentiment,
    Span,
    Speaker,
    SpeakerKind,
    TrackedQuote,
)
from quotetrack.store.clusters import cluster_tokens
from quotetrack.store.sql import iso_date

__all__ = ["QUOTE_COLUMNS", "decode_spans", "encode_spans", "quote_row", "tracked_quote"]

QUOTE_COLUMNS: Final = """
    q.id, q.doc_id, q.position, q.text, q.spans, q.kind, q.speaker_name, q.speaker_kind,
    q.mention_start, q.mention_end, q.mention_text, q.cue_start, q.cue_end, q.cue_text,
    q.addressee_start, q.addressee_end, q.addressee_text, q.compound, q.positive,
    q.neutral, q.negative, q.rule, q.speaker_id, s.name, q.cluster_id,
    d.published, d.outlet, d.url, d.title
"""
"""The columns :func:`tracked_quote` reads, from ``quotes q``, ``speakers s``, ``documents d``."""


def encode_spans(quote: Quote) -> str:
    if " ".join(s.text for s in quote.spans) == quote.text:
        data: list[list[int | str]] = [[s.start, s.end] for s in quote.spans]
    else:
        data = [[s.start, s.end, s.text] for s in quote.spans]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decode_spans(text: str, encoded: str) -> tuple[Span, ...]:
    spans = []
    pos = 0
    for item in json.loads(encoded):
        start, end = item[0], item[1]
        if len(item) > 2:
            spans.append(Span(start, end, item[2]))
        else:
            spans.append(Span(start, end, text[pos : pos + end - start]))
            pos += end - start + 1
    return tuple(spans)


def span_or_none(start: int | None, end: int | None, text: str | None) -> Span | None:
    if start is None or end is None or text is None:
        return None
    return Span(start, end, text)


def quote_row(
    doc_id: str, position: int, quote: Quote
) -> tuple[tuple[Any, ...], tuple[str, str] | None, tuple[str, ...], str | None]:
    speaker, cue, addressee, sentiment = (
        quote.speaker,
        quote.cue,
        quote.addressee,
        quote.sentiment,
    )
    mention = None if speaker is None else speaker.mention
    alias_name = None if speaker is None else identity.alias_for(speaker)
    alias = None if speaker is None or alias_name is None else (alias_name, speaker.kind.value)
    row = (
        doc_id,
        position,
        quote.text,
        encode_spans(quote),
        quote.kind.value,
        None if speaker is None else speaker.name,
        None if speaker is None else speaker.kind.value,
        None if mention is None else mention.start,
        None if mention is None else mention.end,
        None if mention is None else mention.text,
        None if cue is None else cue.start,
        None if cue is None else cue.end,
        None if cue is None else cue.text,
        None if addressee is None else addressee.start,
        None if addressee is None else addressee.end,
        None if addressee is None else addressee.text,
        None if sentiment is None else sentiment.compound,
        None if sentiment is None else sentiment.positive,
        None if sentiment is None else sentiment.neutral,
        None if sentiment is None else sentiment.negative,
        quote.rule,
    )
    tag = None if alias is None else identity.speaker_tag(alias[0], SpeakerKind(alias[1]))
    return row, alias, cluster_tokens(quote.text, quote.kind), tag


def tracked_quote(row: Sequence[Any]) -> TrackedQuote:
    (
        quote_id,
        doc_id,
        position,
        text,
        spans,
        kind,
        speaker_name,
        speaker_kind,
        m_start,
        m_end,
        m_text,
        c_start,
        c_end,
        c_text,
        a_start,
        a_end,
        a_text,
        compound,
        positive,
        neutral,
        negative,
        rule,
        speaker_id,
        global_name,
        cluster_id,
        published,
        outlet,
        url,
        title,
    ) = row
    mention = span_or_none(m_start, m_end, m_text)
    speaker = (
        None
        if speaker_name is None or mention is None
        else Speaker(speaker_name, mention, SpeakerKind(speaker_kind))
    )
    quote = Quote(
        text=text,
        spans=decode_spans(text, spans),
        speaker=speaker,
        cue=span_or_none(c_start, c_end, c_text),
        kind=QuoteKind(kind),
        addressee=span_or_none(a_start, a_end, a_text),
        sentiment=None if compound is None else Sentiment(compound, positive, neutral, negative),
        rule=rule,
    )
    return TrackedQuote(
        id=quote_id,
        doc_id=doc_id,
        position=position,
        quote=quote,
        speaker_id=speaker_id,
        speaker=global_name,
        cluster_id=cluster_id if cluster_id is not None else quote_id,
        published=iso_date(published),
        outlet=outlet,
        url=url,
        title=title,
    )
