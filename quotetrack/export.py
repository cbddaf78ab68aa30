"""Serialisation as functions over result objects: dicts, JSON Lines, CSV, pandas, and
Quotebank-style quote-centric JSON Lines.

:func:`to_dict` and :func:`to_jsonl` keep every offset of a quote (nested spans).
:func:`to_records` flattens quotes and the tracker's results into one row each, the shape
:func:`to_csv` and :func:`to_pandas` write. :func:`to_quotebank` writes quote clusters as
Quotebank's quote-centric records, so tooling written for Quotebank reads our output.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from quotetrack.errors import InputTypeError
from quotetrack.models import (
    Quote,
    QuoteCluster,
    Span,
    TimelinePoint,
    TrackedQuote,
    TrackedSpeaker,
)

__all__ = [
    "quotebank_record",
    "to_csv",
    "to_dict",
    "to_jsonl",
    "to_pandas",
    "to_quotebank",
    "to_records",
    "tracked_to_dict",
]

Exportable = Quote | TrackedQuote | TrackedSpeaker | TimelinePoint | QuoteCluster


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


def to_jsonl(quotes: Iterable[Quote | TrackedQuote], fp: IO[str], **extra: Any) -> int:
    """Write one JSON object per quote to ``fp``; ``extra`` keys (e.g. ``doc_id``) are
    added to every line. A stored quote (:class:`~quotetrack.tracker.TrackedQuote`) is
    written as :func:`tracked_to_dict` gives it. Returns the number of lines written."""
    n = 0
    for quote in quotes:
        body = tracked_to_dict(quote) if isinstance(quote, TrackedQuote) else to_dict(quote)
        record = {**extra, **body}
        fp.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def tracked_to_dict(tracked: TrackedQuote) -> dict[str, Any]:
    """A JSON-ready dict of a stored quote: where and when it was published, who said it
    across articles (``speaker``, ``speaker_id``), its ``cluster_id``, and the quote
    itself under ``quote`` as :func:`to_dict` gives it."""
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
        "cluster_id": tracked.cluster_id,
        "quote": to_dict(tracked.quote),
    }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _quote_row(quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    sentiment = quote.sentiment
    return {
        "name": None if speaker is None else speaker.name,
        "mention": None if speaker is None else speaker.mention.text,
        "speaker_kind": None if speaker is None else speaker.kind.value,
        "cue": None if quote.cue is None else quote.cue.text,
        "kind": quote.kind.value,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "compound": None if sentiment is None else sentiment.compound,
        "positive": None if sentiment is None else sentiment.positive,
        "neutral": None if sentiment is None else sentiment.neutral,
        "negative": None if sentiment is None else sentiment.negative,
        "label": None if sentiment is None else sentiment.label,
        "rule": quote.rule,
    }


def _record(item: Exportable) -> dict[str, Any]:
    if isinstance(item, Quote):
        return _quote_row(item)
    if isinstance(item, TrackedQuote):
        return {
            "id": item.id,
            "doc_id": item.doc_id,
            "position": item.position,
            "published": _iso(item.published),
            "outlet": item.outlet,
            "url": item.url,
            "speaker": item.speaker,
            "speaker_id": item.speaker_id,
            "cluster_id": item.cluster_id,
            **_quote_row(item.quote),
        }
    if isinstance(item, TrackedSpeaker):
        return {
            "id": item.id,
            "name": item.name,
            "kind": item.kind.value,
            "quotes": item.quotes,
            "articles": item.articles,
            "mean_compound": item.mean_compound,
            "first_seen": _iso(item.first_seen),
            "last_seen": _iso(item.last_seen),
            "aliases": list(item.aliases),
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
        "to_records exports Quote, TrackedQuote, TrackedSpeaker, TimelinePoint and "
        f"QuoteCluster objects, not {type(item).__name__}"
    )
    raise InputTypeError(msg)


def to_records(items: Iterable[Exportable]) -> Iterator[dict[str, Any]]:
    """One flat, JSON-ready dict per item (dates as ISO strings, lists for aliases and
    article ids): quotes (with their speaker's name, mention, cue, offsets of the whole
    quote, sentiment and rule; stored quotes also with article and speaker), speakers,
    timeline points and quote clusters."""
    for item in items:
        yield _record(item)


def to_csv(items: Iterable[Exportable], fp: IO[str]) -> int:
    """Write :func:`to_records` rows as CSV with a header (lists joined with ``" | "``);
    the columns are those of the first item. Returns the number of rows written. Open
    ``fp`` with ``newline=""``."""
    writer: csv.DictWriter[str] | None = None
    n = 0
    for record in to_records(items):
        if writer is None:
            writer = csv.DictWriter(fp, fieldnames=list(record), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(
            {k: " | ".join(map(str, v)) if isinstance(v, list) else v for k, v in record.items()}
        )
        n += 1
    return n


PANDAS_MISSING = (
    "to_pandas needs pandas, which quotetrack does not install by default: "
    "pip install 'quotetrack[pandas]'"
)

_DATE_COLUMNS = ["published", "first_seen", "last_seen"]


def to_pandas(items: Iterable[Exportable]) -> Any:
    """A :class:`pandas.DataFrame` of :func:`to_records` rows, date columns as
    ``datetime64``. pandas is an optional extra: ``pip install 'quotetrack[pandas]'``
    (an :class:`ImportError` says so when it is missing)."""
    try:
        pd = importlib.import_module("pandas")
    except ImportError:
        raise ImportError(PANDAS_MISSING) from None
    frame = pd.DataFrame.from_records(list(to_records(items)))
    dates = [*_DATE_COLUMNS, "start"] if "period" in frame.columns else _DATE_COLUMNS
    for column in dates:
        if column in frame.columns:
            frame[column] = pd.to_datetime(frame[column])
    return frame


def quotebank_record(cluster: QuoteCluster) -> dict[str, Any]:
    """One cluster as a Quotebank quote-centric record: ``quoteID``, ``quotation``,
    ``speaker`` (``"None"`` when unattributed), ``qids`` (always empty: no Wikidata
    linking), ``date`` (first seen, ``YYYY-MM-DD 00:00:00``), ``numOccurrences``,
    ``probas`` (each speaker's share of the occurrences, as strings like Quotebank's;
    a vote share, not a model probability), ``urls``; plus ``doc_ids``."""
    day = cluster.first_seen
    return {
        "quoteID": f"{day.isoformat() if day else '0000-00-00'}-{cluster.id:06d}",
        "quotation": cluster.quotation,
        "speaker": cluster.speaker or "None",
        "qids": [],
        "date": None if day is None else f"{day.isoformat()} 00:00:00",
        "numOccurrences": cluster.occurrences,
        "probas": [
            [name or "None", f"{count / cluster.occurrences:.4f}"]
            for name, count in cluster.speakers
        ],
        "urls": list(cluster.urls),
        "doc_ids": list(cluster.doc_ids),
    }


def to_quotebank(clusters: Iterable[QuoteCluster], fp: IO[str]) -> int:
    """Write :func:`quotebank_record` lines to ``fp``; returns how many. Get every
    cluster with ``tracker.clusters(min_articles=1)``."""
    n = 0
    for cluster in clusters:
        fp.write(json.dumps(quotebank_record(cluster), ensure_ascii=False) + "\n")
        n += 1
    return n
