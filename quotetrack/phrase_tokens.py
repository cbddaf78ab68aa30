"""Token helpers the phrase readers share: spans and indexes of tokens, name words,
postmodifiers and parenthetical asides.

Phrases are read from tokens around a cue by two sets of readers, one for each rule set,
because the two were tuned apart on PolNeAR train and merging them changes predictions:
:mod:`quotetrack.speaker_phrases` for the direct-quote rules
(:mod:`quotetrack.attribution`) and :mod:`quotetrack.source_phrases` for the
reported-speech rules (:mod:`quotetrack.reported`). Every reader takes a token list (from
:func:`quotetrack.tokens.tokenize`) and an index, and returns the tokens of the phrase
(``[]`` or ``None`` when there is none); turn them into a
:class:`~quotetrack.models.Span` with :func:`tok_span`. Each position has one reader in
each set:

==========================  ========================================================
position                    direct quotes (*speaker*)   /   reported speech (*source*)
==========================  ========================================================
phrase after a cue          ``speaker_after``           /   ``source_after``
phrase before a cue         ``speaker_before``          /   ``source_before``
a run read as a subject     ``speaker_phrase``          /   ``source_run``
subject opening a sentence  ``sentence_subject``        /   ``opening_subject``
==========================  ========================================================

Both sets read name words (:func:`is_name_word`, :func:`looks_like_name`, name runs with
:func:`name_end`) and postmodifiers ("a spokesman *for* the campaign",
:func:`is_postmodifier`) here.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Container, Sequence

from quotetrack.lexicon import (
    DETERMINERS,
    TITLES,
    WEEKDAYS,
    postmodifies_source,
    word_set,
)
from quotetrack.models import Span
from quotetrack.tokens import Token

__all__ = [
    "CLAUSE_LINKS",
    "FUNCTION_WORDS",
    "MAX_NP",
    "drop_parentheticals",
    "index_at",
    "is_name_word",
    "is_possessive_name",
    "is_postmodifier",
    "looks_like_name",
    "name_end",
    "role_words_end",
    "tok_span",
    "token_index",
]


MAX_NP = 8  # words a noun phrase may hold
_MAX_ROLE_WORDS = 3  # lowercase role words before a name ("GOP strategist Rick Wilson")
# Clause links that may stand before a speaker phrase without belonging to it.
CLAUSE_LINKS = word_set("to which when where while as and but so then if because though")
# Capitalised function words that start sentences but never names (months that are also
# names, April May June July, are left out).
FUNCTION_WORDS = (
    DETERMINERS
    | CLAUSE_LINKS
    | WEEKDAYS
    | word_set(
        """
        although after before since until in on at of for with by from into about than or
        nor yet what who how why there here it is was are were be
        january february march august september october november december
        """
    )
)
# Words whose contraction is never a name ("I’m", "I'd"); "He’s" stays a subject.
_CONTRACTED = word_set("i")
_RUN_PARTICLES = ("de", "van", "von", "la")  # name particles inside a name run

_start = operator.attrgetter("start")  # bisection keys and scans that stay in C
_text = operator.attrgetter("text")


def tok_span(text: str, toks: Sequence[Token]) -> Span:
    """The span of ``text`` from the first to the last of ``toks``."""
    s, e = toks[0].start, toks[-1].end
    return Span(s, e, text[s:e])


def token_index(toks: list[Token], tok: Token) -> int:
    """The index of ``tok`` in the ordered ``toks``, by bisection (``list.index`` would
    make each cue cost the length of its sentence)."""
    return bisect.bisect_left(toks, tok.start, key=_start)


def index_at(toks: list[Token], offset: int) -> int:
    """The index of the first of the ordered ``toks`` that starts at or after ``offset``."""
    return bisect.bisect_left(toks, offset, key=_start)


def looks_like_name(tok: Token) -> bool:
    """True for a capitalised word or a title: a word that may be part of a name."""
    first = tok.text[0]
    return first.isalnum() and (first.isupper() or tok.text in TITLES)


def is_name_word(tok: Token) -> bool:
    """True for a capitalised word or title that is not a function word ("The", "In",
    "Monday" open sentences but never names) nor "I’m"."""
    # The hot test of the name rules (several per speaker phrase): the Token properties
    # inlined, one test per condition.
    text = tok.text
    first = text[0]
    if not first.isalnum() or not (first.isupper() or text in TITLES):
        return False
    low = tok.lower
    if low in FUNCTION_WORDS:
        return False
    if "'" not in low and "\u2019" not in low:
        return True  # most words: no apostrophe, so no contraction of "I" ("I’m", "I'd")
    base, apostrophe, _ = low.replace("\u2019", "'").partition("'")
    return not apostrophe or base not in _CONTRACTED


def is_possessive_name(tok: Token) -> bool:
    """True for a capitalised possessive ("Trump's", "Powell’s")."""
    return tok.is_capitalised and tok.lower.endswith(("'s", "\u2019s"))


def is_postmodifier(toks: Sequence[Token], i: int) -> bool:
    """True when the preposition at ``toks[i]`` ties a phrase to the source before it
    ("a spokesman *for* the campaign", "people familiar *with*")."""
    return i > 0 and postmodifies_source(toks[i - 1].lower, toks[i].lower)


def name_end(toks: list[Token], i: int) -> int:
    """The index after the run of name words that starts at ``toks[i]``."""
    j = i
    while j < len(toks) and (is_name_word(toks[j]) or toks[j].lower in _RUN_PARTICLES):
        j += 1
    return j


def role_words_end(toks: list[Token], j: int, stops: Container[str], cues: Container[str]) -> int:
    """Past up to three lowercase role words from ``toks[j]`` ("adviser", "city
    spokeswoman" in "Obama adviser David Axelrod"), none of them a ``stops`` word or a cue."""
    k = j
    while (
        k < len(toks)
        and k - j < _MAX_ROLE_WORDS
        and toks[k].is_word
        and not toks[k].is_capitalised
        and toks[k].lower not in stops
        and toks[k].lower not in cues
    ):
        k += 1
    return k


def drop_parentheticals(toks: list[Token]) -> list[Token]:
    """Remove '(D-N.C.)'-style asides so they do not break a noun phrase; an opening
    parenthesis that never closes in the window is dropped on its own."""
    if "(" not in map(_text, toks):
        return toks  # the common case: nothing to drop
    out: list[Token] = []
    held: list[Token] = []
    depth = 0
    for t in toks:
        if t.text == "(":
            depth += 1
            held.append(t)
        elif depth:
            held.append(t)
            if t.text == ")":
                depth -= 1
                if not depth:
                    held = []
        else:
            out.append(t)
    if depth:
        out.extend(t for t in held if t.text != "(")
    return out
