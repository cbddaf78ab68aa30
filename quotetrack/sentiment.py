"""VADER sentiment for quotes, hardened for news text and made linear in text length.

This is the only module that imports :mod:`vaderSentiment`. It reuses VADER's lexicon,
constants and rules, and re-implements VADER's scoring loop so that it is both faster
and linear in the length of the text. Three things differ from calling
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
words. So a text is cut into paragraphs (at blank lines) and sentences (after ``.``,
``!`` or ``?``, plus closing quotes or brackets, then whitespace, when the next word
starts with a capital or a digit and the full stop does not end a known abbreviation or
an initial), and each sentence is scored by VADER's rules on its own.

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

The tests in ``tests/test_sentiment.py`` guard the re-implementation: on generated and
real single sentences the result must equal VADER's, float for float.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
from collections.abc import Iterable, Mapping
from itertools import compress
from typing import Final

import attrs
from vaderSentiment import vaderSentiment as _vader

from quotetrack.errors import check_text
from quotetrack.models import Quote, Sentiment

__all__ = ["SentimentScorer", "score"]

# --- VADER's rule constants, taken from the installed vaderSentiment -----------------

_BOOSTERS: Final[Mapping[str, float]] = _vader.BOOSTER_DICT
_SPECIAL_CASES: Final[Mapping[str, float]] = _vader.SPECIAL_CASES
_NEGATE: Final = frozenset(_vader.NEGATE)
_N_SCALAR: Final[float] = _vader.N_SCALAR
_C_INCR: Final[float] = _vader.C_INCR
_PUNCTUATION: Final[str] = _vader.string.punctuation
_normalize = _vader.normalize

# Every word that takes part in a multi-word special case ("kiss of death") or booster
# ("sort of"). VADER's idiom check can only change a valence when a word near the
# lexicon word is one of these, so the check is skipped otherwise.
_IDIOM_WORDS: Final = frozenset(
    word for phrase in (*_SPECIAL_CASES, *_BOOSTERS) if " " in phrase for word in phrase.split(" ")
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
# dashes are the exception: see _prepare.
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

_PARAGRAPH_BREAK: Final = re.compile(r"\n[^\S\n]*\n")
_SENTENCE_END: Final = re.compile(
    r"""
    [.!?]                   # terminal punctuation (the last of a run such as '?!' or '...')
    ["')\]]*                # closing quotes or brackets that belong to the ending sentence
    (\s+)                   # the gap between the sentences: group 1
    (?=["'(\[]*[A-Z0-9])    # the next sentence starts with a capital or a digit
    """,
    re.VERBOSE,
)
_ABBREVIATION: Final = re.compile(
    r"""
    (?<!\S)["'(\[]*           # a word start, perhaps after opening quotes or brackets
    (?:mr|mrs|ms|mx|dr|prof|sen|rep|gov|gen|lt|col|sgt|capt|cmdr|adm|maj|st|jr|sr|rev|hon
      |pres|supt|insp|det|atty|messrs|mt|ft|vs|approx|dept|univ   # titles and the like
      |jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec              # months: "Sept. 11"
      |(?:[a-z]\.)*[a-z]                                          # initials: "J." "U.S."
    )\.\Z                      # ... ending in the full stop
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _ends_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at ``stop`` closes an abbreviation ("Sen.") or initials."""
    # Look back a bounded distance only, so that cutting stays linear in the text length.
    return _ABBREVIATION.search(text, max(0, stop - 30), stop + 1) is not None


def _sentences(text: str) -> list[str]:
    """``text`` (normalised, emoji replaced) cut into sentences; whitespace kept inside."""
    if "\n" not in text and _SENTENCE_END.search(text) is None:
        return [text]  # the common case for a quote: one sentence
    out: list[str] = []
    for paragraph in _PARAGRAPH_BREAK.split(text) if "\n" in text else (text,):
        start = 0
        for m in _SENTENCE_END.finditer(paragraph):
            stop = m.start()
            if paragraph[stop] == "." and _ends_abbreviation(paragraph, stop):
                continue
            out.append(paragraph[start : m.start(1)])
            start = m.end(1)
        out.append(paragraph[start:])
    return out


# --- VADER -----------------------------------------------------------------------------


@functools.cache
def _analyzer() -> _vader.SentimentIntensityAnalyzer:
    """The one VADER analyzer of the process; creating it reads the lexicon files."""
    return _vader.SentimentIntensityAnalyzer()


_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")


def _prepare(text: str) -> str:
    """``text`` as it is scored: typography normalised, then emoji described, as VADER does.

    Both steps touch non-ASCII characters only, so they share one pass over them. VADER
    puts a space before an emoji's description unless the previous character is a space;
    always putting one gives the same words, since the text is split on whitespace.
    """
    if text.isascii():
        return text
    emojis: dict[str, str] = _analyzer().emojis

    def replace(m: re.Match[str]) -> str:
        ch = m.group()
        if ch in _REPLACEMENTS:
            i = m.start()
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if ch in _SHORT_DASHES:  # a range ("2014–16") or a dash ("debate–published")
                return "-" if before.isdigit() and after.isdigit() else " - "
            glued = (before.isalnum() or before == "_") and (after.isalnum() or after == "_")
            return _REPLACEMENTS[ch][0 if glued else 1]
        if ch in emojis:
            return " " + emojis[ch]
        return ch

    return _NON_ASCII.sub(replace, text)


# One sentence's scores before normalisation and rounding (see the module docstring): the
# valence sum and the sifted positive and negative (<= 0) sums, each with punctuation
# emphasis as VADER adds it, and the number of words of valence 0.
_Raw = tuple[float, float, float, int]
_NO_WORDS: Final = Sentiment(0.0, 0.0, 0.0, 0.0)

_CACHE_LIMIT: Final = 200_000


@functools.cache
def _lexicon() -> dict[str, float]:
    """VADER's lexicon: lowercase word to valence."""
    lexicon: dict[str, float] = _analyzer().lexicon
    return lexicon


@functools.cache
def _scored_words() -> frozenset[str]:
    """The words VADER gives a valence: lexicon words that are not boosters or dampeners."""
    return frozenset(_lexicon().keys() - _BOOSTERS.keys())


def _lower(raw: str) -> str:
    """VADER's reading of one token: ``SentiText._strip_punc_if_word``, lowercased."""
    stripped = raw.strip(_PUNCTUATION)
    return (raw if len(stripped) <= 2 else stripped).lower()


def _valence(
    i: int,
    lowers: list[str],
    words: list[str],
    is_cap_diff: bool,
    lexicon: Mapping[str, float],
) -> float:
    """VADER's ``sentiment_valence`` for the lexicon word at ``i``, step for step.

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
        if not _IDIOM_WORDS.isdisjoint(lowers[i - 3 : i + 3]):
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


# --- Public API ------------------------------------------------------------------------


@attrs.define(eq=False)
class SentimentScorer:
    """Attaches VADER sentiment, hardened for news typography and long texts, to quotes.

    Scorers are cheap: every scorer in a process shares one VADER lexicon, loaded on first
    use. Each keeps a cache of VADER's reading of the tokens it has seen, so reuse one
    scorer for many texts (the module-level :func:`score` does).
    """

    _lowers: dict[str, str] = attrs.field(factory=dict, init=False, repr=False)

    def polarity(self, text: str) -> Sentiment:
        """VADER scores of ``text``, sentence by sentence and pooled.

        ``text`` is read with news typography normalised (curly quotes and apostrophes,
        dashes, ellipses, invisible characters; ASCII is untouched), cut into sentences,
        and each sentence is scored by VADER's rules. The sentences' raw sums are pooled
        as VADER pools words: ``compound`` is VADER's ``normalize`` of the summed
        valences, and ``positive``/``neutral``/``negative`` are the pooled positive,
        neutral and negative sums over their pooled total (the sentences' proportions
        weighted by their VADER totals). A single sentence of plain ASCII therefore scores
        exactly as ``SentimentIntensityAnalyzer().polarity_scores`` scores it. Time is
        linear in ``len(text)``. An empty or blank text scores all zeros.

        Raises :class:`~quotetrack.errors.InputTypeError` when ``text`` is not a ``str``.
        """
        if not isinstance(text, str):
            check_text(text)  # raises the right InputTypeError
        text = _prepare(text).strip()
        parts = _sentences(text)
        if len(parts) == 1:  # the common case: one sentence, VADER's arithmetic as is
            raw = self._raw(parts[0])
            if raw is None:
                return _NO_WORDS
            valence, positive, negative, neutral = raw
        else:
            valence = positive = negative = 0.0
            neutral = 0
            raws = [r for r in map(self._raw, parts) if r is not None]
            if not raws:
                return _NO_WORDS
            for v, p, n, u in raws:
                valence += v
                positive += p
                negative += n
                neutral += u
        total = positive + math.fabs(negative) + neutral
        return Sentiment(
            round(_normalize(valence), 4),  # compound
            round(math.fabs(positive / total), 3),  # positive
            round(math.fabs(neutral / total), 3),  # neutral
            round(math.fabs(negative / total), 3),  # negative
        )

    def score(self, quote: Quote) -> Quote:
        """A copy of ``quote`` with ``sentiment`` set from its ``text``; ``quote`` is unchanged."""
        text = check_text(quote.text, what="quote.text")
        return attrs.evolve(quote, sentiment=self.polarity(text))

    def _raw(self, sentence: str) -> _Raw | None:
        """VADER's ``polarity_scores`` on one sentence, stopped before normalising."""
        raw_tokens = sentence.split()
        if not raw_tokens:
            return None
        cache = self._lowers
        try:
            lowers = list(map(cache.__getitem__, raw_tokens))
        except KeyError:  # a token not seen yet
            if len(cache) > _CACHE_LIMIT:
                cache.clear()
            lowers = []
            for t in raw_tokens:
                low = cache.get(t)
                if low is None:
                    low = cache[t] = _lower(t)
                lowers.append(low)
        n = len(lowers)
        hits = list(compress(range(n), map(_scored_words().__contains__, lowers)))
        values: list[float] = []
        positions: list[int] = []
        if hits:
            lexicon = _lexicon()
            # VADER's allcap_differential: some words but not all are ALL CAPS. Stripping
            # removes ASCII punctuation only, which has no case, so a raw token is ALL CAPS
            # exactly when VADER's stripped word is.
            is_cap_diff = any(map(str.isupper, raw_tokens)) and not all(
                map(str.isupper, raw_tokens)
            )
            for i in hits:
                if i < n - 1 and lowers[i] == "kind" and lowers[i + 1] == "of":
                    continue  # VADER skips "kind" in "kind of" (a dampener)
                v = _valence(i, lowers, raw_tokens, is_cap_diff, lexicon)
                if v != 0:
                    values.append(v)
                    positions.append(i)
            if values and "but" in lowers:
                values = _but_check(positions, values, lowers.index("but"))
        # score_valence and _sift_sentiment_scores, on the non-zero valences only:
        # adding VADER's zeros to a float sum changes nothing.
        valence = float(sum(values))
        emphasis = _punctuation_emphasis(sentence) if values else 0.0
        if valence > 0:
            valence += emphasis
        elif valence < 0:
            valence -= emphasis
        positive = negative = 0.0
        for v in values:
            if v > 0:
                positive += v + 1
            else:
                negative += v - 1
        if positive > math.fabs(negative):
            positive += emphasis
        elif positive < math.fabs(negative):
            negative -= emphasis
        return valence, positive, negative, n - len(values)


@functools.cache
def _default_scorer() -> SentimentScorer:
    return SentimentScorer()


def score(quotes: Iterable[Quote]) -> tuple[Quote, ...]:
    """Every quote with its sentiment set, in order, using one shared :class:`SentimentScorer`."""
    scorer = _default_scorer()
    return tuple(scorer.score(q) for q in quotes)
