"""Articles from disk as :class:`~quotetrack.models.Document` objects.

:func:`iter_documents` reads, lazily and in a stable order:

* a text file: one article, its ``doc_id`` the file name without extension, whichever
  folder above it is named (two different text files of one name in a run are refused
  with :class:`~quotetrack.errors.DocumentConflictError` before any is read);
* a folder: every ``*.txt``, ``*.jsonl`` and ``*.ndjson`` file below it, sorted by path
  (hidden files and folders skipped; PolNeAR's ``.ann`` files are ignored);
* a JSON Lines file: one article per line, an object with ``text`` and optionally
  ``doc_id`` (or ``id``), ``published`` (or ``date``, ``publication_date``), ``outlet``
  (or ``publisher``, ``source``), ``url`` and ``title``; a line without an id gets
  ``<file stem>:<line number>``.

An article whose ``doc_id`` is derived from its file (a text file, a JSON Lines line
without an id) carries its ``source``, the resolved path of the file: the tracker keeps
it and refuses an article whose ``doc_id`` is stored from another file (see
:meth:`quotetrack.tracker.Tracker.add`), so two files never become one article. A record
with an id of its own has no source: the id is its identity, whichever file carries it.

Metadata from a TSV file with a header (:func:`read_metadata`, e.g. PolNeAR's
``metadata.tsv`` with ``filename``, ``publisher``, ``publication_date``, ``title``) fills
in what an article does not say itself, matched on ``doc_id``.

An article that cannot be read (not UTF-8, not JSON, an unreadable date) is passed to
``on_skip`` with the reason and skipped; without ``on_skip`` the error is raised.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from quotetrack.errors import (
    ConfigurationError,
    DocumentConflictError,
    InputTypeError,
    QuotetrackError,
)
from quotetrack.models import Document
from quotetrack.validation import make_document

__all__ = [
    "DATA_SUFFIXES",
    "Metadata",
    "count_documents",
    "iter_documents",
    "read_metadata",
]

DATA_SUFFIXES: Final = frozenset({".txt", ".jsonl", ".ndjson"})
"""File suffixes read from a folder."""

_JSONL: Final = frozenset({".jsonl", ".ndjson"})
_ID_KEYS: Final = ("doc_id", "id", "filename", "file")
_DATE_KEYS: Final = ("published", "publication_date", "date")
_OUTLET_KEYS: Final = ("outlet", "publisher", "source")
_MISSING: Final = frozenset({"", "none", "null", "nan", "na", "n/a"})

OnSkip = Callable[[str, str], None]


@attrs.frozen(slots=True)
class Metadata:
    """What a metadata file says about one article (None where it says nothing)."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None


def _value(record: Mapping[str, Any], keys: Iterable[str]) -> Any:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip().lower() in _MISSING:
            continue
        if value is not None:
            return value
    return None


def read_metadata(path: str | os.PathLike[str]) -> dict[str, Metadata]:
    """Article metadata from a tab-separated file with a header row, keyed by the
    ``filename`` (or ``doc_id``, ``id``, ``file``) column, with and without extension.
    Dates come from ``publication_date``/``published``/``date``, outlets from
    ``publisher``/``outlet``/``source``; ``title`` and ``url`` are read when present.
    Empty cells and "None" count as missing."""
    path = Path(path)
    # utf-8-sig: a BOM (Excel, Notepad) would otherwise glue itself to the first column
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        columns = set(reader.fieldnames or ())
        if not columns & set(_ID_KEYS):
            msg = (
                f"{path} has no column naming the article ({', '.join(_ID_KEYS)}); "
                "a metadata TSV needs one, plus any of publication_date, publisher, title, url"
            )
            raise ConfigurationError(msg)
        out: dict[str, Metadata] = {}
        for row in reader:
            key = _value(row, _ID_KEYS)
            if key is None:
                continue
            meta = Metadata(
                published=_value(row, _DATE_KEYS),
                outlet=_value(row, _OUTLET_KEYS),
                url=_value(row, ("url",)),
                title=_value(row, ("title",)),
            )
            out[key] = meta
            if Path(key).suffix.lower() in DATA_SUFFIXES:
                out.setdefault(Path(key).stem, meta)
    return out


def _files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, str]]:
    """Each file with the doc_id it gets: its name without extension, whether it is
    named itself or found in a folder named at any depth above it, so that tracking
    ``corpus``, then ``corpus/2016``, names each article the same way."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found = (
                p
                for p in path.rglob("*")
                if p.suffix.lower() in DATA_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            for p in sorted(found):
                yield p, p.stem
        else:
            yield path, path.stem


def count_documents(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many articles :func:`iter_documents` will try to read (for a progress ETA):
    one per text file, one per non-blank JSON Lines line."""
    n = 0
    for path, _ in _files(paths):
        if path.suffix.lower() in _JSONL:
            with path.open("rb") as fh:
                n += sum(1 for line in fh if line.strip())
        elif path.is_file():
            n += 1
    return n


