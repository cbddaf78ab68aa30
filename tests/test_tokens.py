"""Tokens: offsets into the text, and what happens to a final period."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotetrack import tokens
from quotetrack.tokens import _TOKEN, _keeps_period, tokenize


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


def _plain_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The rule of :func:`tokenize` written plainly: every match of the token pattern,
    with the final period of a longer token split off unless the token keeps it."""
    out = []
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        word = text[s:e]
        if len(word) > 1 and word.endswith(".") and not _keeps_period(word):
            out += [(s, e - 1, word[:-1]), (e - 1, e, ".")]
        else:
            out.append((s, e, word))
    return out


_PERIOD_HEAVY = st.lists(
    st.sampled_from([*"ab.U.S -'’_&!", "Sen.", "etc.", "J.", ".......", "\u0130"]),
    max_size=40,
).map("".join)


@given(_PERIOD_HEAVY, st.integers(0, 80), st.integers(0, 80))
def test_periods_split_as_the_rule_says(text: str, a: int, b: int) -> None:
    """In any window, a token ending in a period loses it unless it keeps it (runs of
    periods, initials, abbreviations and a window that starts or ends inside a word)."""
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    got = [(t.start, t.end, t.text) for t in tokenize(text, start, end)]
    assert got == _plain_tokens(text, start, end)


@given(
    st.lists(
        st.sampled_from([*"aB .,'’-\u03a3\u0130\"“”", "Sen.", "said.", "U.S."]), max_size=30
    ).map("".join)
)
def test_short_windows_tokenize_as_long_ones(text: str) -> None:
    """The loop a short window takes gives the tokens the maps of a long window give."""
    short = tokenize(text, 0, len(text))
    saved = tokens._SHORT_CHARS
    tokens._SHORT_CHARS = -1  # every window takes the maps
    try:
        assert tokenize(text, 0, len(text)) == short
    finally:
        tokens._SHORT_CHARS = saved
