"""The ``news`` model: VADER's rules read the way news is written, then calibrated.

Three changes to what VADER reads, then a learned calibration:

1. **A news lexicon** (``quotetrack/data/news_sentiment_lexicon.tsv``, written by hand):
   criticism and praise words of political news that VADER lacks ("corrupt",
   "hypocrisy", "unconstitutional", "bipartisan"), and VADER words whose usual sense in
   news is neutral ("party", "care" of "health care", "like" as a preposition), which
   score 0.
2. **Names carry no sentiment.** A capitalised word inside a sentence, or a run of
   capitalised words ("United States Supreme Court", "Justice Department", "Liberty
   University"), is read as part of a name: it scores nothing and boosts nothing.
3. **Negation reaches the end of its clause** ("He is not going to be the greatest
   fighter"), not only VADER's three words; a comma, semicolon, colon, dash or a
   conjunction ("but", "and", "because" ...) ends the clause.

From what VADER and this reading give, :func:`read` makes ten numbers and a set of
words, and a multinomial logistic regression (weights for the numbers and for about
3,700 words in ``quotetrack/data/news_sentiment_model.json``, learned by
``tools/train_sentiment.py`` on human-labelled news, with the figures and the date
there too) turns them into the probabilities of negative, neutral and positive.
``compound`` is P(positive) − P(negative). Inference is pure Python and linear in the
length of the text.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from functools import reduce
from importlib import resources
from itertools import compress, repeat
from math import exp
from operator import and_, mul, or_
from typing import Any, Final, Protocol

from quotetrack.models import Sentiment
from quotetrack.sentiment.vader import (
    NEGATE_WORDS,
    context_words,
    has_idiom,
    hit_sums,
    idiom_only_words,
    is_booster,
    lexicon,
    normalize,
    read_token,
    rounded,
    scored_words,
)

__all__ = [
    "FEATURES",
    "Calibration",
    "Part",
    "PartsReader",
    "calibration",
    "clause_negations",
    "name_positions",
    "news_lexicon",
    "read",
]

# One sentence as the scorer reads it: raw tokens, VADER's reading of each, the sentence.
Part = tuple[list[str], list[str], str]


class PartsReader(Protocol):
    """What cuts a text into :data:`Part` s: a :class:`~quotetrack.sentiment.SentimentScorer`."""

    def parts(self, text: str) -> list[Part]:
        """``text``'s sentences as the models read them."""


FEATURES: Final = (
    "news_compound",
    "vader_compound",
    "news_positive_share",
    "news_negative_share",
    "log_positive_words",
    "log_negative_words",
    "negated",
    "question",
    "exclamation",
    "log_words",
)
"""The names of the numbers :func:`read` gives, in order."""

_NEGATIONS: Final = frozenset("not no never nor neither nobody nothing none cannot without".split())
# A capitalised word after one of these starts a sentence or a quotation, not a name.
_OPENERS: Final = ('"', "'", "(", "[", ":", ".", "!", "?", "-")
# Lowercase words that join the parts of one name: "Department of Justice".
_NAME_JOINERS: Final = frozenset({"of", "the", "for", "and", "&", "de"})
_ASCII_PUNCTUATION: Final = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


@functools.cache
def news_lexicon() -> tuple[dict[str, float], frozenset[str]]:
    """VADER's lexicon with the news rows applied, and the words that carry a valence."""
    text = (
        resources.files("quotetrack")
        .joinpath("data", "news_sentiment_lexicon.tsv")
        .read_text("utf-8")
    )
    words = dict(lexicon())
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, valence = line.split("\t")
            words[word] = float(valence)
    scored = frozenset(w for w, v in words.items() if v != 0 and not is_booster(w))
    return words, scored


@functools.cache
def _changed_words() -> frozenset[str]:
    """The words the news lexicon adds or re-values."""
    base = lexicon()
    words, _ = news_lexicon()
    return frozenset(w for w, v in words.items() if base.get(w) != v)


