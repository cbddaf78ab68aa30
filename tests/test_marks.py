"""Quotation marks are paired by shape and context, never across paragraphs by accident."""

from __future__ import annotations

from quotetrack.marks import chain_paragraphs, find_quoted
from quotetrack.segments import paragraphs


def quoted(text: str) -> list[str]:
    """The content of every quoted stretch of ``text``, paragraph by paragraph."""
    return [q.content.text for p in paragraphs(text) for q in find_quoted(text, p)]


def test_curly_and_straight_marks():
    """Curly, straight and mixed pairs all delimit quotes."""
    assert quoted('“A b,” she said. "C d." And "e f,” too.') == ["A b,", "C d.", "e f,"]


def test_doubled_apostrophes_are_marks():
    """NYT-style ''...'' is a double quotation."""
    assert quoted("''It was fine,'' Mr. Smith said.") == ["It was fine,"]


def test_reversed_curly_opener():
    """A closing-shaped mark at a word start with nothing open opens a quote."""
    assert quoted("”Fear. I am afraid.” ― Edwin") == ["Fear. I am afraid."]


def test_apostrophes_are_not_single_quotes():
    """Contractions, possessives, decades and rock 'n' roll never pair as quotes."""
    text = "Don't touch Teigen's '90s rock 'n' roll records, the Clintons' friend said."
    assert quoted(text) == []


def test_single_quoted_quote():
    """A ‘…’ or '…' quote outside double quotes is found."""
    assert quoted("He called it ‘a disaster’ and left. She said 'never again' twice.") == [
        "a disaster",
        "never again",
    ]


def test_singles_inside_doubles_stay_nested():
    """A single-quoted phrase inside a double quote is part of the outer quote."""
    assert quoted("“He told me ‘go home’ today,” she said.") == ["He told me ‘go home’ today,"]


def test_unclosed_quote_ends_with_its_paragraph():
    """An unclosed mark never swallows the next paragraph."""
    text = "“This never closes, he said.\n\nA new paragraph with no quotes."
    assert quoted(text) == ["This never closes, he said."]


def test_multi_paragraph_quote_chains():
    """An unclosed quote continues into a paragraph that opens with a mark."""
    text = "“First part.\n\n“Second part.” she said.\n\n“Other quote.”"
    paras = paragraphs(text)
    groups = chain_paragraphs(text, paras, [find_quoted(text, p) for p in paras])
    assert [g.para for g in groups] == [0, 2]
    assert [[q.content.text for q in g.stretches] for g in groups] == [
        ["First part.", "Second part."],
        ["Other quote."],
    ]


def test_inch_mark_is_not_a_quote():
    """A double mark after a digit with nothing open is an inch mark."""
    assert quoted("Trump is 6'3\" tall and weighs 236 pounds.") == []


def test_stretch_offsets_span_two_character_marks():
    """A doubled apostrophe or TeX pair is a two-character mark: ``close`` is its offset,
    ``end`` the offset just past it, ``start`` the opening mark's offset."""
    text = "``We won,'' she said. ''Done,'' he said."
    para = paragraphs(text)[0]
    first, second = find_quoted(text, para)
    assert (first.start, first.close, first.end) == (0, 9, 11)
    assert text[first.close : first.end] == "''"
    assert (second.start, second.close, second.end) == (22, 29, 31)
    assert text[second.start : second.end] == "''Done,''"
    assert [first.content.text, second.content.text] == ["We won,", "Done,"]


def test_unclosed_stretch_ends_with_its_content():
    """An unclosed quote has no closing mark: ``end`` is the end of its content."""
    text = "“It never closes  "
    (q,) = find_quoted(text, paragraphs(text)[0])
    assert q.close is None
    assert q.end == q.content.end == len("“It never closes")
