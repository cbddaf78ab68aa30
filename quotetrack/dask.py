"""Quotes from a Dask collection, as a Dask DataFrame ready for Parquet.

Needs the ``dask`` extra (``pip install 'quotetrack[dask]'``); ``import quotetrack``
never imports Dask, only ``import quotetrack.dask`` does.

:func:`quote_frame` turns a Dask Bag of texts, of records (dicts with ``text``,
``doc_id`` and any metadata) or of :class:`~quotetrack.models.Document` objects, or a
Dask DataFrame with a text column, into a Dask DataFrame with one row per quote and
the flat, typed columns of :data:`quotetrack.flat.SCHEMA` (plus the metadata columns
you ask for), with an explicit ``meta``, so nothing is computed to guess types::

    import dask.bag as db
    import quotetrack.dask

    bag = db.read_text("articles/*.jsonl").map(json.loads)   # {"doc_id", "text", "outlet"}
    quotes = quotetrack.dask.quote_frame(bag, metadata=["outlet"])
    quotes.to_parquet("quotes/", write_index=False)

:func:`load_parquet` reads such a Parquet dataset back and stores it in a
:class:`~quotetrack.tracker.Tracker` (any object with ``add_analyzed``), one document
at a time. See ``docs/scale.md`` for running on an existing cluster.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    from dask.delayed import delayed
except ModuleNotFoundError as exc:  # pragma: no cover - exercised without the extra only
    msg = f"quotetrack.dask needs {exc.name}: pip install 'quotetrack[dask]'"
    raise ModuleNotFoundError(msg, name=exc.name) from exc

from quotetrack.errors import ConfigurationError, InputTypeError
from quotetrack.flat import SCHEMA, flat_records, quotes_from_records, records_frame
from quotetrack.models import Document, Quote
from quotetrack.parser import QuoteParser
from quotetrack.pipeline import Analyzer, parser_from_options
from quotetrack.sentiment import SentimentScorer
from quotetrack.validation import check_path, items_of

if TYPE_CHECKING:  # pragma: no cover
    from dask.delayed import Delayed

__all__ = ["QuoteStore", "load_parquet", "quote_frame"]


class QuoteStore(Protocol):
    """What :func:`load_parquet` needs of a store: ``Tracker.add_analyzed``."""

    def add_analyzed(
        self, document: Document, quotes: Sequence[Quote], *, replace: bool = False
    ) -> object:
        """Store ``document`` with its already analysed ``quotes``."""


# --- the per-partition work ----------------------------------------------------------


def _meta_value(value: object) -> str | None:
    """A metadata value from a bag item as a string column value."""
    if value is None:
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value if isinstance(value, str) else str(value)


def _item_fields(
    item: object, key: str, text_key: str, doc_key: str, metadata: Sequence[str]
) -> tuple[object, object, list[str | None]]:
    """(text, doc_id, metadata values) of one bag item: a str, a mapping or a Document."""
    if isinstance(item, str):
        return item, None, [None for _ in metadata]
    if isinstance(item, Mapping):
        if text_key not in item:
            msg = f"bag record {key} has no {text_key!r} key; its keys are {sorted(item)}"
            raise InputTypeError(msg)
        return item[text_key], item.get(doc_key), [_meta_value(item.get(m)) for m in metadata]
    if isinstance(item, Document):
        return item.text, item.doc_id, [_meta_value(getattr(item, m, None)) for m in metadata]
    msg = f"bag item {key} must be a str, a dict or a Document, not {type(item).__name__}"
    raise InputTypeError(msg)


def _analyzed_rows(
    job: Analyzer, text: object, doc_id: str, extra: Mapping[str, object]
) -> list[dict[str, Any]]:
    if not isinstance(text, str):
        msg = (
            f"the text of document {doc_id!r} must be str, not {type(text).__name__}; "
            "drop or fill missing texts first"
        )
        raise InputTypeError(msg)
    rows = flat_records(doc_id, job(text))
    if extra:
        rows = [{"doc_id": r["doc_id"], **extra, **r} for r in rows]
    return rows


def _typed(rows: list[dict[str, Any]], meta: pd.DataFrame) -> pd.DataFrame:
    """Rows as a frame with exactly the columns and dtypes of ``meta``."""
    frame = pd.DataFrame.from_records(rows, columns=list(meta.columns))
    return frame.astype(meta.dtypes.to_dict())


def _bag_partition(
    items: Iterable[object],
    partition: int,
    job: Analyzer,
    text_key: str,
    doc_key: str,
    metadata: tuple[str, ...],
    meta: pd.DataFrame,
) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    for position, item in enumerate(items):
        key = f"{partition}:{position}"
        text, doc_id, values = _item_fields(item, key, text_key, doc_key, metadata)
        doc = key if doc_id is None else str(doc_id)
        rows.extend(_analyzed_rows(job, text, doc, dict(zip(metadata, values, strict=True))))
    return _typed(rows, meta)


def _frame_partition(
    part: pd.DataFrame,
    job: Analyzer,
    text_column: str,
    doc_id_column: str | None,
    metadata: tuple[str, ...],
    meta: pd.DataFrame,
) -> pd.DataFrame:
    texts = part[text_column].tolist()
    ids = part.index.tolist() if doc_id_column is None else part[doc_id_column].tolist()
    extras = part[list(metadata)].to_dict("records") if metadata else [{}] * len(texts)
    rows: list[dict[str, Any]] = []
    for text, doc_id, extra in zip(texts, ids, extras, strict=True):
        rows.extend(_analyzed_rows(job, None if text is pd.NA else text, str(doc_id), extra))
    return _typed(rows, meta)


# --- the public function -------------------------------------------------------------


def _meta(metadata_dtypes: Mapping[str, Any]) -> pd.DataFrame:
    """The empty, typed frame describing the output: doc_id, metadata, quote columns."""
    quote_meta = records_frame([])
    if not metadata_dtypes:
        return quote_meta
    clash = set(metadata_dtypes) & set(SCHEMA)
    if clash:
        msg = f"metadata columns {sorted(clash)} clash with quote columns; rename them first"
        raise ConfigurationError(msg)
    extra = pd.DataFrame({k: pd.Series(dtype=t) for k, t in metadata_dtypes.items()})
    return pd.concat([quote_meta[["doc_id"]], extra, quote_meta.drop(columns="doc_id")], axis=1)


def quote_frame(
    data: db.Bag | dd.DataFrame,
    *,
    text: str = "text",
    doc_id: str | None = "doc_id",
    metadata: Sequence[str] = (),
    sentiment: bool = True,
    parser: QuoteParser | None = None,
    scorer: SentimentScorer | None = None,
    cue_verbs: Iterable[str] | str | None = None,
    keep_unattributed: bool | None = None,
    reported: bool | None = None,
) -> dd.DataFrame:
    """A lazy Dask DataFrame of the quotes in ``data``, one row per quote.

    ``data`` is a Dask Bag whose items are texts (``str``), records (mappings with a
    ``text`` key, optionally ``doc_id`` and metadata keys) or
    :class:`~quotetrack.models.Document` objects; or a Dask DataFrame with a ``text``
    column. ``text`` and ``doc_id`` name the text and id keys or columns;
    ``doc_id=None`` on a DataFrame uses its index. A bag item without a ``doc_id`` gets
    ``"<partition>:<position>"``, which is only stable for the same partitioning.

    The columns are ``doc_id`` (str), then the ``metadata`` keys or columns, then the
    quote columns of :data:`quotetrack.flat.SCHEMA`. Metadata from a bag is a string
    column (dates in ISO form); from a DataFrame it keeps its dtype. Each partition
    has a fresh ``RangeIndex``, so write with ``to_parquet(path, write_index=False)``.

    ``sentiment=False`` skips scoring (the sentiment columns are null). ``parser`` and
    ``scorer`` are a configured :class:`~quotetrack.parser.QuoteParser` and
    :class:`~quotetrack.sentiment.SentimentScorer` (default: the default ones), sent to
    the workers with each partition's task. ``cue_verbs``, ``keep_unattributed`` and
    ``reported`` are deprecated: they build that parser, with a
    :class:`DeprecationWarning`.
    Raises :class:`~quotetrack.errors.ConfigurationError` for a bad option or a missing
    column at once; :class:`~quotetrack.errors.InputTypeError` at compute time for an
    item whose text is not a ``str``.
    """
    chosen = parser_from_options(parser, cue_verbs, keep_unattributed, reported, "quote_frame")
    job = Analyzer(chosen, (scorer or SentimentScorer()) if sentiment else None)
    fields = tuple(metadata)
    if isinstance(metadata, str) or not all(isinstance(m, str) for m in fields):
        msg = f"metadata must be a sequence of column names, got {metadata!r}"
        raise ConfigurationError(msg)
    if isinstance(data, dd.DataFrame):
        return _from_frame(data, job, text, doc_id, fields)
    if isinstance(data, db.Bag):
        meta = _meta(dict.fromkeys(fields, "string"))
        parts = [
            delayed(_bag_partition)(part, i, job, text, doc_id or "doc_id", fields, meta)
            for i, part in enumerate(data.to_delayed())  # type: ignore[no-untyped-call]
        ]
        return _from_delayed(parts, meta)
    msg = f"data must be a dask Bag or a dask DataFrame, not {type(data).__name__}"
    raise InputTypeError(msg)


def _from_delayed(parts: list[Delayed], meta: pd.DataFrame) -> dd.DataFrame:
    frame: dd.DataFrame
    if not parts:
        frame = dd.from_pandas(meta, npartitions=1)  # type: ignore[no-untyped-call]
    else:
        frame = dd.from_delayed(parts, meta=meta, verify_meta=True)
    return frame


def _from_frame(
    data: dd.DataFrame,
    job: Analyzer,
    text: str,
    doc_id: str | None,
    metadata: tuple[str, ...],
) -> dd.DataFrame:
    wanted = [text, *metadata] + ([] if doc_id is None else [doc_id])
    missing = [c for c in wanted if c not in data.columns]
    if missing:
        msg = f"the DataFrame has no column {missing}; its columns are {list(data.columns)}"
        raise ConfigurationError(msg)
    meta = _meta({m: data.dtypes[m] for m in metadata})
    frame: dd.DataFrame = data.map_partitions(  # type: ignore[no-untyped-call]
        _frame_partition,
        job,
        text,
        doc_id,
        metadata,
        meta,
        meta=meta,
        align_dataframes=False,
        enforce_metadata=True,
    )
    return frame


# --- back into a store ---------------------------------------------------------------


def _parquet_files(path: str | Path) -> list[Path]:
    root = Path(path)
    if root.is_file():
        return [root]
    if not root.is_dir():
        msg = f"no Parquet file or directory at {root}"
        raise ConfigurationError(msg)
    files = sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix in (".parquet", ".parq", ".pq")
        and not any(part.startswith(("_", ".")) for part in p.relative_to(root).parts)
    )
    if not files:
        msg = f"no .parquet files under {root}"
        raise ConfigurationError(msg)
    return files


def _read_parquet(file: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """One Parquet file as a frame; a file Arrow cannot read is a ConfigurationError."""
    try:
        return pd.read_parquet(file, columns=columns)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        msg = f"{file} is not a Parquet file quotetrack can read: {exc}"
        raise ConfigurationError(msg) from None


def load_parquet(
    tracker: QuoteStore,
    path: str | Path,
    documents: Mapping[str, Document] | Iterable[Document],
    *,
    replace: bool = False,
) -> int:
    """Store the quotes of a Parquet dataset written from :func:`quote_frame` in
    ``tracker``, with their documents; return the number of documents stored.

    ``path`` is a Parquet file or a directory of them (as ``to_parquet`` writes).
    ``documents`` gives the :class:`~quotetrack.models.Document` (text and metadata) of
    every ``doc_id`` in the data, as a mapping by ``doc_id`` or an iterable; documents
    without a row (no quotes found) are stored with no quotes. Every check runs before
    anything is stored: a ``doc_id`` with no document, or one whose rows are spread over
    several files (after a repartition), raises
    :class:`~quotetrack.errors.ConfigurationError`. Files are read one at a time, so
    memory holds one file's rows. ``replace`` is passed to ``tracker.add_analyzed``.
    """
    if not callable(getattr(tracker, "add_analyzed", None)):
        msg = f"tracker must be a Tracker, not {type(tracker).__name__}"
        raise InputTypeError(msg)
    check_path(path)
    docs: Mapping[str, Document]
    if isinstance(documents, Mapping):
        docs = documents
    else:
        by_id: dict[str, Document] = {}
        for d in items_of(documents, "documents"):
            if not isinstance(d, Document):
                msg = f"documents must be Document objects, not {type(d).__name__}"
                raise InputTypeError(msg)
            by_id[d.doc_id] = d
        docs = by_id
    files = _parquet_files(path)
    owner: dict[str, Path] = {}
    for file in files:
        for doc in _read_parquet(file, ["doc_id"])["doc_id"].unique().tolist():
            doc = str(doc)
            if doc in owner:
                msg = (
                    f"rows of document {doc!r} are in both {owner[doc]} and {file}; "
                    "write each document's quotes within one partition"
                )
                raise ConfigurationError(msg)
            owner[doc] = file
    unknown = [d for d in owner if d not in docs]
    if unknown:
        msg = f"no Document given for {len(unknown)} doc_id(s) in the data, e.g. {unknown[:5]}"
        raise ConfigurationError(msg)
    stored = 0
    for file in files:
        frame = _read_parquet(file)
        frame["doc_id"] = frame["doc_id"].astype(str)
        frame = frame.sort_values(["doc_id", "quote_index"], kind="stable")
        for doc, group in frame.groupby("doc_id", sort=False):
            quotes = quotes_from_records(group.to_dict("records"))
            tracker.add_analyzed(docs[str(doc)], quotes, replace=replace)
            stored += 1
    for doc, document in docs.items():
        if doc not in owner:
            tracker.add_analyzed(document, (), replace=replace)
            stored += 1
    return stored
