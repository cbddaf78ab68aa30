"""Comparing quotes in full. ``Speaker.resolved``, ``Speaker.source`` and
``Speaker.members`` take no part in ``==``, so a round trip that lost them would still
compare equal (review T4): compare :func:`in_full` of both sides instead."""

from __future__ import annotations

from collections.abc import Iterable

from quotetrack.models import Quote, Span, Speaker

Resolution = tuple[bool, Span | None] | None
Members = tuple[tuple[Speaker, bool, Span | None], ...]
InFull = tuple[Quote, Resolution, Members]


def how_resolved(quotes: Iterable[Quote]) -> list[Resolution]:
    """Each quote's speaker ``(resolved, source)``, None for a quote without a speaker."""
    return [None if q.speaker is None else (q.speaker.resolved, q.speaker.source) for q in quotes]


def members(quote: Quote) -> Members:
    """The members of a quote's speaker, each with its ``(resolved, source)``."""
    if quote.speaker is None:
        return ()
    return tuple((m, m.resolved, m.source) for m in quote.speaker.members)


def in_full(quotes: Iterable[Quote]) -> list[InFull]:
    """Each quote with its speaker's ``(resolved, source)`` and its members in full:
    equal only when ``==`` and all these fields are."""
    items = list(quotes)
    return [(q, r, members(q)) for q, r in zip(items, how_resolved(items), strict=True)]
