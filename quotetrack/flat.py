"""Quotes as flat, typed records: one row per quote, for data frames and Parquet.

This is the row shape shared by :mod:`quotetrack.dask` and the Spark recipe in
``docs/scale.md``: every value is a ``str``, an ``int``, a ``float`` or ``None``, and
every column has one type (:data:`SCHEMA`), so a partition converts to pandas, Arrow or
Spark without guessing::

    >>> import quotetrack
    >>> from quotetrack.flat import flat_records, quotes_from_records
    >>> quotes = quotetrack.analyze('“We will win,” Smith said.')
    >>> [row] = flat_records("doc-1", quotes)
    >>> row["doc_id"], row["speaker"], row["cue"], row["start"], row["end"]
    ('doc-1', 'Smith', 'said', 1, 13)
    >>> quotes_from_records([row]) == quotes
    True

``spans`` is JSON: ``[[start, end], ...]`` when the span texts can be cut back out of
``text`` (the quote's text is its spans joined by single spaces, as the parser makes
them), or ``[[start, end, "span text"], ...]`` otherwise, so :func:`quotes_from_records`
always rebuilds the exact quote. A missing speaker, cue, addressee or sentiment leaves
its columns null (``None``; ``NaN`` for the sentiment floats in a frame).

This module imports neither pandas nor pyarrow until :func:`records_frame`,
:func:`analyze_batches` or :func:`arrow_schema` is called.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from quotetrack.errors import InputTypeError, check_text
from quotetrack.models import Quote, QuoteKind, Sentiment, Span, Speaker, SpeakerKind
from quotetrack.parser import QuoteParser
from quotetrack.sentiment import SentimentScorer

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

__all__ = [
    "SCHEMA",
    "analyze_batches",
    "arrow_schema",
    "flat_records",
    "quotes_from_records",
    "records_frame",
    "spark_schema",
]

SCHEMA: Final[Mapping[str, str]] = {
    "doc_id": "string",
    "quote_index": "int64",  # position of the quote in its document, from 0
    "text": "string",
    "start": "int64",  # offset of the first content character
    "end": "int64",  # offset just past the last content character
    "spans": "string",  # JSON [[start, end], ...] or [[start, end, text], ...]
    "kind": "string",  # QuoteKind value: direct, mixed, reported
    "speaker": "string",  # the speaker's fullest name in the document
    "speaker_kind": "string",  # SpeakerKind value: person, group, anonymous
    "speaker_mention": "string",  # the text that attributes this quote ("she")
    "speaker_start": "Int64",
    "speaker_end": "Int64",
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
    "rule": "string",  # the rule that attributed the quote
}
"""Column name -> pandas dtype, in column order. ``Int64`` is pandas' nullable integer."""

_ARROW: Final[Mapping[str, str]] = {"string": "string", "int64": "int64", "Int64": "int64"}
_SPARK: Final[Mapping[str, str]] = {"string": "string", "int64": "long", "Int64": "long"}
_MENTION: Final = ("speaker_mention", "speaker_start", "speaker_end")
_CUE: Final = ("cue", "cue_start", "cue_end")
_ADDRESSEE: Final = ("addressee", "addressee_start", "addressee_end")


def _span_columns(row: dict[str, Any], keys: tuple[str, str, str], span: Span | None) -> None:
    """Set the text, start and end columns named by ``keys`` from ``span``."""
    text_key, start_key, end_key = keys
    if span is None:
        row[text_key] = row[start_key] = row[end_key] = None
    else:
        row[text_key], row[start_key], row[end_key] = span.text, span.start, span.end


def _spans_json(quote: Quote) -> str:
    spans = quote.spans
    derivable = quote.text == " ".join(s.text for s in spans) and all(
        len(s.text) == s.end - s.start for s in spans
    )
    if derivable:
        packed: list[list[Any]] = [[s.start, s.end] for s in spans]
    else:
        packed = [[s.start, s.end, s.text] for s in spans]
    return json.dumps(packed, ensure_ascii=False, separators=(",", ":"))


def flat_records(doc_id: str, quotes: Iterable[Quote]) -> list[dict[str, Any]]:
    """One flat dict per quote, with the columns of :data:`SCHEMA` in that order.

    ``doc_id`` is repeated on every row; ``quote_index`` numbers the quotes from 0 in
    the order given. Raises :class:`~quotetrack.errors.InputTypeError` when ``doc_id``
    is not a ``str`` or an item is not a :class:`~quotetrack.models.Quote`.
    """
    doc_id = check_text(doc_id, what="doc_id")
    rows: list[dict[str, Any]] = []
    for index, quote in enumerate(quotes):
        if not isinstance(quote, Quote):
            msg = f"quotes[{index}] must be a Quote, not {type(quote).__name__}"
            raise InputTypeError(msg)
        speaker = quote.speaker
        sentiment = quote.sentiment
        row: dict[str, Any] = {
            "doc_id": doc_id,
            "quote_index": index,
            "text": quote.text,
            "start": quote.start,
            "end": quote.end,
            "spans": _spans_json(quote),
            "kind": quote.kind.value,
            "speaker": None if speaker is None else speaker.name,
            "speaker_kind": None if speaker is None else speaker.kind.value,
        }
        _span_columns(row, _MENTION, None if speaker is None else speaker.mention)
        _span_columns(row, _CUE, quote.cue)
        _span_columns(row, _ADDRESSEE, quote.addressee)
        if sentiment is None:
            row["sentiment_compound"] = row["sentiment_positive"] = None
            row["sentiment_neutral"] = row["sentiment_negative"] = None
        else:
            row["sentiment_compound"] = sentiment.compound
            row["sentiment_positive"] = sentiment.positive
            row["sentiment_neutral"] = sentiment.neutral
            row["sentiment_negative"] = sentiment.negative
        row["rule"] = quote.rule
        rows.append({name: row[name] for name in SCHEMA})
    return rows


