"""The user's seed article gives the five direct quotes the issue spells out."""

from __future__ import annotations

import json
from pathlib import Path

import quotetrack
from quotetrack import QuoteKind

EXPECTED = Path(__file__).resolve().parents[1] / "seeds" / "000_f3ec5699876e8cf6.expected.json"


def test_seed_matches_golden_json(seed_text: str) -> None:
    """parse() on the seed reproduces the stored golden output field for field."""
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["quotes"]
    got = [quotetrack.to_dict(q) for q in quotetrack.parse(seed_text)]
    assert got == expected


def test_seed_direct_quotes_as_specified(seed_text: str) -> None:
    """Five direct quotes by Chrissy Teigen with the mentions, cues and addressee of issue #2."""
    direct = [q for q in quotetrack.parse(seed_text) if q.kind is QuoteKind.DIRECT]
    assert len(direct) == 5
    assert {q.speaker.name for q in direct if q.speaker} == {"Chrissy Teigen"}
    assert all(q.speaker is not None for q in direct)
    first, second, third, fourth, fifth = direct
    assert [s.text[:16] for s in first.spans] == ["Coming to terms ", "But then, I thin"]
    assert first.spans[0].text.endswith("why?") and first.spans[1].text.endswith("failure.")
    assert (first.speaker.mention.text, first.cue.text) == ("she", "said")  # type: ignore[union-attr]
    assert second.text.startswith("I just think") and second.text.endswith("adoption,")
    assert second.speaker.mention.text == "Teigen"  # type: ignore[union-attr]
    assert second.cue.text == "told" and second.addressee.text == "People Magazine"  # type: ignore[union-attr]
    assert third.text.startswith("For me,") and third.text.endswith("beautiful thing,")
    assert third.speaker.mention.text == "she"  # type: ignore[union-attr]
    assert fourth.text.startswith("It's so incredibly expensive")
    assert fourth.text.endswith("a child,")
    assert (fourth.speaker.mention.text, fourth.cue.text) == ("Teigen", "added")  # type: ignore[union-attr]
    assert fifth.text.startswith("He could be with us") and fifth.text.endswith("tree,")
    assert fifth.speaker.mention.text == "Teigan"  # type: ignore[union-attr]


def test_seed_offsets_point_into_the_text(seed_text: str) -> None:
    """Every span of every seed quote is the slice of the article it claims to be."""
    for q in quotetrack.analyze(seed_text):
        for span in (*q.spans, q.cue, q.addressee, q.speaker.mention if q.speaker else None):
            if span is not None:
                assert seed_text[span.start : span.end] == span.text


def test_seed_reported_speech_as_specified(seed_text: str) -> None:
    """The two reported-speech quotes of issue #3, both by Chrissy Teigen, and the third
    attribution the learned cue lexicon reads: her Instagram post confirming the loss."""
    reported = [q for q in quotetrack.parse(seed_text) if q.kind is QuoteKind.REPORTED]
    got = [
        (q.text, q.speaker.name, q.speaker.mention.text, q.cue.text)  # type: ignore[union-attr]
        for q in reported
    ]
    assert got == [
        (
            "she is still processing that she will never carry a child again",
            "Chrissy Teigen",
            "Teigen",
            "said",
        ),
        (
            "he will be a living part of the family through a memorial tree",
            "Chrissy Teigen",
            "She",
            "says",
        ),
        (
            "she had lost her son, Jack",
            "Chrissy Teigen",
            "Chrissy Teigen Chrissy Teigen",
            "confirming",
        ),
    ]