def _is_title(raw: str) -> bool:
    """Whether ``raw`` stripped of outer ASCII punctuation is Capitalised (not ALL CAPS)."""
    if raw[0] not in _ASCII_PUNCTUATION:
        # nothing to strip at the start; punctuation has no case, so the raw token is
        # ALL CAPS exactly when the stripped word is
        return raw[0].isupper() and not raw.isupper()
    word = raw.strip(_ASCII_PUNCTUATION)
    return bool(word) and word[0].isupper() and not word.isupper()


# --- What each token is, once: one int of flags per distinct raw token -------------------
#
# A sentence's tokens are read through these flags: the OR of a sentence's flags says at
# once whether it has a name, a negation, a word with a valence, "but", "?" ... so most
# sentences skip most of the work, and each question is asked of a token once per process
# (tokens repeat), not once per sentence and model.

_TITLE: Final = 1 << 0  # Capitalised (_is_title)
_UPPER: Final = 1 << 1  # ALL CAPS (str.isupper)
_NOT_UPPER: Final = 1 << 2
_NT: Final = 1 << 3  # holds "n't"
_VADER_NEGATION: Final = 1 << 4  # one of VADER's negations (NEGATE_WORDS)
_NEWS_NEGATION: Final = 1 << 5  # one of _NEGATIONS (the "negated" feature)
_NEWS_SCORED: Final = 1 << 6  # a word with a valence in the news lexicon
_VADER_SCORED: Final = 1 << 7  # ... in VADER's
_CHANGED: Final = 1 << 8  # a word the news lexicon adds or re-values
_CONTEXT: Final = 1 << 9  # a word VADER's rules look at outside idioms (context_words)
_BUT: Final = 1 << 10  # "but"
_CLAUSE_END: Final = 1 << 11  # ends a clause for the widened negation
_JOINER: Final = 1 << 12  # joins the parts of a name (_NAME_JOINERS)
_OPENER_AFTER: Final = 1 << 13  # ends with one of _OPENERS
_OPENER_BEFORE: Final = 1 << 14  # starts with one of _OPENERS
_LIST_MARK: Final = 1 << 15  # ends with "," ";" or ":"
_QUESTION: Final = 1 << 16  # holds "?"
_EXCLAMATION: Final = 1 << 17  # holds "!"
_IDIOM_ONLY: Final = 1 << 18  # a word VADER's rules look at only in idioms (idiom_only_words)
_BOOSTER: Final = 1 << 19  # a booster or dampener
# What a token masked as part of a name keeps: what the sentence is, not what the word is.
_NEGATES: Final = _NT | _VADER_NEGATION  # VADER reads a negation
# Words and marks that end a clause for the widened negation: a negation reaches every
# later lexicon word of its clause, not only the next three.
_CLAUSE_WORDS: Final = frozenset(
    "but and although though because while whereas however yet unless".split()
)
_CLAUSE_MARKS: Final = (",", ";", ":")
_CLAUSE_ENDS: Final = _CLAUSE_WORDS | {"-"}


def _flags_of(raw: str) -> int:
    """The flags of one raw token (see above)."""
    low = read_token(raw)
    scored = news_lexicon()[1]
    vader_scored, changed, context = _vader_reading()
    lower = raw.lower()
    return (
        (_TITLE if _is_title(raw) else 0)
        | (_UPPER if raw.isupper() else _NOT_UPPER)
        | (_NT if "n't" in low else 0)
        | (_VADER_NEGATION if low in NEGATE_WORDS else 0)
        | (_NEWS_NEGATION if low in _NEGATIONS else 0)
        | (_NEWS_SCORED if low in scored else 0)
        | (_VADER_SCORED if low in vader_scored else 0)
        | (_CHANGED if low in changed else 0)
        | (_CONTEXT if low in context else 0)
        | (_BUT if low == "but" else 0)
        | (_CLAUSE_END if raw.endswith(_CLAUSE_MARKS) or low in _CLAUSE_ENDS else 0)
        | (_JOINER if lower in _NAME_JOINERS else 0)
        | (_OPENER_AFTER if raw.endswith(_OPENERS) else 0)
        | (_OPENER_BEFORE if raw.startswith(_OPENERS) else 0)
        | (_LIST_MARK if raw.endswith((",", ";", ":")) else 0)
        | (_QUESTION if "?" in raw else 0)
        | (_EXCLAMATION if "!" in raw else 0)
        | (_IDIOM_ONLY if low in idiom_only_words() else 0)
        | (_BOOSTER if is_booster(low) else 0)
    )