# --- back to quotes ----------------------------------------------------------------


def _missing(value: object) -> bool:
    """None, NaN, pandas' NA or NaT: what a frame or Parquet file gives for a null."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def _str(value: object) -> str | None:
    return None if _missing(value) else str(value)


def _int(value: object) -> int | None:
    return None if _missing(value) else int(value)  # type: ignore[call-overload]


def _float(value: object) -> float | None:
    return None if _missing(value) else float(value)  # type: ignore[arg-type]


def _span(row: Mapping[str, Any], keys: tuple[str, str, str]) -> Span | None:
    text_key, start_key, end_key = keys
    text, start, end = _str(row[text_key]), _int(row[start_key]), _int(row[end_key])
    if text is None or start is None or end is None:
        return None
    return Span(start, end, text)


def _spans(text: str, spans_json: str) -> tuple[Span, ...]:
    packed = json.loads(spans_json)
    out: list[Span] = []
    pos = 0
    for item in packed:
        start, end = int(item[0]), int(item[1])
        if len(item) > 2:
            out.append(Span(start, end, str(item[2])))
        else:
            out.append(Span(start, end, text[pos : pos + end - start]))
            pos += end - start + 1  # the joining space
    return tuple(out)


def _quote(row: Mapping[str, Any]) -> Quote:
    text = _str(row["text"]) or ""
    mention = _span(row, _MENTION)
    name = _str(row["speaker"])
    speaker = None
    if name is not None and mention is not None:
        speaker = Speaker(name, mention, SpeakerKind(_str(row["speaker_kind"]) or "person"))
    scores = [
        _float(row[f"sentiment_{k}"]) for k in ("compound", "positive", "neutral", "negative")
    ]
    sentiment = None
    if not any(s is None for s in scores):
        sentiment = Sentiment(*(s for s in scores if s is not None))
    spans = _spans(text, _str(row["spans"]) or "[]")
    return Quote(
        text=text,
        spans=spans,
        speaker=speaker,
        cue=_span(row, _CUE),
        kind=QuoteKind(_str(row["kind"]) or "direct"),
        addressee=_span(row, _ADDRESSEE),
        sentiment=sentiment,
        rule=_str(row["rule"]) or "unattributed",
    )


def quotes_from_records(records: Iterable[Mapping[str, Any]]) -> tuple[Quote, ...]:
    """The quotes that :func:`flat_records` flattened, in the order of ``records``.

    Accepts the dicts :func:`flat_records` returns and rows read back from a frame or
    Parquet (``df.to_dict("records")``): NaN, ``pd.NA`` and NumPy scalars are read as
    null, int and float. Extra keys (document metadata) are ignored. Rows of several
    documents come back as one tuple; group them by ``doc_id`` first, and sort by
    ``quote_index`` if your engine shuffled them.
    """
    quotes = []
    for index, row in enumerate(records):
        try:
            quotes.append(_quote(row))
        except KeyError as exc:
            msg = f"records[{index}] has no {exc.args[0]!r} column; expected {list(SCHEMA)}"
            raise InputTypeError(msg) from None
    return tuple(quotes)


# --- frames and schemas ------------------------------------------------------------


def analyze_batches(
    batches: Iterable[pd.DataFrame],
    *,
    text: str = "text",
    doc_id: str = "doc_id",
    sentiment: bool = True,
) -> Iterator[pd.DataFrame]:
    """For each pandas batch of documents, a typed frame of their quotes (:data:`SCHEMA`).

    The shape Spark's ``mapInPandas`` wants: ``text`` and ``doc_id`` name the batch's
    columns; ``sentiment=False`` stops after parsing. One parser and scorer serve every
    batch of the call. A missing text raises
    :class:`~quotetrack.errors.InputTypeError` naming the document::

        quotes = articles.mapInPandas(analyze_batches, spark_schema())

    Imports pandas.
    """
    parser = QuoteParser()
    scorer = SentimentScorer() if sentiment else None
    for batch in batches:
        rows: list[dict[str, Any]] = []
        for doc, body in zip(batch[doc_id].tolist(), batch[text].tolist(), strict=True):
            if not isinstance(body, str):
                msg = f"the text of document {doc!r} must be str, not {type(body).__name__}"
                raise InputTypeError(msg)
            quotes = parser.parse(body)
            if scorer is not None:
                quotes = tuple(scorer.score(q) for q in quotes)
            rows.extend(flat_records(str(doc), quotes))
        yield records_frame(rows)


def records_frame(records: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """A pandas DataFrame of flat records with exactly the dtypes of :data:`SCHEMA`
    (empty but typed when there are no records). Imports pandas."""
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    frame = pd.DataFrame.from_records(list(records), columns=list(SCHEMA))
    return frame.astype(dict(SCHEMA))


def arrow_schema() -> pa.Schema:
    """The :data:`SCHEMA` columns as a :class:`pyarrow.Schema`. Imports pyarrow."""
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

    return pa.schema([(name, pa.type_for_alias(_ARROW.get(t, t))) for name, t in SCHEMA.items()])


def spark_schema() -> str:
    """The :data:`SCHEMA` columns as a Spark DDL string, e.g. for ``mapInPandas``.

    >>> spark_schema().split(", ")[:3]
    ['doc_id string', 'quote_index long', 'text string']
    """
    return ", ".join(f"{name} {_SPARK.get(t, 'double')}" for name, t in SCHEMA.items())
