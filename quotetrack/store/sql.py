"""SQL building blocks shared by the store's modules: ``IN (...)`` lists in chunks
and their placeholders, ISO dates read back from a column, and the case- and
accent-encoding-blind comparison the tracker registers as SQL functions."""

from __future__ import annotations

import contextlib
import datetime as dt
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any, Final

from quotetrack.store.files import DamagedRow

__all__ = [
    "IN_CHUNK",
    "chunks",
    "composed",
    "contains",
    "fold",
    "iso_date",
    "marks",
    "stored_date",
]

IN_CHUNK: Final = 500
"""Bound parameters per ``IN (...)`` list, well under SQLite's limit."""


def chunks(items: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    """``items`` in slices of at most ``size``, for one ``IN (...)`` list each."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def marks(n: int) -> str:
    """``n`` comma-separated ``?`` placeholders."""
    return ",".join("?" * n)


def stored_date(value: object) -> dt.date:
    """An article's date as the store keeps it (``documents.published``, an ISO date);
    raises :class:`~quotetrack.store.files.DamagedRow` for a cell quotetrack never
    writes."""
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value)
    raise DamagedRow("document", f"{value!r} is not a date")


def iso_date(value: object) -> dt.date | None:
    """A date stored as an ISO string (None stays None), as :func:`stored_date` reads it."""
    return None if value is None else stored_date(value)


def composed(value: str | None) -> str | None:
    """``value`` in composed accents (NFC), so that one name written with decomposed
    accents ("Jose" + U+0301) and composed ("José") is the same string."""
    if value is None or unicodedata.is_normalized("NFC", value):
        return value
    return unicodedata.normalize("NFC", value)


def fold(value: str | None) -> str | None:
    """``value`` for comparing without case beyond ASCII ("JOSÉ" and "josé") and
    whichever way its accents are encoded (:func:`composed`)."""
    value = composed(value)
    return None if value is None else value.casefold()


def contains(haystack: str | None, needle: str | None) -> bool:
    """Whether ``needle`` occurs in ``haystack``, compared as :func:`fold` gives them
    (False when either is None)."""
    if haystack is None or needle is None:
        return False
    return (fold(needle) or "") in (fold(haystack) or "")