class _Flags(dict[str, int]):
    """:func:`_flags_of` each raw token, remembered (up to ``_FLAGS_LIMIT`` tokens)."""

    def __missing__(self, raw: str) -> int:
        if len(self) >= _FLAGS_LIMIT:
            self.clear()
        flags = self[raw] = _flags_of(raw)
        return flags


_FLAGS_LIMIT: Final = 100_000
_TOKEN_FLAGS: Final = _Flags()
_flags = _TOKEN_FLAGS.__getitem__


def name_positions(raw_tokens: Sequence[str], flags: Sequence[int] | None = None) -> set[int]:
    """The positions of the tokens that are part of a name (and so carry no sentiment).

    A capitalised word (not ALL CAPS) is part of a name when it does not start the
    sentence or a quotation, or when it starts a run of capitalised words ("Supreme
    Court ..."). Lowercase joiners inside such a run ("Department *of* Justice") are too.
    ``flags`` are the tokens' flags when the caller has them.
    """
    if flags is None:
        flags = list(map(_flags, raw_tokens))
    title = set(compress(range(len(flags)), map(and_, flags, repeat(_TITLE))))
    if not title:
        return title
    names: set[int] = set()
    for i in title:
        f = flags[i]
        opens = i == 0 or flags[i - 1] & _OPENER_AFTER or f & _OPENER_BEFORE
        if not opens or (i + 1 in title and not f & _LIST_MARK):
            names.add(i)
    for i in list(names):
        if i + 2 in names and flags[i + 1] & _JOINER:
            names.add(i + 1)
    return names


