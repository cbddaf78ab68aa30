"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from hypothesis import strategies as st

from quotetrack.models import Document, Quote, QuoteKind, Sentiment, Span, Speaker, SpeakerKind

MARKS = "\"“”„‟«»'‘’`"
_NEWSY_WORDS = [
    "said",
    "says",
    "told",
    "added",
    "according",
    "to",
    "Teigen",
    "she",
    "he",
    "Mr.",
    "Clinton",
    "the",
    "senator",
    "a",
    "source",
    "officials",
    "—",
    "-",
    ",",
    ".",
    ":",
    "\n",
    "\n\n",
    "''",
    "we",
    "will",
    "win",
    "Sen.",
    "Hillary",
    "Trump",
    "that",
    "(D-N.Y.)",
    # words the reported-speech rules read
    "who",
    "which",
    "asked",
    "by",
    "whether",
    "and",
    "but",
    "while",
    "TRUMP:",
    "Q:",
    "is",
    "was",
    "convinced",
    "on",
    "Tuesday",
    "in",
    "2010",
    "39",
    "voters",
    "saying",
    "adding",
    "familiar",
    "close",
    "with",
    "of",
    "spokesman",
    "for",
    "touted",
    "named",
    "about",
    "last",
    "week",
    "adviser",
    "Axelrod",
    "believes",
    "wants",
    "expected",
    ";",
]


@st.composite
def newsy_text(draw: st.DrawFn) -> str:
    """Text made of news words and quotation marks in any order: the parser's worst day."""
    pieces = draw(
        st.lists(
            st.one_of(st.sampled_from(_NEWSY_WORDS), st.sampled_from(list(MARKS))), max_size=80
        )
    )
    return " ".join(pieces) if draw(st.booleans()) else "".join(pieces)


any_text = st.one_of(st.text(max_size=300), newsy_text())


# --- tracker: what is stored must read back equal ---------------------------------

HOSTILE_STRINGS = [
    "Robert'); DROP TABLE quotes;--",
    "Robert'); Drop Table Quotes;--",
    "x' OR '1'='1",
    '"; DELETE FROM documents; --',
    "100% _under_ \\escape\\",
    "O’Brien’s “quote”",
    "Zoë Ünïcode 北京 🙂",
]
"""Values that would break SQL built by string formatting, and non-ASCII ones."""

_stored_text = st.one_of(st.sampled_from(HOSTILE_STRINGS), st.text(max_size=30))


@st.composite
def analyzed_documents(draw: st.DrawFn) -> tuple[Document, tuple[Quote, ...]]:
    """A Document and quotes whose spans fit its text, every field possibly hostile."""
    text = " ".join(draw(st.lists(_stored_text, min_size=1, max_size=8)))
    offsets = st.integers(min_value=0, max_value=len(text))

    def span() -> Span:
        a, b = sorted((draw(offsets), draw(offsets)))
        return Span.of(text, a, b)

    def maybe_span() -> Span | None:
        return span() if draw(st.booleans()) else None

    quotes = []
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        spans = tuple(
            sorted((span() for _ in range(draw(st.integers(1, 2)))), key=lambda s: s.start)
        )
        resolved = draw(st.booleans())
        names = st.sampled_from(HOSTILE_STRINGS) | st.text(min_size=1, max_size=30)
        members = (  # a coordinated speaker ("say A and B") now and then
            tuple(
                Speaker(draw(names), span(), SpeakerKind.PERSON, source=maybe_span())
                for _ in range(2)
            )
            if draw(st.integers(0, 3)) == 0
            else ()
        )
        speaker = (
            Speaker(
                draw(names),
                span(),
                SpeakerKind.GROUP if members else draw(st.sampled_from(SpeakerKind)),
                resolved=resolved or bool(members),
                source=maybe_span() if resolved else None,
                members=members,
            )
            if draw(st.booleans())
            else None
        )
        quote = Quote.from_spans(
            spans,
            speaker=speaker,
            cue=maybe_span(),
            kind=draw(st.sampled_from(QuoteKind)),
            addressee=maybe_span(),
            rule=draw(_stored_text),
        )
        if draw(st.booleans()):
            scores = st.floats(min_value=-1, max_value=1, allow_nan=False)
            quote = attrs.evolve(quote, sentiment=Sentiment(*(draw(scores) for _ in range(4))))
        quotes.append(quote)
    document = Document(
        text=text,
        doc_id=draw(st.sampled_from(HOSTILE_STRINGS) | st.text(min_size=1, max_size=20)),
        published=draw(st.none() | st.dates(min_value=dt.date(1800, 1, 1))),
        outlet=draw(st.none() | _stored_text),
        url=draw(st.none() | _stored_text),
        title=draw(st.none() | _stored_text),
    )
    return document, tuple(quotes)


# -- any Quote the model allows, including ones the parser never makes (for codecs) --

_quote_texts = st.text(max_size=30)
_quote_offsets = st.integers(min_value=0, max_value=10**7)


@st.composite
def _any_spans(draw: st.DrawFn) -> Span:
    start = draw(_quote_offsets)
    text = draw(_quote_texts)
    # mostly consistent offsets, sometimes not (a hand-built Span)
    end = start + len(text) if draw(st.booleans()) else draw(_quote_offsets)
    return Span(start, end, text)


_any_sentiments = st.builds(
    Sentiment,
    compound=st.floats(-1, 1),
    positive=st.floats(0, 1),
    neutral=st.floats(0, 1),
    negative=st.floats(0, 1),
)
_speaker_fields: dict[str, st.SearchStrategy[Any]] = {
    "name": _quote_texts,
    "mention": _any_spans(),
    "kind": st.sampled_from(SpeakerKind),
    "resolved": st.booleans(),
    "source": st.none() | _any_spans(),
}
_any_speakers = st.builds(
    Speaker,
    **_speaker_fields,
    members=st.lists(st.builds(Speaker, **_speaker_fields), max_size=2).map(tuple),
)


@st.composite
def quotes(draw: st.DrawFn) -> Quote:
    """Any Quote: spans joined into its text, or a text unrelated to its spans."""
    spans = tuple(draw(st.lists(_any_spans(), max_size=4)))
    joined = " ".join(s.text for s in spans)
    return Quote(
        text=draw(st.one_of(st.just(joined), _quote_texts)),
        spans=spans,
        speaker=draw(st.none() | _any_speakers),
        cue=draw(st.none() | _any_spans()),
        kind=draw(st.sampled_from(QuoteKind)),
        addressee=draw(st.none() | _any_spans()),
        sentiment=draw(st.none() | _any_sentiments),
        rule=draw(st.sampled_from(["unattributed", "tail-name", "continuation", "ü"])),
    )
