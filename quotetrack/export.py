"""Serialisation as functions over result objects: dicts and JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from quotetrack.models import Quote, Span

__all__ = ["to_dict", "to_jsonl"]


def _span(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text}


def to_dict(quote: Quote) -> dict[str, Any]:
    """A JSON-ready dict of ``quote`` carrying every offset.

    Keys: text, kind, spans, speaker (name, kind, mention), cue, addressee, sentiment
    (compound, positive, neutral, negative, label) and rule.
    """
    speaker = quote.speaker
    sentiment = quote.sentiment
    return {
        "text": quote.text,
        "kind": quote.kind.value,
        "spans": [_span(s) for s in quote.spans],
        "speaker": None
        if speaker is None
        else {"name": speaker.name, "kind": speaker.kind.value, "mention": _span(speaker.mention)},
        "cue": _span(quote.cue),
        "addressee": _span(quote.addressee),
        "sentiment": None
        if sentiment is None
        else {
            "compound": sentiment.compound,
            "positive": sentiment.positive,
            "neutral": sentiment.neutral,
            "negative": sentiment.negative,
            "label": sentiment.label,
        },
        "rule": quote.rule,
    }


def to_jsonl(quotes: Iterable[Quote], fp: IO[str], **extra: Any) -> int:
    """Write one JSON object per quote to ``fp``; ``extra`` keys (e.g. ``doc_id``) are
    added to every line. Returns the number of lines written."""
    n = 0
    for quote in quotes:
        record = {**extra, **to_dict(quote)}
        fp.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n
