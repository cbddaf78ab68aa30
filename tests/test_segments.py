"""Paragraphs and sentences keep offsets into the original text."""

from __future__ import annotations

from quotetrack.segments import paragraphs, sentences


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
