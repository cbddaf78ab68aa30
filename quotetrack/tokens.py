"""Words and punctuation with offsets, for the rules that read around a quote."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterable
from itertools import repeat
from typing import Any, NamedTuple

from quotetrack.lexicon import ABBREVIATIONS, TITLES

__all__ = ["Token", "tokenize", "word_alternation"]

# Possessive quantifiers (++, *+, ?+): nothing follows a part that could make it give
# back what it took, so they match what greedy ones do, without saving a way back.
_TOKEN = re.compile(
    r"""
      [^\W_]++(?:['\u2019\-.&][^\W_]++)*+\.?+  # a word, with inner apostrophes, hyphens, dots
    | [\u2014\u2013\u2015]|--?+                # dashes
    | ([^\w\s])\1*+                            # any other punctuation mark (a run of one mark
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
        return self[2][0].isalnum()  # self.text, by index: the rules ask it in their loops

    @property
    def is_capitalised(self) -> bool:
        """True for a word starting with a capital letter."""
        return self[2][0].isupper()  # self.text, by index (see is_word)


_new = tuple.__new__  # builds a Token without the named tuple's Python-level __new__
_span = re.Match.span
_match_start, _match_end, _group = re.Match.start, re.Match.end, re.Match.group
_lower = str.lower
_end = operator.itemgetter(1)
_PERIOD = re.compile(r"\.")
_SHORT = 16  # tokens of a window read one by one for a final period
_SHORT_CHARS = 32  # a window this short is tokenized by one loop


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]``; a final period is kept on a word only when the word
    is a title, an abbreviation or an initial ("Sen.", "U.S.", "J.")."""
    # The hot loop of the rules: maps over the regex's matches (no Python-level loop);
    # then only the tokens that end at a period are looked at again.
    out: list[Token]
    if end - start <= _SHORT_CHARS and text.find("\u03a3", start, end) < 0:
        # A short window (most tails of dense quotes, "Smith said."): one loop over the
        # matches costs less than setting up the maps below; each token as they make it.
        out = []
        for m in _TOKEN.finditer(text, start, end):
            word = m.group()
            s, e = m.span()
            tok = _new(Token, (s, e, word, word.lower()))
            if e - s > 1 and word[-1] == ".":
                out += _split_period(tok)
            else:
                out.append(tok)
        return out
    if text.find("\u03a3", start, end) < 0:
        # Lowercasing is character by character but for the capital sigma (final or
        # not by what follows it), so each word is lowercased alone, as it is in the
        # window. Built by maps over the matches, as the cheapest loop Python has.
        found = list(_TOKEN.finditer(text, start, end))
        words = list(map(_group, found))
        toks = list(
            map(
                _new,
                repeat(Token),
                zip(
                    map(_match_start, found),
                    map(_match_end, found),
                    words,
                    map(_lower, words),
                    strict=True,
                ),
            )
        )
    else:  # a sigma is lowercased in context: each word is cut from the window's lowercase
        low = text[start:end].lower()
        spans = map(_span, _TOKEN.finditer(text, start, end))
        if len(low) == end - start:
            toks = [_new(Token, (s, e, text[s:e], low[s - start : e - start])) for s, e in spans]
        else:  # a character whose lowercase is longer ("İ"): lowercase word by word
            toks = [_new(Token, (s, e, text[s:e], text[s:e].lower())) for s, e in spans]
    if text.find(".", start, end) < 0:
        return toks  # no token ends in a period
    if len(toks) <= _SHORT:
        # A short window (a quote's tail): each token is looked at, which costs less
        # than finding the periods and the tokens they end.
        out = []
        for tok in toks:
            if tok[1] - tok[0] > 1 and tok[2][-1] == ".":
                out += _split_period(tok)
            else:
                out.append(tok)
        return out
    out = []
    done = 0  # toks[:done] are in out
    for m in _PERIOD.finditer(text, start, end):
        # the token ending at this period, if one does (tokens are in order, their ends
        # strictly increasing)
        i = bisect.bisect_left(toks, m.end(), lo=done, key=_end)
        if i == len(toks) or toks[i].end != m.end() or len(toks[i].text) == 1:
            continue
        split = _split_period(toks[i])
        if len(split) == 2:
            out += toks[done:i]
            out += split
            done = i + 1
    if not done:
        return toks  # no word lost its period
    out += toks[done:]
    return out


def _split_period(tok: Token) -> tuple[Token, ...]:
    """A word and its final period as two tokens, unless the period belongs to it."""
    keeps = _KEEPS_PERIOD.get(tok.text)
    if keeps is None:
        if len(_KEEPS_PERIOD) > _KEEPS_PERIOD_LIMIT:
            _KEEPS_PERIOD.clear()
        keeps = _KEEPS_PERIOD[tok.text] = _keeps_period(tok.text)
    if keeps:
        return (tok,)
    bare = tok.text[:-1]
    return (
        _new(Token, (tok.start, tok.end - 1, bare, bare.lower())),
        _new(Token, (tok.end - 1, tok.end, ".", ".")),
    )


# _keeps_period of the words seen (a word is read once per process, not once per window).
_KEEPS_PERIOD: dict[str, bool] = {}
_KEEPS_PERIOD_LIMIT = 100_000


def _keeps_period(word: str) -> bool:
    """True when a word's final period belongs to it: a title, an abbreviation, an
    initial or a dotted abbreviation ("Sen.", "etc.", "J.", "U.S.")."""
    bare = word[:-1]
    return (
        word in TITLES
        or bare.lower() in ABBREVIATIONS
        or (len(bare) == 1 and bare.isupper())
        or ("." in bare and len(bare) <= 5)
    )


def word_alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored by common prefixes (much faster to
    search than a flat alternation)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(root)
