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

The columns and their encoding are those of :mod:`quotetrack.records` (the one codec);
:func:`quotes_from_records` always rebuilds the exact quote. A missing speaker, cue,
addressee or sentiment leaves its columns null (``None``; ``NaN`` for the sentiment
floats in a frame).

This module imports neither pandas nor pyarrow until :func:`records_frame`,
:func:`analyze_batches` or :func:`arrow_schema` is called.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from quotetrack.errors import InputTypeError, check_text
from quotetrack.models import Quote
from quotetrack.parser import QuoteParser
from quotetrack.pipeline import Analyzer
from quotetrack.records import SCHEMA, quote_from_record, quote_record
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

_ARROW: Final[Mapping[str, str]] = {
    "string": "string",
    "int64": "int64",
    "Int64": "int64",
    "boolean": "bool",
}
_SPARK: Final[Mapping[str, str]] = {
    "string": "string",
    "int64": "long",
    "Int64": "long",
    "boolean": "boolean",
}


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
        rows.append({"doc_id": doc_id, "quote_index": index, **quote_record(quote)})
    return rows


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
            quotes.append(quote_from_record(row))
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
    parser: QuoteParser | None = None,
    scorer: SentimentScorer | None = None,
) -> Iterator[pd.DataFrame]:
    """For each pandas batch of documents, a typed frame of their quotes (:data:`SCHEMA`).

    The shape Spark's ``mapInPandas`` wants: ``text`` and ``doc_id`` name the batch's
    columns; ``sentiment=False`` stops after parsing. ``parser`` and ``scorer`` are a
    configured :class:`~quotetrack.parser.QuoteParser` and
    :class:`~quotetrack.sentiment.SentimentScorer` (default: the default ones); one of
    each serves every batch of the call. A missing text raises
    :class:`~quotetrack.errors.InputTypeError` naming the document::

        quotes = articles.mapInPandas(analyze_batches, spark_schema())

    Imports pandas.
    """
    analyzer = Analyzer(
        parser or QuoteParser(), (scorer or SentimentScorer()) if sentiment else None
    )
    for batch in batches:
        rows: list[dict[str, Any]] = []
        for doc, body in zip(batch[doc_id].tolist(), batch[text].tolist(), strict=True):
            if not isinstance(body, str):
                msg = f"the text of document {doc!r} must be str, not {type(body).__name__}"
                raise InputTypeError(msg)
            rows.extend(flat_records(str(doc), analyzer(body)))
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
