"""Quotation marks: find them, pair them, and chain quotes across paragraphs.

The pairing reads each mark by its shape *and* its context, left to right within a
paragraph, in one pass (linear in the text length):

* double marks are ``"`` ``“`` ``”`` ``„`` ``‟`` ``«`` ``»``, a doubled apostrophe ``''``
  (NYT copy) and TeX-style ````; a curly mark used the wrong way round is read by where it
  stands (``”Fear`` opens, ``win,“`` closes); a straight mark closes when a quote is open;
* an opening mark left open at the end of a paragraph makes an *unclosed* quote that ends
  with the paragraph (it never swallows the rest of the document); when the next paragraph
  starts with an opening mark, the quote continues there (the multi-paragraph convention);
* single marks (``‘…’`` and ``'…'``) pair only outside double quotes, only from a word start
  to a word end, and never inside a word, so apostrophes (don't, Teigen's, '90s,
  rock 'n' roll) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from quotetrack.models import Span

__all__ = ["QuoteGroup", "Quoted", "chain_paragraphs", "find_quoted", "iter_groups"]

DOUBLE_OPENERS = frozenset("\u201c\u201e\u201f\u00ab")  # “ „ ‟ «
DOUBLE_CLOSERS = frozenset("\u201d\u00bb")  # ” »
SINGLE_OPENERS = frozenset("\u2018\u201b")  # ‘ ‛
SINGLE_CLOSERS = frozenset("\u2019")  # ’

# Every alternative starts with one literal character, so the engine can skip to the next
# mark instead of trying the pattern at every position of the paragraph.
_MARK = re.compile(
    r"""
      ''(?!')                       # NYT-style doubled apostrophe used as a double mark
    | ``                            # TeX-style opening double mark
    | " | \u201c | \u201d | \u201e | \u201f | \u00ab | \u00bb   # double marks
    | ' | \u2018 | \u2019 | \u201b  # single marks (and apostrophes)
    """,
    re.VERBOSE,
)
# What may stand before an opening mark / after a closing mark.
_OPEN_BEFORE = frozenset(" \t([{:;,\u2014\u2013-/")
_CLOSE_AFTER = frozenset(" \t,.;:!?)]}\u2014\u2013-/")
# Content without a letter or digit (“’”, “ — ”) is no quote: dropping it early keeps
# runs of marks cheap.
_WORDY = re.compile(r"[^\W_]")
_SINGLE_MARKS = frozenset("'\u2018\u2019\u201b")
# Words that start with an apostrophe, which must never open a single quote.
_ELISIONS = re.compile(r"(?:\d\d|n\b|em\b|til\b|cause\b|tis\b|twas\b)", re.IGNORECASE)


class Quoted(NamedTuple):
    """A stretch of one paragraph between an opening mark and its closing mark.

    ``content`` excludes the marks and surrounding whitespace. ``close`` is ``None`` for an
    unclosed quote, which runs to the end of its paragraph. A named tuple of offsets and
    one :class:`~quotetrack.models.Span`: a document of many short quotes makes one per
    quote, and the marks' own text is never needed.
    """

    start: int
    """Offset of the opening mark."""
    close: int | None
    """Offset of the closing mark, ``None`` when the quote is unclosed."""
    end: int
    """Offset just past the closing mark (or the content, when unclosed)."""
    content: Span
    double: bool = True


_new = tuple.__new__  # builds a named tuple without the named tuple's Python-level __new__


def _at_word_start(text: str, i: int, j: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[j] if j < hi else " "
    return (before.isspace() or before in _OPEN_BEFORE or before in DOUBLE_OPENERS) and not (
        after.isspace()
    )


def _at_word_end(text: str, i: int, j: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[j] if j < hi else " "
    return not before.isspace() and (
        after.isspace() or after in _CLOSE_AFTER or after in DOUBLE_CLOSERS or after in "\"'"
    )


def find_quoted(text: str, para: Span) -> list[Quoted]:
    """The quoted stretches of one paragraph, in order, not overlapping."""
    lo, hi = para.start, para.end
    out: list[Quoted] = []
    # Open marks as (start, end) offsets.
    open_at: tuple[int, int] | None = None
    single_at: tuple[int, int] | None = None

    def emit(
        opened: tuple[int, int], close: tuple[int, int] | None, end: int, double: bool
    ) -> None:
        o, c = opened
        if _WORDY.search(text, c, end) is None:
            return  # nothing but marks and spaces inside: no quote
        inside = text[c:end]
        left = inside.lstrip()  # str.strip trims what str.isspace calls whitespace
        body = left.rstrip()
        first = c + len(inside) - len(left)
        last = first + len(body)
        if close is None:
            out.append(_new(Quoted, (o, None, last, Span(first, last, body), double)))
        else:
            out.append(_new(Quoted, (o, close[0], close[1], Span(first, last, body), double)))

    for m in _MARK.finditer(text, lo, hi):
        i, j = m.span()
        mark = m.group()
        if mark in _SINGLE_MARKS:
            if open_at is not None:
                continue  # singles inside a double quote are nested quotes or apostrophes
            before = text[i - 1] if i > lo else " "
            after = text[j] if j < hi else " "
            if before.isalnum() and after.isalnum():
                continue  # an apostrophe inside a word
            if single_at is None:
                if (
                    mark != "\u2019"
                    and _at_word_start(text, i, j, lo, hi)
                    and after.isalnum()
                    and not _ELISIONS.match(text, j)
                ):
                    single_at = (i, j)
            elif _at_word_end(text, i, j, lo, hi) and not (
                before in "sS" and after == " " and j + 1 < hi and text[j + 1].islower()
            ):
                emit(single_at, (i, j), i, False)
                single_at = None
            continue
        # A double mark.
        if open_at is None:
            before = text[i - 1] if i > lo else " "
            if mark == '"' and before.isdigit() and not _at_word_start(text, i, j, lo, hi):
                continue  # an inch mark: 6'2"
            if mark in DOUBLE_CLOSERS and _at_word_end(text, i, j, lo, hi):
                continue  # a stray closing mark with nothing open
            if mark == '"' and (j >= hi or text[j].isspace()):
                continue  # a straight mark standing alone opens nothing
            open_at = (i, j)
            single_at = None  # a double quote supersedes an unfinished single one
        else:
            if (
                mark in DOUBLE_OPENERS
                and _at_word_start(text, i, j, lo, hi)
                and not _at_word_end(text, i, j, lo, hi)
            ):
                # An opener while a quote is open: the earlier mark was never closed.
                emit(open_at, None, i, True)
                open_at = (i, j)
                continue
            emit(open_at, (i, j), i, True)
            open_at = None
    if open_at is not None:
        emit(open_at, None, hi, True)
    return out


class QuoteGroup(NamedTuple):
    """Quoted stretches that form one quote (several when it runs over paragraphs, one
    per paragraph, in consecutive paragraphs)."""

    stretches: tuple[Quoted, ...]
    para: int
    """Index of the paragraph of the first stretch."""


def chain_paragraphs(text: str, paras: list[Span], quoted: list[list[Quoted]]) -> list[QuoteGroup]:
    """Group quoted stretches into quotes that continue across paragraphs.

    ``quoted[k]`` holds the stretches of ``paras[k]``. A stretch left unclosed at the end
    of its paragraph continues into the next paragraph when that paragraph opens with a
    quotation mark; everything else stands alone. Returns groups in document order.
    """
    return list(iter_groups(paras, quoted))


def iter_groups(paras: list[Span], quoted: list[list[Quoted]]) -> Iterator[QuoteGroup]:
    """The groups of :func:`chain_paragraphs`, made one at a time: a parse reads them in
    order, so a document of many short quotes never holds them all (fewer long-lived
    objects for the garbage collector to walk)."""
    pending: list[Quoted] = []  # an unclosed quote and its continuations so far
    pending_para = 0
    for k, stretches in enumerate(quoted):
        if not stretches:
            if pending:
                yield _new(QuoteGroup, (tuple(pending), pending_para))
                pending = []
            continue
        first = stretches[0]
        if pending and first.start == paras[k].start:
            pending.append(first)
        else:
            if pending:
                yield _new(QuoteGroup, (tuple(pending), pending_para))
            pending, pending_para = [first], k
        if len(stretches) == 1:
            if first.close is not None:
                yield _new(QuoteGroup, (tuple(pending), pending_para))
                pending = []
            continue
        # Only the last stretch of a paragraph can continue into the next one.
        yield _new(QuoteGroup, (tuple(pending), pending_para))
        for q in stretches[1:-1]:
            yield _new(QuoteGroup, ((q,), k))
        last = stretches[-1]
        if last.close is None:
            pending, pending_para = [last], k
        else:
            pending = []
            yield _new(QuoteGroup, ((last,), k))
    if pending:
        yield _new(QuoteGroup, (tuple(pending), pending_para))
