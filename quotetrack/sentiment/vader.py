"""The ``"vader"`` model: VADER, hardened for news text and made linear in text length.

This is the only module that imports :mod:`vaderSentiment`. It reuses VADER's lexicon,
constants and rules, and re-implements VADER's scoring loop so that it is both faster
and linear in the length of the text; the ``"news"`` model (:mod:`.news`) reads with the
same loop. Three things differ from calling
``SentimentIntensityAnalyzer().polarity_scores(text)`` directly:

**Typography is normalised for scoring.** Raw VADER only knows the typewriter
characters: a curly apostrophe disables negation ("This isn’t good" scores +0.44, where
"This isn't good" scores −0.34) and a curly quotation mark glued to a word hides it
(“great” scores 0.0). Before scoring, and only for scoring (a quote's ``text`` is never
changed), these non-ASCII characters are replaced:

- quotation marks (“ ” „ ‟ « » ″ ‘ ’ ‚ ‛ ‹ › ʼ ′ ´) are removed, except that a single
  mark between two word characters is an apostrophe ("isn’t" becomes "isn't") and a
  double one there becomes a space;
- a dash becomes a spaced hyphen, so "good—but" scores as "good - but"; that includes
  an en dash glued to words, which news text uses as a dash ("the debate–published
  by"), but an en or figure dash between digits is a hyphen ("2014–16"); hyphen and
  minus look-alikes become "-";
- the ellipsis "…" becomes "..." (followed by a space when it joins two words);
- invisible characters (soft hyphen, zero-width spaces and joiners, byte order marks,
  bidirectional controls) are removed, and non-breaking spaces become spaces.

ASCII characters are never touched, so a plain-ASCII text is scored exactly as VADER
reads it, quirks included (VADER keeps a token whose stripped form has two characters
or fewer whole, as a possible emoticon, so ASCII ``"no"`` is not read as "no").

**Sentences are scored separately and pooled.** VADER's rules assume one sentence: on a
longer text the first "but" halves every earlier word and raises every later one by
half, the exclamation marks of the whole text are counted together, negation reaches
across a full stop ("It was not. Good things...") and the all-caps rule looks at the
whole text. Worse, VADER's own implementation takes time quadratic in the number of
words. So a text is cut into paragraphs and sentences by the parser's own splitter
(:mod:`quotetrack.segments`: a line, or a block when the text is hard-wrapped; a run of
``.``, ``!`` or ``?`` with its closing quotes or brackets, before a capital or a digit,
unless the full stop ends a known abbreviation or an initial), and each sentence is
scored by VADER's rules on its own.

The sentences are combined the way VADER itself combines words, which makes the
combination exact rather than an average of rounded scores. For each sentence *i*
VADER's arithmetic gives, before normalisation and rounding, the valence sum ``s_i``
(with its punctuation emphasis), the sifted positive sum ``p_i`` and negative sum
``n_i`` (with emphasis) and the count ``u_i`` of neutral words. The text scores::

    compound = normalize(Σ s_i)                     # VADER's normalize(), alpha = 15
    total    = Σ p_i + |Σ n_i| + Σ u_i
    positive = Σ p_i / total,  negative = |Σ n_i| / total,  neutral = Σ u_i / total

rounded as VADER rounds (compound to 4 places, the proportions to 3). This is VADER's
own formula applied to the pooled sums: the compound normalises the sum of all word
valences, and each proportion is the mean of the sentences' proportions weighted by
their VADER totals (about one per word, more for charged words). For a single sentence
it is VADER's result, bit for bit; for a text it is what VADER would give if its
sentence-level rules stopped at each sentence's end. Like VADER's compound on any long
text, the pooled compound tends towards ±1 as charged sentences accumulate.

**It is fast.** The scoring loop is VADER's, rewritten so that nothing is recomputed:
each distinct token's stripped and lowercased forms are cached, the rules run only on
lexicon words, and VADER's contrastive "but" rule, whose implementation rescans the
list for every word, is reproduced (including its habit of re-scaling an earlier word
that has the same value) with a heap per value. Time is linear in the text's length.

The tests in ``tests/test_sentiment.py`` (and, over VADER's NYT editorial snippets,
``tests/test_sentiment_news.py``) guard the re-implementation: on generated and
real single sentences the result must equal VADER's, float for float.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
import sys
from collections.abc import Mapping, Sequence
from itertools import compress, pairwise
from typing import Final, NamedTuple

from vaderSentiment import vaderSentiment as _vader

from quotetrack.models import Sentiment, Span
from quotetrack.segments import paragraphs, sentences

__all__ = [
    "NEGATE_WORDS",
    "Sums",
    "context_words",
    "has_idiom",
    "hit_sums",
    "idiom_only_words",
    "idiom_pair_words",
    "is_booster",
    "is_negation",
    "lexicon",
    "normalize",
    "pool",
    "prepare",
    "read_token",
    "rounded",
    "rounded_scores",
    "rule_words",
    "scored_words",
    "sentence_sums",
    "split_sentences",
    "vader_sentiment",
]

# --- VADER's rule constants, taken from the installed vaderSentiment -----------------

_BOOSTERS: Final[Mapping[str, float]] = _vader.BOOSTER_DICT
_SPECIAL_CASES: Final[Mapping[str, float]] = _vader.SPECIAL_CASES
_NEGATE: Final = frozenset(_vader.NEGATE)
NEGATE_WORDS: Final = _NEGATE
"""VADER's negation words ("not", "never", "without" ...); any word with "n't" negates too."""
_N_SCALAR: Final[float] = _vader.N_SCALAR
_C_INCR: Final[float] = _vader.C_INCR
_PUNCTUATION: Final[str] = _vader.string.punctuation
normalize = _vader.normalize

