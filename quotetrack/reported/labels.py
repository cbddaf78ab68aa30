"""Reported-speech rules for a source before a colon: ``headline`` (Gingrich: Trump Must
Decide …, a news text's first line) and ``label`` (TRUMP: … / Q: … in a transcript)."""

from __future__ import annotations

import re

from quotetrack.lexicon import (
    REPORTED_CUES,
    word_set,
)
from quotetrack.models import Span
from quotetrack.reported.content import Reported, char_span, content_span

_HEADLINE = re.compile(
    r"""
    \s*(?P<source>[A-Z][\w.&'\u2019-]*(?:\s+[\w.&'\u2019-]+){0,4}?)  # one to five words
    \s*:\s+
    (?P<content>\S[^\n]*?)[.\s]*$                            # the claim, to the line end
    """,
    re.VERBOSE,
)
# Lowercase words a headline source may hold ("Clinton camp: …"), and the words of
# section kickers that stand before a colon without being sources ("The Latest: …").
_HEADLINE_NOUNS = word_set("camp aides allies campaign spokesman officials poll survey report of")
_HEADLINE_KICKERS = word_set("latest daily watch live update updates exclusive breaking analysis")
_LABEL = re.compile(
    r"(?P<source>[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3})[ \t]*:[ \t]+(?=\S)"
)


def read_speaker_label(text: str, start: int) -> Reported | None:
    """``TRUMP: The deaths of …`` / ``Q: You open your book …``: a transcript's speaker
    label opening a paragraph; the content is the rest of the paragraph."""
    m = _LABEL.match(text, start)
    if m is None:
        return None
    words = m.group("source").split()
    if not all(w.isupper() for w in words):
        return None  # "Luciana Lopez: …" is as often a section title as a speaker
    if {w.lower().strip(".") for w in words} & (_HEADLINE_KICKERS | _NOT_LABELS):
        return None
    end = text.find("\n", m.end())
    end = len(text) if end < 0 else end
    content = content_span(text, m.end(), end, 2)
    if content is None:
        return None
    source = char_span(text, m.start("source"), m.end("source"))
    colon = text.index(":", source.end)
    return Reported.single(content, source, char_span(text, colon, colon + 1), None, "label")


# Capitalised words before a colon at a paragraph start that are not speakers.
_NOT_LABELS = word_set(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday note editor update updated correction related video photos
    watch read more also see listen advertisement exclusive breaking
    """
)


def read_headline(text: str, first: Span) -> Reported | None:
    """``Gingrich: Trump Must Decide …`` -- a headline that attributes its claim to the
    short name before its colon (the first line of many news texts)."""
    line_end = text.find("\n", first.start)
    end = len(text) if line_end < 0 else line_end
    m = _HEADLINE.match(text, first.start, end)
    if m is None:
        return None
    words = m.group("source").split()
    if (
        any(w.lower() in REPORTED_CUES for w in words)
        or any(w[0].islower() and w not in _HEADLINE_NOUNS for w in words)
        or {w.lower() for w in words} & _HEADLINE_KICKERS
    ):
        return None  # "The Latest: …", "Fix is in: …": a kicker or a clause, not a source
    content = content_span(text, m.start("content"), m.end("content"), 2)
    if content is None:
        return None
    source = char_span(text, m.start("source"), m.end("source"))
    colon = text.index(":", source.end)
    return Reported.single(content, source, char_span(text, colon, colon + 1), None, "headline")
