"""Decomposed accents find the quotes precomposed ones do (issue 14, "Also").

"José" written as "Jose" + U+0301 used to lose quotes the precomposed form found. The
parser reads the NFC form and maps every span back: offsets always slice the text as
given, and the quotes are those of the NFC text.
"""

from __future__ import annotations

import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack.models import Quote
from quotetrack.nfc import normalize
from tests.strategies import newsy_text

PRE = (
    "“Nous allons gagner,” a déclaré José Martínez.\n\n"
    "“We will win,” said José Martínez, the mayor of Bogotá."
)


def summary(quotes: tuple[Quote, ...]) -> list[tuple[object, ...]]:
    """What a reader compares: text, speaker (and whether and where it was resolved),
    kind and rule, in NFC."""
    return [
        (
            unicodedata.normalize("NFC", q.text),
            None if q.speaker is None else unicodedata.normalize("NFC", q.speaker.name),
            None if q.speaker is None else q.speaker.resolved,
            None
            if q.speaker is None or q.speaker.source is None
            else unicodedata.normalize("NFC", q.speaker.source.text),
            q.kind.value,
            q.rule,
        )
        for q in quotes
    ]


def assert_offsets(text: str, quotes: tuple[Quote, ...]) -> None:
    """Every span slices ``text`` exactly; a quote's text joins its spans."""
    for q in quotes:
        who = q.speaker
        spans = [*q.spans, q.cue, q.addressee, *((who.mention, who.source) if who else ())]
        for span in spans:
            if span is not None:
                assert text[span.start : span.end] == span.text
        assert q.text == " ".join(s.text for s in q.spans)


def test_decomposed_accents_find_the_same_quotes() -> None:
    """NFD text: the same quotes and speakers as NFC, offsets into the NFD text."""
    decomposed = unicodedata.normalize("NFD", PRE)
    assert decomposed != PRE
    found = quotetrack.parse(decomposed)
    assert summary(found) == summary(quotetrack.parse(PRE))
    assert [q.speaker.name for q in found if q.speaker] == ["José Martínez"]
    assert_offsets(decomposed, found)
    mention = found[0].speaker.mention if found[0].speaker else None
    assert mention is not None and mention.text == unicodedata.normalize("NFD", "José Martínez")


_ACCENTED = st.sampled_from(["José", "Martínez", "Bogotá", "Ñuño", "Zoë", "Ångström", "café"])


@st.composite
def accented_news(draw: st.DrawFn) -> str:
    """News-like text with accented words, each written NFC, NFD or mixed."""
    words = draw(newsy_text()).split(" ")
    for _ in range(draw(st.integers(0, 6))):
        words.insert(draw(st.integers(0, len(words))), draw(_ACCENTED))
    form = draw(st.sampled_from(["NFD", "mixed"]))
    if form == "NFD":
        return unicodedata.normalize("NFD", " ".join(words))
    return " ".join(unicodedata.normalize("NFD", w) if draw(st.booleans()) else w for w in words)


@settings(max_examples=150)
@given(accented_news())
@example("“Yes,” said Jose\u0301 Marti\u0301nez.")
@example("“a\u0301” \u0301“b” \u0301\u0301“Sen.\u0301” said Zoe\u0308.")
def test_any_decomposition_parses_as_its_nfc_form(text: str) -> None:
    """For any text, parse(text) is parse(NFC(text)) with offsets into text."""
    found = quotetrack.parse(text)
    assert_offsets(text, found)
    assert summary(found) == summary(quotetrack.parse(unicodedata.normalize("NFC", text)))


@settings(max_examples=300)
@given(st.text(max_size=60))
@example("a\u0301 b\u0308c")
def test_the_offset_map_keeps_boundaries(text: str) -> None:
    """normalize() gives the NFC text; every NFC offset maps to an original offset whose
    prefix normalises to the NFC prefix up to it (a start never past, an end never short
    of it), exactly wherever NFC changed nothing."""
    normal, where = normalize(text)
    assert normal == unicodedata.normalize("NFC", text)
    for k in range(len(normal) + 1):
        start, end = where.start(k), where.end(k)
        assert 0 <= start <= end <= len(text)
        before = unicodedata.normalize("NFC", text[:start])
        upto = unicodedata.normalize("NFC", text[:end])
        assert normal.startswith(before) and len(before) <= k
        assert normal.startswith(upto) and len(upto) >= k


def test_store_filters_match_either_encoding() -> None:
    """A quote stored from NFD text is found by an NFC filter, and the other way round."""
    decomposed = unicodedata.normalize("NFD", "“Bogotá will win,” said José Martínez.")
    with quotetrack.Tracker(":memory:") as tracker:
        tracker.add(decomposed, doc_id="nfd", published=None, outlet="Le Monde à Paris")
        assert len(tracker.quotes(contains="BOGOTÁ WILL")) == len(tracker.quotes()) == 1
        assert tracker.quotes(outlet=unicodedata.normalize("NFD", "LE MONDE À PARIS"))
        assert tracker.speaker(unicodedata.normalize("NFD", "JOSÉ MARTÍNEZ")) is not None
