"""Writing results out: JSON Lines, CSV, pandas, and Quotebank-style quote-centric
JSON Lines. The records themselves (their columns and encoding) are
:mod:`quotetrack.records`'.

:func:`to_dict` and :func:`to_jsonl` keep every offset of a quote (nested spans).
:func:`to_records` flattens quotes and the tracker's results into one row each (a
quote's columns are :data:`quotetrack.records.QUOTE_COLUMNS`), the shape
:func:`to_csv` and :func:`to_pandas` write. :func:`to_quotebank` writes quote clusters as
Quotebank's quote-centric records, so tooling written for Quotebank reads our output.
"""

from __future__ import annotations

import csv
import importlib
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from quotetrack.errors import InputTypeError
from quotetrack.models import Quote, QuoteCluster, TrackedQuote
from quotetrack.records import Exportable, to_dict, to_record, tracked_to_dict
from quotetrack.validation import items_of, writable

__all__ = [
    "formula_cells",
    "quotebank_record",
    "spreadsheet_safe",
    "to_csv",
    "to_dict",
    "to_jsonl",
    "to_pandas",
    "to_quotebank",
    "to_records",
    "tracked_to_dict",
]


def to_jsonl(quotes: Iterable[Quote | TrackedQuote], fp: IO[str], **extra: Any) -> int:
    """Write one JSON object per quote to ``fp``; ``extra`` keys (e.g. ``doc_id``) are
    added to every line. A stored quote (:class:`~quotetrack.models.TrackedQuote`) is
    written as :func:`tracked_to_dict` gives it. Returns the number of lines written."""
    out = writable(fp)
    n = 0
    for quote in items_of(quotes, "quotes"):
        body = tracked_to_dict(quote) if isinstance(quote, TrackedQuote) else to_dict(quote)
        record = {**extra, **body}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def to_records(items: Iterable[Exportable]) -> Iterator[dict[str, Any]]:
    """One flat, JSON-ready dict per item (dates as ISO strings, lists for aliases and
    article ids): quotes (the columns of :data:`quotetrack.records.QUOTE_COLUMNS`:
    speaker, mention, cue and addressee with offsets, sentiment and rule; stored quotes
    first add their article, ``quote_index``, the cross-article ``tracked_speaker`` and
    its ``speaker_id``, and ``cluster_id``), speakers, timeline points and quote
    clusters."""
    return (to_record(item) for item in items_of(items, "items"))


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP's list)."""


def spreadsheet_safe(value: object) -> object:
    """``value`` with a ``'`` in front when it is text a spreadsheet would run as a
    formula (``=``, ``+``, ``-``, ``@``, tab, carriage return first); numbers, and text
    starting otherwise, are left as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _csv_cells(record: dict[str, Any]) -> dict[str, Any]:
    """A :func:`to_records` row as CSV cells: lists joined with ``" | "``."""
    return {k: " | ".join(map(str, v)) if isinstance(v, list) else v for k, v in record.items()}


def formula_cells(items: Iterable[Exportable]) -> int:
    """How many cells of :func:`to_csv` ``items`` a spreadsheet would run as a formula:
    those that ``safe=True`` guards with a ``'``."""
    return sum(
        spreadsheet_safe(cell) is not cell
        for record in to_records(items)
        for cell in _csv_cells(record).values()
    )


def to_csv(items: Iterable[Exportable], fp: IO[str], *, safe: bool = False) -> int:
    """Write :func:`to_records` rows as CSV with a header (lists joined with ``" | "``);
    the columns are those of the first item. Returns the number of rows written. Open
    ``fp`` with ``newline=""``.

    ``safe=True`` writes every text cell through :func:`spreadsheet_safe`, for a file
    that will be opened in a spreadsheet: a quote starting with ``=`` then shows as text
    instead of running as a formula (the ``quotetrack export`` command does this for
    ``.csv`` files, and every ``--format csv`` with ``--spreadsheet-safe``). The default
    keeps every cell exact, for programs that read it; :func:`formula_cells` counts the
    cells a spreadsheet would run."""
    out = writable(fp)
    writer: csv.DictWriter[str] | None = None
    n = 0
    for record in to_records(items):
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(record), extrasaction="ignore")
            writer.writeheader()
        row = _csv_cells(record)
        writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()} if safe else row)
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
    records = to_records(items)  # a wrong argument is named before pandas is looked for
    try:
        pd = importlib.import_module("pandas")
    except ImportError:
        raise ImportError(PANDAS_MISSING) from None
    frame = pd.DataFrame.from_records(list(records))
    dates = [*_DATE_COLUMNS, "start"] if "period" in frame.columns else _DATE_COLUMNS
    for column in dates:
        if column in frame.columns:
            frame[column] = pd.to_datetime(frame[column])
    return frame


def quotebank_record(cluster: QuoteCluster) -> dict[str, Any]:
    """One cluster as a Quotebank quote-centric record: ``quoteID``, ``quotation``,
    ``speaker`` (``"None"`` when unattributed), ``qids`` (the speaker's id in the people
    registry linked to the store, e.g. a Wikidata QID; empty when none), ``date`` (first
    seen, ``YYYY-MM-DD 00:00:00``), ``numOccurrences``, ``probas`` (each speaker's share
    of the occurrences, as strings like Quotebank's; a vote share, not a model
    probability), ``urls``; plus ``doc_ids``."""
    if not isinstance(cluster, QuoteCluster):
        msg = f"quotebank_record takes a QuoteCluster, not {type(cluster).__name__}"
        raise InputTypeError(msg)
    day = cluster.first_seen
    return {
        "quoteID": f"{day.isoformat() if day else '0000-00-00'}-{cluster.id:06d}",
        "quotation": cluster.quotation,
        "speaker": cluster.speaker or "None",
        "qids": list(cluster.qids),
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
    out = writable(fp)
    n = 0
    for cluster in items_of(clusters, "clusters"):
        out.write(json.dumps(quotebank_record(cluster), ensure_ascii=False) + "\n")
        n += 1
    return n
