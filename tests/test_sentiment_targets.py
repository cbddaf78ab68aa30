"""Tests of quotetrack.sentiment.targets: who a quote names, and its sentiment toward each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotetrack
from quotetrack.errors import InputTypeError
from quotetrack.models import SENTIMENT_CUTOFFS, Quote, QuoteKind
from quotetrack.sentiment import Target, targets
from quotetrack.sentiment.targeted import calibration

ROOT = Path(__file__).resolve().parents[1]
MODEL_FILE = ROOT / "quotetrack" / "data" / "news_target_model.json"

ARTICLE = (
    "Senator Jane Smith voted against the bill on Tuesday. Her rival, Tom Jones, "
    "had campaigned for it for a year.\n"
    "“I will never trust Smith again: she is corrupt and a liar,” Jones said.\n"
    "“The Justice Department did a wonderful, honest job,” Jones added."
)


def direct_quotes(text: str) -> list[Quote]:
    return [q for q in quotetrack.parse(text) if q.kind is QuoteKind.DIRECT]


def test_targets_give_mention_offsets_resolved_entity_and_sentiment() -> None:
    first, second = direct_quotes(ARTICLE)
    [smith] = targets(first, ARTICLE)
    assert isinstance(smith, Target)
    assert ARTICLE[smith.mention.start : smith.mention.end] == smith.mention.text == "Smith"
    assert smith.entity == "Jane Smith"
    assert smith.sentiment.model == "news-target"
    assert smith.sentiment.label == "negative"
    [department] = targets(second, ARTICLE)
    assert department.mention.text == "Justice Department"
    # the entity index may know the department as a group of the article, or not
    assert department.entity is None or "Justice Department" in department.entity
    assert department.sentiment.label == "positive"


def test_mentions_lie_inside_the_quote() -> None:
    for quote in direct_quotes(ARTICLE):
        for target in targets(quote, ARTICLE):
            assert any(
                s.start <= target.mention.start < target.mention.end <= s.end for s in quote.spans
            )


def test_pronouns_and_sentence_openers_are_not_targets() -> None:
    text = "“But I think We should go. The plan is good,” said Tom Jones."
    [quote] = direct_quotes(text)
    assert targets(quote, text) == ()


def test_a_quote_without_names_has_no_targets() -> None:
    text = "“It was a terrible day for everyone,” said Tom Jones."
    [quote] = direct_quotes(text)
    assert targets(quote, text) == ()


def test_bad_input_raises_input_type_error() -> None:
    [quote] = direct_quotes(ARTICLE)[:1]
    with pytest.raises(InputTypeError):
        targets(None, ARTICLE)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        targets(quote, None)  # type: ignore[arg-type]


def test_target_cutoffs_match_the_shipped_model() -> None:
    shipped = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert tuple(shipped["cutoffs"]) == SENTIMENT_CUTOFFS["news-target"]
    assert calibration().cutoffs == SENTIMENT_CUTOFFS["news-target"]
    assert shipped["provenance"]["cross_validation"]["newsmtsc_targets_macro_f1"] > 0


def test_targets_on_the_seed_are_in_order_and_well_formed(seed_text: str) -> None:
    for quote in quotetrack.parse(seed_text):
        found = targets(quote, seed_text)
        assert [t.mention.start for t in found] == sorted(t.mention.start for t in found)
        for t in found:
            assert seed_text[t.mention.start : t.mention.end] == t.mention.text
            assert t.sentiment.label in ("positive", "neutral", "negative")


def test_decomposed_accents_give_the_targets_of_the_composed_text() -> None:
    """In NFD text a name with an accent used to be cut at the accent ("Lo" for "López"),
    and the cut name was stored. The text is read in NFC, as the parser reads it, and the
    mentions are mapped back: the same targets and scores, offsets into the text given."""
    import unicodedata

    composed = "“María López is a liar and so is José Smith,” said John Smith."
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    want = targets(quotetrack.analyze(composed)[0], composed)
    got = targets(quotetrack.analyze(decomposed)[0], decomposed)
    assert [t.entity for t in got] == [t.entity for t in want] == ["María López", "José Smith"]
    assert [t.sentiment for t in got] == [t.sentiment for t in want]
    for t in got:
        assert decomposed[t.mention.start : t.mention.end] == t.mention.text
        assert unicodedata.normalize("NFC", t.mention.text) in composed