# Every word that takes part in a multi-word special case ("kiss of death") or booster
# ("sort of"). VADER's idiom check can only change a valence when a word near the
# lexicon word is one of these, so the check is skipped otherwise.
_IDIOM_WORDS: Final = frozenset(
    word for phrase in (*_SPECIAL_CASES, *_BOOSTERS) if " " in phrase for word in phrase.split(" ")
)
# The pairs of neighbouring words in those phrases. Every sequence the idiom check looks
# up holds two neighbouring words of the sentence, so a sentence with none of these
# pairs ("of death", "kind of") has no idiom at all.
_IDIOM_PAIRS: Final = frozenset(
    pair for phrase in (*_SPECIAL_CASES, *_BOOSTERS) for pair in pairwise(phrase.split(" "))
)
# The words that make VADER's rules change the valence of a lexicon word up to three
# words after them: boosters and dampeners, negations ("n't" aside), "no", "least", and
# the "so"/"this" of its "never so" rule. Past three words of none of these (and no
# idiom, no ALL CAPS), a word's valence is its lexicon value.
_RULE_WORDS: Final = frozenset(
    {w for w in _BOOSTERS if " " not in w} | _NEGATE | {"no", "least", "so", "this", "never"}
)


# --- Typography ----------------------------------------------------------------------

_DOUBLE_QUOTES: Final = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"  # “ ” „ ‟ « » ″
_SINGLE_QUOTES: Final = (
    "\u2018\u2019\u201a\u201b\u2039\u203a\u02bc\u2032\u00b4"  # ‘ ’ ‚ ‛ ‹ › ʼ ′ ´
)
_LONG_DASHES: Final = "\u2014\u2015"  # em dash, horizontal bar
_SHORT_DASHES: Final = "\u2013\u2012"  # en dash, figure dash
_HYPHENS: Final = "\u2010\u2011\u2212"  # hyphen, non-breaking hyphen, minus sign
_ELLIPSIS: Final = "\u2026"
_INVISIBLE: Final = (
    "\u00ad"  # soft hyphen
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width space, non-joiner, joiner; word joiner; BOM
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi controls
)
_SPACES: Final = "\u00a0\u2007\u202f"  # no-break, figure and narrow no-break spaces

# What each character becomes: (between two word characters, anywhere else). The short
# dashes are the exception: see prepare.
_REPLACEMENTS: Final[Mapping[str, tuple[str, str]]] = {
    **dict.fromkeys(_DOUBLE_QUOTES, (" ", "")),
    **dict.fromkeys(_SINGLE_QUOTES, ("'", "")),
    **dict.fromkeys(_LONG_DASHES, (" - ", " - ")),
    **dict.fromkeys(_SHORT_DASHES, ("-", " - ")),
    **dict.fromkeys(_HYPHENS, ("-", "-")),
    _ELLIPSIS: ("... ", "..."),
    **dict.fromkeys(_INVISIBLE, ("", "")),
    **dict.fromkeys(_SPACES, (" ", " ")),
}


