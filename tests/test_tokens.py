"""Tokens: offsets into the text, and what happens to a final period."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotetrack.tokens import tokenize


def texts(sentence: str) -> list[str]:
    return [t.text for t in tokenize(sentence, 0, len(sentence))]


def test_sentence_period_is_its_own_token() -> None:
    """A period that ends a sentence is split from its word."""
    assert texts("Trump said the deal was bad.") == [
        "Trump",
        "said",
        "the",
        "deal",
        "was",
        "bad",
        ".",
    ]


def test_titles_initials_and_abbreviations_keep_their_period() -> None:
    """'Sen.', 'J.' and 'U.S.' keep their period; the sentence's own period does not."""
    assert texts("Sen. John J. Smith of the U.S. Senate spoke.") == [
        "Sen.",
        "John",
        "J.",
        "Smith",
        "of",
        "the",
        "U.S.",
        "Senate",
        "spoke",
        ".",
    ]


def test_inner_apostrophes_and_hyphens_stay_in_the_word() -> None:
    """'Clinton’s' and 'anti-establishment' are one word each; a dash is a token."""
    assert texts("Clinton’s anti-establishment rival — Sanders") == [
        "Clinton’s",
        "anti-establishment",
        "rival",
        "—",
        "Sanders",
    ]


def test_window_offsets() -> None:
    """Tokens of a window carry offsets into the whole text."""
    text = "First sentence. Then Lopez said so."
    start = text.index("Then")
    toks = tokenize(text, start, len(text))
    assert toks[0].start == start and toks[0].text == "Then"
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert [t.lower for t in toks][:2] == ["then", "lopez"]


@given(st.text(max_size=200))
def test_offsets_are_valid_on_any_text(text: str) -> None:
    """Every token is the text at its offsets, tokens are ordered and do not overlap."""
    toks = tokenize(text, 0, len(text))
    end = 0
    for tok in toks:
        assert text[tok.start : tok.end] == tok.text
        assert tok.lower == tok.text.lower()
        assert tok.start >= end
        end = tok.end