def source_of(path: Path) -> str:
    """The ``source`` of an article read from ``path``: its resolved path (a name that
    is not UTF-8 keeps its bytes as backslash escapes)."""
    return os.fsencode(path.resolve()).decode("utf-8", "backslashreplace")


def _same_name_files(files: Iterable[tuple[Path, str]]) -> None:
    """Refuse two different text files that would get one doc_id."""
    first_of: dict[str, Path] = {}
    for path, doc_id in files:
        if path.suffix.lower() in _JSONL:
            continue
        taken = first_of.setdefault(doc_id, path)
        if taken != path and taken.resolve() != path.resolve():
            msg = (
                f"{taken} and {path} would both be the article {doc_id!r} (a file's doc_id is "
                "its name without extension); rename one of them, or track them into "
                "separate stores"
            )
            raise DocumentConflictError(msg)


def _document(
    text: object,
    doc_id: str,
    record: Mapping[str, Any],
    meta: Metadata | None,
    source: str | None,
) -> Document:
    if not isinstance(text, str):
        msg = f"has no 'text' string (got {type(text).__name__})"
        raise InputTypeError(msg)
    fallback = meta or Metadata()
    return make_document(
        text,
        doc_id,
        published=_value(record, _DATE_KEYS) or fallback.published,
        outlet=_text(_value(record, _OUTLET_KEYS)) or fallback.outlet,
        url=_text(_value(record, ("url",))) or fallback.url,
        title=_text(_value(record, ("title",))) or fallback.title,
        source=source,
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    *,
    metadata: Mapping[str, Metadata] | None = None,
    on_skip: OnSkip | None = None,
) -> Iterator[Document]:
    """The articles in ``paths`` (files and folders), in order; see the module doc.

    The folders are listed, and two files that would share a doc_id refused
    (:class:`~quotetrack.errors.DocumentConflictError`), when this is called, before the
    first article is read: a caller can check a run before it opens a store for it.
    """
    files = list(_files(paths))
    _same_name_files(files)
    return _read(files, metadata or {}, on_skip)


def _read(
    files: list[tuple[Path, str]], meta: Mapping[str, Metadata], on_skip: OnSkip | None
) -> Iterator[Document]:
    def skip(where: str, reason: str, exc: Exception) -> None:
        if on_skip is None:
            raise exc
        on_skip(where, reason)

    for path, doc_id in files:
        if path.suffix.lower() in _JSONL:
            yield from _jsonl(path, meta, skip)
            continue
        try:
            # newline="": keep "\r\n" as it is, so offsets point into the file itself
            with path.open(encoding="utf-8", newline="") as fh:
                text = fh.read()
        except UnicodeDecodeError as exc:
            skip(str(path), "not UTF-8 text", exc)
            continue
        except OSError as exc:
            skip(str(path), exc.strerror or str(exc), exc)
            continue
        try:
            found = meta.get(doc_id) or meta.get(path.stem) or meta.get(path.name)
            yield _document(text, doc_id, {}, found, source_of(path))
        except QuotetrackError as exc:
            skip(str(path), str(exc), exc)


def _jsonl(
    path: Path, meta: Mapping[str, Metadata], skip: Callable[[str, str, Exception], None]
) -> Iterator[Document]:
    try:
        fh = path.open(encoding="utf-8-sig")  # a BOM is no part of the first record
    except OSError as exc:
        skip(str(path), exc.strerror or str(exc), exc)
        return
    source = source_of(path)
    with fh:
        lineno = 0
        while True:
            where = f"{path}:{lineno + 1}"
            try:
                line = fh.readline()
            except UnicodeDecodeError as exc:
                skip(where, "not UTF-8 text; the rest of the file is skipped", exc)
                return
            if not line:
                return
            lineno += 1
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                skip(where, f"not JSON ({exc.msg})", exc)
                continue
            if not isinstance(record, dict):
                err = InputTypeError(f"a record must be a JSON object, not {type(record).__name__}")
                skip(where, str(err), err)
                continue
            doc_id = _value(record, _ID_KEYS)
            # A record's own id is its identity, in whatever file: only an id made here
            # from the file's name and line is tied to the file.
            derived = None if doc_id is not None else source
            doc_id = str(doc_id) if doc_id is not None else f"{path.stem}:{lineno}"
            try:
                yield _document(record.get("text"), doc_id, record, meta.get(doc_id), derived)
            except QuotetrackError as exc:
                skip(where, str(exc), exc)
