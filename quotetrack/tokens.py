"""Words and punctuation with offsets, for the rules that read around a quote."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from quotetrack.lexicon import ABBREVIATIONS, TITLES

__all__ = ["Token", "TokenIndex", "tokenize"]

_TOKEN = re.compile(
    r"""
      [^\W_]+(?:['\u2019\-.&][^\W_]+)*\.?   # a word, with inner apostrophes, hyphens, dots
    | [\u2014\u2013\u2015]|--?                # dashes
    | [^\w\s]                                 # any other punctuation mark
    """,
    re.VERBOSE,
)


class Token(NamedTuple):
    """One word or punctuation mark: offsets, text and lowercase text.

    A named tuple rather than an attrs class: documents make one per word, and tuples
    are the cheapest immutable record Python builds.
    """

    start: int
    end: int
    text: str
    lower: str

    @property
    def is_word(self) -> bool:
        """True for a word (letters or digits), False for punctuation."""
        return self.text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        """True for a word starting with a capital letter."""
        return self.text[0].isupper()


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]``; a final period is kept on a word only when the word
    is a title, an abbreviation or an initial ("Sen.", "U.S.", "J.")."""
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        s, e = m.span()
        if word[-1] == "." and len(word) > 1:
            bare = word[:-1]
            keep = (
                word in TITLES
                or bare.lower() in ABBREVIATIONS
                or (len(bare) == 1 and bare.isupper())
                or ("." in bare and len(bare) <= 5)
            )
            if not keep:
                append(Token(s, e - 1, bare, bare.lower()))
                append(Token(e - 1, e, ".", "."))
                continue
        append(Token(s, e, word, word.lower()))
    return out


class TokenIndex:
    """Tokens of a document, made once per paragraph on first use and sliced by offset.

    Rules read overlapping windows around every quote; slicing one tokenisation keeps the
    total work linear in the text however many quotes a paragraph holds.
    """

    def __init__(self, text: str, paragraphs: list[tuple[int, int]]) -> None:
        self._text = text
        self._paras = paragraphs
        self._para_starts = [s for s, _ in paragraphs]
        self._cache: dict[int, tuple[list[Token], list[int]]] = {}

    def _para_tokens(self, k: int) -> tuple[list[Token], list[int]]:
        got = self._cache.get(k)
        if got is None:
            s, e = self._paras[k]
            toks = tokenize(self._text, s, e)
            got = (toks, [t.start for t in toks])
            self._cache[k] = got
        return got

    def between(self, start: int, end: int) -> list[Token]:
        """Tokens lying wholly inside ``[start, end)``; the window may not cross paragraphs
        (it is cut at the end of the paragraph holding ``start``)."""
        k = bisect.bisect_right(self._para_starts, start) - 1
        if k < 0 or start >= self._paras[k][1]:
            return tokenize(self._text, start, end)
        toks, starts = self._para_tokens(k)
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end)
        while j > i and toks[j - 1].end > end:
            j -= 1
        return toks[i:j]
