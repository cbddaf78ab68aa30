"""Decomposed accents find the quotes precomposed ones do (issue 14, "Also").

"José" written as "Jose" + U+0301 used to lose quotes the precomposed form found. The
parser reads the NFC form and maps every span back: offsets always slice the text as
given, and the quotes are those of the NFC text.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack import nfc
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
        people = [who, *who.members] if who else []
        spans = [*q.spans, q.cue, q.addressee, *(s for p in people for s in (p.mention, p.source))]
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


def assert_offset_map(text: str) -> None:
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


@settings(max_examples=300)
@given(st.text(max_size=60))
@example("a\u0301 b\u0308c")
@example("a\u2000b")  # a space NFC changes (EN QUAD becomes EN SPACE)
def test_the_offset_map_keeps_boundaries(text: str) -> None:
    """The offset map of any text (see :func:`assert_offset_map`)."""
    assert_offset_map(text)


@st.composite
def mixed_paragraphs(draw: st.DrawFn) -> str:
    """Paragraphs (or lines) of accented news, each written NFC or NFD."""
    paragraphs = draw(st.lists(accented_news(), min_size=1, max_size=6))
    forms = [draw(st.sampled_from(["NFC", "NFD"])) for _ in paragraphs]
    breaks = [draw(st.sampled_from(["\n\n", "\n", "\r\n"])) for _ in paragraphs]
    return "".join(
        unicodedata.normalize(form, p) + br
        for p, form, br in zip(paragraphs, forms, breaks, strict=True)
    )


@settings(max_examples=100)
@given(mixed_paragraphs())
@example("José said.\n\n“Yes,” said Jose\u0301 Marti\u0301nez.\n\nOk.\n")
def test_mixed_paragraphs_parse_and_map_like_their_nfc_form(text: str) -> None:
    """NFC and NFD paragraphs side by side: the quotes of the NFC text, with offsets into
    the text as given, and an exact offset map."""
    found = quotetrack.parse(text)
    assert_offsets(text, found)
    assert summary(found) == summary(quotetrack.parse(unicodedata.normalize("NFC", text)))
    assert_offset_map(text)


class _Counting:
    """``unicodedata`` for :mod:`quotetrack.nfc`, counting the calls that look at text."""

    def __init__(self) -> None:
        self.calls = 0

    def __getattr__(self, name: str) -> object:
        return getattr(unicodedata, name)

    def is_normalized(self, form: str, text: str) -> bool:
        self.calls += 1
        return unicodedata.is_normalized(form, text)  # type: ignore[arg-type]

    def normalize(self, form: str, text: str) -> str:
        self.calls += 1
        return unicodedata.normalize(form, text)  # type: ignore[arg-type]


def test_only_the_rejected_pieces_are_looked_at(monkeypatch: pytest.MonkeyPatch) -> None:
    """One decomposed accent in 2,000 paragraphs costs a few checks around it (review
    item 4), not one per word or per character, and the map holds one entry: the work
    follows the characters NFC may change, not the length of the text."""
    paragraph = "“We will win this state and the next one,” the senator told reporters."
    paragraphs = [paragraph] * 2000
    paragraphs[1234] = "“Yes,” said Jose\u0301 Martínez."
    text = "\n\n".join(paragraphs)
    normalize("e\u0301")  # what is built once per process is not counted
    counting = _Counting()
    monkeypatch.setattr(nfc, "unicodedata", counting)
    normal, where = normalize(text)
    assert normal == unicodedata.normalize("NFC", text)
    assert len(where.starts) == 1
    assert text[where.starts[0] : where.ends[0]] == "e\u0301"
    assert counting.calls < 100, counting.calls


def test_store_filters_match_either_encoding() -> None:
    """A quote stored from NFD text is found by an NFC filter, and the other way round."""
    decomposed = unicodedata.normalize("NFD", "“Bogotá will win,” said José Martínez.")
    with quotetrack.Tracker(":memory:") as tracker:
        tracker.add(decomposed, doc_id="nfd", published=None, outlet="Le Monde à Paris")
        assert len(tracker.quotes(contains="BOGOTÁ WILL")) == len(tracker.quotes()) == 1
        assert tracker.quotes(outlet=unicodedata.normalize("NFD", "LE MONDE À PARIS"))
        assert tracker.speaker(unicodedata.normalize("NFD", "JOSÉ MARTÍNEZ")) is not None


def test_the_persons_of_a_coordinated_speaker_point_into_decomposed_text() -> None:
    """A coordinated speaker's members carry spans too: in NFD text they used to keep the
    NFC offsets (silently wrong); they are mapped back like every other span."""
    text = unicodedata.normalize(
        "NFD", "Él habló. “We will not accept this,” said José Martínez and Tomás Ibáñez."
    )
    (quote,) = quotetrack.parse(text)
    assert quote.speaker is not None and len(quote.speaker.members) == 2
    for member in quote.speaker.members:
        for span in (member.mention, member.source):
            assert span is not None and text[span.start : span.end] == span.text
    assert [m.name for m in quote.speaker.members] == ["José Martínez", "Tomás Ibáñez"]