# --- Sentences -----------------------------------------------------------------------


def split_sentences(text: str) -> list[str]:
    """``text`` (normalised, emoji described) cut into sentences by :mod:`quotetrack.segments`.

    The parser's own splitter, so that a quote's sentences are the article's: paragraphs
    are lines (blocks when the text is hard-wrapped), and a sentence ends at a run of
    ``.``, ``!`` or ``?`` (with its closing quotes or brackets) before a capital or a
    digit, unless the full stop closes an abbreviation or initials ("Sen.", "U.S.").
    """
    if "\n" not in text:
        # a space follows every sentence end, so none is in the text's closing run of
        # marks and closing quotes ('."', "?!)"): look for an end before that run only
        head = text.rstrip(_CLOSING_RUN)
        if "." not in head and "?" not in head and "!" not in head:
            return [text]  # no sentence end can be found: skip the search
        if not _MAYBE_END.search(text):
            return [text]  # the common case for a quote: one sentence
        if not text[0].isspace() and not text[-1].isspace():
            # one line, already trimmed: the one paragraph is the text itself
            return [s.text for s in sentences(text, Span(0, len(text), text))]
    return [s.text for para in paragraphs(text) for s in sentences(text, para)]


# What can close a text after its last sentence end (no space, so no sentence end in it).
_CLOSING_RUN: Final = ".?!\"'\u201d\u2019)]"

# What every sentence end inside a line has: segments' sentence end followed by a
# capital (a run of terminal marks from its first mark, closing quotes or brackets,
# space, opening marks, a capital or a digit), each run read once (linear).
_MAYBE_END: Final = re.compile(
    "[.?!](?<![.?!][.?!])[.?!]*+[\"'\u201d\u2019)\\]]*+\\s++[\"'\u201c\u2018(\\[]*+[A-Z0-9\u00c0-\u00de]"
)


# --- VADER -----------------------------------------------------------------------------


@functools.cache
def _analyzer() -> _vader.SentimentIntensityAnalyzer:
    """The one VADER analyzer of the process; creating it reads the lexicon files."""
    return _vader.SentimentIntensityAnalyzer()


_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")


def prepare(text: str) -> str:
    """``text`` as it is scored: typography normalised, then emoji described, as VADER does.

    Both steps touch non-ASCII characters only, so they share one pass over them. VADER
    puts a space before an emoji's description unless the previous character is a space;
    always putting one gives the same words, since the text is split on whitespace.
    """
    if text.isascii():
        return text
    if "\u2019" in text:
        # the commonest case first, with no call per character: a right single quotation
        # mark between two word characters is an apostrophe ("isn’t"). Both marks are
        # neither word characters nor digits, so no other character's replacement, which
        # looks at its neighbours only for that, can change.
        text = _APOSTROPHE.sub("'", text)
        if text.isascii():
            return text
    return _NON_ASCII.sub(_replace, text)


_APOSTROPHE: Final = re.compile("\u2019(?<=\\w\u2019)(?=\\w)")


def _replace(m: re.Match[str]) -> str:
    """What :func:`prepare` puts for the non-ASCII character ``m`` matched."""
    ch = m[0]
    replacement = _REPLACEMENTS.get(ch)
    if replacement is None:
        emojis: dict[str, str] = _analyzer().emojis
        return " " + emojis[ch] if ch in emojis else ch
    # the characters around it in the text (a space at either end)
    text = m.string
    i = m.start()
    before = text[i - 1] if i else " "
    after = text[i + 1 : i + 2] or " "
    if ch in _SHORT_DASHES:  # a range ("2014–16") or a dash ("debate–published")
        return "-" if before.isdigit() and after.isdigit() else " - "
    glued = (before.isalnum() or before == "_") and (after.isalnum() or after == "_")
    return replacement[0 if glued else 1]


@functools.cache
def lexicon() -> dict[str, float]:
    """VADER's lexicon: lowercase word to valence.

    Its words are interned, as are the scorer's token readings (:func:`read_token` via
    :func:`quotetrack.sentiment.news.token_reading`), so that a look-up of a reading
    matches the key by identity and never reads the key's characters.
    """
    return {sys.intern(w): v for w, v in _analyzer().lexicon.items()}


@functools.cache
def scored_words() -> frozenset[str]:
    """The words VADER gives a valence: lexicon words that are not boosters or dampeners."""
    return frozenset(lexicon().keys() - _BOOSTERS.keys())


