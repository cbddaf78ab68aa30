"""Words and punctuation with offsets, for the rules that read around a quote."""

from __future__ import annotations

import re
from typing import NamedTuple

from quotetrack.lexicon import ABBREVIATIONS, TITLES

__all__ = ["Token", "tokenize"]

_TOKEN = re.compile(
    r"""
      [^\W_]+(?:['\u2019\-.&][^\W_]+)*\.?   # a word, with inner apostrophes, hyphens, dots
    | [\u2014\u2013\u2015]|--?                # dashes
    | ([^\w\s])\1*                            # any other punctuation mark (a run of one mark
                                              # is one token: "!!!" costs what "!" does)
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
