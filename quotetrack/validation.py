"""Checks on what callers hand the tracker, each failing with a typed error from
:mod:`quotetrack.errors` before anything is written or queried."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any, TypeVar, cast

from quotetrack.errors import (
    ConfigurationError,
    InputTypeError,
    InvalidSpanError,
    check_text,
    check_utf8,
)
from quotetrack.models import Document, Quote, QuoteKind, Span, SpeakerKind, parse_date

__all__ = [
    "SQLITE_MAX",
    "as_date",
    "as_document",
    "at_least",
    "check_doc_id",
    "check_path",
    "check_quotes",
    "items_of",
    "make_document",
    "optional_str",
    "quote_kind",
    "speaker_kind",
    "sql_limit",
    "writable",
]


SQLITE_MAX = 2**63 - 1
"""SQLite's largest integer. Counts and limits above it are read as it: no store holds that
many rows, so the answer is the same, and SQLite cannot take a larger int (OverflowError)."""


def sql_limit(limit: int | None) -> int:
    """SQLite's LIMIT for ``limit``: -1 (no limit) for None; a negative limit, which SQLite
    would silently read as "no limit", is refused."""
    if limit is None:
        return -1
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        msg = f"limit must be a whole number >= 0 or None, not {limit!r}"
        raise ConfigurationError(msg)
    return min(limit, SQLITE_MAX)


def at_least(value: object, minimum: int, what: str) -> int:
    """``value`` if it is a whole number >= ``minimum`` (capped at :data:`SQLITE_MAX`, as
    it is a count compared in SQL); anything else (a str such as "3", None, a float, a
    bool) is refused rather than silently matching nothing."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        msg = f"{what} must be a whole number >= {minimum}, not {value!r}"
        raise ConfigurationError(msg)
    return min(value, SQLITE_MAX)


def as_date(value: object, what: str) -> dt.date | None:
    """A date filter or publication date, or None; unreadable ones raise naming ``what``."""
    return parse_date(value, what)


def _utf8(value: str | None, what: str) -> str | None:
    return None if value is None else check_utf8(value, what=what)


def optional_str(value: object, what: str) -> str | None:
    """``value`` when it is a ``str`` or None (a text filter, a metadata field)."""
    if value is None or isinstance(value, str):
        return value
    msg = f"{what} must be str or None, not {type(value).__name__}"
    raise InputTypeError(msg)


def items_of(value: object, what: str) -> Iterator[Any]:
    """An iterator over ``value``, an iterable of items but not one ``str`` or ``bytes``
    (which iterate as characters)."""
    if not isinstance(value, (str, bytes, bytearray)):
        try:
            return iter(cast("Iterable[Any]", value))
        except TypeError:
            pass
    msg = f"{what} must be an iterable (a list, a generator), not {type(value).__name__}"
    raise InputTypeError(msg)


def writable(fp: object, what: str = "fp") -> IO[str]:
    """``fp`` when it has a ``write`` method (an open text file, ``io.StringIO``)."""
    if not callable(getattr(fp, "write", None)):
        msg = f"{what} must be a file open for writing text, not {type(fp).__name__}"
        raise InputTypeError(msg)
    return cast("IO[str]", fp)


def check_path(value: object, what: str = "path") -> str | os.PathLike[str]:
    """``value`` when it is a path: a ``str`` or an :class:`os.PathLike` (a file
    descriptor, bytes or None are not)."""
    if not isinstance(value, (str, os.PathLike)):
        msg = f"{what} must be a str or os.PathLike, not {type(value).__name__}"
        raise InputTypeError(msg)
    return cast("str | os.PathLike[str]", value)


def check_doc_id(doc_id: object, what: str = "doc_id") -> str:
    """``doc_id`` when it is a non-empty ``str``."""
    if not isinstance(doc_id, str) or not doc_id:
        msg = f"{what} must be a non-empty str, not {doc_id!r}"
        raise InputTypeError(msg)
    return doc_id


def make_document(
    text: object,
    doc_id: object,
    published: object,
    outlet: object,
    url: object,
    title: object,
    what: str = "",
    source: object = None,
) -> Document:
    """A checked Document: typed errors for every field before anything is written."""
    return Document(
        text=_utf8(check_text(text, what=f"{what}text"), f"{what}text") or "",
        doc_id=_utf8(check_doc_id(doc_id, f"{what}doc_id"), f"{what}doc_id") or "",
        published=as_date(published, f"{what}published"),
        outlet=_utf8(optional_str(outlet, f"{what}outlet"), f"{what}outlet"),
        url=_utf8(optional_str(url, f"{what}url"), f"{what}url"),
        title=_utf8(optional_str(title, f"{what}title"), f"{what}title"),
        source=_utf8(optional_str(source, f"{what}source"), f"{what}source"),
    )


def as_document(index: int, item: object) -> Document:
    """Item ``index`` of ``add_many``'s input (a Document or a mapping), checked."""
    if isinstance(item, Document):
        return make_document(
            item.text,
            item.doc_id,
            item.published,
            item.outlet,
            item.url,
            item.title,
            source=item.source,
        )
    if isinstance(item, Mapping):
        where = f"documents[{index}]"
        return make_document(
            item.get("text"),
            item.get("doc_id"),
            item.get("published"),
            item.get("outlet"),
            item.get("url"),
            item.get("title"),
            what=f"{where}: ",
        )
    msg = (
        f"documents[{index}] must be a Document or a mapping with text and doc_id, "
        f"not {type(item).__name__}"
    )
    raise InputTypeError(msg)


def _check_span(text: str, span: Span | None, what: str) -> None:
    if span is None:
        return
    if not 0 <= span.start <= span.end <= len(text) or text[span.start : span.end] != span.text:
        msg = (
            f"{what} ({span.start}, {span.end}, {span.text!r}) does not match the "
            "document's text at those offsets"
        )
        raise InvalidSpanError(msg)


def check_quotes(document: Document, quotes: Iterable[object]) -> tuple[Quote, ...]:
    """``quotes`` when each is a Quote whose spans all match ``document.text``."""
    checked = []
    for i, quote in enumerate(items_of(quotes, "quotes")):
        if not isinstance(quote, Quote):
            msg = f"quotes[{i}] must be a Quote, not {type(quote).__name__}"
            raise InputTypeError(msg)
        for j, span in enumerate(quote.spans):
            _check_span(document.text, span, f"quotes[{i}].spans[{j}]")
        if quote.speaker is not None:
            _check_span(document.text, quote.speaker.mention, f"quotes[{i}].speaker.mention")
        _check_span(document.text, quote.cue, f"quotes[{i}].cue")
        _check_span(document.text, quote.addressee, f"quotes[{i}].addressee")
        checked.append(quote)
    return tuple(checked)


_Kind = TypeVar("_Kind", SpeakerKind, QuoteKind)


def _kind(cls: type[_Kind], kind: object) -> _Kind:
    try:
        return cls(kind)
    except ValueError:
        choices = ", ".join(k.value for k in cls)
        msg = f"kind must be one of {choices}, not {kind!r}"
        raise ConfigurationError(msg) from None


def speaker_kind(kind: SpeakerKind | str) -> SpeakerKind:
    """``kind`` as a :class:`~quotetrack.models.SpeakerKind` (its value or itself)."""
    return _kind(SpeakerKind, kind)


def quote_kind(kind: QuoteKind | str) -> QuoteKind:
    """``kind`` as a :class:`~quotetrack.models.QuoteKind` (its value or itself)."""
    return _kind(QuoteKind, kind)