def rule_words() -> frozenset[str]:
    """The words that make VADER's rules change the valence of a lexicon word up to three
    words after them (boosters, negations, "no", "least", "so", "this", "never")."""
    return _RULE_WORDS


@functools.cache
def idiom_pair_words() -> tuple[frozenset[str], frozenset[str]]:
    """The first and the second words of the pairs of neighbouring words in VADER's
    idioms: a sentence holds an idiom only if it holds a word of each."""
    return frozenset(a for a, _ in _IDIOM_PAIRS), frozenset(b for _, b in _IDIOM_PAIRS)


def is_booster(lower: str) -> bool:
    """Whether VADER reads ``lower`` as a booster or dampener ("very", "barely")."""
    return lower in _BOOSTERS


@functools.cache
def context_words() -> frozenset[str]:
    """Every word VADER's rules look at: lexicon words (boosters included), negations,
    and the words of its special rules and idioms. A token outside this set changes no
    score, wherever it stands, as long as it is not a negation ("n't")."""
    rules = "never so this without doubt least at very no or nor kind of but".split()
    return frozenset(lexicon().keys() | _NEGATE | _IDIOM_WORDS | set(rules))


@functools.cache
def idiom_only_words() -> frozenset[str]:
    """The words of :func:`context_words` that VADER's rules look at only inside an idiom
    ("the" of "the bomb", "to" of "to die"; see :func:`has_idiom`), or, for "of", after
    the lexicon word "kind". In a sentence without an idiom, such a word changes no
    score unless "kind" stands just before it."""
    rules = {"never", "so", "this", "without", "doubt", "least", "at", "very", "no", "or"}
    rules |= {"nor", "kind", "but"}
    return frozenset((_IDIOM_WORDS | {"of"}) - lexicon().keys() - _NEGATE - rules)


def has_idiom(lowers: Sequence[str]) -> bool:
    """Whether two neighbouring words of ``lowers`` are two neighbouring words of an idiom."""
    return not _IDIOM_PAIRS.isdisjoint(pairwise(lowers))


def read_token(raw: str) -> str:
    """VADER's reading of one token: ``SentiText._strip_punc_if_word``, lowercased."""
    stripped = raw.strip(_PUNCTUATION)
    return (raw if len(stripped) <= 2 else stripped).lower()


def _valence(
    i: int,
    lowers: list[str],
    words: list[str],
    is_cap_diff: bool,
    lexicon: Mapping[str, float],
    idioms: bool = True,
) -> float:
    """VADER's ``sentiment_valence`` for the lexicon word at ``i``, step for step.

    ``idioms`` is False when the words around ``i`` hold no neighbouring words of an
    idiom (:data:`_IDIOM_PAIRS`), whose check is then skipped.

    VADER's loop over the three preceding words is unrolled (``w1`` is the word just
    before, ``w3`` three before); each step adds the booster's scalar, then applies
    VADER's ``_negation_check`` for that distance, exactly as VADER orders them.
    """
    low = lowers[i]
    valence = lexicon[low]
    if low == "no" and i != len(lowers) - 1 and lowers[i + 1] in lexicon:
        valence = 0.0
    w1 = lowers[i - 1] if i > 0 else ""
    w2 = lowers[i - 2] if i > 1 else ""
    w3 = lowers[i - 3] if i > 2 else ""
    if w1 == "no" or w2 == "no" or (w3 == "no" and w1 in ("or", "nor")):
        valence = lexicon[low] * _N_SCALAR
    if is_cap_diff and words[i].isupper():
        if valence > 0:
            valence += _C_INCR
        else:
            valence -= _C_INCR
    if i > 0 and w1 not in lexicon:
        s = _scalar_inc_dec(w1, words[i - 1], valence, is_cap_diff) if w1 in _BOOSTERS else 0.0
        valence = valence + s
        if w1 in _NEGATE or "n't" in w1:
            valence = valence * _N_SCALAR
    if i > 1 and w2 not in lexicon:
        s = _scalar_inc_dec(w2, words[i - 2], valence, is_cap_diff) if w2 in _BOOSTERS else 0.0
        if s != 0:
            s = s * 0.95
        valence = valence + s
        if w2 == "never" and w1 in ("so", "this"):
            valence = valence * 1.25
        elif w2 == "without" and w1 == "doubt":
            pass
        elif w2 in _NEGATE or "n't" in w2:
            valence = valence * _N_SCALAR
    if i > 2 and w3 not in lexicon:
        s = _scalar_inc_dec(w3, words[i - 3], valence, is_cap_diff) if w3 in _BOOSTERS else 0.0
        if s != 0:
            s = s * 0.9
        valence = valence + s
        if (w3 == "never" and w2 in ("so", "this")) or w1 in ("so", "this"):
            valence = valence * 1.25
        elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
            pass
        elif w3 in _NEGATE or "n't" in w3:
            valence = valence * _N_SCALAR
        if idioms:
            valence = _special_idioms_check(valence, lowers, i)
    # _least_check
    if i > 1 and w1 not in lexicon and w1 == "least":
        if w2 != "at" and w2 != "very":
            valence = valence * _N_SCALAR
    elif i > 0 and w1 not in lexicon and w1 == "least":
        valence = valence * _N_SCALAR
    return valence


