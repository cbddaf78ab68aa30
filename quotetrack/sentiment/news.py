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
import operator
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from itertools import compress
from typing import Any, Final, Protocol

from quotetrack.models import Sentiment
from quotetrack.sentiment.vader import (
    NEGATE_WORDS,
    Sums,
    clause_negations,
    context_words,
    is_booster,
    lexicon,
    normalize,
    pool,
    scored_words,
    sentence_sums,
)

__all__ = [
    "FEATURES",
    "Calibration",
    "Part",
    "PartsReader",
    "calibration",
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
_ANY_NEGATION: Final = _NEGATIONS | NEGATE_WORDS
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


class _Titles(dict[str, bool]):
    """:func:`_is_title` of each raw token, remembered (up to ``_TITLES_LIMIT`` tokens):
    a look-up reads no character of the token, and a news text repeats its tokens."""

    def __missing__(self, raw: str) -> bool:
        if len(self) >= _TITLES_LIMIT:
            self.clear()
        title = self[raw] = _is_title(raw)
        return title


_TITLES_LIMIT: Final = 100_000
_TITLES: Final = _Titles()


def name_positions(raw_tokens: Sequence[str]) -> set[int]:
    """The positions of the tokens that are part of a name (and so carry no sentiment).

    A capitalised word (not ALL CAPS) is part of a name when it does not start the
    sentence or a quotation, or when it starts a run of capitalised words ("Supreme
    Court ..."). Lowercase joiners inside such a run ("Department *of* Justice") are too.
    """
    title = set(compress(range(len(raw_tokens)), map(_TITLES.__getitem__, raw_tokens)))
    if not title:
        return title
    names: set[int] = set()
    for i in title:
        t = raw_tokens[i]
        opens = i == 0 or raw_tokens[i - 1].endswith(_OPENERS) or t.startswith(_OPENERS)
        if not opens or (i + 1 in title and not t.endswith((",", ";", ":"))):
            names.add(i)
    for i in list(names):
        if i + 2 in names and raw_tokens[i + 1].lower() in _NAME_JOINERS:
            names.add(i + 1)
    return names


def read(parts: Sequence[Part]) -> tuple[list[float], set[str]]:
    """The calibration model's inputs for a text cut into sentences.

    The numbers named by :data:`FEATURES`, and the text's distinct words as the
    calibration's word weights look them up: VADER's reading of each token (lowercased,
    outer punctuation stripped) outside names (:func:`name_positions`), written
    ``not_word`` after a negation in the same clause. Tokens without a letter ("2016",
    "--") are in the set too, but never in a vocabulary: training leaves them out.
    Linear in the text's length: each sentence is read twice, by VADER as it is and by
    the news reading (news lexicon, names masked, negation to the clause's end).
    """
    if not parts:
        return [0.0] * len(FEATURES), set()
    words, scored = news_lexicon()
    vader_words, vader_scored, changed, context = _vader_reading()
    news_sums: list[Sums] = []
    vader_sums: list[Sums] = []
    text_words: set[str] = set()
    n_words = 0
    negated = question = exclamation = 0.0
    same = True  # whether VADER read every sentence as the news reading did
    for raw_tokens, lowers, sentence in parts:
        n_words += len(raw_tokens)
        names = name_positions(raw_tokens)
        masked = lowers
        if names:
            masked = lowers.copy()
            for i in names:
                masked[i] = ""
        nt = "'" in sentence and "n't" in sentence.lower()
        negations = None
        # one look for both lists of negations in the common sentence that has none
        if nt or not _ANY_NEGATION.isdisjoint(lowers):
            if nt or not NEGATE_WORDS.isdisjoint(lowers):
                negations = clause_negations(raw_tokens, lowers)
            if nt or not _NEGATIONS.isdisjoint(lowers):
                negated = 1.0
        # Every token goes in: those without a letter are in no vocabulary (see read's doc).
        if negations is None:
            text_words.update(masked)
        else:
            text_words.update(
                ("not_" + w if negations[i] >= 0 else w) for i, w in enumerate(masked)
            )
        news = sentence_sums(raw_tokens, masked, sentence, words, scored, negations=negations)
        # VADER's own reading differs only where the news reading changed something it
        # reads: a re-valued word, a masked word VADER's rules look at, a wide negation.
        if (
            negations is None
            and changed.isdisjoint(lowers)
            and (not names or context.isdisjoint(map(lowers.__getitem__, names)))
        ):
            vader = news
        else:
            vader = sentence_sums(raw_tokens, lowers, sentence, vader_words, vader_scored)
            same = False
        if news is not None:
            news_sums.append(news)
        if vader is not None:
            vader_sums.append(vader)
        if "?" in sentence:
            question = 1.0
        if "!" in sentence:
            exclamation = 1.0
    news_total = pool(news_sums) if news_sums else _NO_SUMS
    news_compound = normalize(news_total.valence)
    if same:
        vader_compound = news_compound
    else:
        vader_compound = normalize(pool(vader_sums).valence if vader_sums else 0.0)
    positive, negative, neutral = news_total.positive, news_total.negative, news_total.neutral
    size = positive - negative + neutral or 1.0
    return [
        news_compound,
        vader_compound,
        positive / size,
        -negative / size,
        math.log1p(news_total.n_positive),
        math.log1p(news_total.n_negative),
        negated,
        question,
        exclamation,
        math.log1p(n_words),
    ], text_words


_NO_SUMS: Final = Sums(0.0, 0.0, 0.0, 0, 0, 0)


@functools.cache
def _vader_reading() -> tuple[dict[str, float], frozenset[str], frozenset[str], frozenset[str]]:
    """VADER's lexicon and scored words, the words the news lexicon changes, and every
    word VADER's rules look at: what :func:`read` needs to read a sentence as VADER does."""
    return lexicon(), scored_words(), _changed_words(), context_words()


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
        mul = operator.mul
        l0, l1, l2 = b0 + sum(map(mul, w0, x)), b1 + sum(map(mul, w1, x)), b2 + sum(map(mul, w2, x))
        vocabulary = self.words
        # a frozenset & a set iterates the smaller: the text's words, not the vocabulary
        for word in self._vocabulary.intersection(text_words):
            a, b, c = vocabulary[word]
            l0 += a
            l1 += b
            l2 += c
        top = max(l0, l1, l2)
        e0, e1, e2 = math.exp(l0 - top), math.exp(l1 - top), math.exp(l2 - top)
        total = e0 + e1 + e2
        return e0 / total, e1 / total, e2 / total

    def sentiment(self, parts: Sequence[Part]) -> Sentiment:
        """The news model's :class:`~quotetrack.models.Sentiment` of a text's sentences."""
        return self.sentiment_of(*read(parts))

    def sentiment_of(self, x: Sequence[float], text_words: Iterable[str]) -> Sentiment:
        """The :class:`~quotetrack.models.Sentiment` for one feature vector and word set."""
        negative, neutral, positive = self.probabilities(x, text_words)
        return Sentiment(
            round(positive - negative, 4),
            round(positive, 3),
            round(neutral, 3),
            round(negative, 3),
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