def read(parts: Sequence[Part]) -> tuple[list[float], set[str]]:
    """The calibration model's inputs for a text cut into sentences.

    The numbers named by :data:`FEATURES`, and the text's distinct words as the
    calibration's word weights look them up: VADER's reading of each token (lowercased,
    outer punctuation stripped) outside names (:func:`name_positions`), written
    ``not_word`` after a negation in the same clause. Tokens without a letter ("2016",
    "--") are in the set too, but never in a vocabulary: training leaves them out.
    Linear in the text's length: each sentence is read by VADER as it is and by the news
    reading (news lexicon, names masked, negation to the clause's end), the second
    reading only where the two can differ.
    """
    if not parts:
        return [0.0] * len(FEATURES), set()
    words, scored = news_lexicon()
    vader_words = lexicon()
    text_words: set[str] = set()
    # the news reading's sums, pooled as vader.pool pools them, and VADER's valence
    valence = positive = negative = vader_valence = 0.0
    neutral = n_positive = n_negative = n_words = 0
    same = True  # whether VADER read every sentence as the news reading did
    every_flag = 0  # what any token of the text is
    for raw_tokens, lowers, sentence in parts:
        n = len(raw_tokens)
        n_words += n
        flags = list(map(_flags, raw_tokens))
        # a capitalised first word alone is no name: look for names past it only
        rest = reduce(or_, flags[1:], 0)
        every = rest | flags[0]
        every_flag |= every
        masked, names, masked_flags = lowers, None, 0
        if rest & _TITLE and (names := name_positions(raw_tokens, flags)):
            masked = lowers.copy()
            for i in names:
                masked[i] = ""
                masked_flags |= flags[i]
        negations = None
        if every & _NEGATES:
            negations, runs = clause_negations(flags)
            # Every token goes in: those without a letter are in no vocabulary (see above).
            done = 0
            for start, end in runs:
                text_words.update(masked[done:start])
                text_words.update(map("not_".__add__, masked[start:end]))
                done = end
            text_words.update(masked[done:])
        else:
            text_words.update(masked)
        is_cap_diff = every & (_UPPER | _NOT_UPPER) == _UPPER | _NOT_UPPER
        nt = bool(every & _NT)
        marks = bool(every & (_QUESTION | _EXCLAMATION))
        news = None
        wide = False  # whether a negation reached a word beyond VADER's three
        if every & _NEWS_SCORED:
            hits = list(compress(range(n), map(scored.__contains__, masked)))
            if hits:
                if negations is not None:
                    wide = any(0 <= negations[i] < i - 3 for i in hits)
                news = hit_sums(
                    raw_tokens,
                    masked,
                    sentence,
                    hits,
                    words,
                    is_cap_diff=is_cap_diff,
                    nt=nt,
                    but=bool(every & _BUT) and "but" in masked,
                    negations=negations if wide else None,
                    marks=marks,
                )
        if news is None:
            neutral += n
        else:
            valence += news[0]
            positive += news[1]
            negative += news[2]
            neutral += news[3]
            n_positive += news[4]
            n_negative += news[5]
        # VADER's own reading differs only where the news reading changed something it
        # reads: a re-valued word, a masked word VADER's rules look at, a wide negation.
        if (
            not wide
            and not every & _CHANGED
            and not _masks_context(masked_flags, lowers, negations)
        ):
            vader_valence += news[0] if news else 0.0
        else:
            same = False
            if every & _VADER_SCORED:
                vader_valence += hit_sums(
                    raw_tokens,
                    lowers,
                    sentence,
                    list(compress(range(n), map(and_, flags, repeat(_VADER_SCORED)))),
                    vader_words,
                    is_cap_diff=is_cap_diff,
                    nt=nt,
                    but=bool(every & _BUT),
                    negations=None,
                    marks=marks,
                )[0]
    news_compound = normalize(valence)
    vader_compound = news_compound if same else normalize(vader_valence)
    size = positive - negative + neutral or 1.0
    return [
        news_compound,
        vader_compound,
        positive / size,
        -negative / size,
        math.log1p(n_positive),
        math.log1p(n_negative),
        1.0 if every_flag & (_NT | _NEWS_NEGATION) else 0.0,
        1.0 if every_flag & _QUESTION else 0.0,
        1.0 if every_flag & _EXCLAMATION else 0.0,
        math.log1p(n_words),
    ], text_words


def _masks_context(masked: int, lowers: Sequence[str], negations: object) -> bool:
    """Whether masking names whose flags together are ``masked`` can change what VADER's
    rules read in a sentence read as ``lowers``, with ``negations`` or none."""
    if not masked:
        return False
    if masked & _CONTEXT:
        return True
    if negations is not None:
        return bool(masked & (_IDIOM_ONLY | _BOOSTER))
    # An idiom word matters only in an idiom. A booster matters too, but context_words
    # leaves boosters out, so a masked booster makes VADER read again only next to a
    # masked idiom word, as it did when every idiom word was a context word.
    return bool(masked & _IDIOM_ONLY and (masked & _BOOSTER or has_idiom(lowers)))


def clause_negations(flags: Sequence[int]) -> tuple[list[int], list[tuple[int, int]]]:
    """For each token, the index of the last negation before it in its clause, else -1;
    and the runs of tokens that follow a negation in their clause, as (start, end).

    A clause word ("but"), a lone "-" or a token ending in a clause mark ends a clause
    after it; a negation starts a run after it. The tokens that do either are found
    first (in C), and the runs between them filled in.
    """
    out: list[int] = []
    runs: list[tuple[int, int]] = []
    last = -1
    done = 0  # out holds the tokens before this one
    for i in compress(range(len(flags)), map(and_, flags, repeat(_CLAUSE_END | _NEGATES))):
        out += repeat(last, i + 1 - done)
        if last >= 0:
            runs.append((done, i + 1))
        last = -1 if flags[i] & _CLAUSE_END else i
        done = i + 1
    if done < len(flags):
        out += repeat(last, len(flags) - done)
        if last >= 0:
            runs.append((done, len(flags)))
    return out, runs