def _scalar_inc_dec(lower: str, word: str, valence: float, is_cap_diff: bool) -> float:
    """VADER's ``scalar_inc_dec``: a booster's push, away from zero, stronger in caps."""
    scalar = 0.0
    if lower in _BOOSTERS:
        scalar = _BOOSTERS[lower]
        if valence < 0:
            scalar *= -1
        if is_cap_diff and word.isupper():
            if valence > 0:
                scalar += _C_INCR
            else:
                scalar -= _C_INCR
    return scalar


def _special_idioms_check(valence: float, lowers: list[str], i: int) -> float:
    """VADER's ``_special_idioms_check`` (called with ``i >= 3``).

    Only called when a word near ``i`` is in :data:`_IDIOM_WORDS`: otherwise no phrase in
    VADER's tables can match and the valence is unchanged.
    """
    n = len(lowers)
    w3, w2, w1, w0 = lowers[i - 3], lowers[i - 2], lowers[i - 1], lowers[i]
    for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", f"{w2} {w1}", f"{w3} {w2} {w1}", f"{w3} {w2}"):
        if seq in _SPECIAL_CASES:
            valence = _SPECIAL_CASES[seq]
            break
    if n - 1 > i:
        seq = f"{w0} {lowers[i + 1]}"
        if seq in _SPECIAL_CASES:
            valence = _SPECIAL_CASES[seq]
    if n - 1 > i + 1:
        seq = f"{w0} {lowers[i + 1]} {lowers[i + 2]}"
        if seq in _SPECIAL_CASES:
            valence = _SPECIAL_CASES[seq]
    for seq in (f"{w3} {w2} {w1}", f"{w3} {w2}", f"{w2} {w1}"):
        if seq in _BOOSTERS:
            valence = valence + _BOOSTERS[seq]
    return valence


def _but_check(positions: list[int], values: list[float], but: int) -> list[float]:
    """VADER's ``_but_check`` on the non-zero valences, word ``but`` being the first "but".

    VADER walks the list and, for each value, re-scales the *first* element equal to it
    (``list.index``), which is the element itself unless an earlier element already holds
    that value (possibly after being re-scaled). Zeros stay zero either way, so only the
    non-zero valences (at token ``positions``) matter. A heap of indexes per value finds
    the first holder without rescanning.
    """
    current = list(values)
    holders: dict[float, list[int]] = {}
    for k, v in enumerate(values):
        holders.setdefault(v, []).append(k)  # ascending, hence already a heap
    for v in values:
        heap = holders[v]
        first = heap[0]
        if positions[first] < but:
            new = v * 0.5
        elif positions[first] > but:
            new = v * 1.5
        else:  # unreachable while "but" is not a lexicon word, as VADER would leave it
            continue
        heapq.heappop(heap)
        current[first] = new
        heapq.heappush(holders.setdefault(new, []), first)
    return current


def _punctuation_emphasis(text: str) -> float:
    """VADER's ``_punctuation_emphasis``: up to four '!' and two or more '?'."""
    ep_count = min(text.count("!"), 4)
    qm_count = text.count("?")
    qm_amplifier = 0.0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_count * 0.292 + qm_amplifier


# --- One sentence, and a text's sentences pooled ---------------------------------------


def is_negation(lower: str) -> bool:
    """Whether VADER reads ``lower`` as a negation ("not", "never", "isn't" ...)."""
    return lower in _NEGATE or "n't" in lower


