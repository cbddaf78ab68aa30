"""SQL building blocks shared by the store's modules: ``IN (...)`` lists in chunks
and their placeholders, and ISO dates read back from a column."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any, Final

__all__ = ["IN_CHUNK", "chunks", "iso_date", "marks"]

IN_CHUNK: Final = 500
"""Bound parameters per ``IN (...)`` list, well under SQLite's limit."""


def chunks(items: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    """``items`` in slices of at most ``size``, for one ``IN (...)`` list each."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def marks(n: int) -> str:
    """``n`` comma-separated ``?`` placeholders."""
    return ",".join("?" * n)


def iso_date(value: str | None) -> dt.date | None:
    """A date stored as an ISO string (None stays None)."""
    return None if value is None else dt.date.fromisoformat(value)
