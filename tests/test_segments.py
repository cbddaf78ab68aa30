"""Paragraphs and sentences keep offsets into the original text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from quotetrack.lexicon import ABBREVIATIONS
from quotetrack.segments import _is_abbreviation, paragraphs, sentences


def test_paragraphs_are_lines_trimmed():
    """Each non-blank line is a paragraph, with its surrounding whitespace trimmed."""
    text = "  First one.\n\n\tSecond one. \n"
    paras = paragraphs(text)
    assert [p.text for p in paras] == ["First one.", "Second one."]
    assert all(text[p.start : p.end] == p.text for p in paras)


def test_hard_wrapped_blocks_form_one_paragraph():
    """Lines wrapped mid-sentence inside blank-line blocks join into one paragraph."""
    text = (
        "He said the plan\nwas a good one and\nthat it would work.\n\n"
        "Next block here\nand more words.\n"
    )
    paras = paragraphs(text)
    assert len(paras) == 2
    assert paras[0].text.startswith("He said") and paras[0].text.endswith("work.")


def test_sentences_skip_abbreviations_and_initials():
    """Titles, initials and dotted abbreviations do not end a sentence."""
    text = "Sen. Elizabeth Warren met Donald J. Trump in the U.S. capital. Then she left."
    para = paragraphs(text)[0]
    got = [s.text for s in sentences(text, para)]
    assert got == [
        "Sen. Elizabeth Warren met Donald J. Trump in the U.S. capital.",
        "Then she left.",
    ]


def test_sentence_end_includes_closing_quote():
    """A closing quotation mark after the period belongs to the sentence it ends."""
    text = "“We will win.” She left."
    para = paragraphs(text)[0]
    assert [s.text for s in sentences(text, para)] == ["“We will win.”", "She left."]


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _abbreviation_by_search(text: str, end: int) -> bool:
    """The abbreviation test written as the search it replaced."""
    m = _WORD_BEFORE.search(text, max(0, end - 12), end + 1)
    if m is None:
        return False
    word = m.group(1)
    return (
        word.lower() in ABBREVIATIONS
        or (len(word) == 1 and word.isupper())
        or ("." in word and len(word) <= 6)
    )


@given(
    st.lists(
        st.sampled_from([*"aZ. ,é1-\n", "Sen", "U.S", "etc", "Corp", "J", "said", "...."]),
        max_size=20,
    ).map("".join)
)
def test_abbreviation_test_finds_the_word_the_search_found(text: str) -> None:
    """Before every period of any text, the strips read the word the search read."""
    for end, ch in enumerate(text):
        if ch == ".":
            assert _is_abbreviation(text, end) == _abbreviation_by_search(text, end)