def sentence_sums(
    raw_tokens: list[str],
    lowers: list[str],
    sentence: str,
    lexicon: Mapping[str, float],
    scored: frozenset[str],
    *,
    negations: Sequence[int] | None = None,
) -> Sums | None:
    """VADER's ``polarity_scores`` on one sentence, stopped before normalising.

    ``raw_tokens`` is ``sentence.split()`` and ``lowers`` VADER's reading of each
    (:func:`read_token`, or ``""`` for a token that must not count). ``scored`` is the
    words of ``lexicon`` that carry a valence. With VADER's lexicon and no ``negations``
    this is VADER, float for float. ``negations`` (the first list of
    :func:`quotetrack.sentiment.news.clause_negations`) lets a negation reach past
    VADER's three words to the end of its clause.
    """
    n = len(lowers)
    if not n:
        return None
    if scored.isdisjoint(lowers):  # no word with a valence: what the arithmetic below gives
        return Sums(0.0, 0.0, 0.0, n, 0, 0)
    return Sums(
        *hit_sums(
            raw_tokens,
            lowers,
            sentence,
            list(compress(range(n), map(scored.__contains__, lowers))),
            lexicon,
            # VADER's allcap_differential: some words but not all are ALL CAPS. Stripping
            # removes ASCII punctuation only, which has no case, so a raw token is ALL
            # CAPS exactly when VADER's stripped word is.
            is_cap_diff=any(map(str.isupper, raw_tokens)) and not all(map(str.isupper, raw_tokens)),
            # A token's lowercase is part of the sentence's, so no "n't" there is none in
            # a token.
            nt="'" in sentence and "n't" in sentence.lower(),
            but="but" in lowers,
            negations=negations,
        )
    )


def hit_sums(
    raw_tokens: list[str],
    lowers: list[str],
    sentence: str,
    hits: list[int],
    lexicon: Mapping[str, float],
    *,
    is_cap_diff: bool,
    nt: bool,
    but: bool,
    negations: Sequence[int] | None,
    marks: bool = True,
    rules: bool = True,
    idioms: bool = True,
) -> tuple[float, float, float, int, int, int]:
    """:func:`sentence_sums`' arithmetic, with what it finds in the sentence found already.

    ``hits`` are the positions of the words with a valence, ``is_cap_diff`` whether some
    tokens but not all are ALL CAPS, ``nt`` whether a token holds "n't", ``but`` whether
    ``lowers`` holds "but"; ``marks`` is False when the sentence has no "!" nor "?" (no
    emphasis), ``rules`` False when none of VADER's rules can apply (no
    :func:`rule_words`, no "n't", no idiom, no ALL CAPS difference, no ``negations``),
    so that every word's valence is the lexicon's, and ``idioms`` False when the
    sentence holds no idiom (:func:`has_idiom`). The fields of :class:`Sums`, as a plain
    tuple.
    """
    n = len(lowers)
    values: list[float]
    if not rules:
        values = list(map(lexicon.__getitem__, map(lowers.__getitem__, hits)))
        if 0.0 in values:  # a word of no valence counts as VADER's zeros do: not at all
            hits = list(compress(hits, values))
            values = list(filter(None, values))
        return _sums(values, hits, lowers, sentence, but=but, marks=marks)
    values = []
    positions: list[int] = []
    idiom = False
    for i in hits:
        low = lowers[i]
        if idioms:  # "kind of" and every idiom are pairs of neighbouring words
            if i < n - 1 and low == "kind" and lowers[i + 1] == "of":
                continue  # VADER skips "kind" in "kind of" (a dampener)
            # VADER's idiom check looks at the three words before and two after, and
            # every phrase it looks up holds two neighbouring words of an idiom
            idiom = (
                i > 2
                and not _IDIOM_WORDS.isdisjoint(window := lowers[i - 3 : i + 3])
                and not _IDIOM_PAIRS.isdisjoint(pairwise(window))
            )
        if (
            # no rule can apply: VADER's valence is the lexicon's
            not idiom
            and low != "no"
            and _RULE_WORDS.isdisjoint(before := lowers[i - 3 if i > 2 else 0 : i])
            and not (nt and any("n't" in w for w in before))
            and not (is_cap_diff and raw_tokens[i].isupper())
        ):
            v = lexicon[low]
        else:
            v = _valence(i, lowers, raw_tokens, is_cap_diff, lexicon, idiom)
        if negations is not None and 0 <= negations[i] < i - 3:
            v *= _N_SCALAR  # beyond VADER's reach, inside the clause
        if v != 0:
            values.append(v)
            positions.append(i)
    return _sums(values, positions, lowers, sentence, but=but, marks=marks)


