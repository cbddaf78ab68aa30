"""How reported speech joins a document's direct quotes, so that quotes never overlap:
a mixed quote owns the quoted fragments inside its content, a reported item that runs
into a direct quote stops before it, and of two nested attributions the outer one is cut
before the inner one when they are coordinated ("A said X, and B said Y") or the inner
one is left out ("X said Y believes Z")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

import attrs

from quotetrack.models import Quote, Span
from quotetrack.reported.content import Reported

__all__ = ["choose", "join_direct"]

_MIN_CUT_WORDS = 3
# A comma, semicolon or conjunction (with what trails it) that ends the content of one
# attribution before the source of a coordinated one.
_COORDINATION_WINDOW = 40
_COORDINATION_TAIL = re.compile(r"\s*[,;](?:\s*\b(?:and|but|while|whereas)\b)?\s*$", re.I)
_CUT_TRAIL = frozenset(",;:\u2014\u2013-\"\u201c\u2018'(")


def join_direct(
    text: str, direct: Sequence[Quote], items: Sequence[Reported]
) -> tuple[list[Quote], list[Reported]]:
    """The direct quotes that remain beside the reported ``items`` (given in document
    order), and the items kept, each cut where it would overlap a direct quote or an
    earlier item. Linear after sorting."""
    if not items:
        return list(direct), []  # nothing to join (a text of direct quotes only)
    mixed = [it for it in items if it.mixed]
    kept = _without_spans_inside(
        direct, [c for it in mixed for c in it.content], {it.cue.start for it in mixed}
    )
    spans = sorted((s.start, s.end) for q in kept for s in q.spans)
    starts = [s for s, _ in spans]
    chosen: list[Reported] = []
    for found in items:
        item = _before_direct(text, found, spans, starts)
        if item is not None:
            choose(text, chosen, item)
    return kept, chosen


def choose(text: str, chosen: list[Reported], item: Reported) -> bool:
    """Add ``item`` (the next in document order) to the items ``chosen`` so far, as
    :func:`join_direct` does: when it overlaps the last one, only as a coordinated
    attribution, which cuts that one short. False when it is left out."""
    if chosen and item.content[0].start < chosen[-1].content[-1].end:
        outer = _before_coordinate(text, chosen[-1], item)
        if outer is None:
            return False
        chosen[-1] = outer  # "A said X, and B said Y": two attributions
    chosen.append(item)
    return True


def _before_coordinate(text: str, outer: Reported, inner: Reported) -> Reported | None:
    """``outer`` cut before ``inner`` when inner's clause is coordinated with outer's
    content rather than part of it ("Most said they back Clinton, and 39 said …"): the
    source of ``inner`` follows a comma, a conjunction or a semicolon. None when
    ``inner`` is part of outer's content ("X said that Y believes Z")."""
    if inner.speaker is None or len(outer.content) != 1:
        return None
    piece = outer.content[0]
    if not piece.start < inner.speaker.start <= piece.end:
        return None
    # Only the last characters before the source are read (bounded work).
    window = max(piece.start, inner.speaker.start - _COORDINATION_WINDOW)
    tail = _COORDINATION_TAIL.search(text, window, inner.speaker.start)
    if tail is None:
        return None  # no comma or conjunction before inner's source: a complement
    end = tail.start()
    if end > inner.content[0].start or len(text[piece.start : end].split()) < _MIN_CUT_WORDS:
        return None  # the cut must leave outer's content before inner's
    return outer.cut((Span(piece.start, end, text[piece.start : end]),))


def _before_direct(
    text: str, item: Reported, spans: list[tuple[int, int]], starts: list[int]
) -> Reported | None:
    """``item`` if it overlaps no direct quote; else its content cut short of the first
    direct quote it runs into ("Aides say it could backfire, which she praised “…”")
    when at least three words remain before it; else None."""
    for i, piece in enumerate(item.content):
        if not _overlaps(spans, starts, piece.start, piece.end):
            continue
        k = bisect.bisect_right(starts, piece.start)
        if k > 0 and spans[k - 1][1] > piece.start:
            return None  # the piece opens inside a direct quote
        end = starts[k]
        while end > piece.start and (text[end - 1].isspace() or text[end - 1] in _CUT_TRAIL):
            end -= 1
        if len(text[piece.start : end].split()) < _MIN_CUT_WORDS:
            return None
        return item.cut((*item.content[:i], Span(piece.start, end, text[piece.start : end])))
    return item


def _without_spans_inside(
    quotes: Iterable[Quote], pieces: Iterable[Span], cues: set[int]
) -> list[Quote]:
    """``quotes`` without the spans that lie wholly inside one of ``pieces`` (the content of
    mixed quotes, which own their quoted fragments); a quote left with no span is dropped.
    A quote attributed by a cue of its own inside a piece ("He called it “…” and Smith said
    it was “…”") is a nested attribution and keeps its spans; ``cues`` are the starts of
    the mixed quotes' own cues."""
    ranges = sorted((p.start, p.end) for p in pieces)
    if not ranges:
        return list(quotes)  # no mixed quote: every span stays
    starts = [r[0] for r in ranges]
    reach: list[int] = []  # reach[k]: the furthest end among ranges[: k + 1]
    for _, end in ranges:
        reach.append(max(end, reach[-1]) if reach else end)

    def inside(span: Span) -> bool:
        k = bisect.bisect_right(starts, span.start) - 1
        return k >= 0 and reach[k] >= span.end

    out = []
    for q in quotes:
        if q.cue is not None and q.cue.start not in cues and inside(q.cue):
            out.append(q)  # nested: its own cue sits inside the mixed content
            continue
        spans = tuple(s for s in q.spans if not inside(s))
        if len(spans) == len(q.spans):
            out.append(q)
        elif spans:
            out.append(attrs.evolve(q, spans=spans, text=" ".join(s.text for s in spans)))
    return out


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """True when ``[start, end)`` overlaps any of the sorted, disjoint ``spans``."""
    k = bisect.bisect_left(starts, end) - 1
    return k >= 0 and spans[k][1] > start