@functools.cache
def _vader_reading() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """VADER's scored words, the words the news lexicon changes, and the words VADER's
    rules look at outside idioms: what :func:`read` needs to read a sentence as VADER does."""
    return scored_words(), _changed_words(), context_words() - idiom_only_words()


class Calibration:
    """A multinomial logistic regression over standardised numbers and a set of words.

    For the news model, the numbers and words of :func:`read`. Each word found in the
    model's vocabulary adds its three weights (negative, neutral, positive) to the
    logits, once however often it occurs.
    """

    def __init__(
        self, data: Mapping[str, Any], features: Sequence[str] = FEATURES, model: str = "news"
    ) -> None:
        if tuple(data["features"]) != tuple(features):
            msg = f"the {model} sentiment model was trained on other features; retrain it"
            raise ValueError(msg)
        self.model = model
        self.mean: list[float] = [float(x) for x in data["mean"]]
        self.scale: list[float] = [float(x) for x in data["scale"]]
        # rows: negative, neutral, positive
        self.coef: list[list[float]] = [[float(x) for x in row] for row in data["coef"]]
        self.intercept: list[float] = [float(x) for x in data["intercept"]]
        self.words: dict[str, tuple[float, float, float]] = {
            w: (float(a), float(b), float(c)) for w, (a, b, c) in data["words"].items()
        }
        self.cutoffs: tuple[float, float] = (
            float(data["cutoffs"][0]),
            float(data["cutoffs"][1]),
        )
        self._vocabulary = frozenset(self.words)
        self._negative = {w: v[0] for w, v in self.words.items()}
        self._neutral = {w: v[1] for w, v in self.words.items()}
        self._positive = {w: v[2] for w, v in self.words.items()}
        # The standardisation folded into the weights: w·(x − m)/s + b = (w/s)·x + b'.
        self._weights = [[w / s for w, s in zip(row, self.scale, strict=True)] for row in self.coef]
        self._bias = [
            b - sum(w * m for w, m in zip(row, self.mean, strict=True))
            for row, b in zip(self._weights, self.intercept, strict=True)
        ]

    def probabilities(
        self, x: Sequence[float], text_words: Iterable[str] = ()
    ) -> tuple[float, float, float]:
        """P(negative), P(neutral), P(positive) for one feature vector and word set."""
        (w0, w1, w2), (b0, b1, b2) = self._weights, self._bias
        # a frozenset & a set iterates the smaller: the text's words, not the vocabulary
        common = self._vocabulary.intersection(text_words)
        # sum(weights, start) adds left to right from start, as a loop would
        l0 = sum(map(self._negative.__getitem__, common), b0 + sum(map(mul, w0, x)))
        l1 = sum(map(self._neutral.__getitem__, common), b1 + sum(map(mul, w1, x)))
        l2 = sum(map(self._positive.__getitem__, common), b2 + sum(map(mul, w2, x)))
        top = max(l0, l1, l2)
        e0, e1, e2 = exp(l0 - top), exp(l1 - top), exp(l2 - top)
        total = e0 + e1 + e2
        return e0 / total, e1 / total, e2 / total

    def sentiment(self, parts: Sequence[Part]) -> Sentiment:
        """The news model's :class:`~quotetrack.models.Sentiment` of a text's sentences."""
        return self.sentiment_of(*read(parts))

    def sentiment_of(self, x: Sequence[float], text_words: Iterable[str]) -> Sentiment:
        """The :class:`~quotetrack.models.Sentiment` for one feature vector and word set."""
        negative, neutral, positive = self.probabilities(x, text_words)
        return Sentiment(
            rounded(positive - negative, 4),
            rounded(positive, 3),
            rounded(neutral, 3),
            rounded(negative, 3),
            model=self.model,
        )


@functools.cache
def calibration() -> Calibration:
    """The shipped calibration, read once per process."""
    text = (
        resources.files("quotetrack")
        .joinpath("data", "news_sentiment_model.json")
        .read_text("utf-8")
    )
    return Calibration(json.loads(text))