def _sums(
    values: list[float],
    positions: list[int],
    lowers: list[str],
    sentence: str,
    *,
    but: bool,
    marks: bool,
) -> tuple[float, float, float, int, int, int]:
    """The sums of one sentence's non-zero valences ``values`` (at ``positions``): VADER's
    "but" rule, ``score_valence`` and ``_sift_sentiment_scores``."""
    n = len(lowers)
    if not values:
        return 0.0, 0.0, 0.0, n, 0, 0
    if but:
        values = _but_check(positions, values, lowers.index("but"))
    # score_valence and _sift_sentiment_scores, on the non-zero valences only:
    # adding VADER's zeros to a float sum changes nothing.
    valence = float(sum(values))
    emphasis = _punctuation_emphasis(sentence) if marks else 0.0
    if valence > 0:
        valence += emphasis
    elif valence < 0:
        valence -= emphasis
    positive = negative = 0.0
    n_positive = 0
    for v in values:
        if v > 0:
            positive += v + 1
            n_positive += 1
        else:
            negative += v - 1
    if positive > math.fabs(negative):
        positive += emphasis
    elif positive < math.fabs(negative):
        negative -= emphasis
    return valence, positive, negative, n - len(values), n_positive, len(values) - n_positive


class Sums(NamedTuple):
    """One sentence's or text's scores before normalisation and rounding.

    The valence sum and the sifted positive and negative (<= 0) sums, each with
    punctuation emphasis as VADER adds it, the number of words of valence 0, and the
    numbers of words of positive and of negative valence.
    """

    valence: float
    positive: float
    negative: float
    neutral: int
    n_positive: int
    n_negative: int


def pool(parts: list[Sums]) -> Sums:
    """The sentences' sums added up (one sentence's are returned as they are)."""
    if len(parts) == 1:
        return parts[0]
    valence = positive = negative = 0.0
    neutral = n_positive = n_negative = 0
    for p in parts:
        valence += p.valence
        positive += p.positive
        negative += p.negative
        neutral += p.neutral
        n_positive += p.n_positive
        n_negative += p.n_negative
    return Sums(valence, positive, negative, neutral, n_positive, n_negative)


_SCALES: Final = (1.0, 10.0, 100.0, 1000.0, 10000.0)


def rounded(x: float, digits: int) -> float:
    """``round(x, digits)`` (``digits`` 0 to 4), exactly, in a third of its time.

    ``round`` writes the float's exact value as a decimal string, rounds that, and reads
    it back: correct, but slow for the four numbers of every quote. The correctly
    rounded decimal k·10⁻ᵈ is k / 10ᵈ read as a float (one correctly rounded division),
    and k is the integer nearest to x·10ᵈ; the product's own rounding error is far below
    the margin kept here, so only a value too close to a tie (or to 0, whose sign
    ``round`` keeps) is left to ``round``.
    """
    scale = _SCALES[digits]
    y = x * scale
    k = (y + 0.5) // 1.0  # math.floor as a float: exact, and no call
    if k and -0.4999 < y - k < 0.4999:
        return k / scale
    return round(x, digits)


def rounded_scores(
    compound: float, positive: float, neutral: float, negative: float
) -> tuple[float, float, float, float]:
    """The four scores of a :class:`~quotetrack.models.Sentiment` rounded as VADER rounds
    them: the compound to 4 places, the proportions to 3 (by :func:`rounded`)."""
    return rounded(compound, 4), rounded(positive, 3), rounded(neutral, 3), rounded(negative, 3)


def vader_sentiment(sums: Sums | None, model: str = "vader") -> Sentiment:
    """VADER's compound and proportions from pooled sums (all zeros for no words)."""
    if sums is None:
        return Sentiment(0.0, 0.0, 0.0, 0.0, model=model)
    total = sums.positive + math.fabs(sums.negative) + sums.neutral
    return Sentiment(
        *rounded_scores(
            normalize(sums.valence),
            math.fabs(sums.positive / total),
            math.fabs(sums.neutral / total),
            math.fabs(sums.negative / total),
        ),
        model=model,
    )
