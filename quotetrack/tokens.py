"""Words and punctuation with offsets, for the rules that read around a quote."""

from __future__ import annotations

import re

import attrs

from quotetrack.lexicon import ABBREVIATIONS, TITLES

__all__ = ["Token", "tokenize"]

_TOKEN = re.compile(
    r"""
      [^\W_](?:[\w]|['\u2019\-.&](?=[^\W_]))*\.?   # a word, with inner apostrophes, hyphens, dots
    | [\u2014\u2013\u2015]|--?                      # dashes
    | [^\w\s]                                       # any other punctuation mark
    """,
    re.VERBOSE,
)


@attrs.frozen(slots=True)
class Token:
    """One word or punctuation mark: offsets, text and lowercase text."""

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
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.start(), m.end()
        word = m.group()
        if len(word) > 1 and word.endswith("."):
            bare = word[:-1]
            keep = (
                word in TITLES
                or bare.lower() in ABBREVIATIONS
                or (len(bare) == 1 and bare.isupper())
                or ("." in bare and len(bare) <= 5)
            )
            if not keep:
                out.append(Token(s, e - 1, bare, bare.lower()))
                out.append(Token(e - 1, e, ".", "."))
                continue
        out.append(Token(s, e, word, word.lower()))
    return out
