"""Text to paragraphs and sentences, with offsets into the original string.

Nothing here normalises and searches again: every boundary is found by scanning the
original ``str`` once, so offsets can never drift.
"""

from __future__ import annotations

import re
import string

from quotetrack.lexicon import ABBREVIATIONS
from quotetrack.models import Span

__all__ = ["paragraphs", "sentences"]

_LINE = re.compile(r"[^\n]+")
_BLOCK = re.compile(r"(?:[^\n]|\n(?![ \t\r\f\v]*\n))+")
_SENTENCE_END = re.compile(
    r"""
    [.?!](?<![.?!][.?!])        # the first mark of a run of terminal punctuation (a
    [.?!]*(?![.?!])             # charset first lets the engine skip to it), the whole
                                # run (never part of one: backtracking into a long run
                                # of periods is quadratic)
    [\"'\u201d\u2019)\]]*       # closing quotation marks or brackets that belong to it
    (?=\s+[\"'\u201c\u2018(\[]*[A-Z0-9\u00c0-\u00de]|\s*$)
                                # followed by a capital (or opening mark) or the end
    """,
    re.VERBOSE,
)
_WORD_CHARS = string.ascii_letters + "."  # what the word before a period may hold
_NONBLANK = re.compile(r"\S")


def _looks_hard_wrapped(text: str) -> bool:
    """True when paragraphs are blank-line blocks whose lines are wrapped mid-sentence."""
    blocks = [b for b in re.split(r"\n[ \t\r\f\v]*\n", text) if "\n" in b.strip()]
    if not blocks:
        return False
    lines = [ln.rstrip() for b in blocks for ln in b.strip().split("\n")[:-1]]
    if not lines:
        return False
    open_ends = sum(1 for ln in lines if ln and ln[-1] not in ".?!:\"'\u201d\u2019)")
    return open_ends > 0.6 * len(lines)


def paragraphs(text: str) -> list[Span]:
    """The paragraphs of ``text`` with surrounding whitespace trimmed.

    A paragraph is one line, as in most news text; when the text is hard-wrapped (blank
    lines between blocks whose lines mostly break mid-sentence) a paragraph is a block.
    """
    pattern = _BLOCK if _looks_hard_wrapped(text) else _LINE
    out: list[Span] = []
    for m in pattern.finditer(text):
        start, end = m.start(), m.end()
        first = _NONBLANK.search(text, start, end)
        if first is None:
            continue
        start = first.start()
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(Span(start, end, text[start:end]))
    return out


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the period at ``end`` closes an abbreviation like 'Sen.' or 'U.S.'.

    The word is the run of ASCII letters and periods that ends at the period, within the
    12 characters before it, from its first letter (what ``([A-Za-z][A-Za-z.]*)\\.$``
    finds first there): found by two strips, which cost a third of that search, and
    every sentence end asks this."""
    before = text[max(0, end - 12) : end]
    word = before[len(before.rstrip(_WORD_CHARS)) :].lstrip(".")
    if not word or text[end : end + 1] != ".":
        return False
    if word.lower() in ABBREVIATIONS:
        return True
    # Single capitals and dotted initialisms: "J.", "U.S.", "D.C."
    return (len(word) == 1 and word.isupper()) or ("." in word and len(word) <= 6)


def sentences(text: str, para: Span) -> list[Span]:
    """The sentences of one paragraph, trimmed, covering it in order."""
    out: list[Span] = []
    start = para.start
    for m in _SENTENCE_END.finditer(text, para.start, para.end):
        if m.group() == "." and _is_abbreviation(text, m.start()):
            continue
        end = m.end()
        if end > start:
            out.append(Span(start, end, text[start:end]))
        nxt = _NONBLANK.search(text, end, para.end)
        start = nxt.start() if nxt else para.end
    if start < para.end:
        out.append(Span(start, para.end, text[start : para.end]))
    return out
