"""Comparing quotes in full. ``Speaker.resolved`` and ``Speaker.source`` take no part in
``==``, so a round trip that lost them would still compare equal (review T4): compare
:func:`in_full` of both sides instead."""

from __future__ import annotations

from collections.abc import Iterable

from quotetrack.models import Quote, Span

Resolution = tuple[bool, Span | None] | None


def how_resolved(quotes: Iterable[Quote]) -> list[Resolution]:
    """Each quote's speaker ``(resolved, source)``, None for a quote without a speaker."""
    return [None if q.speaker is None else (q.speaker.resolved, q.speaker.source) for q in quotes]


def in_full(quotes: Iterable[Quote]) -> list[tuple[Quote, Resolution]]:
    """Each quote with its speaker's ``(resolved, source)``: equal only when ``==`` and
    both fields are."""
    items = list(quotes)
    return list(zip(items, how_resolved(items), strict=True))
